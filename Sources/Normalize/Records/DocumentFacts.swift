import PlanModel

/// What a document says about itself: title, issuer, document number, dates. Read from page
/// metadata (索引号, 发布机构, 成文日期, 文号, 发布日期 …), from a table dump's preamble
/// (制表单位：…　制表时间：…), and from the body (a title line, 东府〔2020〕1号, the date
/// under the signature).
struct DocumentFacts: Hashable, Sendable {
    var title: String?
    var issuer: String?
    var docNumber: String?
    var issued: CalendarDate?
    var published: CalendarDate?

    /// Metadata keys by meaning, simplified (keys are folded before matching).
    static let titleKeys = ["名称", "标题", "文件名称", "title", "articletitle"]
    static let issuerKeys = ["发布机构", "发文机关", "发文单位", "制表单位", "填报单位", "编制单位", "contentsource"]
    static let numberKeys = ["文号", "发文字号", "文件编号"]
    static let issuedKeys = ["成文日期", "印发日期", "制表时间", "制表日期", "填报日期"]
    static let publishedKeys = ["发布日期", "日期", "发布时间", "发表时间", "时间", "pubdate", "publishdate"]

    /// Titles that name a kind of document, not a document: printed alone above a report,
    /// they are made specific from the lines around them.
    static let genericTitles: Set<String> = [
        "政府工作报告", "工作报告", "报告", "实施方案", "工作方案", "实施意见", "通知", "工作要点", "行动计划",
        "任务分解表", "重点工作任务分解表", "民生实事",
    ]

    /// The facts of `document`, whose paragraphs are `paragraphs`.
    init(document: SourceDocument, paragraphs: [Paragraph]) {
        var pairs: [(key: String, value: String)] = document.metadata.map { ($0.key, $0.value) }
        var bodyTitle: String?
        var firstParagraphs: [String] = []
        for paragraph in paragraphs {
            if paragraph.role == .preamble {
                let found = Self.pairs(inPreamble: paragraph.text)
                pairs += found
                if found.isEmpty, bodyTitle == nil, !Self.isAttachmentLabel(paragraph.text) {
                    bodyTitle = TextCleanup.singleLine(paragraph.text)
                }
            } else if firstParagraphs.count < 12, paragraph.role != .trailer {
                firstParagraphs.append(TextCleanup.singleLine(paragraph.text))
            }
        }
        // Keys earlier in each list win, wherever they stand on the page: the metadata table's
        // 标题 beats the browser title (<title>), which carries the site's name.
        let keys = pairs.map { CharacterFold.simplifiedKey($0.key).lowercased().filter { !$0.isWhitespace } }
        func value(for wanted: [String]) -> String? {
            for key in wanted {
                for index in pairs.indices where keys[index] == key {
                    let value = TextCleanup.singleLine(pairs[index].value)
                    if !value.isEmpty { return value }
                }
            }
            return nil
        }
        title = value(for: Self.titleKeys).map(Self.withoutSiteName)
        issuer = value(for: Self.issuerKeys)
        docNumber = value(for: Self.numberKeys)
        issued = value(for: Self.issuedKeys).flatMap(Self.date(in:))
        published = value(for: Self.publishedKeys).flatMap(Self.date(in:))
        if title == nil { title = bodyTitle ?? Self.titleLine(in: firstParagraphs) }
        if let generic = title, Self.genericTitles.contains(generic) {
            title = Self.specificTitle(for: generic, in: firstParagraphs) ?? generic
        }
        if docNumber == nil {
            docNumber = paragraphs.lazy.filter { $0.text.utf8.count <= 96 && Self.endsWithNumberSign($0.text) }
                .map { TextCleanup.singleLine($0.text) }.first(where: Self.isDocumentNumber)
        }
        // The date under the signature, and the signature itself.
        let body = paragraphs
        if let dateIndex = body.lastIndex(where: { Self.isDateOnly($0.text) }) {
            if issued == nil { issued = Self.date(in: body[dateIndex].text) }
            let above = dateIndex > 0 ? TextCleanup.singleLine(body[dateIndex - 1].text) : ""
            if issuer == nil, Self.isOrganisation(above) { issuer = above }
        }
        if issuer == nil, let title, let about = title.rangeOfText("关于") ?? title.rangeOfText("關於") ?? title.rangeOfText("關于") {
            let head = String(title[..<about.lowerBound])
            if Self.isOrganisation(head) { issuer = head }
        }
    }

    /// `东莞市人民政府关于…的实施意见_政府文件_东莞市人民政府门户网站` → the part before the site's name.
    static func withoutSiteName(_ title: String) -> String {
        for separator in ["_", " - ", " | ", "－"] {
            if let range = title.rangeOfText(separator), title.distance(from: title.startIndex, to: range.lowerBound) >= 8 {
                return String(title[..<range.lowerBound])
            }
        }
        return title
    }

    /// `制表单位：市政府办公室        制表时间：2023年3月16日` → two pairs.
    static func pairs(inPreamble text: String) -> [(key: String, value: String)] {
        var result: [(key: String, value: String)] = []
        // Segments are separated by runs of two or more spaces.
        var segments: [String] = []
        var current = ""
        var spaces = 0
        for character in text {
            if character.isCollapsibleSpace {
                spaces += 1
                continue
            }
            if spaces >= 2, !current.isEmpty {
                segments.append(current)
                current = ""
            } else if spaces == 1, !current.isEmpty {
                current.append(" ")
            }
            spaces = 0
            current.append(character)
        }
        if !current.isEmpty { segments.append(current) }
        for segment in segments {
            guard let colon = segment.firstIndex(where: { $0 == "：" || $0 == ":" }) else { continue }
            let key = TextCleanup.singleLine(segment[..<colon])
            guard !key.isEmpty, key.count <= 8 else { continue }
            result.append((key, String(segment[segment.index(after: colon)...])))
        }
        return result
    }

    /// `附件 2`, `附件2：`.
    static func isAttachmentLabel(_ text: String) -> Bool {
        let folded = CharacterFold.simplifiedKey(TextCleanup.singleLine(text))
        return (folded.startsWithText("附件") || folded.startsWithText("附表")) && folded.count <= 8
    }

    /// A line that reads like a document title.
    static func titleLine(in paragraphs: [String]) -> String? {
        let endings = [
            "通知", "意见", "方案", "计划", "规划", "办法", "分解表", "任务表", "进度表", "一览表", "清单", "要点", "决定", "报告",
            "细则", "公告", "措施", "分解", "分工",
        ]
        for line in paragraphs where line.count <= 80 && ListLabel.parse(line) == nil {
            // A title set in a page's layout table keeps its cell border: `…的通知 |`.
            let text = TextCleanup.singleLine(line.trimmingTrailing(in: "| "))
            guard !text.containsText("|") else { continue }
            let folded = CharacterFold.simplifiedKey(text)
            if folded.containsText("关于") { return text }
            // By its ending (a bracketed note after it aside: …进度表(截至10月31日), …公告(第2号)); a
            // word or two alone (公告通知, a site's category) is no title.
            let ending = Self.withoutTrailingNote(folded)
            if ending.count >= 8 || genericTitles.contains(text), endings.contains(where: { ending.endsWithText($0) }) { return text }
        }
        return nil
    }

    /// `…进度表(截至10月31日)` → `…进度表`.
    static func withoutTrailingNote(_ text: String) -> String {
        guard let last = text.last, last == ")" || last == "）",
            let open = text.lastIndex(where: { $0 == "(" || $0 == "（" })
        else { return text }
        return String(text[..<open])
    }

    /// A generic title made specific: a longer line of the head ending with it (2026年宁夏回族
    /// 自治区政府工作报告), else, for a report delivered to a people's congress, the year and
    /// the region its delivery line names (——2026年1月27日在贵州省第十四届人民代表大会… →
    /// 2026年贵州省政府工作报告).
    static func specificTitle(for generic: String, in paragraphs: [String]) -> String? {
        if let longer = paragraphs.first(where: { $0.count > generic.count && $0.count <= 60 && $0.endsWithText(generic) && ListLabel.parse($0) == nil }) {
            return longer
        }
        guard generic.endsWithText("报告") else { return nil }
        for text in paragraphs where text.containsText("人民代表大会") {
            guard let at = text.rangeOfText("在"), let year = year(in: text) else { continue }
            let rest = text[at.upperBound...]
            guard let ordinal = rest.rangeOfText("第") else { continue }
            let region = String(rest[..<ordinal.lowerBound])
            guard region.count >= 2, region.count <= 12,
                ["省", "市", "自治区", "县", "区", "州", "盟", "旗"].contains(where: { region.endsWithText($0) })
            else { continue }
            return "\(year)年\(region)\(generic)"
        }
        return nil
    }

    /// Whether the last scalar of `text` but spaces and line breaks is 号 (or a form of it): what a
    /// document number ends with, told before the line is cleaned.
    static func endsWithNumberSign(_ text: String) -> Bool {
        for scalar in text.unicodeScalars.reversed() where !scalar.isCollapsibleSpace && scalar != "\n" && scalar != "\r" {
            return scalar.simplifiedKey == "号"
        }
        return false
    }

    /// `东府〔2020〕1号`.
    static func isDocumentNumber(_ text: String) -> Bool {
        guard endsWithNumberSign(text) else { return false }
        let folded = CharacterFold.simplifiedKey(text)
        guard folded.count <= 24, let open = folded.firstIndex(where: { "〔[［(（".contains($0) }),
            folded.endsWithText("号")
        else { return false }
        let year = folded[folded.index(after: open)...].prefix(4)
        return year.count == 4 && year.allSatisfy(\.isASCIIDigit)
    }

    static func isOrganisation(_ text: String) -> Bool {
        let folded = CharacterFold.simplifiedKey(text)
        guard folded.count >= 3, folded.count <= 30, ListLabel.parse(text) == nil else { return false }
        return ["政府", "办公室", "委员会", "局", "厅", "办", "委", "部", "院", "中心", "公司"].contains { folded.endsWithText($0) }
    }

    /// A line that is only a date: `2023 年 4 月 6 日`, `2020年3月6日`, `2020-03-06`.
    static func isDateOnly(_ text: String) -> Bool {
        // Cheap rejection first: this runs over every paragraph of a document. Where each scalar is
        // a Character of its own, one no date holds (most lines hold one) settles it.
        guard text.utf8.count <= 48 else { return false }
        let scalars = text.unicodeScalars
        if scalars.allSatisfy(\.isOwnCharacter),
            scalars.contains(where: { !$0.isCollapsibleSpace && !$0.isASCIIDigit && !dateSeparators.contains($0) })
        {
            return false
        }
        let compact = text.filter { !$0.isCollapsibleSpace }
        guard !compact.isEmpty, compact.count <= 12 else { return false }
        guard compact.allSatisfy({ $0.isASCIIDigit || "年月日-./".contains($0) }) else { return false }
        return date(in: compact) != nil
    }

    static let dateSeparators = Array("年月日-./".unicodeScalars)

    /// The first full date in the text: `2023年3月16日`, `2023 年 4 月 6 日`, `2020-03-06`,
    /// `2025-01-14 18:04:47`, `2020/3/6`.
    static func date(in text: String) -> CalendarDate? {
        var numbers: [Int] = []
        var current: Int?
        var separators: [Character] = []
        for character in text {
            if let digit = character.wholeNumberValue, character.isASCIIDigit {
                current = (current ?? 0) * 10 + digit
                if current! > 99_999 { return nil }
                continue
            }
            if let value = current {
                numbers.append(value)
                current = nil
                if numbers.count == 3 { break }
            }
            if character.isCollapsibleSpace { continue }
            if numbers.isEmpty { continue }
            if "年月日-./".contains(character) {
                separators.append(character)
            } else {
                numbers.removeAll()
                separators.removeAll()
            }
        }
        if let value = current, numbers.count < 3 { numbers.append(value) }
        guard numbers.count == 3, (1900...2100).contains(numbers[0]) else { return nil }
        return CalendarDate(year: numbers[0], month: numbers[1], day: numbers[2])
    }

    /// The first plausible plan year (`2023年`) in the text.
    static func year(in text: String) -> Int? {
        var digits = 0
        var value = 0
        for character in text {
            if character.isASCIIDigit {
                digits += 1
                value = value * 10 + character.wholeNumberValue!
                continue
            }
            if digits == 4, character == "年" || character == "-", (1990...2100).contains(value) { return value }
            digits = 0
            value = 0
        }
        return nil
    }
}
