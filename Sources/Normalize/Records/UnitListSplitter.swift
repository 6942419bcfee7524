/// Splits a list of responsible units into names: on `、`, `，`, `,`, `；` and line breaks,
/// never inside parentheses, so `…办公室（设在市自然资源局）` keeps its note.
///
/// - A leading enumeration (`（1）市城建工程管理局`) is dropped from the unit it opens; `/` and
///   `无` mean no unit at all.
/// - `等`, `等有关部门` mean "and others" and are no unit; `A等和B` ends one list and starts another.
/// - A collective of level words after `各` is one unit: `各区、县级市`, `各省、自治区、直辖市人民政府`.
/// - With `expandingPrefixes`, the level a list's first name carries is lent to the names after it
///   (`市发展改革局、教育局` → 市教育局; see `UnitPrefixExpander`).
enum UnitListSplitter {
    static func split(_ text: some StringProtocol, expandingPrefixes: Bool = false) -> [String] {
        if expandingPrefixes { return UnitPrefixExpander.expand(groups(text)) }
        // The groups one after another, without a list of lists.
        var names: [String] = []
        forEachGroup(text) { group in
            if names.isEmpty { names = group } else { names += group }
        }
        return names
    }

    /// Names in `，`-groups (a `，`, `；` or line break starts a new group; so does `等和`).
    static func groups(_ text: some StringProtocol) -> [[String]] {
        var groups: [[String]] = []
        forEachGroup(text) { groups.append($0) }
        return groups
    }

    /// Calls `body` with each non-empty group of names, in order (see `groups`).
    private static func forEachGroup(_ text: some StringProtocol, _ body: ([String]) -> Void) {
        if text.utf8.withContiguousStorageIfAvailable({ forEachGroup(utf8: $0, body) }) != nil { return }
        var copy = String(text)
        copy.makeContiguousUTF8()
        _ = copy.utf8.withContiguousStorageIfAvailable { forEachGroup(utf8: $0, body) }
    }

    /// `forEachGroup` of a text's UTF-8 (valid: the bytes of a string).
    ///
    /// The text is decoded once into scalars on the stack, with each scalar's byte offset; a
    /// name is a stretch `scalars[nameStart..<end]`, and its `String` is copied from the
    /// bytes of that stretch when they are the name as it stands (no spaces or breaks inside).
    private static func forEachGroup(utf8 bytes: UnsafeBufferPointer<UInt8>, _ body: ([String]) -> Void) {
        withUnsafeTemporaryAllocation(of: Unicode.Scalar.self, capacity: bytes.count) { scalarBuffer in
            withUnsafeTemporaryAllocation(of: Int.self, capacity: bytes.count + 1) { offsetBuffer in
                var count = 0
                var index = 0
                while index < bytes.count {
                    let (scalar, length) = TextCleanup.decodeScalar(bytes, at: index)
                    scalarBuffer.initializeElement(at: count, to: scalar)
                    offsetBuffer.initializeElement(at: count, to: index)
                    count += 1
                    index += length
                }
                offsetBuffer.initializeElement(at: count, to: bytes.count)
                let source = Source(
                    bytes: bytes, scalars: UnsafeBufferPointer(rebasing: scalarBuffer[..<count]),
                    offsets: UnsafeBufferPointer(rebasing: offsetBuffer[...count]))
                forEachGroup(source, body)
            }
        }
    }

    /// A text decoded for `forEachGroup`: its UTF-8, its scalars, and the byte offset of each
    /// scalar (one more: the end).
    private struct Source {
        let bytes: UnsafeBufferPointer<UInt8>
        let scalars: UnsafeBufferPointer<Unicode.Scalar>
        let offsets: UnsafeBufferPointer<Int>

        /// The string of `scalars[range]`, copied from its bytes.
        func string(_ range: Range<Int>) -> String {
            String(validUTF8: UnsafeBufferPointer(rebasing: bytes[offsets[range.lowerBound]..<offsets[range.upperBound]]))
        }
    }

    private static func forEachGroup(_ source: Source, _ body: ([String]) -> Void) {
        let scalars = source.scalars
        guard !NoneMarker.matches(scalars: scalars) else { return }
        var group: [String] = []
        // The current name: `scalars[nameStart..<index]`, less the line breaks inside brackets
        // (dropped; `hasBracketedBreak` says there are some: every `\n` of the stretch is one).
        var nameStart = 0
        var hasBracketedBreak = false
        // Whether a name of the group opens a collective (`各…`): only then are names joined.
        var opensCollective = false
        var depth = 0
        func finishName(upTo end: Int) {
            if end > nameStart {
                let name = hasBracketedBreak
                    ? Self.unit(ArraySlice(scalars[nameStart..<end].filter { $0 != "\n" }), source: nil, opensCollective: &opensCollective)
                    : Self.unit(scalars[nameStart..<end], source: source, opensCollective: &opensCollective)
                if let name {
                    if group.isEmpty { group.reserveCapacity(4) }
                    group.append(name)
                }
            }
            hasBracketedBreak = false
        }
        func finishGroup(upTo end: Int) {
            finishName(upTo: end)
            if !group.isEmpty {
                body(opensCollective ? Self.joiningCollectives(group) : group)
                group = []
            }
            opensCollective = false
        }
        let othersMarkers = Self.othersMarkers.words
        let listJoiners = Self.listJoiners.words
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            // Most scalars are ideographs of a name: only 及 and 等 among them do anything.
            if scalar.value >= 0x4E00, scalar.value <= 0x9FFF, scalar != "及", scalar != "等" {
                index += 1
                continue
            }
            switch scalar {
            case "（", "(", "【", "[", "《", "“":
                depth += 1
            case "）", ")", "】", "]", "》", "”":
                depth = max(0, depth - 1)
            case "、":
                if depth == 0 {
                    finishName(upTo: index)
                    nameStart = index + 1
                }
            case "，", ",", "；", ";", "\n":
                if depth == 0 {
                    finishGroup(upTo: index)
                    nameStart = index + 1
                } else if scalar == "\n" {
                    hasBracketedBreak = true
                }
            case "及" where depth == 0 && index > nameStart:
                // `市级各有关部门及各县市区政府`: two units (`以及` too); 和 joins inside names (文化和旅游部).
                finishName(upTo: scalars[index - 1] == "以" ? index - 1 : index)
                nameStart = index + 1
            case "等" where depth == 0:
                // `等` (and `等有关部门`) closes the list; a joiner after it opens another.
                // Only where the list goes on or ends after it: 高等学校 is a name.
                if let marker = othersMarkers.first(where: {
                    Self.matchesFolded($0, scalars, at: index) && Self.endsName(scalars, at: index + $0.count)
                }) {
                    finishGroup(upTo: index)
                    index += marker.count
                    if let joiner = listJoiners.first(where: { Self.matchesFolded($0, scalars, at: index) }) {
                        index += joiner.count
                    }
                    nameStart = index
                    continue
                }
            default:
                break
            }
            index += 1
        }
        finishGroup(upTo: scalars.count)
    }

    static let othersMarkers = ScalarWords(ResponsibilityVocabulary.othersMarkers)
    static let listJoiners = ScalarWords(ResponsibilityVocabulary.listJoiners)
    static let genericNames = ScalarWords(["有关部门", "相关部门", "有关单位", "相关单位", "有关部门和单位", "相关部门和单位", "等"])
    static let clauseWords = ScalarWords(["以下", "下同", "不再", "列出", "均需", "均由", "其中"])

    /// The unit a stretch of a list names, cleaned (a leading enumeration, trailing punctuation and
    /// `等…` dropped), or nil when it names none.
    /// Sets `opensCollective` when the name opens a collective (see `opensCollective(_:)`).
    /// `source` is the decoded text `printed` is a stretch of (its indices), or nil when it is not.
    private static func unit<Scalars: RandomAccessCollection<Unicode.Scalar>>(
        _ printed: Scalars, source: Source?, opensCollective: inout Bool
    ) -> String? where Scalars.Index == Int, Scalars.SubSequence: RandomAccessCollection<Unicode.Scalar> {
        // Without a space or line break the text is its own single line.
        if printed.contains(where: \.isLineSpace) {
            return unit(cleaning: ArraySlice(ScalarLine.singleLine(printed)), source: nil, opensCollective: &opensCollective)
        }
        return unit(cleaning: printed, source: source, opensCollective: &opensCollective)
    }

    /// `unit` of a stretch that is its own single line.
    private static func unit<Scalars: RandomAccessCollection<Unicode.Scalar>>(
        cleaning unit: Scalars, source: Source?, opensCollective: inout Bool
    ) -> String? where Scalars.Index == Int, Scalars.SubSequence: RandomAccessCollection<Unicode.Scalar> {
        // The name is `unit[start..<end]` (indices of `unit`, which need not start at 0).
        var start = unit.startIndex
        var end = unit.endIndex
        if let label = ListLabel.parse(scalars: unit), label.length < unit.count { start += label.length }
        while end > start, isTrailingStop(unit[end - 1]) { end -= 1 }
        // Compared folded, scalar for scalar, without a folded copy.
        if end > start, othersMarkerEndings.contains(unit[end - 1].simplifiedKey) {
            for marker in othersMarkers.words where end - start > marker.count && matchesFolded(marker, unit, at: end - marker.count) {
                end -= marker.count
                break
            }
        }
        let name = unit[start..<end]
        guard !name.isEmpty, !NoneMarker.matches(scalars: name) else { return nil }
        // A generic name opens, and a clause word opens, with a scalar folding to one of
        // `genericOpeningForms`: a name holding none is neither, told without folding it.
        let openingForms = genericOpeningForms
        if name.contains(where: { $0.value >= 0x1_0000 || openingForms.contains($0) }),
            isGeneric(folded: name.lazy.map(\.simplifiedKey))
        {
            return nil
        }
        if collectiveFirstScalars.contains(name[name.startIndex].simplifiedKey) { opensCollective = true }
        guard let source else { return String(scalars: name) }
        return source.string(start..<end)
    }

    /// Every scalar whose simplified key opens a generic name or a clause word (有, 相, 等, 以, 下 …
    /// and their traditional forms); `unit` treats any scalar beyond the BMP as one too.
    private static let genericOpeningForms: ScalarSet = {
        let openings = (genericNames.words + clauseWords.words).compactMap(\.first)
        return ScalarSet(CharacterFold.forms(ofAny: openings).map { String($0) })
    }()

    /// The last scalars of the `等…` markers: a name ending otherwise carries none.
    private static let othersMarkerEndings: [Unicode.Scalar] = othersMarkers.words.compactMap(\.last)

    /// Punctuation a name never ends with.
    @inline(__always)
    private static func isTrailingStop(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "。", ".", "；", ";", "：", ":": true
        default: false
        }
    }

    /// `各区`, `县级市` → `各区、县级市`: level words after a `各` name belong to it.
    static func joiningCollectives(_ names: [String]) -> [String] {
        // Most lists hold no collective at all.
        guard names.contains(where: { opensCollective($0) }) else { return names }
        var result: [String] = []
        var index = 0
        while index < names.count {
            var name = names[index]
            index += 1
            guard let body = collectiveBody(name), ResponsibilityVocabulary.levelWords.contains(body) else {
                result.append(name)
                continue
            }
            while index < names.count {
                let next = CharacterFold.simplifiedKey(names[index])
                if ResponsibilityVocabulary.levelWords.contains(next) {
                    name += "、" + names[index]
                    index += 1
                    continue
                }
                if let organ = ResponsibilityVocabulary.collectiveOrgans.first(where: { next.endsWithText($0) }),
                    ResponsibilityVocabulary.levelWords.contains(String(next.unicodeScalars.dropLast(organ.unicodeScalars.count)))
                {
                    name += "、" + names[index]
                    index += 1
                }
                break
            }
            result.append(name)
        }
        return result
    }

    /// `各有关区` → `区`; nil for a name that does not open a collective.
    private static func collectiveBody(_ name: String) -> String? {
        guard opensCollective(name) else { return nil }
        let folded = CharacterFold.simplifiedKey(name)
        for opening in ResponsibilityVocabulary.collectiveOpenings where folded.startsWithText(opening) {
            return String(folded.unicodeScalars.dropFirst(opening.unicodeScalars.count))
        }
        return nil
    }

    /// Whether the name's first scalar opens a collective opening (every one starts with 各):
    /// other names are told by that alone.
    @inline(__always)
    private static func opensCollective(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first?.simplifiedKey else { return false }
        return collectiveFirstScalars.contains(first)
    }

    private static let collectiveFirstScalars: [Unicode.Scalar] =
        ResponsibilityVocabulary.collectiveOpenings.compactMap(\.unicodeScalars.first)

    /// Names that stand for "whoever is concerned", never a unit (有关部门, 相关单位), and clauses
    /// printed among the names (`以下均需各县市区落实`, `不再列出`).
    static func isGeneric(_ name: String) -> Bool {
        isGeneric(folded: name.unicodeScalars.map(\.simplifiedKey))
    }

    private static func isGeneric(folded: some RandomAccessCollection<Unicode.Scalar>) -> Bool {
        genericNames.contains(folded) || clauseWords.occurs(in: folded)
    }

    /// Whether a name may end before `index`: at the end, a separator or a joining word.
    private static func endsName(_ scalars: UnsafeBufferPointer<Unicode.Scalar>, at index: Int) -> Bool {
        guard index < scalars.count else { return true }
        if "、，,；;\n）) 　".unicodeScalars.contains(scalars[index]) { return true }
        return listJoiners.words.contains { matchesFolded($0, scalars, at: index) }
    }

    /// Whether `word` (simplified) stands at `index` (an index of `scalars`), the text folded as it is compared.
    @inline(__always)
    private static func matchesFolded<Scalars: RandomAccessCollection<Unicode.Scalar>>(
        _ word: [Unicode.Scalar], _ scalars: Scalars, at index: Int
    ) -> Bool where Scalars.Index == Int {
        guard index >= scalars.startIndex, index + word.count <= scalars.endIndex else { return false }
        var cursor = index
        for scalar in word {
            guard scalars[cursor].simplifiedKey == scalar else { return false }
            cursor += 1
        }
        return true
    }
}

extension String {
    func trimmingTrailing(in characters: String) -> String {
        var result = self
        while let last = result.last, characters.contains(last) { result.removeLast() }
        return result
    }
}
