/// Whitespace rules every text value of a record follows.
enum TextCleanup {
    /// Each line trimmed, runs of spaces inside a line collapsed to one, empty lines dropped,
    /// lines joined by `\n` (schedules and multi-part cells keep their line structure).
    static func collapsingWhitespace(_ text: some StringProtocol) -> String {
        var lines: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            var result = ""
            var pendingSpace = false
            for character in line {
                if character.isCollapsibleSpace {
                    pendingSpace = !result.isEmpty
                } else {
                    if pendingSpace { result.append(" ") }
                    pendingSpace = false
                    result.append(character)
                }
            }
            if !result.isEmpty { lines.append(result) }
        }
        return lines.joined(separator: "\n")
    }

    /// One line: like `collapsingWhitespace`, with line breaks removed between lines (a title or
    /// a name that Word wrapped).
    static func singleLine(_ text: some StringProtocol) -> String {
        collapsingWhitespace(text).split(separator: "\n").joined()
    }

    /// Nil for text that is empty after cleanup.
    static func nonEmpty(_ text: some StringProtocol) -> String? {
        let cleaned = collapsingWhitespace(text)
        return cleaned.isEmpty ? nil : cleaned
    }
}

extension Character {
    var isCollapsibleSpace: Bool {
        self == " " || self == "\t" || self == "\u{3000}" || self == "\u{00A0}" || self == "\u{2002}" || self == "\u{2003}"
    }
}
