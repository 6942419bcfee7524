import Foundation

/// A word-frequency model of Chinese text (a unigram language model), used to choose the
/// characters a byte slip lost: among the candidates the bytes allow, the one whose text
/// segments into the most probable sequence of known words wins (社?卡 → 社保卡).
///
/// Data: `Repair/phrases.txt` (82k words from jieba with frequencies, simplified script),
/// `Repair/supplement.txt` (punctuation and plan-document vocabulary) and `Repair/fold.txt`
/// (traditional → simplified characters, so traditional text is looked up too). Loaded on
/// the first damaged text unit only, into a `PackedWordTable` of each word's log probability:
/// weighing one run's candidates looks up tens of thousands of windows, each an integer key.
struct PhraseModel: Sendable {
    static let shared = PhraseModel()
    static let longestWord = PackedWordTable.longestWord

    /// log(frequency / total) of every known word: the supplement's over the phrase list's.
    private let wordScores: PackedWordTable
    /// Known words that do not pack into a key (a character outside the BMP): none today.
    private let unpackedWordScores: [[UInt32]: Double]
    /// Traditional → simplified, by scalar value from `foldBase` (0 where a scalar stays).
    private let fold: [UInt32]
    private let foldBase: UInt32
    /// Score of a character the lists do not know: possible, unlikely.
    let unknownCharacterScore: Double

    /// Whether some known word does not pack into a key (never with today's lists).
    var hasUnpackedWords: Bool { !unpackedWordScores.isEmpty }

    /// What the word table knows of the packed `key`.
    @inline(__always)
    func wordEntry(_ key: UInt64) -> PackedWordTable.Entry {
        wordScores.entry(for: key)
    }

    /// The best segmentation's log probability, and the length of the word covering each
    /// position in it (1 where a character stands alone).
    func segment(_ scalars: [Unicode.Scalar]) -> (logProbability: Double, coveringWordLength: [Int]) {
        let count = scalars.count
        var lengthEndingAt = [Int](repeating: 1, count: count + 1)
        let logProbability = lengthEndingAt.withUnsafeMutableBufferPointer { bestSegmentation(scalars, lengthEndingAt: $0) }
        var covering = [Int](repeating: 1, count: count)
        var end = count
        while end > 0 {
            let length = lengthEndingAt[end]
            for position in (end - length)..<end { covering[position] = length }
            end -= length
        }
        return (logProbability, covering)
    }

    /// The best segmentation's log probability alone: what weighing a candidate needs.
    func logProbability(of scalars: [Unicode.Scalar]) -> Double {
        withUnsafeTemporaryAllocation(of: Int.self, capacity: scalars.count + 1) { lengthEndingAt in
            lengthEndingAt.initialize(repeating: 1)
            return bestSegmentation(scalars, lengthEndingAt: lengthEndingAt)
        }
    }

    /// The best segmentation scores of the first `length` scalars of `scalars`, kept to weigh
    /// every window that opens with them; `earlier` (an opening of this one) is reused.
    func prefix(of scalars: [Unicode.Scalar], length: Int, after earlier: SegmentationPrefix? = nil) -> SegmentationPrefix {
        var best = [Double](repeating: -.infinity, count: length + 1)
        best[0] = 0
        let fixed = earlier.map { min($0.length, length) } ?? 0
        if let earlier, fixed > 0 { for index in 1...fixed { best[index] = earlier.best[index] } }
        best.withUnsafeMutableBufferPointer { best in
            withUnsafeTemporaryAllocation(of: Int.self, capacity: length + 1) { lengthEndingAt in
                extendSegmentation(scalars, count: length, best: best, fixed: fixed, lengthEndingAt: lengthEndingAt)
            }
        }
        return SegmentationPrefix(best: best)
    }

    /// `logProbability(of:)` of a window that opens with the scalars `prefix` was made of:
    /// only the words ending past the prefix are weighed again. The same sums in the same
    /// order, so the same result bit for bit.
    func logProbability(of scalars: [Unicode.Scalar], after prefix: SegmentationPrefix) -> Double {
        let count = scalars.count
        return withUnsafeTemporaryAllocation(of: Double.self, capacity: count + 1) { best in
            withUnsafeTemporaryAllocation(of: Int.self, capacity: count + 1) { lengthEndingAt in
                let fixed = min(prefix.length, count)
                prefix.best.withUnsafeBufferPointer { known in
                    for index in 0...fixed { best[index] = known[index] }
                }
                for index in (fixed + 1)..<(count + 1) { best[index] = -.infinity }
                extendSegmentation(scalars, count: count, best: best, fixed: fixed, lengthEndingAt: lengthEndingAt)
                return best[count]
            }
        }
    }

    /// Dynamic programming over word ends: the log probability of the best segmentation,
    /// with the length of its word ending at each position in `lengthEndingAt`.
    private func bestSegmentation(_ scalars: [Unicode.Scalar], lengthEndingAt: UnsafeMutableBufferPointer<Int>) -> Double {
        let count = scalars.count
        return withUnsafeTemporaryAllocation(of: Double.self, capacity: count + 1) { best in
            best.initialize(repeating: -.infinity)
            best[0] = 0
            extendSegmentation(scalars, count: count, best: best, fixed: 0, lengthEndingAt: lengthEndingAt)
            return best[count]
        }
    }

    /// The dynamic programming step over the first `count` scalars: `best[0...fixed]` are
    /// final (the best segmentation's score of each opening), the rest are -infinity; fills
    /// them in through `best[count]`, weighing only the words that end past `fixed`.
    private func extendSegmentation(
        _ scalars: [Unicode.Scalar], count: Int, best: UnsafeMutableBufferPointer<Double>, fixed: Int,
        lengthEndingAt: UnsafeMutableBufferPointer<Int>
    ) {
        // A word from `start` ends past `fixed` only if it starts less than a longest word before.
        let firstStart = max(0, fixed - Self.longestWord + 1)
        guard firstStart < count else { return }
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: count) { keys in
            scalars.withUnsafeBufferPointer { scalars in
                for index in firstStart..<count { keys[index] = folded(scalars[index]).value }
            }
            let hasUnpacked = !unpackedWordScores.isEmpty
            for start in firstStart..<count where best[start] > -.infinity {
                // The key grows by one character a length; once a character does not pack,
                // no longer word from `start` does either.
                var key: UInt64 = 0
                var packs = true
                for length in 1...min(Self.longestWord, count - start) {
                    if packs, let extended = PackedWordTable.key(key, appending: keys[start + length - 1], at: length - 1) {
                        key = extended
                    } else {
                        packs = false
                    }
                    let known: Double?
                    // Past a key no longer word opens with, there is nothing more to weigh
                    // (single characters and words that do not pack are not marked: every
                    // length after them is weighed).
                    let opensLongerWord: Bool
                    if packs {
                        let entry = wordScores.entry(for: key)
                        known = entry.value
                        opensLongerWord = entry.opensLongerWord || length == 1 || hasUnpacked
                    } else {
                        known = hasUnpacked ? unpackedScore(Array(keys[start..<(start + length)])) : nil
                        opensLongerWord = hasUnpacked
                    }
                    if start + length > fixed, let word = known ?? (length == 1 ? unknownCharacterScore : nil) {
                        let score = word + best[start]
                        if score > best[start + length] {
                            best[start + length] = score
                            lengthEndingAt[start + length] = length
                        }
                    }
                    if !opensLongerWord { break }
                }
            }
        }
    }

    private func unpackedScore(_ word: [UInt32]) -> Double? {
        unpackedWordScores.isEmpty ? nil : unpackedWordScores[Array(word)]
    }

    /// The character under which `scalar` is looked up: simplified, and ASCII punctuation as
    /// the full-width form pages replaced (`,` → `，`).
    @inline(__always)
    func folded(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        let offset = scalar.value &- foldBase
        if offset < UInt32(fold.count), fold[Int(offset)] != 0 { return Unicode.Scalar(fold[Int(offset)])! }
        if scalar.value >= 0x21, scalar.value <= 0x2F || (0x3A...0x40).contains(scalar.value) {
            return Unicode.Scalar(scalar.value + 0xFEE0) ?? scalar
        }
        return scalar
    }

    /// Whether `first` and `second` (both folded) make a known word of two characters.
    func isWord(_ first: Unicode.Scalar, _ second: Unicode.Scalar) -> Bool {
        // Called for every pair of candidates of two adjacent lost characters: no array per call.
        if let key = PackedWordTable.key(0, appending: first.value, at: 0)
            .flatMap({ PackedWordTable.key($0, appending: second.value, at: 1) })
        {
            return wordScores.value(for: key) != nil
        }
        return unpackedScore([first.value, second.value]) != nil
    }

    /// Every pair of a first and a last candidate whose folded characters make a known word
    /// of two characters (`isWord`), first by first, each in its list's order: a hundred
    /// candidates on each side, so each is folded and packed once, not once a pair.
    func wordPairs(_ firsts: [Unicode.Scalar], _ lasts: [Unicode.Scalar]) -> [(Unicode.Scalar, Unicode.Scalar)] {
        // A last character's part of the key (second place), nil when it does not pack.
        let lastKeys = lasts.map { PackedWordTable.key(0, appending: folded($0).value, at: 1) }
        var pairs: [(Unicode.Scalar, Unicode.Scalar)] = []
        for first in firsts {
            let folded = folded(first)
            let firstKey = PackedWordTable.key(0, appending: folded.value, at: 0)
            for (index, lastKey) in lastKeys.enumerated() {
                let isWord =
                    if let firstKey, let lastKey {
                        wordScores.value(for: firstKey | lastKey) != nil
                    } else {
                        isWord(folded, self.folded(lasts[index]))
                    }
                if isWord { pairs.append((first, lasts[index])) }
            }
        }
        return pairs
    }

    private init() {
        // Each list as (word, frequency) byte ranges: "word frequency" a line.
        let phrases = EmbeddedResources.file(named: "Repair/phrases.txt") ?? ""
        let supplementLines = Self.lines(of: EmbeddedResources.file(named: "Repair/supplement.txt"))
            .filter { !$0.hasPrefix("#") && $0.split(separator: " ").count == 2 }
            .map { Array($0.utf8) + [0x0A] }
        let supplement = Array(supplementLines.joined())

        let lineCount = phrases.withUTF8Buffer(Self.lineBreakCount) + supplementLines.count + 1
        var scores = PackedWordTable(capacity: lineCount)
        var unpacked: [[UInt32]: Double] = [:]
        var total = 0
        phrases.withUTF8Buffer { Self.addEntries(in: $0, to: &scores, unpacked: &unpacked, total: &total) }
        // The supplement is looked up first: its frequencies replace the phrase list's.
        var supplementTotal = 0
        supplement.withUnsafeBufferPointer {
            Self.addEntries(in: $0, to: &scores, unpacked: &unpacked, total: &supplementTotal)
        }
        // log of the total frequency: probabilities are frequency / total.
        let logTotal = log(Double(max(total, 1)))
        scores.transformValues { log($0) - logTotal }
        wordScores = scores
        unpackedWordScores = unpacked.mapValues { log($0) - logTotal }
        unknownCharacterScore = log(0.5) - logTotal

        var pairs: [(UInt32, UInt32)] = []
        EmbeddedResources.file(named: "Repair/fold.txt")?.withUTF8Buffer { Self.forEachFoldPair(in: $0) { pairs.append(($0, $1)) } }
        let base = pairs.map(\.0).min() ?? 0
        var fold = [UInt32](repeating: 0, count: Int((pairs.map(\.0).max() ?? base) - base) + 1)
        // A repeated key keeps its last line, as a dictionary filled line by line would.
        for (traditional, simplified) in pairs { fold[Int(traditional - base)] = simplified }
        self.fold = fold
        foldBase = base
    }

    /// LF bytes in `buffer`, counted eight at a time (each LF marks its byte's high bit).
    private static func lineBreakCount(_ buffer: UnsafeBufferPointer<UInt8>) -> Int {
        guard let base = buffer.baseAddress else { return 0 }
        let raw = UnsafeRawPointer(base)
        let low: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        var count = 0
        var index = 0
        while index + 8 <= buffer.count {
            let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) ^ 0x0A0A_0A0A_0A0A_0A0A
            // High bit set exactly in the bytes of `word` that are zero.
            let zeros = ~(((word & low) &+ low) | word | low)
            count &+= zeros.nonzeroBitCount
            index += 8
        }
        while index < buffer.count {
            if buffer[index] == 0x0A { count &+= 1 }
            index += 1
        }
        return count
    }

    /// Adds the frequency of each "word frequency" line to `table` under its word's packed
    /// key (to `unpacked` when it does not pack), and to `total`. Through `inout`, not a
    /// closure capturing the tables: 82k entries each paid two exclusivity checks.
    private static func addEntries(
        in buffer: UnsafeBufferPointer<UInt8>, to table: inout PackedWordTable, unpacked: inout [[UInt32]: Double],
        total: inout Int
    ) {
        let count = buffer.count
        var index = 0
        while index < count {
            // The word: UTF-8 up to the space (the lists are UTF-8 as embedded), packed as it goes.
            let start = index
            var key: UInt64 = 0
            var packs = true
            var position = 0
            while index < count {
                let lead = buffer[index]
                if lead == 0x20 || lead == 0x0A { break }
                let value: UInt32
                let length: Int
                if lead < 0x80 {
                    value = UInt32(lead)
                    length = 1
                } else if lead < 0xE0, index + 1 < count {
                    value = (UInt32(lead) & 0x1F) << 6 | UInt32(buffer[index + 1] & 0x3F)
                    length = 2
                } else if lead < 0xF0, index + 2 < count {
                    value = (UInt32(lead) & 0x0F) << 12 | UInt32(buffer[index + 1] & 0x3F) << 6
                        | UInt32(buffer[index + 2] & 0x3F)
                    length = 3
                } else {
                    // Four bytes (or a sequence cut off by the end): never packs.
                    value = 0x11_0000
                    length = lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
                }
                if packs, let extended = PackedWordTable.key(key, appending: value, at: position) {
                    key = extended
                } else {
                    packs = false
                }
                position += 1
                index += length
            }
            let word = UnsafeBufferPointer(rebasing: buffer[start..<min(index, count)])
            // The frequency: the digits after the space.
            var frequency = 0
            if index < count, buffer[index] == 0x20 {
                index += 1
                while index < count, buffer[index] >= 0x30, buffer[index] <= 0x39 {
                    frequency = frequency * 10 + Int(buffer[index] - 0x30)
                    index += 1
                }
            }
            while index < count, buffer[index] != 0x0A { index += 1 }
            index += 1
            guard position > 0 else { continue }
            total += frequency
            if packs {
                table.set(Double(frequency), for: key)
                // Each shorter opening of two characters or more (16 bits a character, the
                // first lowest): nearly every character opens some word, so single ones are not marked.
                for opening in Swift.min(2, position)..<position {
                    table.markOpening(key & (UInt64(1) << UInt64(16 * opening) - 1))
                }
            } else {
                unpacked[String(decoding: word, as: UTF8.self).unicodeScalars.map(\.value)] = Double(frequency)
            }
        }
    }

    /// Calls `body` with the two scalars of each "traditional simplified" line of the fold
    /// list: lines of exactly three scalars, the middle one a space.
    private static func forEachFoldPair(in buffer: UnsafeBufferPointer<UInt8>, _ body: (UInt32, UInt32) -> Void) {
        var lineStart = 0
        while lineStart < buffer.count {
            var lineEnd = lineStart
            while lineEnd < buffer.count, buffer[lineEnd] != 0x0A { lineEnd += 1 }
            defer { lineStart = lineEnd + 1 }
            var scalars: (UInt32, UInt32, UInt32) = (0, 0, 0)
            var scalarCount = 0
            var index = lineStart
            while index < lineEnd, scalarCount <= 3 {
                let scalar = UTF8Scalar.decode(UnsafeBufferPointer(rebasing: buffer[..<lineEnd]), at: index)
                switch scalarCount {
                case 0: scalars.0 = scalar.value
                case 1: scalars.1 = scalar.value
                case 2: scalars.2 = scalar.value
                default: break
                }
                scalarCount += 1
                index += scalar.length
            }
            if scalarCount == 3, scalars.1 == 0x20 { body(scalars.0, scalars.2) }
        }
    }

    private static func lines(of resource: StaticString?) -> [Substring] {
        guard let resource else { return [] }
        return resource.description.split(separator: "\n")
    }
}
