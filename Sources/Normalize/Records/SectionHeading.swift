import PlanModel

/// A section heading as printed: `一、强化医疗服务保障（共12项）` → marker 一, title
/// 强化医疗服务保障, declared 12.
struct SectionHeading: Hashable, Sendable {
    /// The heading as printed.
    var text: String
    var label: ListLabel?
    /// The task count the heading declares: （共12项）, (共3项), 共6项.
    var declared: Int?

    /// Reads the label from the line's opening and the count only where the text holds 共 (or a
    /// form of it): the title is made when asked for (most table cells ask only for the label).
    init(_ text: String) {
        self.init(text, label: Self.label(of: text))
    }

    private init(_ text: String, label: ListLabel?) {
        self.text = text
        self.label = label
        declared = Self.mayDeclare(text) ? Self.parts(of: text, after: label).declared : nil
    }

    /// The text after the label, without the declared count, one line.
    var titleScalars: [Unicode.Scalar] { Self.parts(of: text, after: label).title }

    var title: String { String(scalars: titleScalars) }

    /// The heading `text` makes when it is numbered and declares a count (一、…（共23项）); nil for
    /// any other paragraph, most of them told by a scan for 共 alone, the rest by their opening.
    static func declaring(_ text: String) -> SectionHeading? {
        guard mayDeclare(text), let label = label(of: text) else { return nil }
        let heading = SectionHeading(text, label: label)
        return heading.declared != nil ? heading : nil
    }

    /// The label of the text made one line: read from its opening scalars.
    private static func label(of text: String) -> ListLabel? {
        ScalarLine.withSingleLinePrefix(of: text, limit: ListLabel.window) { ListLabel.parse(window: $0) }
    }

    /// Whether `text` holds 共 or a form of it followed by a digit, which every declared count
    /// does: only spaces and line breaks, which making it one line drops, may stand between.
    /// Most paragraphs holding 共 (共同, 公共) are told here without making them one line.
    static func mayDeclare(_ text: String) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { bytes in
            gongFormBytes.contains { form in form.withUnsafeBufferPointer { digitFollows(form: $0, in: bytes) } }
        } ?? gongForms.contains(where: { text.containsText($0) })
    }

    /// Whether an occurrence of `form` in `bytes` is followed, after spaces and line breaks, by
    /// a scalar that folds to a digit.
    private static func digitFollows(form: UnsafeBufferPointer<UInt8>, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var start = 0
        while start < bytes.count, let offset = ByteSearch.firstOffset(of: form, in: UnsafeBufferPointer(rebasing: bytes[start...])) {
            var index = start + offset + form.count
            while index < bytes.count {
                let (scalar, length) = TextCleanup.decodeScalar(bytes, at: index)
                if scalar.isCollapsibleSpace || scalar == "\n" || scalar == "\r" {
                    index += length
                    continue
                }
                let folded = scalar.simplifiedKey
                if folded.isASCIIDigit || folded.chineseDigitValue != nil { return true }
                break
            }
            start += offset + form.count
        }
        return false
    }

    /// The title (the text made one line, after `label`, without the count) and the count.
    private static func parts(of text: String, after label: ListLabel?) -> (title: [Unicode.Scalar], declared: Int?) {
        var scalars = ScalarLine.singleLine(of: text)
        scalars.removeFirst(label?.length ?? 0)
        guard let (count, range) = declaredCount(in: scalars) else { return (scalars, nil) }
        scalars.removeSubrange(range)
        // Spaces around the count meet, or end the line.
        return (ScalarLine.singleLine(scalars), count)
    }

    /// 共 and every character that folds to it.
    static let gongForms = CharacterFold.forms(of: "共").map { String($0) }
    static let gongFormBytes = gongForms.map { Array($0.utf8) }

    var ref: SectionRef { SectionRef(marker: label?.numeral ?? "", title: title) }

    /// A label with nothing after it: the auto-number Word leaves in a merged cell.
    var isBareLabel: Bool {
        guard let label, declared == nil else { return false }
        // Nothing after the label: the line made one line is the label alone.
        return ScalarLine.withSingleLinePrefix(of: text, limit: label.length + 1) { $0.count } == label.length
    }

    /// Finds 共N项 with its brackets, if any, as a range of scalar offsets.
    static func declaredCount(in text: [Unicode.Scalar]) -> (Int, Range<Int>)? {
        // Compared folded (共計 reads like 共计), scalar for scalar, so offsets carry over.
        guard let gong = text.lastIndex(where: { $0.simplifiedKey == "共" }) else { return nil }
        var cursor = gong + 1
        var digits: [Unicode.Scalar] = []
        while cursor < text.count {
            let scalar = text[cursor].simplifiedKey
            guard scalar.isASCIIDigit || scalar.chineseDigitValue != nil else { break }
            digits.append(scalar)
            cursor += 1
        }
        guard !digits.isEmpty, cursor < text.count, "项个件条".unicodeScalars.contains(text[cursor].simplifiedKey) else { return nil }
        let numeral = String(scalars: digits)
        guard let count = Int(numeral) ?? ChineseNumeral.value(of: numeral) else { return nil }
        var end = cursor + 1
        var start = gong
        // Take the enclosing brackets with it.
        if start > 0, "（(".unicodeScalars.contains(text[start - 1].simplifiedKey), end < text.count,
            "）)".unicodeScalars.contains(text[end].simplifiedKey)
        {
            start -= 1
            end += 1
        }
        return (count, start..<end)
    }
}
