/// The charset a page declares for itself: HTML `<meta charset=…>`, the http-equiv form
/// `content="text/html; charset=…"`, or an XML declaration's `encoding=…`, looked for in the
/// first few KB, where browsers look too.
struct DeclaredCharset: Hashable, Sendable {
    /// The label as written, lower-cased (`gb2312`).
    let label: String

    /// How far into the file a declaration is looked for (browsers use 1024 bytes; pages
    /// with long `<head>` scripts put it later).
    static let searchLimit = 4096

    /// What plan2json reads a declared label as: GB2312 and GBK pages are decoded as their
    /// superset GB18030 (sites declare gb2312 and then use GBK characters), Big5 labels as
    /// Big5; nil for labels plan2json does not read.
    var readAs: SupportedCharset? {
        switch label {
        case "gb2312", "gbk", "gb18030", "x-gbk", "cp936", "ms936", "windows-936", "euc-cn", "x-euc-cn",
            "csgb2312", "gb_2312-80", "gb_2312", "chinese", "iso-ir-58", "csiso58gb231280":
            return .gb18030
        case "big5", "big5-hkscs", "cn-big5", "csbig5", "x-x-big5", "x-big5", "cp950", "ms950", "windows-950":
            return .big5
        case "utf-8", "utf8", "unicode-1-1-utf-8":
            return .utf8
        default:
            return nil
        }
    }

    static func find(in bytes: [UInt8]) -> DeclaredCharset? {
        // Every declaration is inside a tag: a head without `<` (plain text, table dumps) has none.
        let hasTag = bytes.withUnsafeBufferPointer { buffer in
            let head = UnsafeBufferPointer(rebasing: buffer.prefix(searchLimit))
            return ByteScan.firstIndex(of: UInt8(ascii: "<"), in: head) < head.count
        }
        guard hasTag else { return nil }
        // ASCII-lower-cased copy of the head; multi-byte text around it does not matter.
        let head = bytes.prefix(searchLimit).map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
        var position = 0
        while let tagStart = head[position...].firstIndex(of: UInt8(ascii: "<")) {
            let tagEnd = head[tagStart...].firstIndex(of: UInt8(ascii: ">")) ?? head.endIndex
            let tag = head[tagStart..<tagEnd]
            if tag.starts(with: "<meta".utf8) {
                if let label = value(after: "charset", in: tag) { return DeclaredCharset(label: label) }
            } else if tag.starts(with: "<?xml".utf8) {
                if let label = value(after: "encoding", in: tag) { return DeclaredCharset(label: label) }
            }
            position = tagEnd
            if position >= head.endIndex { break }
        }
        return nil
    }

    /// The token after `name`, `=` and an optional quote: `charset="gbk"` → `gbk`.
    private static func value(after name: String, in tag: ArraySlice<UInt8>) -> String? {
        let needle = Array(name.utf8)
        guard let found = tag.indices.first(where: { tag[$0...].starts(with: needle) }) else { return nil }
        var index = found + needle.count
        func skip(_ allowed: Set<UInt8>) {
            while index < tag.endIndex, allowed.contains(tag[index]) { index += 1 }
        }
        skip([0x20, 0x09, 0x0A, 0x0D])
        guard index < tag.endIndex, tag[index] == UInt8(ascii: "=") else { return nil }
        index += 1
        skip([0x20, 0x09, 0x0A, 0x0D, UInt8(ascii: "\""), UInt8(ascii: "'")])
        let start = index
        while index < tag.endIndex, isLabelByte(tag[index]) { index += 1 }
        guard index > start else { return nil }
        return String(decoding: tag[start..<index], as: UTF8.self)
    }

    private static func isLabelByte(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39)
            || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ":") || byte == UInt8(ascii: ".")
    }
}
