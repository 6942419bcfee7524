/// Splits a cell of responsible units into a list: on `、`, `，`, `,`, `；` and line breaks,
/// never inside parentheses, so `…办公室（设在市自然资源局）` keeps its note.
///
/// A leading enumeration (`（1）市城建工程管理局`) is dropped from the unit it opens; `/` and
/// `无` mean no unit at all.
enum UnitListSplitter {
    static func split(_ text: some StringProtocol) -> [String] {
        guard !NoneMarker.matches(text) else { return [] }
        var units: [String] = []
        var current = String.UnicodeScalarView()
        var depth = 0
        func finish() {
            var unit = TextCleanup.singleLine(String(current))
            current = String.UnicodeScalarView()
            if let label = ListLabel.parse(unit), label.length < unit.unicodeScalars.count {
                unit = String(label.body(of: unit))
            }
            unit = unit.trimmingTrailing(in: "。.；;：:")
            if !unit.isEmpty, !NoneMarker.matches(unit) { units.append(unit) }
        }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "（", "(", "【", "[", "《", "“":
                depth += 1
                current.append(scalar)
            case "）", ")", "】", "]", "》", "”":
                depth = max(0, depth - 1)
                current.append(scalar)
            case "、", "，", ",", "；", ";", "\n":
                if depth == 0 { finish() } else if scalar != "\n" { current.append(scalar) }
            default:
                current.append(scalar)
            }
        }
        finish()
        return units
    }
}

extension String {
    func trimmingTrailing(in characters: String) -> String {
        var result = self
        while let last = result.last, characters.contains(last) { result.removeLast() }
        return result
    }
}
