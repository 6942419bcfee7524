import Normalize
import PlanModel
import Testing

/// What a report copied from a news site carries at both ends never becomes task text, and
/// the page header fills the document's facts.
@Suite struct PageFurnitureTests {
    static let report = """
        下载
        打印
        收藏
        【字号：
        加大
        减小
        】
        政府工作报告。 示例日报记者 王某 摄
        政府工作报告
        ——2026年1月20日在示例省第十四届人民代表大会第四次会议上
        来源：示例日报
        发表时间：
        2026-02-12 09:45:30
        各位代表：
        一、今年的重点工作
        1.新建城乡社区食堂300个（省民政厅负责）
        2.改造老旧小区500个（省住房城乡建设厅负责）
        3.新增公办幼儿园学位1万个（省教育厅负责）
        扫一扫在手机打开当前页
        相关报道：
        【
        打印本页
        】
        """

    @Test func theHeaderDateIsThePublishedDate() {
        let document = Records.fromPlainText(Self.report).document
        #expect(document.dates.published == CalendarDate(year: 2026, month: 2, day: 12))
    }

    @Test func aGenericTitleIsMadeSpecificFromItsDeliveryLine() {
        #expect(Records.fromPlainText(Self.report).document.title == "2026年示例省政府工作报告")
        let withTitleLine = Records.fromPlainText("2026年示例市政府工作报告\n政府工作报告\n一、工作回顾\n")
        #expect(withTitleLine.document.title == "2026年示例市政府工作报告")
    }

    @Test func furnitureAtBothEndsIsNeverTaskText() {
        let result = Records.fromPlainText(Self.report)
        let text = result.tasks.map { $0.title + ($0.measures ?? "") + ($0.target ?? "") }.joined()
        for furniture in ["扫一扫", "相关报道", "打印本页", "】", "记者", "加大"] {
            #expect(!text.contains(furniture), "\(furniture) in task text")
        }
        #expect(result.tasks.count == 3)
        #expect(result.tasks.last?.title == "新增公办幼儿园学位1万个")
    }
}
