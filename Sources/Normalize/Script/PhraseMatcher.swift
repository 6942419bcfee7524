/// One OpenCC dictionary group compiled for forward maximum matching over UTF-8 bytes.
///
/// OpenCC's group policy (`short_circuit`): at each position, the dictionaries are asked in order
/// and the first one that has *any* key there wins with its longest key. That is the same as
/// trying, in order, every key that starts with the scalar at hand, sorted by dictionary and then
/// by length (longest first), and taking the first key the text continues with. So each possible
/// first scalar gets one `StartRule`: its multi-scalar keys in that order, then, if some
/// dictionary has the scalar alone as a key, a default that always matches (keys after it could
/// never win and are dropped).
///
/// Most scalars of a character dictionary start no phrase and map to one other scalar: for those
/// the start table holds the target scalar itself (`directFlag`), so converting them costs one
/// table load and no rule. Scalars that map to themselves and start no phrase are left out of
/// the table altogether. A bitmap of the BMP scalars that start anything answers "nothing here"
/// for most of the text from 8 KB that stays in the L1 cache.
///
/// The tables live in immortal memory (see `ImmortalStorage`): matchers are only made by
/// `OpenCCTables`, once per process.
struct PhraseMatcher: @unchecked Sendable {  // immutable, immortal buffers
    /// Names of the dictionaries, in group order (for tests and diagnostics).
    let dictionaryNames: [String]
    /// Scalar → `directFlag | target scalar`, or index + 1 into `rules` (0: no key starts here).
    private let starts: ScalarTable.Frozen
    /// Bit per BMP scalar: does its `starts` entry hold anything?
    private let bmpStarts: UnsafeBufferPointer<UInt64>
    private let rules: UnsafeBufferPointer<StartRule>
    private let candidates: UnsafeBufferPointer<Candidate>
    /// Keys' remaining bytes and values, referenced by offset.
    private let bytes: UnsafeBufferPointer<UInt8>

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

    static let directFlag: UInt32 = 0x8000_0000

    /// The key matched at a position: the bytes it covers and the value that replaces them,
    /// either `directScalar` (when not 0) or `valueLength` bytes at `valueOffset` in `bytes`.
    struct Match {
        var length: Int
        var directScalar: UInt32
        var valueOffset: Int
        var valueLength: Int
        var isIdentity: Bool
    }

    init(dictionaryNames: [String]) {
        self.init(dictionaries: dictionaryNames.map(OpenCCDictionary.init(named:)))
    }

    init(dictionaries: [OpenCCDictionary]) {
        dictionaryNames = dictionaries.map(\.name)
        var bytes: [UInt8] = []
        func store(_ part: UnsafeBufferPointer<UInt8>) -> UInt32 {
            let offset = UInt32(bytes.count)
            bytes.append(contentsOf: part)
            return offset
        }
        func firstScalar(_ key: UnsafeBufferPointer<UInt8>) -> UTF8Scalar {
            UTF8Scalar.decode(key, at: 0)
        }

        // Keys grouped by first scalar, in (dictionary, length descending, file) order: one
        // sort of small records instead of dictionaries of arrays.
        struct Placed {
            var start: UInt32
            var dictionary: UInt32
            var length: Int
            var entry: Int
        }
        var placed: [Placed] = []
        placed.reserveCapacity(dictionaries.reduce(0) { $0 + $1.entries.count })
        for (dictionaryIndex, dictionary) in dictionaries.enumerated() {
            for (entryIndex, entry) in dictionary.entries.enumerated() {
                placed.append(Placed(
                    start: firstScalar(entry.key).value, dictionary: UInt32(dictionaryIndex),
                    length: entry.key.count, entry: entryIndex))
            }
        }
        placed.sort {
            ($0.start, $0.dictionary, -$0.length, $0.entry) < ($1.start, $1.dictionary, -$1.length, $1.entry)
        }

        var starts = ScalarTable()
        var rules: [StartRule] = []
        var candidates: [Candidate] = []
        var startOrder: [UInt32] = []
        var groupStart = 0
        while groupStart < placed.count {
            let start = placed[groupStart].start
            var groupEnd = groupStart + 1
            while groupEnd < placed.count, placed[groupEnd].start == start { groupEnd += 1 }
            defer { groupStart = groupEnd }
            startOrder.append(start)
            let entries = placed[groupStart..<groupEnd].lazy.map { dictionaries[Int($0.dictionary)].entries[$0.entry] }
            if let single = entries.first, firstScalar(single.key).length == single.key.count {
                // No phrase can win at this scalar: a plain character mapping.
                let target = UTF8Scalar.decode(single.value, at: 0)
                if target.length == single.value.count {
                    if target.value != start { starts[start] = Self.directFlag | target.value }
                    continue
                }
            }
            var rule = StartRule(
                firstCandidate: UInt32(candidates.count), candidateCount: 0,
                defaultValueOffset: 0, defaultValueLength: 0, hasDefault: false, defaultIsIdentity: false)
            for entry in entries {
                let firstLength = firstScalar(entry.key).length
                let isIdentity = entry.key.elementsEqual(entry.value)
                if entry.key.count == firstLength {
                    rule.defaultValueOffset = store(entry.value)
                    rule.defaultValueLength = UInt16(entry.value.count)
                    rule.defaultIsIdentity = isIdentity
                    rule.hasDefault = true
                    break
                }
                candidates.append(Candidate(
                    restOffset: store(UnsafeBufferPointer(rebasing: entry.key[firstLength...])),
                    restLength: UInt16(entry.key.count - firstLength),
                    valueOffset: store(entry.value), valueLength: UInt16(entry.value.count),
                    isIdentity: isIdentity))
                rule.candidateCount += 1
            }
            rules.append(rule)
            starts[start] = UInt32(rules.count)
        }
        var bmpStarts = [UInt64](repeating: 0, count: 0x10000 / 64)
        for scalar in startOrder where scalar < 0x10000 && starts[scalar] != 0 {
            bmpStarts[Int(scalar) >> 6] |= 1 << UInt64(scalar & 63)
        }
        self.bmpStarts = ImmortalStorage.copy(bmpStarts)
        self.starts = starts.frozen()
        self.rules = ImmortalStorage.copy(rules)
        self.candidates = ImmortalStorage.copy(candidates)
        self.bytes = ImmortalStorage.copy(bytes)
    }

    /// Whether some key may start with the scalar `value`: false for most of a text, told by
    /// one bit of the BMP bitmap.
    @inline(__always)
    func mayStart(_ value: UInt32) -> Bool {
        value >= 0x10000 || bmpStarts[Int(truncatingIfNeeded: value >> 6)] & (1 << UInt64(value & 63)) != 0
    }

    /// OpenCC's match at `index` (nil when no key of the group starts there), given the scalar
    /// there. Keys never extend past `source.count`, which is how a segment bounds the chain.
    @inline(__always)
    func match(in source: UnsafeBufferPointer<UInt8>, at index: Int, first: UTF8Scalar) -> Match? {
        if first.value < 0x10000
            && bmpStarts[Int(truncatingIfNeeded: first.value >> 6)] & (1 << UInt64(first.value & 63)) == 0 {
            return nil
        }
        let payload = starts[first.value]
        if payload == 0 { return nil }
        if payload & Self.directFlag != 0 {
            return Match(
                length: first.length, directScalar: payload & ~Self.directFlag, valueOffset: 0, valueLength: 0,
                isIdentity: false)
        }
        let rule = rules[Int(truncatingIfNeeded: payload) - 1]
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
                    length: first.length + restLength, directScalar: 0,
                    valueOffset: Int(truncatingIfNeeded: candidate.valueOffset),
                    valueLength: Int(truncatingIfNeeded: candidate.valueLength),
                    isIdentity: candidate.isIdentity)
            }
        }
        guard rule.hasDefault else { return nil }
        return Match(
            length: first.length, directScalar: 0,
            valueOffset: Int(truncatingIfNeeded: rule.defaultValueOffset),
            valueLength: Int(truncatingIfNeeded: rule.defaultValueLength),
            isIdentity: rule.defaultIsIdentity)
    }

    /// Converts `source` by forward maximum matching. Appends the result to `output` only when
    /// it differs from `source`, and says whether it did: unchanged text (most text the
    /// pipeline sees) then costs no allocation and no copy.
    func rewrite(_ source: UnsafeBufferPointer<UInt8>, into output: inout ByteWriter) -> Bool {
        guard let sourceBase = source.baseAddress, let valueBase = bytes.baseAddress else { return false }
        var copiedUpTo = 0  // bytes of `source` before this are already in `output`
        var changed = false
        var index = 0
        let count = source.count
        while index < count {
            let first = UTF8Scalar.decode(source, at: index)
            guard let match = match(in: source, at: index, first: first) else {
                index &+= first.length
                continue
            }
            if !match.isIdentity {
                if !changed {
                    changed = true
                    output.reserve(count + count / 8)
                }
                output.append(sourceBase + copiedUpTo, count: index &- copiedUpTo)
                if match.directScalar != 0 {
                    output.appendScalar(match.directScalar)
                } else {
                    output.append(valueBase + match.valueOffset, count: match.valueLength)
                }
                copiedUpTo = index &+ match.length
            }
            index &+= match.length
        }
        if changed {
            output.append(sourceBase + copiedUpTo, count: count - copiedUpTo)
        }
        return changed
    }

    /// One step of a walk over the scalars that `rewrite` would replace: calls `body` with each
    /// scalar of the match at `index` (where the scalar `first` is) and the scalar that replaces
    /// it, position by position within the key (a value shorter than its key pairs the surplus
    /// key scalars with nil); returns where the walk goes on. No converted text is built, and a
    /// caller can walk a text once for several matchers, decoding each scalar once.
    @inline(__always)
    func forEachReplacedScalar(
        in source: UnsafeBufferPointer<UInt8>, at index: Int, first: UTF8Scalar, _ body: (UInt32, UInt32?) -> Void
    ) -> Int {
        guard let match = match(in: source, at: index, first: first) else { return index + first.length }
        if match.directScalar != 0 {
            body(first.value, match.directScalar)
        } else if !match.isIdentity {
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
        return index + match.length
    }
}
