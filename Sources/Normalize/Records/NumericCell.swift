import PlanModel

/// A table cell that holds a number, as allocation and indicator tables print them:
/// `120`, `1,200`, `3.5`, `12.5%`, with an optional note in brackets after it (`120（扩招）`,
/// `70（实招45）`) that belongs beside the value, not in it.
struct NumericCell: Hashable, Sendable {
    /// The number as printed, thousands separators removed (`1200`, `-3.5`).
    var number: String
    var value: ExactDecimal
    var isPercent: Bool
    var note: String?

    /// Marks a cell that holds no value on purpose (`—`, `-`, `/`, `无`).
    static let emptyMarks: Set<String> = ["—", "-", "－", "/", "／", "无", "——", "…", "--"]

    /// Nil when the cell is anything but a number with an optional bracketed note.
    init?(_ printed: String) {
        var text = Substring(TextCleanup.singleLine(printed).filter { !$0.isWhitespace })
        var note: String?
        if let last = text.last, last == "）" || last == ")",
            let open = text.lastIndex(where: { $0 == "（" || $0 == "(" })
        {
            let inner = text[text.index(after: open)..<text.index(before: text.endIndex)]
            note = inner.isEmpty ? nil : String(inner)
            text = text[..<open]
        }
        var isPercent = false
        if text.last == "%" || text.last == "％" {
            isPercent = true
            text.removeLast()
        }
        let number = String(text.filter { $0 != "," && $0 != "，" })
        guard let first = number.first, first.isASCIIDigit || first == "-" || first == "+",
            number.allSatisfy({ $0.isASCIIDigit || $0 == "." || $0 == "-" || $0 == "+" }),
            number.contains(where: \.isASCIIDigit), number.filter({ $0 == "." }).count <= 1,
            number.dropFirst().allSatisfy({ $0 != "-" && $0 != "+" }),
            let value = ExactDecimal(number.hasPrefix("+") ? String(number.dropFirst()) : number)
        else { return nil }
        self.number = number
        self.value = value
        self.isPercent = isPercent
        self.note = note
    }

    /// Whether the cell says "no value" rather than holding text.
    static func isEmptyMark(_ printed: String) -> Bool {
        let text = TextCleanup.singleLine(printed).filter { !$0.isWhitespace }
        return text.isEmpty || emptyMarks.contains(text)
    }
}
