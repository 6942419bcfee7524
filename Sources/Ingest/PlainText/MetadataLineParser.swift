public import PlanModel

/// Reads page-metadata lines of government sites: `索引號: 1144…/2020-00195 分類:`,
/// `發布機構: 東莞市人民政府辦公室 成文日期: 2020-03-06`, `日期: 2025-01-14 18:04:47 |浏览: 28|编号: 64647`.
///
/// A line is metadata only when it opens with a known key and a colon; it may hold several
/// pairs. Keys are listed in both scripts because readers run before script conversion.
public enum MetadataLineParser {
    /// Keys as printed on gov.cn-style pages, simplified and traditional.
    static let keys: [String] = [
        "索引号", "索引號", "主题分类", "主題分類", "分类", "分類", "发布机构", "發布機構", "发文机关", "發文機關",
        "成文日期", "名称", "名稱", "标题", "標題", "文号", "文號", "发文字号", "發文字號", "发布日期", "發布日期",
        "主题词", "主題詞", "日期", "浏览次数", "瀏覽次數", "浏览", "瀏覽", "编号", "編號", "来源", "來源",
        "信息来源", "信息來源", "发布时间", "發布時間", "有效性", "生效日期", "废止日期", "廢止日期",
        "发表时间", "發表時間", "时间", "時間", "更新时间", "更新時間", "文件编号", "文件編號", "组配分类", "組配分類",
    ].sorted { $0.count > $1.count }

    /// Keys too common in running text to mark metadata on their own (`时间：2023年底前`): the
    /// line is metadata only when the value is a date, or empty (the date on the next line).
    static let dateOnlyKeys: Set<String> = ["时间", "時間", "发表时间", "發表時間", "更新时间", "更新時間"]

    /// Whether a value is a full date and nothing more, with the time of day a page header
    /// adds: `2026-02-12`, `2026年2月12日`, `2026/2/12 09:45:30`. `2023年6月底前` (a deadline
    /// in a task) is not.
    public static func opensWithDate(_ value: some StringProtocol) -> Bool {
        var rest = Substring(String(value)).drop { $0.isWhitespace }
        func number(_ lengths: ClosedRange<Int>) -> Bool {
            let digits = rest.prefix { $0.isASCII && $0.isNumber }
            guard lengths.contains(digits.count) else { return false }
            rest = rest.dropFirst(digits.count)
            return true
        }
        func separator(_ allowed: String) -> Bool {
            guard let first = rest.first, allowed.contains(first) else { return false }
            rest = rest.dropFirst()
            return true
        }
        guard number(4...4), separator("-/.年"), number(1...2), separator("-/.月"), number(1...2) else { return false }
        _ = separator("日")
        rest = rest.drop { $0.isWhitespace }
        if rest.isEmpty { return true }
        // A time of day: 09:45 or 09:45:30.
        guard number(1...2), separator(":："), number(2...2) else { return false }
        if separator(":："), !number(2...2) { return false }
        return rest.allSatisfy(\.isWhitespace)
    }

    static let keyOpenings = Set(keys.compactMap(\.unicodeScalars.first))

    /// `keys` by their first scalar, each list in the order of `keys` (longest first): a text
    /// is compared only with the keys that open with its own first scalar.
    static let keysByOpening: [Unicode.Scalar: [String]] = Dictionary(grouping: keys) { $0.unicodeScalars.first! }

    /// The pairs of a metadata line, or nil when the line is not one.
    public static func parse(_ line: some StringProtocol, lineNumber: Int) -> [MetadataField]? {
        // Every key opens with one of a few characters; most lines are rejected right here,
        // most of them by their first scalar, before any walk over characters: a character is
        // white space when its first scalar is, so when that scalar is not, nothing is dropped
        // below and it is the scalar the key must open with.
        if let opening = line.unicodeScalars.first, !opening.properties.isWhitespace, !keyOpenings.contains(opening) {
            return nil
        }
        let text = Substring(line).drop { $0.isWhitespace }
        guard let first = text.unicodeScalars.first, keyOpenings.contains(first) else { return nil }
        guard let first = key(at: text.startIndex, in: text), first.start == text.startIndex else { return nil }
        var fields: [MetadataField] = []
        var current = first
        var cursor = first.valueStart
        while cursor < text.endIndex {
            // The next key starts after a space or a `|` separator.
            let character = text[cursor]
            let next = text.index(after: cursor)
            if character.isMetadataSeparator,
                let found = key(at: text[next...].firstIndex { !$0.isMetadataSeparator } ?? text.endIndex, in: text)
            {
                fields.append(field(current, text, upTo: cursor, line: lineNumber))
                current = found
                cursor = found.valueStart
                continue
            }
            cursor = next
        }
        fields.append(field(current, text, upTo: text.endIndex, line: lineNumber))
        if dateOnlyKeys.contains(fields[0].key), !fields[0].value.isEmpty, !opensWithDate(fields[0].value) { return nil }
        return fields
    }

    struct FoundKey {
        var key: String
        var start: Substring.Index
        var valueStart: Substring.Index
    }

    /// A key followed by a colon at `index`.
    static func key(at index: Substring.Index, in text: Substring) -> FoundKey? {
        guard index < text.endIndex, let candidates = keysByOpening[text.unicodeScalars[index]] else { return nil }
        let rest = text[index...]
        for key in candidates where rest.utf8.starts(with: key.utf8) {
            var after = rest.index(rest.startIndex, offsetBy: key.count)
            while after < rest.endIndex, rest[after] == " " { after = rest.index(after: after) }
            guard after < rest.endIndex, rest[after] == ":" || rest[after] == "：" else { continue }
            return FoundKey(key: key, start: index, valueStart: rest.index(after: after))
        }
        return nil
    }

    static func field(_ key: FoundKey, _ text: Substring, upTo end: Substring.Index, line: Int) -> MetadataField {
        let value = text[key.valueStart..<end].trimmingSeparators
        return MetadataField(key: key.key, value: value, line: line)
    }
}

extension Character {
    /// What separates pairs on a metadata line: spaces of any kind, tabs, `|`.
    var isMetadataSeparator: Bool {
        self == " " || self == "|" || self == "\u{3000}" || self == "\t" || self == "\u{00A0}"
    }
}

extension Substring {
    /// Without surrounding spaces and `|` separators.
    var trimmingSeparators: String {
        // Most lines open and end with text: told by their first and last scalars, without
        // walking characters (see `Unicode.Scalar.endsTextCharacter`).
        if let first = unicodeScalars.first, let last = unicodeScalars.last, first != "|",
            !first.properties.isWhitespace, last.endsTextCharacter
        {
            return String(self)
        }
        let isSeparator: (Character) -> Bool = { $0.isWhitespace || $0 == "|" }
        guard let start = firstIndex(where: { !isSeparator($0) }) else { return "" }
        let end = lastIndex(where: { !isSeparator($0) })!
        return String(self[start...end])
    }
}

extension Unicode.Scalar {
    /// Whether a text ending with this scalar ends with a character that is neither whitespace
    /// nor `|`: a printable ASCII scalar other than `|`, a CJK ideograph, a CJK punctuation mark
    /// (、。〈〉《》「」『』【】) or a fullwidth form (，：；（）). None of these extends a character
    /// begun before it, so the last character is either this scalar alone or opens with a
    /// prepended scalar, never with whitespace.
    var endsTextCharacter: Bool {
        switch value {
        case 0x21...0x7E: self != "|"
        case 0x3001...0x3011, 0x4E00...0x9FFF, 0xFF01...0xFF5E: true
        default: false
        }
    }
}
