@testable import Normalize
import PlanModel
import Testing

/// Every form an item's owners are printed in, resolved as a user reads them.
@Suite struct ResponsibilityAnnotationTests {
    /// The owners of a one-item outline whose statement ends with `annotation`.
    private func owners(_ annotation: String, before: String = "") -> (lead: [String], support: [String]) {
        let text = before + "一、重点任务\n1.推进某项工作。完善制度。" + annotation + "\n"
        let task = Records.fromPlainText(text).tasks.first
        return (task?.leadUnits ?? ["<no task>"], task?.supportUnits ?? [])
    }

    @Test(arguments: [
        ("（甲局、乙局负责）", ["甲局", "乙局"], [String]()),
        ("（甲局牵头，乙局、丙委配合）", ["甲局"], ["乙局", "丙委"]),
        ("（甲局负责，乙局参与）", ["甲局"], ["乙局"]),
        ("（甲局、乙局按职责分工负责）", ["甲局", "乙局"], []),
        ("（牵头单位：甲局、乙局、丙委）", ["甲局", "乙局", "丙委"], []),
        ("（牵头单位：甲局；配合单位：乙局、丙委）", ["甲局"], ["乙局", "丙委"]),
        ("（牵头单位：甲局，配合单位：乙局、丙委，各区、县级市）", ["甲局"], ["乙局", "丙委", "各区、县级市"]),
        ("牵头：甲局 配合：乙局", ["甲局"], ["乙局"]),
        // 责任单位 names supports (SPEC §3.2) unless the document says the first one leads.
        ("责任单位：甲局、乙局", [], ["甲局", "乙局"]),
        // A labelled list may still end with the verb an unlabelled one ends with.
        ("（责任单位：甲局、乙局按职责分工负责）", [], ["甲局", "乙局"]),
        ("（牵头单位：甲局负责；配合单位：乙局）", ["甲局"], ["乙局"]),
        ("(甲局、乙局等有关部门负责)", ["甲局", "乙局"], []),
        ("（甲局会同乙局负责）", ["甲局"], ["乙局"]),
        ("（甲局、乙局，各省级人民政府按职责分工负责）", ["甲局", "乙局", "各省级人民政府"], []),
        // An adverb before the verb is part of it: both lead.
        ("（甲局、乙局分别牵头，丙委配合）", ["甲局", "乙局"], ["丙委"]),
        ("（甲局、乙局均负责）", ["甲局", "乙局"], []),
        // A labelled value closed by a lead verb says the role over its label's.
        ("责任单位：甲局、乙局分别牵头", ["甲局", "乙局"], []),
        // Compound labels: a role word before a known label gives it that role.
        ("（牵头责任单位：甲局；协同责任单位：乙局、丙委）", ["甲局"], ["乙局", "丙委"]),
        ("（主要责任单位：甲局；其他责任单位：乙局）", ["甲局"], ["乙局"]),
    ] as [(String, [String], [String])])
    func formsOfAnAnnotation(annotation: String, lead: [String], support: [String]) {
        let found = owners(annotation)
        #expect(found.lead == lead, "\(annotation)")
        #expect(found.support == support, "\(annotation)")
    }

    @Test func theLabelIsNeverLeftInAUnit() {
        let found = owners("（负责部门：甲厅、乙厅；适用范围：某试验区）")
        #expect(found.lead == ["甲厅", "乙厅"])
        let task = Records.fromPlainText("一、重点任务\n1.推进某项工作。（负责部门：甲厅；适用范围：某试验区）\n").tasks[0]
        #expect(task.fields.first { $0.header == "适用范围" }?.text == "某试验区")
        #expect(!task.leadUnits.contains { $0.contains("：") || $0.contains("单位") })
    }

    @Test func compoundLabelsOnLinesOfTheirOwn() {
        let text = """
            一、重点工作
            1. 甲指标增长5%以上。
            牵头负责领导：张三。
            牵头责任单位：甲局。
            协同责任单位：乙局、丙委等，各县、市、区政府。
            """
        let task = Records.fromPlainText(text).tasks.first
        #expect(task?.leaders == ["张三"])
        #expect(task?.leadUnits == ["甲局"])
        #expect(task?.supportUnits == ["乙局", "丙委", "各县、市、区政府"])
    }

    @Test func aConventionStatedOnceAppliesToTheEnd() {
        let text = """
            一、重点任务
            1.推进甲工作。（甲局、乙局、丙委负责，排在第一位的部门为牵头部门，下同）
            2.推进乙工作。（丁局、甲局负责）
            3.推进丙工作。（乙局、丙委牵头负责）
            """
        let tasks = Records.fromPlainText(text).tasks
        #expect(tasks.map(\.leadUnits) == [["甲局"], ["丁局"], ["乙局", "丙委"]])
        #expect(tasks.map(\.supportUnits) == [["乙局", "丙委"], ["甲局"], []])
    }

    @Test func aConventionAfterAFullStopInsideTheFirstAnnotation() {
        let text = """
            一、重点任务
            （一）推进甲工作。（甲部、乙部负责。列第一位者为牵头单位，下同）
            （二）推进乙工作。（丙部、丁部，各省级人民政府按职责分工负责）
            """
        let tasks = Records.fromPlainText(text).tasks
        #expect(tasks.map(\.leadUnits) == [["甲部"], ["丙部"]])
        #expect(tasks.map(\.supportUnits) == [["乙部"], ["丁部", "各省级人民政府"]])
    }

    @Test func withoutTheConventionEveryResponsibleUnitLeads() {
        #expect(owners("（甲部、乙部负责）").lead == ["甲部", "乙部"])
    }

    @Test func severalAnnotationsInOneItemAreUnitedInOrder() {
        let text = "一、重点任务\n1.推进甲工作。（甲部负责）加强乙工作。（乙部、甲部负责）完善丙制度。（丙部负责）\n"
        let task = Records.fromPlainText(text).tasks[0]
        #expect(task.leadUnits == ["甲部", "乙部", "丙部"])
        #expect(task.measures?.contains("负责") == false)
    }

    @Test func anAnnotationParagraphAfterTheItem() {
        let text = "一、重点任务\n1.推进甲工作。\n完善相关制度。\n（甲局牵头，乙局配合）\n2.推进乙工作。\n（丙局负责）\n"
        let tasks = Records.fromPlainText(text).tasks
        #expect(tasks.map(\.leadUnits) == [["甲局"], ["丙局"]])
        #expect(tasks[0].supportUnits == ["乙局"])
    }

    @Test func parenthesesThatAssignNoOneAreNotAnnotations() {
        #expect(ResponsibilityAnnotation.parse("HPV") == nil)
        #expect(ResponsibilityAnnotation.parse("技能考试时间以省发文为准") == nil)
        #expect(ResponsibilityAnnotation.parse("以下简称试验区") == nil)
        #expect(ResponsibilityAnnotation.parse("含技工院校") == nil)
        #expect(ResponsibilityAnnotation.parse("设在市自然资源局") == nil)
        // 支持 is what money does, not a role: 中央财政给予支持 names no unit.
        #expect(ResponsibilityAnnotation.parse("中央财政给予支持") == nil)
    }
}

@Suite struct LabelledLineTests {
    @Test func severalLabelsOnOneLine() {
        let text = "一、重点任务\n1.推进甲工作。\n牵头：甲局 配合：乙局、丙局\n"
        let task = Records.fromPlainText(text).tasks[0]
        #expect(task.leadUnits == ["甲局"])
        #expect(task.supportUnits == ["乙局", "丙局"])
    }
}

@Suite struct ConventionNoteTests {
    @Test func aConventionNoteInsideTheUnitList() {
        let text = """
            一、重点工作
            1.推进甲工作。
            责任单位：县发改局（首位单位为牵头单位，下同）、县财政局、县统计局
            2.推进乙工作。
            责任单位：县农业农村局、县发改局
            """
        let tasks = Records.fromPlainText(text).tasks
        #expect(tasks.map(\.leadUnits) == [["县发改局"], ["县农业农村局"]])
        #expect(tasks.map(\.supportUnits) == [["县财政局", "县统计局"], ["县发改局"]])
    }
}

@Suite struct AnnotationDeadlineTests {
    @Test func aDeadlineLabelledInTheAnnotationIsAMilestone() throws {
        let text = "一、重点工作\n1.开展营商环境评价。（责任单位：区发展改革局，完成时限：2023年12月底前）\n"
        let task = try #require(Records.fromPlainText(text).tasks.first)
        #expect(task.milestones.map(\.text) == ["2023年12月底前"])
        #expect(task.milestones.first?.when?.ref == "2023-12-31")
        #expect(task.supportUnits == ["区发展改革局"])
    }
}
