import Foundation

/// A word-frequency model of Chinese text (a unigram language model), used to choose the
/// characters a byte slip lost: among the candidates the bytes allow, the one whose text
/// segments into the most probable sequence of known words wins (社?卡 → 社保卡).
///
/// Data: `Repair/phrases.txt` (82k words from jieba with frequencies, simplified script,
/// sorted by UTF-8 bytes and binary-searched in place: no parsing into a dictionary),
/// `Repair/supplement.txt` (punctuation and plan-document vocabulary) and `Repair/fold.txt`
/// (traditional → simplified characters, so traditional text is looked up too). Loaded on
/// the first damaged text unit only.
struct PhraseModel: Sendable {
    static let shared = PhraseModel()
    static let longestWord = 4

    private let phrases: StaticString
    /// Byte offset of each line of `phrases`.
    private let lineStarts: [Int32]
    /// The supplement in the phrase list's own form: sorted lines in one byte buffer.
    private let supplementBytes: [UInt8]
    private let supplementLineStarts: [Int32]
    private let fold: [UInt32: Unicode.Scalar]
    /// log of the total frequency: probabilities are frequency / total.
    private let logTotal: Double

    /// Word frequencies already looked up while weighing one run's candidates: their windows
    /// overlap almost entirely, so most lookups repeat.
    struct LookupCache {
        fileprivate var frequencies: [UInt64: Int32] = [:]
    }

    /// The best segmentation's log probability, and the length of the word covering each
    /// position in it (1 where a character stands alone).
    func segment(_ scalars: [Unicode.Scalar]) -> (logProbability: Double, coveringWordLength: [Int]) {
        var cache = LookupCache()
        return segment(scalars, cache: &cache)
    }

    func segment(
        _ scalars: [Unicode.Scalar], cache: inout LookupCache
    ) -> (logProbability: Double, coveringWordLength: [Int]) {
        let keys = scalars.map(folded)
        let count = keys.count
        var best = [Double](repeating: -.infinity, count: count + 1)
        var lengthEndingAt = [Int](repeating: 1, count: count + 1)
        best[0] = 0
        for start in 0..<count where best[start] > -.infinity {
            for length in 1...Self.longestWord where start + length <= count {
                var score: Double
                if let frequency = frequency(of: keys[start..<(start + length)], cache: &cache) {
                    score = log(Double(frequency)) - logTotal
                } else if length == 1 {
                    score = log(0.5) - logTotal  // an unknown character: possible, unlikely
                } else {
                    continue
                }
                score += best[start]
                if score > best[start + length] {
                    best[start + length] = score
                    lengthEndingAt[start + length] = length
                }
            }
        }
        var covering = [Int](repeating: 1, count: count)
        var end = count
        while end > 0 {
            let length = lengthEndingAt[end]
            for position in (end - length)..<end { covering[position] = length }
            end -= length
        }
        return (best[count], covering)
    }

    private func frequency(of word: ArraySlice<Unicode.Scalar>, cache: inout LookupCache) -> Int? {
        // Up to four BMP characters pack into one key (no scalar is 0, so lengths differ).
        var key: UInt64 = 0
        var packable = true
        for (shift, scalar) in zip(stride(from: 0, to: 64, by: 16), word) {
            guard scalar.value > 0, scalar.value <= 0xFFFF else {
                packable = false
                break
            }
            key |= UInt64(scalar.value) << UInt64(shift)
        }
        guard packable else { return frequency(of: word) }
        if let known = cache.frequencies[key] { return known < 0 ? nil : Int(known) }
        let found = frequency(of: word)
        cache.frequencies[key] = found.map { Int32(clamping: $0) } ?? -1
        return found
    }

    /// The character under which `scalar` is looked up: simplified, and ASCII punctuation as
    /// the full-width form pages replaced (`,` → `，`).
    func folded(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        if let simplified = fold[scalar.value] { return simplified }
        if scalar.value >= 0x21, scalar.value <= 0x2F || (0x3A...0x40).contains(scalar.value) {
            return Unicode.Scalar(scalar.value + 0xFEE0) ?? scalar
        }
        return scalar
    }

    /// Frequency of an already folded word, from the supplement or the phrase list. The key
    /// is built in a stack buffer: this runs tens of thousands of times per damaged run.
    private func frequency(of word: ArraySlice<Unicode.Scalar>) -> Int? {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: word.count * 4) { buffer in
            var count = 0
            for scalar in word {
                for byte in UTF8.encode(scalar)! {
                    buffer[count] = byte
                    count += 1
                }
            }
            let key = UnsafeBufferPointer(rebasing: buffer[..<count])
            if let frequency = supplementBytes.withUnsafeBufferPointer({
                Self.lookUp(key, in: $0, lines: supplementLineStarts)
            }) {
                return frequency
            }
            return phrases.withUTF8Buffer { Self.lookUp(key, in: $0, lines: lineStarts) }
        }
    }

    /// Words of two characters that start with `first` (folded), by their second character.
    func secondCharacters(after first: Unicode.Scalar) -> Set<Unicode.Scalar> {
        let prefix = Array(String(folded(first)).utf8)
        var found: Set<Unicode.Scalar> = []
        supplementBytes.withUnsafeBufferPointer {
            Self.collectSecondCharacters(prefix, in: $0, lines: supplementLineStarts, into: &found)
        }
        phrases.withUTF8Buffer { Self.collectSecondCharacters(prefix, in: $0, lines: lineStarts, into: &found) }
        return found
    }

    private static func collectSecondCharacters(
        _ prefix: [UInt8], in buffer: UnsafeBufferPointer<UInt8>, lines: [Int32], into found: inout Set<Unicode.Scalar>
    ) {
        // Lower bound of the prefix, then every line that starts with it.
        var low = 0
        var high = lines.count
        while low < high {
            let middle = (low + high) / 2
            if word(at: Int(lines[middle]), in: buffer).lexicographicallyPrecedes(prefix) { low = middle + 1 } else { high = middle }
        }
        while low < lines.count {
            let candidate = word(at: Int(lines[low]), in: buffer)
            guard candidate.starts(with: prefix) else { break }
            // Two characters = the prefix plus exactly one more UTF-8 sequence.
            let tail = UnsafeBufferPointer(rebasing: candidate[(candidate.startIndex + prefix.count)...])
            if let lead = tail.first, tail.count == sequenceLength(lead),
                let second = String(decoding: tail, as: UTF8.self).unicodeScalars.first
            {
                found.insert(second)
            }
            low += 1
        }
    }

    private static func sequenceLength(_ lead: UInt8) -> Int {
        lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
    }

    private static func word(at start: Int, in buffer: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        var end = start
        while end < buffer.count, buffer[end] != 0x20, buffer[end] != 0x0A { end += 1 }
        return UnsafeBufferPointer(rebasing: buffer[start..<end])
    }

    /// Binary search over sorted "word frequency" lines.
    private static func lookUp(
        _ key: UnsafeBufferPointer<UInt8>, in buffer: UnsafeBufferPointer<UInt8>, lines: [Int32]
    ) -> Int? {
        var low = 0
        var high = lines.count
        while low < high {
            let middle = (low + high) / 2
            let candidate = word(at: Int(lines[middle]), in: buffer)
            if candidate.elementsEqual(key) {
                var value = 0
                var digit = Int(lines[middle]) + candidate.count + 1
                while digit < buffer.count, buffer[digit] >= 0x30, buffer[digit] <= 0x39 {
                    value = value * 10 + Int(buffer[digit] - 0x30)
                    digit += 1
                }
                return value
            }
            if candidate.lexicographicallyPrecedes(key) { low = middle + 1 } else { high = middle }
        }
        return nil
    }

    private init() {
        phrases = EmbeddedResources.file(named: "Repair/phrases.txt") ?? ""
        var starts: [Int32] = []
        var total = 0
        phrases.withUTF8Buffer { buffer in
            var lineStart = 0
            for (index, byte) in buffer.enumerated() where byte == 0x0A {
                if index > lineStart {
                    starts.append(Int32(lineStart))
                    total += Self.trailingNumber(buffer[lineStart..<index])
                }
                lineStart = index + 1
            }
            if lineStart < buffer.count {
                starts.append(Int32(lineStart))
                total += Self.trailingNumber(buffer[lineStart...])
            }
        }
        lineStarts = starts
        logTotal = log(Double(max(total, 1)))

        let supplementLines = Self.lines(of: EmbeddedResources.file(named: "Repair/supplement.txt"))
            .filter { !$0.hasPrefix("#") && $0.split(separator: " ").count == 2 }
            .map { Array($0.utf8) }
            .sorted { $0.split(separator: 0x20)[0].lexicographicallyPrecedes($1.split(separator: 0x20)[0]) }
        var supplementBytes: [UInt8] = []
        var supplementStarts: [Int32] = []
        for line in supplementLines {
            supplementStarts.append(Int32(supplementBytes.count))
            supplementBytes += line + [0x0A]
        }
        self.supplementBytes = supplementBytes
        supplementLineStarts = supplementStarts

        var fold: [UInt32: Unicode.Scalar] = [:]
        for line in Self.lines(of: EmbeddedResources.file(named: "Repair/fold.txt")) {
            let scalars = Array(line.unicodeScalars)
            if scalars.count == 3, scalars[1] == " " { fold[scalars[0].value] = scalars[2] }
        }
        self.fold = fold
    }

    private static func lines(of resource: StaticString?) -> [Substring] {
        guard let resource else { return [] }
        return resource.description.split(separator: "\n")
    }

    private static func trailingNumber(_ line: Slice<UnsafeBufferPointer<UInt8>>) -> Int {
        guard let space = line.lastIndex(of: 0x20) else { return 0 }
        var value = 0
        for byte in line[(space + 1)...] where byte >= 0x30 && byte <= 0x39 { value = value * 10 + Int(byte - 0x30) }
        return value
    }
}
