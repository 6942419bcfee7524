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
        let groups = groups(text)
        if expandingPrefixes { return UnitPrefixExpander.expand(groups) }
        return groups.flatMap { $0 }
    }

    /// Names in `，`-groups (a `，`, `；` or line break starts a new group; so does `等和`).
    static func groups(_ text: some StringProtocol) -> [[String]] {
        guard !NoneMarker.matches(text) else { return [] }
        var groups: [[String]] = [[]]
        var current = String.UnicodeScalarView()
        var depth = 0
        func finishName() {
            var unit = TextCleanup.singleLine(String(current))
            current = String.UnicodeScalarView()
            if let label = ListLabel.parse(unit), label.length < unit.unicodeScalars.count {
                unit = String(label.body(of: unit))
            }
            unit = Self.trimmed(unit)
            if !unit.isEmpty, !NoneMarker.matches(unit), !Self.isGeneric(unit) { groups[groups.count - 1].append(unit) }
        }
        func finishGroup() {
            finishName()
            if !(groups.last?.isEmpty ?? true) { groups.append([]) }
        }
        let scalars = Array(text.unicodeScalars)
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            switch scalar {
            case "（", "(", "【", "[", "《", "“":
                depth += 1
                current.append(scalar)
            case "）", ")", "】", "]", "》", "”":
                depth = max(0, depth - 1)
                current.append(scalar)
            case "、":
                if depth == 0 { finishName() } else { current.append(scalar) }
            case "，", ",", "；", ";", "\n":
                if depth == 0 { finishGroup() } else if scalar != "\n" { current.append(scalar) }
            case "及" where depth == 0 && !current.isEmpty:
                // `市级各有关部门及各县市区政府`: two units (`以及` too); 和 joins inside names (文化和旅游部).
                if current.last == "以" { current.removeLast() }
                finishName()
            case "等" where depth == 0:
                // `等` (and `等有关部门`) closes the list; a joiner after it opens another.
                // Only where the list goes on or ends after it: 高等学校 is a name.
                if let marker = ResponsibilityVocabulary.othersMarkers.first(where: {
                    Self.matches($0, scalars, at: index) && Self.endsName(scalars, at: index + $0.unicodeScalars.count)
                }) {
                    index += marker.unicodeScalars.count
                    if let joiner = ResponsibilityVocabulary.listJoiners.first(where: { Self.matches($0, scalars, at: index) }) {
                        index += joiner.unicodeScalars.count
                    }
                    finishGroup()
                    continue
                }
                current.append(scalar)
            default:
                current.append(scalar)
            }
            index += 1
        }
        finishGroup()
        return groups.filter { !$0.isEmpty }.map(Self.joiningCollectives)
    }

    /// `各区`, `县级市` → `各区、县级市`: level words after a `各` name belong to it.
    static func joiningCollectives(_ names: [String]) -> [String] {
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
        let folded = CharacterFold.simplifiedKey(name)
        for opening in ResponsibilityVocabulary.collectiveOpenings where folded.startsWithText(opening) {
            return String(folded.unicodeScalars.dropFirst(opening.unicodeScalars.count))
        }
        return nil
    }

    /// Names that stand for "whoever is concerned", never a unit (有关部门, 相关单位), and clauses
    /// printed among the names (`以下均需各县市区落实`, `不再列出`).
    static func isGeneric(_ name: String) -> Bool {
        let folded = CharacterFold.simplifiedKey(name)
        if ["有关部门", "相关部门", "有关单位", "相关单位", "有关部门和单位", "相关部门和单位", "等"].contains(folded) { return true }
        return ["以下", "下同", "不再", "列出", "均需", "均由", "其中"].contains { folded.containsText($0) }
    }

    private static func trimmed(_ unit: String) -> String {
        var unit = unit.trimmingTrailing(in: "。.；;：:")
        let folded = CharacterFold.simplifiedKey(unit)
        for marker in ResponsibilityVocabulary.othersMarkers where folded.endsWithText(marker) && folded != marker {
            unit = String(unit.unicodeScalars.dropLast(marker.unicodeScalars.count))
            break
        }
        return unit
    }

    /// Whether a name may end before `index`: at the end, a separator or a joining word.
    private static func endsName(_ scalars: [Unicode.Scalar], at index: Int) -> Bool {
        guard index < scalars.count else { return true }
        if "、，,；;\n）) 　".unicodeScalars.contains(scalars[index]) { return true }
        return ResponsibilityVocabulary.listJoiners.contains { matches($0, scalars, at: index) }
    }

    private static func matches(_ word: String, _ scalars: [Unicode.Scalar], at index: Int) -> Bool {
        var cursor = index
        for scalar in word.unicodeScalars {
            guard cursor < scalars.count else { return false }
            let folded = CharacterFold.simplifiedKey(String(scalars[cursor])).unicodeScalars.first ?? scalars[cursor]
            guard folded == scalar else { return false }
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
