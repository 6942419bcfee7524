import PlanModel

/// Recognises the site chrome that text copied from a web page carries around the body:
/// navigation words, print and font-size controls, view counters, image file names,
/// reminders and unrelated links. Such lines are counted in a warning, never turned into
/// records, and never silently lost.
enum PageChromeFilter {
    /// Words that mark a line as page furniture, in simplified script (lines are folded first).
    static let markers = [
        "无障碍", "长者助手", "我的收藏", "【打印】", "【字体", "【关闭】", "【返回", "浏览次数", "友情提醒", "相关政策",
        "点击查看", "政策解读:", "政策解读：", "扫一扫", "分享到", "上一篇", "下一篇", "返回顶部", "披露方法", "责任编辑",
        "打印本页", "关闭窗口", "字号：", "字号:", "【大】", "【中】", "【小】", "当前位置", "您现在的位置", "网站地图",
    ]

    static func isChrome(_ text: String) -> Bool {
        // Chrome is short; a paragraph of the body may well mention 无障碍 or 相关政策.
        guard text.unicodeScalars.count <= 80 else { return false }
        let folded = CharacterFold.simplifiedKey(text)
        if markers.contains(where: { folded.containsText($0) }) { return true }
        if folded.endsWithText("政府信息公开") || folded.startsWithText("政府信息公开 ") { return true }
        if isImageName(folded) { return true }
        // A related link: 【莞视频】小孩读书…
        if folded.startsWithText("【"), let close = folded.firstIndex(of: "】"),
            folded.distance(from: folded.startIndex, to: close) <= 8, folded.index(after: close) != folded.endIndex
        {
            return true
        }
        return isNavigationBar(folded)
    }

    /// `市府紅頭.png`: an image the page showed, left behind as its file name.
    static func isImageName(_ text: String) -> Bool {
        let lower = text.lowercased()
        guard !lower.utf8.contains(UInt8(ascii: " ")) else { return false }
        return [".png", ".jpg", ".jpeg", ".gif", ".bmp", ".webp", ".svg"].contains { lower.endsWithText($0) }
    }

    /// `無障礙    長者助手 我的收藏   收藏`: short words separated by spaces, no punctuation.
    static func isNavigationBar(_ text: String) -> Bool {
        let words = text.split(whereSeparator: \.isCollapsibleSpace)
        guard words.count >= 2, text.count <= 40 else { return false }
        return words.allSatisfy { word in
            word.count <= 5 && word.allSatisfy { $0.isLetter && !$0.isASCII }
        }
    }
}
