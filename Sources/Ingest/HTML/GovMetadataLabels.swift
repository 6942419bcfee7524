/// The labels of page metadata on Chinese government sites: the gov.cn-style table of
/// 索引号 / 主题分类 / 发文机关 / 成文日期 / 标题 / 发文字号 / 发布日期 and the `<meta>` tags
/// (ArticleTitle, PubDate, ContentSource) that carry the same facts.
enum GovMetadataLabels {
    /// Labels as printed, after alignment padding and the trailing colon are removed;
    /// traditional forms too, since some sites serve converted pages.
    static let tableLabels: Set<String> = [
        "索引号", "主题分类", "发文机关", "成文日期", "标题", "发文字号", "发布日期", "发布机构", "文号", "主题词",
        "公文种类", "来源", "信息来源", "发布时间", "生效日期", "失效日期", "有效性", "时效性", "体裁分类", "组配分类",
        "服务对象分类", "名称", "统一编号", "公开方式", "公开范围", "发布单位", "文件编号", "信息分类", "所属主题",
        "索引號", "主題分類", "發文機關", "標題", "發文字號", "發布日期", "發佈日期", "發布機構", "文號", "主題詞",
        "來源", "發布時間", "名稱", "統一編號", "公開方式",
    ]

    /// `<meta name>` values that describe the document itself (compared in lower case).
    /// Technical ones (viewport, robots, renderer, site verification) are not metadata.
    static let metaNames: Set<String> = [
        "articletitle", "pubdate", "contentsource", "author", "keywords", "description", "columnname",
        "columntype", "sitename", "source", "publishdate", "firstdate", "subject", "title", "filenumber",
    ]

    static func isMetaName(_ name: String) -> Bool {
        let lower = name.lowercased()
        return metaNames.contains(lower) || lower.hasPrefix("dc.") || lower.hasPrefix("dcterms.")
    }

    /// A cell's text as a label key: `标　　题：` → `标题`; nil when it is not a label.
    static func label(in text: String) -> String? {
        // Labels are a few characters; long cell texts are values, and checking them
        // character by character would cost more than the whole table.
        guard text.utf8.count <= 60 else { return nil }
        let key = labelKey(text)
        return tableLabels.contains(key) ? key : nil
    }

    /// `发布日期：2023-03-20` in one cell → (`发布日期`, `2023-03-20`), when the part before
    /// the colon is a known label.
    static func labelledValue(in text: String) -> (key: String, value: String)? {
        guard let colon = text.prefix(16).firstIndex(where: { $0 == "：" || $0 == ":" }) else { return nil }
        guard let key = label(in: String(text[..<colon])) else { return nil }
        let value = String(text[text.index(after: colon)...]).trimmingWhiteSpace()
        return (key, value)
    }

    /// The printed label without padding (ASCII, no-break and ideographic spaces used to
    /// align labels) and without its colon.
    static func labelKey(_ text: String) -> String {
        var key = text.filter { !($0.isWhitespace || $0 == "\u{00A0}" || $0 == "\u{3000}") }
        while key.last == "：" || key.last == ":" { key.removeLast() }
        return key
    }
}

extension String {
    /// Without leading and trailing white space (ASCII, no-break and ideographic).
    func trimmingWhiteSpace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(scalars[first...last])
    }
}
