/// One OpenCC dictionary group compiled for forward maximum matching over UTF-8 bytes.
///
/// OpenCC's group policy (`short_circuit`): at each position, the dictionaries are asked in order
/// and the first one that has *any* key there wins with its longest key. That is the same as
/// trying, in order, every key that starts with the scalar at hand, sorted by dictionary and then
/// by length (longest first), and taking the first key the text continues with. So each possible
/// first scalar gets one `StartRule`: its multi-scalar keys in that order, then, if some
/// dictionary has the scalar alone as a key, a default that always matches (keys after it could
/// never win and are dropped). Most scalars of a character dictionary have no phrase at all, and
/// cost a table lookup and a byte copy.
struct PhraseMatcher: Sendable {
    /// Names of the dictionaries, in group order (for tests and diagnostics).
    let dictionaryNames: [String]
    /// Scalar → index + 1 into `rules` (0: no key starts with this scalar).
    private let starts: ScalarTable
    private let rules: [StartRule]
    private let candidates: [Candidate]
    /// Keys' remaining bytes and values, referenced by offset.
    private let bytes: [UInt8]

    struct StartRule {
        var firstCandidate: UInt32
        var candidateCount: UInt32
        var defaultValueOffset: UInt32
        var defaultValueLength: UInt16
        var hasDefault: Bool
        /// The default maps the scalar to itself: a match, but nothing to write.
        var defaultIsIdentity: Bool
    }

    struct Candidate {
        /// Bytes of the key after its first scalar.
        var restOffset: UInt32
        var restLength: UInt16
        var valueOffset: UInt32
        var valueLength: UInt16
        var isIdentity: Bool
    }

    init(dictionaries: [OpenCCDictionary]) {
        dictionaryNames = dictionaries.map(\.name)
        var bytes: [UInt8] = []
        func store(_ part: ArraySlice<UInt8>) -> UInt32 {
            let offset = UInt32(bytes.count)
            bytes.append(contentsOf: part)
            return offset
        }

        // Keys grouped by first scalar, in (dictionary, length descending) order.
        var keysByStart: [UInt32: [OpenCCDictionary.Entry]] = [:]
        var startOrder: [UInt32] = []
        for dictionary in dictionaries {
            var perStart: [UInt32: [OpenCCDictionary.Entry]] = [:]
            for entry in dictionary.entries {
                let first = entry.key.withUnsafeBufferPointer { UTF8Scalar.decode($0, at: 0) }
                perStart[first.value, default: []].append(entry)
            }
            for (start, entries) in perStart.sorted(by: { $0.key < $1.key }) {
                if keysByStart[start] == nil { startOrder.append(start) }
                keysByStart[start, default: []]
                    .append(contentsOf: entries.sorted { $0.key.count > $1.key.count })
            }
        }

        var starts = ScalarTable()
        var rules: [StartRule] = []
        var candidates: [Candidate] = []
        for start in startOrder {
            var rule = StartRule(
                firstCandidate: UInt32(candidates.count), candidateCount: 0,
                defaultValueOffset: 0, defaultValueLength: 0, hasDefault: false, defaultIsIdentity: false)
            for entry in keysByStart[start]! {
                let firstLength = entry.key.withUnsafeBufferPointer { UTF8Scalar.decode($0, at: 0).length }
                let isIdentity = entry.key == entry.value
                if entry.key.count == firstLength {
                    rule.defaultValueOffset = store(entry.value[...])
                    rule.defaultValueLength = UInt16(entry.value.count)
                    rule.defaultIsIdentity = isIdentity
                    rule.hasDefault = true
                    break
                }
                candidates.append(Candidate(
                    restOffset: store(entry.key[firstLength...]), restLength: UInt16(entry.key.count - firstLength),
                    valueOffset: store(entry.value[...]), valueLength: UInt16(entry.value.count),
                    isIdentity: isIdentity))
                rule.candidateCount += 1
            }
            rules.append(rule)
            starts[start] = UInt32(rules.count)
        }
        self.starts = starts
        self.rules = rules
        self.candidates = candidates
        self.bytes = bytes
    }

    init(dictionaryNames: [String]) {
        self.init(dictionaries: dictionaryNames.map(OpenCCDictionary.init(named:)))
    }

    /// Whether any key of the group starts with `scalar`.
    func startsKey(_ scalar: Unicode.Scalar) -> Bool {
        starts[scalar.value] != 0
    }

    /// Runs `body` with an unsafe, allocation-free view of the tables, for the conversion loops.
    func withView<Result>(_ body: (View) throws -> Result) rethrows -> Result {
        try starts.withLookup { starts in
            try rules.withUnsafeBufferPointer { rules in
                try candidates.withUnsafeBufferPointer { candidates in
                    try bytes.withUnsafeBufferPointer { bytes in
                        try body(View(starts: starts, rules: rules, candidates: candidates, bytes: bytes))
                    }
                }
            }
        }
    }

    /// The matcher's tables as raw buffers; valid only inside `withView`.
    struct View {
        let starts: ScalarTable.Lookup
        let rules: UnsafeBufferPointer<StartRule>
        let candidates: UnsafeBufferPointer<Candidate>
        let bytes: UnsafeBufferPointer<UInt8>

        /// The key matched at `index` of `source`, as the byte length it covers and its value.
        struct Match {
            var length: Int
            var valueOffset: Int
            var valueLength: Int
            var isIdentity: Bool
        }

        /// OpenCC's match at `index` (nil when no key of the group starts there). Keys never
        /// extend past `source.count`, which is how a segment bounds the conversion chain.
        @inline(__always)
        func match(in source: UnsafeBufferPointer<UInt8>, at index: Int, first: UTF8Scalar) -> Match? {
            let ruleNumber = starts[first.value]
            if ruleNumber == 0 { return nil }
            let rule = rules[Int(truncatingIfNeeded: ruleNumber) - 1]
            let restStart = index + first.length
            var candidateIndex = Int(truncatingIfNeeded: rule.firstCandidate)
            let candidateEnd = candidateIndex + Int(truncatingIfNeeded: rule.candidateCount)
            while candidateIndex < candidateEnd {
                let candidate = candidates[candidateIndex]
                candidateIndex += 1
                let restLength = Int(truncatingIfNeeded: candidate.restLength)
                guard restStart + restLength <= source.count else { continue }
                let restOffset = Int(truncatingIfNeeded: candidate.restOffset)
                var offset = 0
                while offset < restLength && source[restStart + offset] == bytes[restOffset + offset] {
                    offset += 1
                }
                if offset == restLength {
                    return Match(
                        length: first.length + restLength,
                        valueOffset: Int(truncatingIfNeeded: candidate.valueOffset),
                        valueLength: Int(truncatingIfNeeded: candidate.valueLength),
                        isIdentity: candidate.isIdentity)
                }
            }
            guard rule.hasDefault else { return nil }
            return Match(
                length: first.length,
                valueOffset: Int(truncatingIfNeeded: rule.defaultValueOffset),
                valueLength: Int(truncatingIfNeeded: rule.defaultValueLength),
                isIdentity: rule.defaultIsIdentity)
        }

        /// Converts `source` by forward maximum matching. Appends the result to `output` only when
        /// it differs from `source`, and says whether it did: unchanged text (most text the
        /// pipeline sees) then costs no allocation and no copy.
        func rewrite(_ source: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) -> Bool {
            var copiedUpTo = 0  // bytes of `source` before this are already in `output`
            var changed = false
            var index = 0
            let count = source.count
            while index < count {
                let first = UTF8Scalar.decode(source, at: index)
                guard let match = match(in: source, at: index, first: first) else {
                    index += first.length
                    continue
                }
                if !match.isIdentity {
                    if !changed {
                        changed = true
                        output.reserveCapacity(output.count + count + count / 8)
                    }
                    output.append(contentsOf: UnsafeBufferPointer(rebasing: source[copiedUpTo..<index]))
                    output.append(contentsOf: UnsafeBufferPointer(
                        rebasing: bytes[match.valueOffset..<(match.valueOffset + match.valueLength)]))
                    copiedUpTo = index + match.length
                }
                index += match.length
            }
            if changed {
                output.append(contentsOf: UnsafeBufferPointer(rebasing: source[copiedUpTo..<count]))
            }
            return changed
        }

        /// Calls `body` with each scalar that `rewrite` would replace and the scalar that replaces
        /// it, position by position within each replaced key (a value shorter than its key pairs
        /// the surplus key scalars with nil), without building the converted text.
        func forEachReplacedScalar(in source: UnsafeBufferPointer<UInt8>, _ body: (UInt32, UInt32?) -> Void) {
            var index = 0
            while index < source.count {
                let first = UTF8Scalar.decode(source, at: index)
                guard let match = match(in: source, at: index, first: first) else {
                    index += first.length
                    continue
                }
                if !match.isIdentity {
                    var keyIndex = index
                    var valueIndex = match.valueOffset
                    let valueEnd = match.valueOffset + match.valueLength
                    while keyIndex < index + match.length {
                        let keyScalar = UTF8Scalar.decode(source, at: keyIndex)
                        keyIndex += keyScalar.length
                        if valueIndex < valueEnd {
                            let valueScalar = UTF8Scalar.decode(bytes, at: valueIndex)
                            valueIndex += valueScalar.length
                            body(keyScalar.value, valueScalar.value)
                        } else {
                            body(keyScalar.value, nil)
                        }
                    }
                }
                index += match.length
            }
        }
    }
}
