@testable import Normalize
import Testing

/// The byte filter in front of `PageChromeFilter.isChrome`: it may pass a line that is no chrome
/// on to the rules, never tell a chrome line apart.
@Suite struct ChromeByteFilterTests {
    private func cannotBeChrome(_ text: String) -> Bool {
        var text = text
        text.makeContiguousUTF8()
        return text.utf8.withContiguousStorageIfAvailable(PageChromeFilter.cannotBeChrome) ?? false
    }

    @Test(arguments: ["加强组织领导工作", "（一）总体要求和目标", "abcdeh"])
    func linesWithNothingTheRulesLookForAreToldAtOnce(_ line: String) {
        #expect(cannotBeChrome(line))
        #expect(!PageChromeFilter.isChrome(line))
    }

    @Test(arguments: ["全屏", "打印本页", "本报记者阮洋摄", "市府紅頭.png", "無障礙 長者助手", "【莞视频】小孩读书", "政府信息公开 目录", "某某区政府信息公开", "𠀀𠀀𠀀𠀀𠀀𠀀"])
    func linesARuleMayMatchAreLeftToTheRules(_ line: String) {
        #expect(!cannotBeChrome(line))
    }
}
