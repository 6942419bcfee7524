public import PlanModel
internal import Charsets

/// Decides what kind of document a file holds from its content, not its name.
public enum FormatDetector {
    /// The binary format the bytes start with (`PDF`, `zip`, `OLE2 (.doc/.xls)`, `PNG` ...),
    /// or nil when they may be text. Checked before decoding, so a PDF gets a clear error
    /// instead of a decoding failure.
    public static func binaryKind(of bytes: [UInt8]) -> String? {
        let signatures: [(prefix: [UInt8], kind: String)] = [
            (Array("%PDF".utf8), "PDF document"),
            ([0x50, 0x4B, 0x03, 0x04], "zip archive (.docx/.xlsx/.zip)"),
            ([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1], "OLE2 compound file (.doc/.xls)"),
            ([0x89, 0x50, 0x4E, 0x47], "PNG image"),
            ([0xFF, 0xD8, 0xFF], "JPEG image"),
            (Array("GIF8".utf8), "GIF image"),
            ([0x1F, 0x8B], "gzip archive"),
            (Array("Rar!".utf8), "RAR archive"),
            ([0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C], "7z archive"),
            (Array("{\\rtf".utf8), "RTF document"),
        ]
        for signature in signatures where bytes.starts(with: signature.prefix) {
            return signature.kind
        }
        // Binary data holds NULs and other control bytes throughout (random bytes: one in nine);
        // text holds none, except UTF-16 (a NUL in every ASCII character: the sample is tried
        // as UTF-16 before it is called binary) and damaged text: a stray NUL, or a
        // zero-filled end where a download was cut off, which the decoder removes and
        // reports. So the sample leaves out a run of NULs that ends the file, and a text may
        // hold a few control bytes.
        var end = bytes.count
        while end > 0, bytes[end - 1] == 0 { end -= 1 }
        let sample = bytes[..<min(end, 4096)]
        let hasUTF16BOM = sample.starts(with: [0xFF, 0xFE]) || sample.starts(with: [0xFE, 0xFF])
        if !hasUTF16BOM, sample.contains(0) {
            let controls = sample.count { $0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0C && $0 != 0x0D }
            let manyControls = controls >= Self.controlBytesOfBinary.minimum
                && controls * 100 > sample.count * Self.controlBytesOfBinary.percent
            if manyControls, !readsAsUTF16(sample) { return "binary data" }
        }
        return nil
    }

    /// Whether the sample decodes as likely text in UTF-16 without a byte-order mark, either
    /// byte order: its NULs are then the high bytes of ASCII characters and the low ones of
    /// characters such as 一 (U+4E00), and its control bytes parts of characters.
    private static func readsAsUTF16(_ sample: ArraySlice<UInt8>) -> Bool {
        // Whole code units only; a pair of surrogates cut at the sample's end is not waited for.
        var units = Array(sample.prefix(sample.count & ~1))
        if units.count >= 2 {
            let last = units.count - 2
            let isHighSurrogate = { (high: UInt8) in high & 0xFC == 0xD8 }
            if isHighSurrogate(units[last + 1]) || isHighSurrogate(units[last]) { units.removeLast(2) }
        }
        return [SupportedCharset.utf16le, .utf16be].contains { charset in
            guard let text = CharsetConverter.decode(units, charset: charset.converters[0], strict: true) else { return false }
            return TextPlausibility.measure(text).isConvincing
        }
    }

    /// Control bytes (NUL and C0 but tab, line feed, form feed and carriage return) that make
    /// a sample holding a NUL binary data: more than this share (per cent) and at least this
    /// many.
    static let controlBytesOfBinary = (percent: 1, minimum: 4)

    /// Element names that mark a saved content area as HTML when no `<html>`/`<body>` frames
    /// it (a CMS field, a copied `<tbody>`, a run of `<p>`): the block elements plus the
    /// inline ones every editor writes.
    static let fragmentElements: Set<String> = HTMLElementCategory.block.union([
        "a", "b", "br", "em", "font", "i", "img", "span", "strong", "sub", "sup", "u",
    ])

    /// How many known tags a fragment that does not open with one needs before it is HTML.
    static let fragmentTagMinimum = 4

    /// A saved content area without `<html>`/`<body>`: it opens with a known element
    /// (`<p>`, `<tbody>`, `<tr>`, `<span …>`), or known tags occur throughout the head with at
    /// least one of them closed (`</p>`). A `<` in running text (`<=`, `a<b`, `《…》` typed as
    /// `<…>`) is not followed by an element name and a delimiter, so prose never counts.
    static func isMarkupFragment(_ head: String) -> Bool {
        isMarkupFragment(Array(head.unicodeScalars))
    }

    static func isMarkupFragment(_ scalars: [Unicode.Scalar]) -> Bool {
        var tags = 0
        var closing = 0
        var firstTagAt: Int?
        var index = 0
        while index < scalars.count {
            guard scalars[index] == "<" else {
                index += 1
                continue
            }
            var cursor = index + 1
            let isClosing = cursor < scalars.count && scalars[cursor] == "/"
            if isClosing { cursor += 1 }
            var name = ""
            while cursor < scalars.count, name.count < 12, scalars[cursor].isASCII,
                scalars[cursor].properties.isAlphabetic || ("0"..."9").contains(scalars[cursor])
            {
                name.unicodeScalars.append(scalars[cursor])
                cursor += 1
            }
            let delimited = cursor < scalars.count && (scalars[cursor] == ">" || scalars[cursor] == "/" || scalars[cursor].properties.isWhitespace)
            if !name.isEmpty, delimited, fragmentElements.contains(name) {
                tags += 1
                if isClosing { closing += 1 }
                if firstTagAt == nil { firstTagAt = index }
            }
            index = cursor
        }
        guard let firstTagAt, tags >= 2, closing >= 1 else { return false }
        let opensWithTag = scalars[..<firstTagAt].allSatisfy { $0.properties.isWhitespace }
        return opensWithTag || tags >= fragmentTagMinimum
    }

    /// Characters at the start of a document that decide whether it is HTML.
    static let headLength = 4096
    /// Markup a document opens with (after white space) when it is HTML.
    static let openingMarkers = ["<!doctype html", "<html", "<?xml"]
    /// Markup anywhere in the head that makes a document HTML.
    static let framingMarkers = ["<html", "<body", "<table", "<meta", "<div"]

    /// Whether the head of `text` is markup: framed by HTML, or a saved content area.
    static func isHTML(_ text: String) -> Bool {
        // Every marker and every tag opens with `<`: text without one (most plain text and
        // table dumps) is not markup, told by one byte scan instead of reading its head.
        let hasAngle = text.utf8.withContiguousStorageIfAvailable { ByteScan.firstIndex(of: UInt8(ascii: "<"), in: $0) < $0.count }
        if hasAngle == false { return false }
        if let head = DocumentHead(text, characters: headLength) {
            // Every character a scalar: the same questions, asked of scalars.
            let start = head.firstNonWhitespace
            return openingMarkers.contains { head.holds($0, at: start) }
                || framingMarkers.contains { head.contains($0) }
                || isMarkupFragment(head.scalars)
        }
        let head = text.prefix(headLength).lowercased()
        let trimmed = head.drop { $0.isWhitespace }
        return openingMarkers.contains { trimmed.hasPrefix($0) }
            || framingMarkers.contains { head.contains($0) }
            || isMarkupFragment(head)
    }

    /// The format of decoded text: HTML when markup frames it, a table dump when lines
    /// opening cells with a TAB dominate, plain text otherwise.
    public static func format(of text: String) -> InputFormat {
        if isHTML(text) { return .html }
        // Counted on bytes: this runs over every file.
        let (tabLines, textLines) =
            text.utf8.withContiguousStorageIfAvailable(countLineOpenings)
            ?? Array(text.utf8).withUnsafeBufferPointer(countLineOpenings)
        // Table dumps open nearly every cell with a TAB; continuation lines of multi-line
        // cells do not, so ask only for a solid share rather than a majority.
        return tabLines >= 3 && tabLines * 3 >= textLines ? .tableDump : .text
    }

    /// Lines whose first character (after spaces) is a TAB, and lines whose first is anything else.
    private static func countLineOpenings(_ bytes: UnsafeBufferPointer<UInt8>) -> (tab: Int, text: Int) {
        var tabLines = 0
        var textLines = 0
        var index = 0
        while index < bytes.count {
            switch bytes[index] {
            case 0x0A, 0x20, 0x0D, 0x80, 0xE3:  // spaces (U+3000 is E3 80 80) before the first character
                index += 1
                continue
            case 0x09: tabLines += 1
            default: textLines += 1
            }
            // Decided: the rest of the line does not count.
            index = ByteScan.firstIndex(of: 0x0A, in: bytes, from: index)
        }
        return (tabLines, textLines)
    }
}
