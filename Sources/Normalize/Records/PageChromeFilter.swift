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
        "相关报道", "相关链接", "相关阅读", "相关新闻", "相关文章", "阅读量", "阅读次数", "访问量", "点击数", "【打印",
        "【关闭", "在手机打开", "手机扫描", "微信扫描", "分享至",
    ]

    static let markerWords = ScalarWords(markers)

    /// Whole lines that are page controls when they stand alone (a toolbar copied one button
    /// per line: 下载 / 打印 / 全屏 / 收藏, 加大 / 还原 / 减小, 小 / 中 / 大, the brackets around them).
    static let controlLines: Set<String> = [
        "下载", "打印", "全屏", "收藏", "加大", "还原", "减小", "默认", "放大", "缩小", "小", "中", "大", "【", "】", "[", "]",
        ">", ">>", "/", "|", "首页", "返回", "关闭", "分享", "打印本页", "关闭窗口", "返回顶部", "字号", "字体", "视力保护色",
    ]

    /// What a photo credit ends with (`本报记者阮洋摄`), and the words that must stand before it.
    static let photoCreditEndings = ["摄", "摄影", "供图", "图"]
    static let photoCreditWords = ["记者", "通讯员", "摄影", "供图"]

    static func isChrome(_ text: String) -> Bool {
        // Chrome is short; a paragraph of the body may well mention 无障碍 or 相关政策.
        // (At most four bytes a scalar: the byte count settles most lines without counting scalars.)
        let byteCount = text.utf8.count
        guard byteCount <= 320 else { return false }
        // Over 80 bytes, the scalars are counted from the bytes before any is folded (folding
        // keeps one scalar for one).
        if byteCount > 80, text.utf8.withContiguousStorageIfAvailable({ AnnotationFinder.ByteMarks.scalarCount($0) > 80 }) == true {
            return false
        }
        // Most lines hold no scalar any rule below looks for: told from the bytes, unfolded.
        if text.utf8.withContiguousStorageIfAvailable(cannotBeChrome) == true { return false }
        // Folded once, as scalars; each test below first asks the scalars whether it can hold, and
        // the rare lines that may are asked again as text where the rule counts Characters.
        let folded = CharacterFold.simplifiedScalars(of: text)
        guard byteCount <= 80 || folded.count <= 80 else { return false }
        if markerWords.occurs(in: folded) { return true }
        if mayBeControlLine(folded), controlLines.contains(TextCleanup.singleLine(String(scalars: folded))) { return true }
        if let last = folded.last(where: { !$0.isCollapsibleSpace && $0 != "\n" && $0 != "\r" }),
            photoCreditLastScalars.contains(last), isPhotoCredit(String(scalars: folded))
        {
            return true
        }
        if ScalarWords.matches(openInformation, folded, at: folded.count - openInformation.count)
            || ScalarWords.matches(openInformationOpening, folded, at: 0)
        {
            return true
        }
        if isImageName(folded) { return true }
        if folded.first == "【", isRelatedLink(String(scalars: folded)) { return true }
        return mayBeNavigationBar(folded) && isNavigationBar(String(scalars: folded))
    }

    /// The printed scalars (below U+10000) whose simplified key a rule of `isChrome` looks for:
    /// the openings of the marker words (【 among them, a related link's opening), the last
    /// scalars of a photo credit and of an image name (either case), the first and last of
    /// 政府信息公开, and the spaces and line breaks (a navigation bar's, a control line's).
    static let scalarsRulesLookFor: ScalarSet = {
        var targets = markerWords.words.compactMap(\.first) + photoCreditLastScalars + [openInformation[0], openInformation[openInformation.count - 1], "【"]
        for letter in imageEndingLastLetters {
            targets.append(Unicode.Scalar(letter)!)
            targets.append(Unicode.Scalar(letter & ~0x20)!)
        }
        for value in 0..<UInt32(0x1_0000) {
            guard let scalar = Unicode.Scalar(value), scalar.isCollapsibleSpace || scalar == "\n" || scalar == "\r" else { continue }
            targets.append(scalar)
        }
        return ScalarSet(CharacterFold.forms(ofAny: targets).map { String($0) })
    }()

    /// Whether a line (valid UTF-8) is told no chrome without folding it: it holds none of
    /// `scalarsRulesLookFor` (and no scalar above U+FFFF), so only a control line could match,
    /// and it has more scalars than the longest control line.
    static func cannotBeChrome(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let scalarCount = scalarsRulesLookFor.scalarCountWithoutMembers(utf8: bytes) else { return false }
        return scalarCount > longestControlLine
    }

    /// 政府信息公开 (a site's section name) at the end of a line, or before a space at its start.
    static let openInformation = Array("政府信息公开".unicodeScalars)
    static let openInformationOpening = openInformation + [" "]

    /// Whether a control line may be `scalars` once made one line: no more scalars other than
    /// spaces than the longest control line has (no control line holds a space).
    static func mayBeControlLine(_ scalars: [Unicode.Scalar]) -> Bool {
        var count = 0
        for scalar in scalars where !scalar.isCollapsibleSpace && scalar != "\n" && scalar != "\r" {
            count += 1
            if count > longestControlLine { return false }
        }
        return true
    }

    static let longestControlLine = controlLines.map { $0.unicodeScalars.count }.max() ?? 0

    /// The scalars a photo credit's ending ends with.
    static let photoCreditLastScalars = photoCreditEndings.compactMap(\.unicodeScalars.last)

    /// A related link: 【莞视频】小孩读书…
    static func isRelatedLink(_ text: String) -> Bool {
        guard text.startsWithText("【"), let close = text.firstIndex(of: "】") else { return false }
        return text.distance(from: text.startIndex, to: close) <= 8 && text.index(after: close) != text.endIndex
    }

    /// A photo's caption with its credit: `省长…作政府工作报告。本报记者阮洋摄`.
    static func isPhotoCredit(_ text: String) -> Bool {
        let trimmed = TextCleanup.singleLine(text)
        guard photoCreditEndings.contains(where: { trimmed.endsWithText($0) }) else { return false }
        // The credit is the last sentence: a reporter's name after 记者/通讯员.
        let tail = trimmed.split(whereSeparator: { "。！？".contains($0) }).last.map(String.init) ?? trimmed
        return tail.count <= 24 && photoCreditWords.contains { tail.containsText($0) }
    }

    /// `市府紅頭.png`: an image the page showed, left behind as its file name.
    static func isImageName(_ scalars: [Unicode.Scalar]) -> Bool {
        // Lowercasing maps no other letter onto an ASCII one of these endings, so the ending is
        // compared scalar for scalar, ASCII letters folded.
        // Every ending ends with g, f or p: most lines are told by their last scalar.
        guard let last = scalars.last, imageEndingLastLetters.contains(last.value | 0x20), !scalars.contains(" ") else {
            return false
        }
        return imageEndings.contains { ending in
            guard scalars.count >= ending.count else { return false }
            return zip(scalars.suffix(ending.count), ending).allSatisfy { scalar, expected in
                (scalar.value >= 0x41 && scalar.value <= 0x5A ? scalar.value | 0x20 : scalar.value) == UInt32(expected)
            }
        }
    }

    static let imageEndings = [".png", ".jpg", ".jpeg", ".gif", ".bmp", ".webp", ".svg"].map { Array($0.utf8) }

    /// The last letters of the endings, lowercase.
    static let imageEndingLastLetters = Array(Set(imageEndings.compactMap { $0.last.map(UInt32.init) }))

    /// Whether `scalars` may be a navigation bar: a space between words, and (when each scalar is a
    /// Character of its own) nothing but spaces and non-ASCII scalars, no more than the bar's length.
    static func mayBeNavigationBar(_ scalars: [Unicode.Scalar]) -> Bool {
        guard scalars.contains(where: \.isCollapsibleSpace) else { return false }
        guard scalars.allSatisfy(\.isOwnCharacter) else { return true }
        return scalars.count <= 40 && scalars.allSatisfy { $0.isCollapsibleSpace || $0.value >= 0x80 }
    }

    /// `無障礙    長者助手 我的收藏   收藏`: short words separated by spaces, no punctuation.
    static func isNavigationBar(_ text: String) -> Bool {
        // Two words need a space between them.
        guard text.unicodeScalars.contains(where: \.isCollapsibleSpace) else { return false }
        let words = text.split(whereSeparator: \.isCollapsibleSpace)
        guard words.count >= 2, text.count <= 40 else { return false }
        return words.allSatisfy { word in
            word.count <= 5 && word.allSatisfy { $0.isLetter && !$0.isASCII }
        }
    }
}
