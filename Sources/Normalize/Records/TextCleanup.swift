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

    /// `collapsingWhitespace` of a `String`, made of its own pieces (see `collapse(_:lineSeparator:)`).
    static func collapsingWhitespace(_ text: String) -> String {
        collapse(text, lineSeparator: 0x0A)
    }

    /// One line: like `collapsingWhitespace`, with line breaks removed between lines (a title or
    /// a name that Word wrapped).
    static func singleLine(_ text: some StringProtocol) -> String {
        collapse(text, lineSeparator: nil)
    }

    /// `singleLine` of a `String`, made of its own pieces (see `collapse(_:lineSeparator:)`).
    static func singleLine(_ text: String) -> String {
        collapse(text, lineSeparator: nil)
    }

    private static func collapse(_ text: some StringProtocol, lineSeparator: UInt8?) -> String {
        if let collapsed = text.utf8.withContiguousStorageIfAvailable({ collapse($0, lineSeparator: lineSeparator) }) {
            return collapsed ?? String(text)
        }
        return Array(text.utf8).withUnsafeBufferPointer { collapse($0, lineSeparator: lineSeparator) } ?? String(text)
    }

    /// The collapsed `String`: the text itself when collapsing leaves it as it is (most cells),
    /// else a copy of the collapsed bytes.
    private static func collapse(_ text: String, lineSeparator: UInt8?) -> String {
        var text = text
        text.makeContiguousUTF8()
        if let collapsed = text.utf8.withContiguousStorageIfAvailable({ collapse($0, lineSeparator: lineSeparator) }) {
            return collapsed ?? text
        }
        return collapse(text[...], lineSeparator: lineSeparator)
    }

    /// `singleLine` of a text, given its `collapsingWhitespace` (the same lines joined with
    /// nothing instead of `\n`), without reading the text again.
    static func singleLine(ofCollapsed collapsed: String) -> String {
        var collapsed = collapsed
        collapsed.makeContiguousUTF8()
        return collapsed.utf8.withContiguousStorageIfAvailable { bytes -> String in
            guard firstLineFeed(in: bytes, from: 0) < bytes.count else { return collapsed }
            // The lines copied one after another (whole scalars of a string: no check).
            return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: bytes.count) { output in
                var count = 0
                forEachLine(in: bytes) { line in
                    UnsafeMutableRawPointer(output.baseAddress! + count)
                        .copyMemory(from: bytes.baseAddress! + line.lowerBound, byteCount: line.count)
                    count += line.count
                }
                return String(validUTF8: UnsafeBufferPointer(rebasing: output[..<count]))
            }
        } ?? singleLine(collapsed[...])
    }

    /// `singleLine` of UTF-8 bytes taken from a string and cut between scalars (valid UTF-8,
    /// copied unchecked).
    static func singleLine(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        collapse(bytes, lineSeparator: nil) ?? String(validUTF8: bytes)
    }

    /// The collapsed text, or nil when there is nothing to collapse (the text stays as it is).
    private static func collapse(_ bytes: UnsafeBufferPointer<UInt8>, lineSeparator: UInt8?) -> String? {
        // Most cells have nothing to collapse: told in one pass that writes nothing.
        guard !isCollapsed(bytes, lineSeparator: lineSeparator) else { return nil }
        // Collapsing never lengthens the text, and keeps whole scalars of valid UTF-8 (the
        // bytes of a string), so the result is copied without checking it again.
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: bytes.count) { output -> String? in
            let count = collapse(bytes, lineSeparator: lineSeparator, into: output)
            let collapsed = UnsafeBufferPointer(rebasing: output[..<count])
            if ByteSearch.equal(collapsed, bytes) { return nil }
            return String(validUTF8: collapsed)
        }
    }

    /// Whether collapsing gives `bytes` back as they are: every space is one ASCII space
    /// between text on its line, every line break one `lineSeparator` (LF) between lines of
    /// text, and no CR. Words are skipped as `forEachPiece` skips them (`runEnd`).
    static func isCollapsed(_ bytes: UnsafeBufferPointer<UInt8>, lineSeparator: UInt8?) -> Bool {
        // Whether the last byte read is text (false at the start, after a space or a break).
        var afterText = false
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x0A {
                guard lineSeparator == 0x0A, afterText else { return false }
                afterText = false
                index += 1
                continue
            }
            if byte == 0x0D { return false }
            let space = spaceLength(bytes, at: index)
            if space > 0 {
                guard byte == 0x20, afterText else { return false }
                afterText = false
                index += 1
                continue
            }
            afterText = true
            index = runEnd(bytes, from: index + 1)
        }
        return afterText || bytes.isEmpty
    }

    /// Writes the collapsed bytes into `output` (at least as long as `bytes`) and returns
    /// their count.
    private static func collapse(
        _ bytes: UnsafeBufferPointer<UInt8>, lineSeparator: UInt8?, into output: UnsafeMutableBufferPointer<UInt8>
    ) -> Int {
        var count = 0
        forEachPiece(bytes, lineSeparator: lineSeparator) { range in
            UnsafeMutableBufferPointer(rebasing: output[count..<count + range.count]).baseAddress!
                .update(from: bytes.baseAddress! + range.lowerBound, count: range.count)
            count += range.count
        } separate: { separator in
            output[count] = separator
            count += 1
        }
        return count
    }

    /// The collapsed text as pieces in order: runs of `bytes` kept as they are (`keep`, with
    /// their byte range) and the separators written between them (`separate`: a space or
    /// `lineSeparator`).
    @inline(__always)
    private static func forEachPiece(
        _ bytes: UnsafeBufferPointer<UInt8>, lineSeparator: UInt8?, keep: (Range<Int>) -> Void, separate: (UInt8) -> Void
    ) {
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
            // Before text: the line break or the space that the text ends, written once.
            if pendingBreak {
                if let lineSeparator { separate(lineSeparator) }
                pendingBreak = false
            } else if pendingSpace {
                separate(0x20)
            }
            pendingSpace = false
            lineHasText = true
            // Text up to the next space or line break is kept whole.
            let end = runEnd(bytes, from: index + 1)
            keep(index..<end)
            index = end
        }
    }

    /// The end of the text from `start` up to the next space or line break: eight bytes at a
    /// time, going straight to the first byte of a word that may start one
    /// (`WhitespaceBytes.firstStop`), then byte by byte over the last bytes.
    @inline(__always)
    private static func runEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var end = start
        let base = UnsafeRawPointer(bytes.baseAddress!)
        while end + 8 <= bytes.count {
            let stop = WhitespaceBytes.firstStop(base.loadUnaligned(fromByteOffset: end, as: UInt64.self))
            guard stop < 8 else {
                end += 8
                continue
            }
            end += stop
            if isStop(bytes, at: end) { return end }
            end += 1
        }
        while end < bytes.count {
            if !WhitespaceBytes.continuesRun(bytes[end]), isStop(bytes, at: end) { return end }
            end += 1
        }
        return end
    }

    /// Whether a line break or a collapsible space starts at `index`.
    @inline(__always)
    private static func isStop(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        let byte = bytes[index]
        return byte == 0x0A || byte == 0x0D || spaceLength(bytes, at: index) > 0
    }

    /// Whether `text` is empty or only whitespace, as `Cell.isBlank` tells it (every scalar's
    /// `isWhitespace`), told by the first byte for text that opens with printable ASCII or
    /// a scalar from U+4000 up (UTF-8 leads E4 on): no whitespace scalar lies above U+3000.
    static func isBlank(_ text: String) -> Bool {
        if let first = text.utf8.first, (first > 0x20 && first < 0x7F) || first >= 0xE4 { return false }
        return text.unicodeScalars.allSatisfy { $0.properties.isWhitespace }
    }

    /// The byte length of the collapsible space starting at `index` (see
    /// `Unicode.Scalar.isCollapsibleSpace`), or 0.
    @inline(__always)
    private static func spaceLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        switch bytes[index] {
        case 0x20, 0x09: return 1
        case 0xC2 where index + 1 < bytes.count && bytes[index + 1] == 0xA0: return 2
        case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80:
            switch bytes[index + 2] {
            case 0x82, 0x83, 0x89, 0x8A, 0xAF: return 3
            default: return 0
            }
        case 0xE3 where index + 2 < bytes.count && bytes[index + 1] == 0x80 && bytes[index + 2] == 0x80: return 3
        default: return 0
        }
    }

    /// The UTF-8 length of the first `count` `Character`s of `bytes` (all of them when there
    /// are fewer), found by scalars when every scalar up to there is a `Character` of its own
    /// (`Unicode.Scalar.isOwnCharacter`); nil when that cannot be told without grapheme breaking.
    static func utf8Length(ofCharacters count: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var index = 0
        var characters = 0
        // One scalar past the prefix is checked too: it must not join the last character.
        while index < bytes.count, characters <= count {
            let (scalar, length) = decodeScalar(bytes, at: index)
            guard scalar.isOwnCharacter else { return nil }
            if characters == count { return index }
            characters += 1
            index += length
        }
        return index
    }

    /// Calls `body` with the byte range of each non-empty line of UTF-8 `bytes`, as
    /// `split(separator: "\n")` cuts a `String`: at LF, but not at the LF of a CR LF pair,
    /// which is one `Character` and stays inside its line.
    /// The line breaks are found eight bytes at a time (`firstLineFeed`).
    @inline(__always)
    static func forEachLine(in bytes: UnsafeBufferPointer<UInt8>, _ body: (Range<Int>) -> Void) {
        var lineStart = 0
        var index = 0
        while true {
            index = firstLineFeed(in: bytes, from: index)
            guard index < bytes.count else { break }
            if index == 0 || bytes[index - 1] != 0x0D {
                if index > lineStart { body(lineStart..<index) }
                lineStart = index + 1
            }
            index += 1
        }
        if bytes.count > lineStart { body(lineStart..<bytes.count) }
    }

    /// The index of the first LF at or after `start`, or `bytes.count`: eight bytes at a time
    /// (a zero byte of `word ^ 0x0A0A…` is an LF), then byte by byte.
    @inline(__always)
    static func firstLineFeed(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var index = start
        if let base = bytes.baseAddress {
            let raw = UnsafeRawPointer(base)
            let ones: UInt64 = 0x0101_0101_0101_0101
            while index + 8 <= bytes.count {
                let difference = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)) ^ (ones &* 0x0A)
                let found = (difference &- ones) & ~difference & (ones &* 0x80)
                if found != 0 { return index + found.trailingZeroBitCount / 8 }
                index += 8
            }
        }
        while index < bytes.count, bytes[index] != 0x0A { index += 1 }
        return index
    }

    /// `text` cut at the separators outside brackets, each part trimmed, empty parts dropped.
    static func clauses(of text: String, separators: String) -> [String] {
        var text = text
        text.makeContiguousUTF8()
        let cuts = Array(separators.unicodeScalars)
        return text.utf8.withContiguousStorageIfAvailable { bytes in
            var parts: [String] = []
            forEachClause(in: bytes, separators: cuts) { range in
                let part = singleLine(UnsafeBufferPointer(rebasing: bytes[range]))
                if !part.isEmpty { parts.append(part) }
            }
            return parts
        } ?? []
    }

    /// Calls `body` with the byte range of each part of `bytes` (valid UTF-8) between the
    /// separators outside brackets, as printed (untrimmed, empty ones too): `clauses(of:separators:)`
    /// before its parts are trimmed. Only the scalars whose lead byte may start a bracket or a
    /// separator are decoded.
    static func forEachClause(in bytes: UnsafeBufferPointer<UInt8>, separators: [Unicode.Scalar], _ body: (Range<Int>) -> Void) {
        var leads = ClauseLeads.brackets
        for separator in separators { leads.insert(UInt8(truncatingIfNeeded: separator.utf8.first ?? 0)) }
        var depth = 0
        var partStart = 0
        var index = 0
        while index < bytes.count {
            let lead = bytes[index]
            // A scalar whose lead starts no bracket and no separator is stepped over whole.
            guard leads.contains(lead) else {
                index &+= lead < 0xC0 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
                continue
            }
            let (scalar, length) = decodeScalar(bytes, at: index)
            switch scalar {
            case "（", "(", "《", "“", "【": depth += 1
            case "）", ")", "》", "”", "】": depth = max(0, depth - 1)
            default: break
            }
            if depth == 0, separators.contains(scalar) {
                body(partStart..<index)
                partStart = index + length
            }
            index += length
        }
        body(partStart..<bytes.count)
    }

    /// The scalar whose UTF-8 starts at `index` and its byte length.
    @inline(__always)
    static func decodeScalar(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (Unicode.Scalar, Int) {
        let lead = bytes[index]
        var value = UInt32(lead)
        var length = 1
        if lead >= 0xF0, index + 3 < bytes.count {
            value = UInt32(lead & 0x07) << 18 | UInt32(bytes[index + 1] & 0x3F) << 12 | UInt32(bytes[index + 2] & 0x3F) << 6
                | UInt32(bytes[index + 3] & 0x3F)
            length = 4
        } else if lead >= 0xE0, index + 2 < bytes.count {
            value = UInt32(lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F)
            length = 3
        } else if lead >= 0xC0, index + 1 < bytes.count {
            value = UInt32(lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F)
            length = 2
        }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
    }
}

/// The lead bytes `TextCleanup.forEachClause` decodes at: ASCII bytes and the leads C0…FF
/// (continuation bytes are never asked: the scan steps over whole scalars).
private struct ClauseLeads {
    private var ascii: (UInt64, UInt64) = (0, 0)
    private var leads: UInt64 = 0

    /// The lead bytes of the brackets: ( ) ASCII, “ ” E2, 《 》 【 】 E3, （ ） EF.
    static let brackets: ClauseLeads = {
        var leads = ClauseLeads()
        for byte: UInt8 in [0x28, 0x29, 0xE2, 0xE3, 0xEF] { leads.insert(byte) }
        return leads
    }()

    mutating func insert(_ byte: UInt8) {
        let bit = UInt64(1) << UInt64(byte & 63)
        switch byte {
        case 0..<0x40: ascii.0 |= bit
        case 0x40..<0x80: ascii.1 |= bit
        case 0xC0...: leads |= bit
        default: break
        }
    }

    @inline(__always)
    func contains(_ byte: UInt8) -> Bool {
        let word = byte < 0x40 ? ascii.0 : byte < 0x80 ? ascii.1 : byte >= 0xC0 ? leads : 0
        return word & (UInt64(1) << UInt64(byte & 63)) != 0
    }
}

/// The UTF-8 bytes that may start a collapsible space or a line break: any byte up to 0x20
/// and the leads C2 (U+00A0), E2 (U+20xx) and E3 (U+3000).
private enum WhitespaceBytes {
    /// Whether `byte` starts no space and no line break (continuation bytes never do).
    @inline(__always)
    static func continuesRun(_ byte: UInt8) -> Bool {
        byte > 0x20 && byte != 0xC2 && byte != 0xE2 && byte != 0xE3
    }

    /// The position (0–7, from the word's first byte in memory) of the first of the eight
    /// bytes of `word` that may stop a run, or 8 when none does: one up to 0x20, or one of
    /// C2, E2, E3 (told with C3 too, which only stops the word scan, never the run).
    @inline(__always)
    static func firstStop(_ word: UInt64) -> Int {
        let word = UInt64(littleEndian: word)
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        // A byte below 0x21. The borrow of the subtraction only runs upwards: the lowest
        // byte flagged is one, the bytes above it may be false alarms.
        let low = (word &- ones &* 0x21) & ~word & highs
        // Bits 0 and 5 cleared, C2, C3, E2 and E3 all read C2 (lowest flag exact, as above).
        let leads = (word & ~(ones &* 0x21)) ^ (ones &* 0xC2)
        let lead = (leads &- ones) & ~leads & highs
        return (low | lead).trailingZeroBitCount >> 3
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

extension Unicode.Scalar {
    /// Whether the scalar is a `Character` by itself beside any other scalar of this kind: it
    /// neither joins the one before it (no combining mark, joiner or variation selector, no
    /// CR before LF) nor the one after it. Holds for ASCII (but CR), Latin, general
    /// punctuation, symbols, CJK punctuation, ideographs and full-width forms; text made of
    /// such scalars can be counted and cut by scalars exactly as by `Character`s.
    var isOwnCharacter: Bool {
        switch value {
        case 0x0D: false
        case 0x00...0x2FF, 0x2010...0x2027, 0x2030...0x205E, 0x2100...0x2BFF, 0x3000...0x3029, 0x3030...0x3098,
            0x309B...0x312F, 0x3190...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0xFE10...0xFE19,
            0xFE30...0xFE6F, 0xFF01...0xFF9D, 0xFFE0...0xFFEE, 0x20000...0x3FFFF:
            true
        default: false
        }
    }
}

extension Character {
    var isCollapsibleSpace: Bool { unicodeScalars.count == 1 && unicodeScalars.first!.isCollapsibleSpace }
}
