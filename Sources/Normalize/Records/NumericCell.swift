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
        // Most cells are text: their first character that is no space or comma is no digit.
        if Self.opensWithText(printed) { return nil }
        switch Self.readByScalars(printed) {
        case .number(let cell): self = cell
        case .notANumber: return nil
        case .unsure: self.init(characters: printed)
        }
    }

    private init(number: String, value: ExactDecimal, isPercent: Bool, note: String?) {
        self.number = number
        self.value = value
        self.isPercent = isPercent
        self.note = note
    }

    /// The reading by `Character`s, for text where scalars may join into one character.
    private init?(characters printed: String) {
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
        self.init(number: number, value: value, isPercent: isPercent, note: note)
    }

    private enum ScalarReading {
        case number(NumericCell)
        case notANumber
        /// A scalar may join another into one `Character`: read by characters instead.
        case unsure
    }

    /// The reading of `init(characters:)`, step for step, on scalars: exact when every scalar
    /// is a `Character` of its own.
    private static func readByScalars(_ printed: String) -> ScalarReading {
        // Before the first bracket everything belongs to the number (the note opens at the last
        // bracket): a scalar no number holds there is told at once, also by characters.
        for scalar in printed.unicodeScalars {
            guard scalar.isOwnCharacter else { return .unsure }
            if isWhitespace(scalar) { continue }
            if scalar == "（" || scalar == "(" { break }
            if !mayStandInNumber(scalar) { return .notANumber }
        }
        var kept: [Unicode.Scalar] = []
        for scalar in printed.unicodeScalars {
            guard scalar.isOwnCharacter else { return .unsure }
            if !isWhitespace(scalar) { kept.append(scalar) }
        }
        var end = kept.count
        var note: String?
        if let last = kept.last, last == "）" || last == ")", let open = kept.lastIndex(where: { $0 == "（" || $0 == "(" }) {
            note = open + 1 < end - 1 ? String(String.UnicodeScalarView(kept[open + 1..<end - 1])) : nil
            end = open
        }
        var isPercent = false
        if end > 0, kept[end - 1] == "%" || kept[end - 1] == "％" {
            isPercent = true
            end -= 1
        }
        var number = String.UnicodeScalarView()
        var digits = 0
        var dots = 0
        for scalar in kept[..<end] where scalar != "," && scalar != "，" {
            switch scalar {
            case "0"..."9": digits += 1
            case ".":
                guard !number.isEmpty else { return .notANumber }
                dots += 1
            case "-", "+": guard number.isEmpty else { return .notANumber }
            default: return .notANumber
            }
            number.append(scalar)
        }
        guard digits > 0, dots <= 1 else { return .notANumber }
        let text = String(number)
        guard let value = ExactDecimal(text.hasPrefix("+") ? String(text.dropFirst()) : text) else { return .notANumber }
        return .number(NumericCell(number: text, value: value, isPercent: isPercent, note: note))
    }

    /// Digits, signs, the decimal point, thousands separators and percent signs.
    @inline(__always)
    private static func mayStandInNumber(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "0"..."9", ".", ",", "，", "-", "+", "%", "％": true
        default: false
        }
    }

    /// `Character.isWhitespace` of a scalar that is a character of its own.
    @inline(__always)
    private static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x20: true
        case 0x21...0x7F, 0x4E00...0x9FFF: false
        default: scalar.properties.isWhitespace
        }
    }

    /// Whether the cell says "no value" rather than holding text.
    static func isEmptyMark(_ printed: String) -> Bool {
        if let isMark = isEmptyMarkByScalars(printed) { return isMark }
        let text = TextCleanup.singleLine(printed).filter { !$0.isWhitespace }
        return text.isEmpty || emptyMarks.contains(text)
    }

    /// Whether the first `Character` of the text that is neither a space nor a comma is
    /// plainly no digit or sign, told by scalars; false when unsure.
    private static func opensWithText(_ printed: String) -> Bool {
        for scalar in printed.unicodeScalars {
            guard scalar.isOwnCharacter else { return false }
            if isWhitespace(scalar) || scalar == "," || scalar == "，" { continue }
            return !(scalar.isASCIIDigit || scalar == "-" || scalar == "+")
        }
        return false
    }

    /// `isEmptyMark` read by scalars; nil when a scalar may join another into one `Character`
    /// (the caller then reads `Character`s).
    private static func isEmptyMarkByScalars(_ printed: String) -> Bool? {
        var first: Unicode.Scalar?
        var second: Unicode.Scalar?
        for scalar in printed.unicodeScalars {
            guard scalar.isOwnCharacter else { return nil }
            if isWhitespace(scalar) { continue }
            // A third character (each scalar so far is one of its own): longer than any mark.
            if second != nil { return false }
            if first == nil { first = scalar } else { second = scalar }
        }
        guard let first else { return true }
        var kept = String.UnicodeScalarView()
        kept.append(first)
        if let second { kept.append(second) }
        return emptyMarks.contains(String(kept))
    }
}
