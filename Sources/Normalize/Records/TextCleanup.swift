/// Whitespace rules every text value of a record follows.
///
/// These run over every cell of every document, so they work on Unicode scalars: comparing
/// `Character`s of Chinese text costs a normalisation each time.
enum TextCleanup {
    /// Each line trimmed, runs of spaces inside a line collapsed to one, empty lines dropped,
    /// lines joined by `\n` (schedules and multi-part cells keep their line structure).
    static func collapsingWhitespace(_ text: some StringProtocol) -> String {
        collapse(text, lineSeparator: 0x0A)
    }

    /// One line: like `collapsingWhitespace`, with line breaks removed between lines (a title or
    /// a name that Word wrapped).
    static func singleLine(_ text: some StringProtocol) -> String {
        collapse(text, lineSeparator: nil)
    }

    private static func collapse(_ text: some StringProtocol, lineSeparator: UInt8?) -> String {
        // Most cells have nothing to collapse: no line break, no space of any kind.
        if !mayHaveWhitespace(text.utf8) { return String(text) }
        let bytes = Array(text.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var lineHasText = false
        var pendingSpace = false
        var pendingBreak = false
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x0A || byte == 0x0D {
                if lineHasText { pendingBreak = true }
                lineHasText = false
                pendingSpace = false
                index += 1
                continue
            }
            let space = spaceLength(bytes, at: index)
            if space > 0 {
                pendingSpace = lineHasText
                index += space
                continue
            }
            if pendingBreak {
                if let lineSeparator { output.append(lineSeparator) }
                pendingBreak = false
            } else if pendingSpace {
                output.append(0x20)
            }
            pendingSpace = false
            output.append(byte)
            lineHasText = true
            index += 1
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// The byte length of the collapsible space starting at `index` (see
    /// `Unicode.Scalar.isCollapsibleSpace`), or 0.
    private static func spaceLength(_ bytes: [UInt8], at index: Int) -> Int {
        switch bytes[index] {
        case 0x20, 0x09: return 1
        case 0xC2 where index + 1 < bytes.count && bytes[index + 1] == 0xA0: return 2
        case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80:
            return [0x82, 0x83, 0x89, 0x8A, 0xAF].contains(bytes[index + 2]) ? 3 : 0
        case 0xE3 where index + 2 < bytes.count && bytes[index + 1] == 0x80 && bytes[index + 2] == 0x80: return 3
        default: return 0
        }
    }

    /// `text` cut at the separators outside brackets, each part trimmed, empty parts dropped.
    static func clauses(of text: String, separators: String) -> [String] {
        var parts: [String] = []
        var current = String.UnicodeScalarView()
        var depth = 0
        let cuts = Set(separators.unicodeScalars)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "（", "(", "《", "“", "【": depth += 1
            case "）", ")", "》", "”", "】": depth = max(0, depth - 1)
            default: break
            }
            if depth == 0, cuts.contains(scalar) {
                parts.append(String(current))
                current = String.UnicodeScalarView()
            } else {
                current.append(scalar)
            }
        }
        parts.append(String(current))
        return parts.map { singleLine($0) }.filter { !$0.isEmpty }
    }
}

/// Whether UTF-8 holds a byte sequence of a collapsible space or a line break: ASCII space,
/// tab, CR, LF, U+00A0 (C2 A0), U+2002–U+202F (E2 80 xx) or U+3000 (E3 80 80).
private func mayHaveWhitespace(_ bytes: some Collection<UInt8>) -> Bool {
    var previous: UInt8 = 0
    var beforePrevious: UInt8 = 0
    for byte in bytes {
        switch byte {
        case 0x20, 0x09, 0x0A, 0x0D: return true
        case 0xA0 where previous == 0xC2: return true
        case 0x80 where previous == 0x80 && beforePrevious == 0xE3: return true
        case 0x80...0xAF where previous == 0x80 && beforePrevious == 0xE2: return true
        default: break
        }
        beforePrevious = previous
        previous = byte
    }
    return false
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
