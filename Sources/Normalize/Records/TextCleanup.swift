/// Whitespace rules every text value of a record follows.
///
/// These run over every cell of every document, so they work on Unicode scalars: comparing
/// `Character`s of Chinese text costs a normalisation each time.
enum TextCleanup {
    /// Each line trimmed, runs of spaces inside a line collapsed to one, empty lines dropped,
    /// lines joined by `\n` (schedules and multi-part cells keep their line structure).
    static func collapsingWhitespace(_ text: some StringProtocol) -> String {
        collapse(text, lineSeparator: "\n")
    }

    /// One line: like `collapsingWhitespace`, with line breaks removed between lines (a title or
    /// a name that Word wrapped).
    static func singleLine(_ text: some StringProtocol) -> String {
        collapse(text, lineSeparator: nil)
    }

    private static func collapse(_ text: some StringProtocol, lineSeparator: Unicode.Scalar?) -> String {
        var result = String.UnicodeScalarView()
        var lineHasText = false
        var pendingSpace = false
        var pendingBreak = false
        for scalar in text.unicodeScalars {
            if scalar == "\n" || scalar == "\r" {
                if lineHasText { pendingBreak = true }
                lineHasText = false
                pendingSpace = false
                continue
            }
            if scalar.isCollapsibleSpace {
                pendingSpace = lineHasText
                continue
            }
            if pendingBreak {
                if let lineSeparator { result.append(lineSeparator) }
                pendingBreak = false
            } else if pendingSpace {
                result.append(" ")
            }
            pendingSpace = false
            result.append(scalar)
            lineHasText = true
        }
        return String(result)
    }
}

extension Unicode.Scalar {
    var isCollapsibleSpace: Bool {
        switch value {
        case 0x20, 0x09, 0x3000, 0xA0, 0x2002, 0x2003, 0x2009, 0x200A, 0x202F: true
        default: false
        }
    }
}

extension Character {
    var isCollapsibleSpace: Bool { unicodeScalars.count == 1 && unicodeScalars.first!.isCollapsibleSpace }
}
