import Foundation

/// What a repair knows about its whole text unit: the script it is written in, and the
/// character pairs its clean text uses. Text repeats itself — a list of units repeats 局、,
/// a paragraph repeats its key terms — so a candidate that forms a pair seen elsewhere in the
/// unit is likelier (a small cache model on top of the phrase list).
struct RepairContext: Sendable {
    let script: UnitScript
    /// Keys of the pairs (first character's value above the second's).
    private let pairs: PackedKeySet

    /// Weight of each pair a candidate shares with the rest of the unit.
    static let sharedPairBonus = log(8.0)
    /// Context the readings of one run are compared in.
    static let contextLength = 6

    init(text: [Unicode.Scalar]) {
        let model = PhraseModel.shared
        var pairs = PackedKeySet(capacity: text.count)
        var tally = UnitScript.Tally()
        var previous: Unicode.Scalar?
        // One pass for the script and the pairs: each character's two ranks are read once.
        for scalar in text {
            let ranks = tally.count(scalar)
            // Debris (private use, rare characters, ASCII) would pair with anything
            // (`CharacterKinds.isCommon`, from the ranks just read).
            guard ranks.simplified || ranks.traditional || CharacterKinds.isPunctuation(scalar) else {
                previous = nil
                continue
            }
            let folded = model.folded(scalar)
            if let previous { pairs.insert(Self.key(previous, folded)) }
            previous = folded
        }
        self.pairs = pairs
        script = tally.script
    }

    /// Bonus for the character at `position` of `window` forming pairs seen in the unit.
    /// `model` is `PhraseModel.shared`, passed in: reading the shared one copies it (a
    /// retain and release of each of its tables), a hundred candidates a run.
    func sharedPairScore(at position: Int, in window: [Unicode.Scalar], model: PhraseModel) -> Double {
        let character = model.folded(window[position])
        var shared = 0
        if position > 0, pairs.contains(Self.key(model.folded(window[position - 1]), character)) { shared += 1 }
        if position + 1 < window.count, pairs.contains(Self.key(character, model.folded(window[position + 1]))) {
            shared += 1
        }
        return Double(shared) * Self.sharedPairBonus
    }

    /// How probable the unit reads with `run` repaired, over the window from a little before
    /// the run to a little after `end` (the end of the longest reading being compared).
    static func score(of run: ByteSlipRun, in text: [Unicode.Scalar], through end: Int) -> Double {
        var start = run.range.lowerBound
        while start > 0, run.range.lowerBound - start < Self.contextLength, text[start - 1] != "\n" { start -= 1 }
        var stop = end
        while stop < text.count, stop - end < Self.contextLength, text[stop] != "\n" { stop += 1 }
        let window = Array(text[start..<run.range.lowerBound]) + run.replacement + Array(text[run.range.upperBound..<stop])
        return PhraseModel.shared.logProbability(of: window)
    }

    private static func key(_ first: Unicode.Scalar, _ second: Unicode.Scalar) -> UInt64 {
        UInt64(first.value) << 32 | UInt64(second.value)
    }
}
