/// A window of text with one open place, weighed for many candidates in that place: what
/// choosing a lost character does, a hundred candidates to a window.
///
/// `PhraseModel.logProbability(of:after:)` looks every possible word of the window up again for
/// each candidate, yet only the words that cover the open place depend on it. The rest (their
/// scores, and where a search for longer words stops) are looked up once, here; a candidate then
/// costs the few lookups of the words through its place and the dynamic programming over the
/// kept scores. The same words, weighed in the same order with the same sums: the result is
/// `logProbability(of: window with the candidate, after: prefix)` bit for bit.
struct HoleWindow {
    private let count: Int
    private let hole: Int
    /// Positions up to `fixed` are final in the prefix; words are weighed from `firstStart`.
    private let fixed: Int
    private let firstStart: Int
    /// `best[0...fixed]` of the prefix.
    private let opening: [Double]
    /// Folded scalar values of the window from `firstStart` (the hole's own is unused).
    private let keys: [UInt32]
    /// What is known of the words from each start, from `firstStart`.
    private let starts: [Start]

    /// The words from one start that are weighed (a word, ending past `fixed`), as bits by
    /// length (bit 0: one character) with their scores; and, when the search for longer words
    /// from here reaches the hole, the key of the characters before it.
    private struct Start {
        var scores: (Double, Double, Double, Double) = (0, 0, 0, 0)
        var weighed: UInt8 = 0
        var reachesHole = false
        var keyBeforeHole: UInt64 = 0

        @inline(__always)
        mutating func weigh(_ score: Double, length: Int) {
            switch length {
            case 1: scores.0 = score
            case 2: scores.1 = score
            case 3: scores.2 = score
            default: scores.3 = score
            }
            weighed |= 1 << UInt8(truncatingIfNeeded: length - 1)
        }
    }

    init(_ window: [Unicode.Scalar], hole: Int, after prefix: SegmentationPrefix, model: PhraseModel) {
        precondition(!model.hasUnpackedWords, "HoleWindow packs every word")
        count = window.count
        self.hole = hole
        fixed = min(prefix.length, count)
        firstStart = max(0, fixed - PhraseModel.longestWord + 1)
        opening = Array(prefix.best[0...fixed])
        let startCount = max(0, count - firstStart)
        var keys = [UInt32](repeating: 0, count: startCount)
        for index in 0..<startCount { keys[index] = model.folded(window[firstStart + index]).value }
        var starts = [Start](repeating: Start(), count: startCount)
        for row in 0..<startCount {
            let start = firstStart + row
            var key: UInt64 = 0
            for length in 1...min(PhraseModel.longestWord, count - start) {
                if start + length - 1 == hole {
                    starts[row].reachesHole = true
                    starts[row].keyBeforeHole = key
                    break
                }
                guard let extended = PackedWordTable.key(key, appending: keys[row + length - 1], at: length - 1) else {
                    // Not packing: an unknown single character at most, and nothing longer.
                    if length == 1, start + length > fixed { starts[row].weigh(model.unknownCharacterScore, length: 1) }
                    break
                }
                key = extended
                let entry = model.wordEntry(key)
                if start + length > fixed, let word = entry.value ?? (length == 1 ? model.unknownCharacterScore : nil) {
                    starts[row].weigh(word, length: length)
                }
                if !entry.opensLongerWord && length > 1 { break }
            }
        }
        self.keys = keys
        self.starts = starts
    }

    /// The window's best segmentation with `candidate` in the open place.
    func logProbability(with candidate: Unicode.Scalar, model: PhraseModel) -> Double {
        let candidateKey = model.folded(candidate).value
        return withUnsafeTemporaryAllocation(of: Double.self, capacity: count + 1) { best in
            for index in 0...fixed { best[index] = opening[index] }
            for index in (fixed + 1)..<(count + 1) { best[index] = -.infinity }
            starts.withUnsafeBufferPointer { starts in
                keys.withUnsafeBufferPointer { keys in
                    for row in 0..<starts.count {
                        let start = firstStart &+ row
                        let base = best[start]
                        guard base > -.infinity else { continue }
                        var words = starts[row]
                        if words.reachesHole { addHoleWords(from: start, to: &words, candidateKey: candidateKey, keys: keys, model: model) }
                        // Lengths in order, as the search for words from `start` weighs them.
                        let weighed = words.weighed
                        if weighed & 1 != 0 {
                            let score = words.scores.0 + base
                            if score > best[start &+ 1] { best[start &+ 1] = score }
                        }
                        if weighed & 2 != 0 {
                            let score = words.scores.1 + base
                            if score > best[start &+ 2] { best[start &+ 2] = score }
                        }
                        if weighed & 4 != 0 {
                            let score = words.scores.2 + base
                            if score > best[start &+ 3] { best[start &+ 3] = score }
                        }
                        if weighed & 8 != 0 {
                            let score = words.scores.3 + base
                            if score > best[start &+ 4] { best[start &+ 4] = score }
                        }
                    }
                }
            }
            return best[count]
        }
    }

    /// Adds the words from `start` through the hole and past it, as the search for longer
    /// words finds them.
    @inline(__always)
    private func addHoleWords(
        from start: Int, to words: inout Start, candidateKey: UInt32, keys: UnsafeBufferPointer<UInt32>, model: PhraseModel
    ) {
        let row = start - firstStart
        var key = words.keyBeforeHole
        for length in (hole - start + 1)...min(PhraseModel.longestWord, count - start) {
            let value = start + length - 1 == hole ? candidateKey : keys[row + length - 1]
            guard let extended = PackedWordTable.key(key, appending: value, at: length - 1) else {
                if length == 1, start + length > fixed { words.weigh(model.unknownCharacterScore, length: 1) }
                break
            }
            key = extended
            let entry = model.wordEntry(key)
            if start + length > fixed, let word = entry.value ?? (length == 1 ? model.unknownCharacterScore : nil) {
                words.weigh(word, length: length)
            }
            if !entry.opensLongerWord && length > 1 { break }
        }
    }
}
