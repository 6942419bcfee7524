@testable import Normalize
import Testing

@Suite struct MilestoneSplitterTests {
    @Test func oneMilestonePerPeriodLine() {
        let schedule = "一季度，完成调研。\n二、三季度，推进建设。\n四季度，验收。"
        #expect(MilestoneSplitter.split(schedule) == ["一季度，完成调研。", "二、三季度，推进建设。", "四季度，验收。"])
    }

    @Test func severalPeriodsInOneLineAreSplit() {
        let schedule = "一季度，完成投资1亿元。二季度，累计完成投资3亿元。三季度，累计完成投资5.5亿元。"
        #expect(MilestoneSplitter.split(schedule) == ["一季度，完成投资1亿元。", "二季度，累计完成投资3亿元。", "三季度，累计完成投资5.5亿元。"])
    }

    @Test func headingsAreKeptInFrontOfTheirMilestones() {
        let schedule = "公办中小学学位方面：\n一季度，梳理情况。\n二季度，推动完工。\n落实生均拨款方面：\n一季度，摸底。"
        #expect(MilestoneSplitter.split(schedule) == [
            "公办中小学学位方面：\n一季度，梳理情况。", "公办中小学学位方面：\n二季度，推动完工。", "落实生均拨款方面：\n一季度，摸底。",
        ])
    }

    @Test func aListAfterAMilestoneContinuesIt() {
        let schedule = "三、四季度，收集诉求。\n全年跟进项目：\n1.湾区半导体产业园项目；\n2.常平云谷产业园项目。"
        #expect(MilestoneSplitter.split(schedule) == ["三、四季度，收集诉求。", "全年跟进项目：\n1.湾区半导体产业园项目；\n2.常平云谷产业园项目。"])
    }

    @Test func textWithoutAnyPeriodStandsAlone() {
        #expect(MilestoneSplitter.split("项目于2023年2月10日进行第一次竣工验收。") == ["项目于2023年2月10日进行第一次竣工验收。"])
        #expect(MilestoneSplitter.split("") == [])
    }

    @Test func unitLabelsBeforeAPeriodStayOnTheLine() {
        let schedule = "松山湖水厂配水管线：一季度累计完成管道铺设5.9km；二季度累计完成管道铺设10.5km。"
        #expect(MilestoneSplitter.split(schedule) == [
            "松山湖水厂配水管线：一季度累计完成管道铺设5.9km；", "松山湖水厂配水管线：二季度累计完成管道铺设10.5km。",
        ])
    }
}
