import PlanModel

/// One line of visible text and the input lines it came from.
struct HTMLTextLine: Hashable, Sendable {
    var text: String
    var span: SourceSpan
}

/// Turns HTML text into lines the way a browser lays them out: runs of white space collapse
/// to one space, lines break at `<br>` and around block elements, and each line is trimmed.
///
/// Non-breaking spaces (U+00A0) and ideographic spaces are not HTML white space and stay
/// (a later cleanup stage handles them); an empty line is never produced. A line break in
/// the source between two CJK characters is dropped rather than turned into a space, as
/// CSS Text 3 asks for East Asian text, so a sentence wrapped in the source stays whole.
struct HTMLLineBuilder {
    private(set) var lines: [HTMLTextLine] = []
    private var current = ""
    private var currentSpan: SourceSpan?
    private var pendingSpace = false
    private var pendingSegmentBreak = false
    private var lastScalar: Unicode.Scalar?
    /// Inside `<pre>`: white space is kept and source line breaks are line breaks.
    var preservesWhiteSpace = false

    /// Appends character data that starts on `line` of the input.
    mutating func append(_ text: String, startingAt line: Int) {
        var line = line
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n":
                if preservesWhiteSpace {
                    breakLine()
                } else {
                    pendingSpace = true
                    pendingSegmentBreak = true
                }
                line += 1
            case " ", "\t", "\r", "\u{0C}":
                if preservesWhiteSpace { appendVisible(" ", line: line) } else { pendingSpace = true }
            default:
                appendVisible(scalar, line: line)
            }
        }
    }

    private mutating func appendVisible(_ scalar: Unicode.Scalar, line: Int) {
        if pendingSpace, let last = lastScalar, !current.isEmpty {
            if !(pendingSegmentBreak && Self.isEastAsianWide(last) && Self.isEastAsianWide(scalar)) {
                current.unicodeScalars.append(" ")
            }
        }
        pendingSpace = false
        pendingSegmentBreak = false
        current.unicodeScalars.append(scalar)
        lastScalar = scalar
        currentSpan = currentSpan.map { $0.union(SourceSpan(line: line)) } ?? SourceSpan(line: line)
    }

    /// Ends the current line (a `<br>`, or the edge of a block element). Does nothing when
    /// the line holds no visible text, so consecutive breaks never make empty lines.
    mutating func breakLine() {
        if let span = currentSpan, !current.isEmpty {
            // Trailing spaces inside `<pre>` are not content either.
            while current.unicodeScalars.last == " " { current.unicodeScalars.removeLast() }
            if !current.isEmpty { lines.append(HTMLTextLine(text: current, span: span)) }
        }
        current = ""
        currentSpan = nil
        pendingSpace = false
        pendingSegmentBreak = false
        lastScalar = nil
    }

    /// Ends the current line and hands over every finished line, leaving the builder empty.
    mutating func takeLines() -> [HTMLTextLine] {
        breakLine()
        defer { lines = [] }
        return lines
    }

    /// Ideographs, kana, hangul, CJK punctuation and full-width forms, and the quotation
    /// marks, dashes and ellipsis that Chinese text sets full width (“ ” — …).
    static func isEastAsianWide(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x1100...0x115F, 0x2010...0x2027, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
            0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
            0xFFE0...0xFFE6, 0x20000...0x3FFFD:
            true
        default:
            false
        }
    }
}

extension HTMLLineBuilder {
    /// Adds the text of `node` and everything below it: block elements and `<br>` break
    /// lines; scripts, styles, comments, hidden elements and embedded objects add nothing.
    /// Used for table cells and captions, where site chrome is not expected.
    mutating func appendContent(of node: HTMLNode) {
        switch node.kind {
        case .text(let text):
            append(text, startingAt: node.line)
        case .comment:
            return
        case .element(let tag):
            if tag == "br" {
                breakLine()
                return
            }
            if HTMLElementCategory.script.contains(tag) || HTMLElementCategory.style.contains(tag)
                || HTMLElementCategory.embedded.contains(tag) || HTMLElementCategory.isHidden(node)
            {
                return
            }
            let isBlock = HTMLElementCategory.block.contains(tag)
            if isBlock { breakLine() }
            let outerPreservesWhiteSpace = preservesWhiteSpace
            if HTMLElementCategory.preformatted.contains(tag) { preservesWhiteSpace = true }
            for child in node.children { appendContent(of: child) }
            preservesWhiteSpace = outerPreservesWhiteSpace
            if isBlock { breakLine() }
        }
    }
}
