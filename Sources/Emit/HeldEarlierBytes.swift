/// The bytes of a last run's output file that this run's file repeats so far, in order from
/// `start` (past any header both write): held back, not written, while each addition continues
/// them; written out once one does not; and the earlier file linked into place instead when they
/// turn out to be all of it (a run where nothing changed). Shared by the records and CSV writers.
struct HeldEarlierBytes {
    let path: String
    let file: BackingFile
    private let start: Int
    /// Where the held bytes end; nil once something else was written.
    private var end: Int?

    init(path: String, file: BackingFile, start: Int = 0) {
        self.path = path
        self.file = file
        self.start = start
        end = start
    }

    /// Takes `range` of the earlier file as the next bytes, if it continues those held (then there
    /// is nothing to write); false once holding has stopped or it does not.
    mutating func extend(with range: Range<Int>?) -> Bool {
        guard let held = end, let range, range.lowerBound == held else { return false }
        end = range.upperBound
        return true
    }

    /// Writes the held bytes to `output` (named `outputPath` in a read-back failure) and stops holding.
    mutating func release(into output: AtomicFile?, outputPath: String) throws(EmitError) {
        if let held = end, held > start, let output {
            try file.forEachBlock(in: start..<held, path: outputPath) { block throws(EmitError) in try output.write(block) }
        }
        end = nil
    }

    /// Whether the held bytes are the whole earlier file (and it holds any).
    var areTheWholeFile: Bool { end == file.count && file.count > 0 }
}
