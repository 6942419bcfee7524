@testable import Normalize
import PlanModel
import Testing

/// How numbered paragraphs of plain text become tasks.
@Suite struct OutlineTaskBuilderTests {
    @Test func appendixItemsAreTasksAndTheNoticeSectionsAreNot() throws {
        let text = """
            广州市某区人民政府办公室关于印发《某区2023年民生十大实事推进方案》的通知
            一、深化思想认识
            落实民生大事。
            二、加强组织领导
            各领导单位是责任主体。
            附件:某区2023年民生十大实事推进方案
            某区人民政府办公室
            2023 年 4 月 6 日
            附录
            某区2023年民生十大实事推进计划
            1.生育支持:优化生育支持政策
            分管领导:罗英、李永强
            牵头单位:区卫生局、区妇联
            责任单位:区教育局、各镇街
            (一)项目概况
            为14000多名适龄妇女提供免费筛查。
            (二)项目推进计划
            进行癌症筛查:
            1、2023年3月下发工作通知。
            2、2023年8月开展项目监督检查。
            2、教育:促进教育均衡发展
            分管领导:廖平
            牵头单位:区教育局
            (一)项目概况
            推动8所中小学顺利开学。
            (二)项目推进计划
            1、2023年7月底前,完成项目建设。
            2.到2023年9月,完成新增学额。
            四、就业服务:完善就业服务保障
            负责人:罗英
            牵头单位:区人社局
            负责单位:区税务局
            (一)项目概况
            建设13个示范点。
            """
        let result = Records.fromPlainText(text)
        #expect(result.tasks.map(\.number) == ["1", "2", "四"])
        #expect(result.tasks.map(\.title) == ["生育支持:优化生育支持政策", "教育:促进教育均衡发展", "就业服务:完善就业服务保障"])
        let first = result.tasks[0]
        #expect(first.leaders == ["罗英", "李永强"])
        #expect(first.leadUnits == ["区卫生局", "区妇联"])
        #expect(first.supportUnits == ["区教育局", "各镇街"])
        #expect(first.target == "为14000多名适龄妇女提供免费筛查。")
        #expect(first.milestones.map(\.text) == ["进行癌症筛查:\n2023年3月下发工作通知。", "进行癌症筛查:\n2023年8月开展项目监督检查。"])
        #expect(first.milestones.map(\.when?.ref) == ["2023-03", "2023-08"])
        #expect(first.section == [SectionRef(marker: "附录", title: "某区2023年民生十大实事推进计划")])
        #expect(result.tasks[1].milestones.count == 2)
        #expect(result.tasks[2].leaders == ["罗英"])
        #expect(result.tasks[2].supportUnits == ["区税务局"])
        #expect(result.document.title == "广州市某区人民政府办公室关于印发《某区2023年民生十大实事推进方案》的通知")
        #expect(result.document.issuer == "某区人民政府办公室")
        #expect(result.document.dates.issued?.description == "2023-04-06")
    }

    @Test func measuresWithTrailingResponsibilityUnderNestedSections() throws {
        let text = """
            一、指导思想
            以人民为中心。
            二、基本原则
            (一)坚持创新机制,统筹落实。建立工作机制。
            (二)坚持以民为本,回应需求。加快构建格局。
            四、主要举措
            (一)远近结合,强化基础性支撑
            坚持公共安全与环境安全两手抓。
            1.着力健全公共安全保障体系。创新和完善重大公共卫生事件应急处置体制机制,健全公共卫生服务体系。(市发展改革局、教育局、公安局负责)
            2.着力推动品质交通千日攻坚行动。积极参与粤港澳大湾区铁路建设,开展前期规划研究。(市自然资源局、交通运输局负责)
            (二)高低结合,优化普惠性服务
            坚持保基本、兜底线。
            3.推动社会保障提标扩面。强化底线保障,拓宽困难家庭临时救助范围。
            首次实施困难家庭二次医疗救助。(市民政局、医保局,市妇联、残联负责)
            4大力建设法治政府。依法推进阳光政务,深化公共资源配置领域的信息公开。(市委政法委,市政府办公室、司法局负责)
            (三)长短结合,完善长效性机制
            5.统一工作部署。市政府要全面领导、加力统筹、系统谋划全市民生工作。
            6.统一年度任务。根据市委市政府工作重点,梳理年度民生工作要点。
            东莞市人民政府
            2020年3月6日
            相关政策:东莞市人民政府办公室关于印发《行动计划》的通知
            """
        let result = Records.fromPlainText(text)
        #expect(result.tasks.map(\.number) == ["1", "2", "3", "4", "5", "6"])
        let first = result.tasks[0]
        #expect(first.title == "着力健全公共安全保障体系")
        #expect(first.measures == "创新和完善重大公共卫生事件应急处置体制机制,健全公共卫生服务体系。")
        #expect(first.leadUnits == ["市发展改革局", "市教育局", "市公安局"])
        #expect(first.fields.first { $0.header == "负责" }?.text == "市发展改革局、教育局、公安局负责")
        #expect(first.section.map(\.title) == ["主要举措", "远近结合,强化基础性支撑"])
        // Responsibility on the last line of an item that runs over two lines.
        #expect(result.tasks[2].leadUnits == ["市民政局", "市医保局", "市妇联", "市残联"])
        #expect(result.tasks[2].measures == "强化底线保障,拓宽困难家庭临时救助范围。\n首次实施困难家庭二次医疗救助。")
        #expect(result.tasks[3].leadUnits == ["市委政法委", "市政府办公室", "市司法局"])
        #expect(result.tasks[3].warnings.contains { $0.code == .impliedLabel })
        #expect(result.tasks[4].leadUnits == [] && result.tasks[4].section.last?.title == "长短结合,完善长效性机制")
        #expect(result.tasks[5].measures == "根据市委市政府工作重点,梳理年度民生工作要点。")
        #expect(result.document.warnings.contains { $0.code == .siteChromeDropped })
        #expect(result.document.sections.first { $0.title == "主要举措" }?.found == 6)
    }

    @Test func textWithoutTaskItemsGivesAWarnedEmptyResult() {
        let result = Records.fromPlainText("网站首页\n新闻动态\n这是一条新闻。\n")
        #expect(result.tasks.isEmpty)
        #expect(result.document.warnings.contains { $0.code == .noPlanContent })
    }
}

@Suite struct PageChromeTests {
    @Test(arguments: [
        "無障礙    長者助手 我的收藏   收藏", "【打印】 【字體:", "發布日期:2020-03-11  瀏覽次數:-", "市府紅頭.png",
        "東莞市人民政府辦公室政府信息公開", "【莞視頻】小孩讀書、大人出行 2020年東莞市府“一號文”鎖定“民生”",
        "友情提醒:信息内容由网友发布,本站并不对内容真实性负责,请自鉴内容真实性。", "披露方法:主动披露",
    ])
    func chromeLinesAreRecognised(line: String) {
        #expect(PageChromeFilter.isChrome(line))
    }

    @Test(arguments: [
        "11.加大殘疾人幫扶力度。優化殘疾人醫療保障,落實兒童出生缺陷防控和兒童殘疾防治,出臺殘疾兒童康復救助辦法,建設殘疾人無障礙設施,推動市區無障礙改造。(市殘聯負責)",
        "東莞市人民政府", "2020年3月6日", "一、指導思想", "分管领导:罗英、李永强",
    ])
    func bodyLinesAreNot(line: String) {
        #expect(!PageChromeFilter.isChrome(line))
    }
}

/// Layouts of outline documents other than the samples'.
@Suite struct OutlineLayoutTests {
    @Test func unnumberedTaskParagraphsUnderAHeadingThatSharesAParagraphWithTheFirst() {
        let text = """
            一、总体要求
            （一）指导思想。坚持稳中求进。
            二、主要任务
            （一）强化顶层设计。建立指标体系，2019年6月底前完成。（甲部牵头，乙部、丙部参与）
            优化管理体制。建立协调机制。（丁部指导）
            加强制度创新。落实改革举措。（甲部、戊部指导）
            （二）推行绿色生产。
            推动资源利用。（己部负责）
            完善标准体系。（庚部负责）
            三、保障措施
            （一）加强组织领导。成立协调小组。
            """
        let result = Records.fromPlainText(text)
        #expect(result.tasks.map(\.title) == ["建立指标体系，2019年6月底前完成", "优化管理体制", "加强制度创新", "推动资源利用", "完善标准体系"])
        #expect(result.tasks[0].section.map(\.title) == ["主要任务", "强化顶层设计"])
        #expect(result.tasks[0].leadUnits == ["甲部"] && result.tasks[0].supportUnits == ["乙部", "丙部"])
        #expect(result.tasks[0].milestones.first?.when?.ref == "2019-06-30")
        #expect(result.tasks.allSatisfy { $0.number == nil })
    }

    @Test func goalAndPrincipleItemsAreNotTasks() {
        let text = """
            一、总体要求
            （一）指导思想。以新发展理念为引领。
            （二）发展目标。到2025年，总规模达到2万亿元。
            二、重点任务
            （三）发展职业赛事。推动联赛发展。（甲局负责）
            （四）完善赛事体系。
            三、保障措施
            （五）加强组织领导。建立协调机制。
            """
        let result = Records.fromPlainText(text)
        #expect(result.tasks.map(\.number) == ["三", "四"])
    }

    @Test func aLivelihoodListRunningInsideOneParagraph() {
        let text = """
            一、今年工作安排
            （一）着力保障和改善民生
            悠悠万事，民生为大。今年再办好3件民生实事。一是为孕妇提供免费筛查。二是新增托位3000个；三是改造老旧小区200个。各位代表！
            """
        let result = Records.fromPlainText(text)
        #expect(result.tasks.map(\.number) == ["一", "二", "三"])
        #expect(result.tasks.map(\.title) == ["为孕妇提供免费筛查", "新增托位3000个", "改造老旧小区200个"])
        #expect(result.tasks[0].section.map(\.title) == ["今年工作安排", "着力保障和改善民生"])
        #expect(result.document.sections.first { $0.title == "着力保障和改善民生" }?.declared == 3)
    }

    @Test func aLivelihoodListAsTheParagraphsAfterItsDeclaration() {
        let text = """
            （一）回顾
            去年十件民生实事全部兑现。
            （二）今年安排
            今年继续认真办好两方面民生实事。
            1.医疗卫生方面。新增床位100张。
            2.养老帮困方面。新增护理员1万人。
            （三）政府建设
            """
        let result = Records.fromPlainText(text)
        #expect(result.tasks.map(\.title) == ["医疗卫生方面", "养老帮困方面"])
        #expect(result.tasks.map(\.number) == ["1", "2"])
        #expect(result.tasks[1].quantities.first?.value?.description == "10000")
    }

    @Test func aDeclarationNoItemsFollowIsNoList() {
        let result = Records.fromPlainText("（一）回顾\n去年15件民生实事全部兑现。一是就业稳定。二是收入增长。\n")
        #expect(result.tasks.isEmpty)
    }

    @Test func aDocumentWithoutTasksSaysWhatItSaw() throws {
        let result = Records.fromPlainText("一、总体情况\n经济运行平稳。\n二、下一步安排\n继续推进改革。\n")
        let warning = try #require(result.document.warnings.first { $0.code == .noPlanContent })
        #expect(warning.message.contains("2 numbered"))
        #expect(warning.message.contains("no numbered item names an owner"))
    }

    @Test func aDeclaredLivelihoodListWithoutItemsIsNamedInTheWarning() throws {
        let result = Records.fromPlainText("（八）保障民生\n继续办好8件惠民实事。做好档案、气象等工作。\n")
        #expect(result.tasks.isEmpty)
        let warning = try #require(result.document.warnings.first { $0.code == .noPlanContent })
        #expect(warning.message.contains("a list of 8 民生实事 is declared but its items are not printed"))
    }
}

@Suite struct CoveringAnnotationTests {
    @Test func oneAnnotationAfterSeveralSubItemsCoversEachOfThem() {
        let text = """
            一、重点任务
            （一）推进甲工作
            1.完善甲制度。
            2.健全甲机制。
            （甲局牵头，乙局配合）
            （二）推进乙工作
            3.建设乙平台。（丙局负责）
            """
        let tasks = Records.fromPlainText(text).tasks
        #expect(tasks.map(\.number) == ["1", "2", "3"])
        #expect(tasks.map(\.leadUnits) == [["甲局"], ["甲局"], ["丙局"]])
        #expect(tasks[0].supportUnits == ["乙局"])
    }

    @Test func ownersInTortoiseShellBracketsMakeTheItemsTasks() {
        let text = """
            一、深化改革
            （一）建设甲平台。推进甲平台上线。〔责任单位：甲局、乙局〕
            （二）完善乙制度。修订乙办法。〔责任单位：丙局〕
            """
        let tasks = Records.fromPlainText(text).tasks
        #expect(tasks.map(\.number) == ["一", "二"])
        #expect(tasks.map(\.supportUnits) == [["甲局", "乙局"], ["丙局"]])
        #expect(tasks.allSatisfy { !$0.title.contains("〔") })
    }
}

@Suite struct TaskLevelTests {
    @Test func aHeadingOfAnotherNumberingAtTheTaskDepthIsAHeading() {
        let text = """
            二、主要指标
            1.总量突破3000亿元。（牵头单位：市发改委）
            2.新增就业15万人。（牵头单位：市人社局）
            三、重点任务
            （一）推动创新发展
            3.实施创新驱动战略。（牵头单位：市科技局）
            """
        let tasks = Records.fromPlainText(text).tasks
        #expect(tasks.map(\.number) == ["1", "2", "3"])
        #expect(tasks[2].section.map(\.title) == ["重点任务", "推动创新发展"])
    }
}

@Suite struct UnnumberedTaskTests {
    @Test func eachTaskParagraphFollowedByItsOwnersOnAParagraphOfTheirOwn() {
        let text = """
            一、主要任务
            （一）强化顶层设计
            建立指标体系。明确考核办法。
            （甲部牵头，乙部参与）
            优化管理体制。
            （丙部负责）
            """
        let tasks = Records.fromPlainText(text).tasks
        #expect(tasks.map(\.title) == ["建立指标体系", "优化管理体制"])
        #expect(tasks.map(\.leadUnits) == [["甲部"], ["丙部"]])
        #expect(tasks[0].measures == "明确考核办法。")
    }
}

@Suite struct LivelihoodListLayoutTests {
    @Test func captionedItemsWithTheirTextBelow() {
        let text = """
            省长作政府工作报告，公布了两方面民生实事，提出要认真办好两方面民生实事。
            1 医疗卫生
            为老年人免费接种流感疫苗。新增除颤仪1万台。
            2 教育助学
            开工建设改造项目208个。
            """
        let tasks = Records.fromPlainText(text).tasks
        #expect(tasks.map(\.title) == ["医疗卫生", "教育助学"])
        #expect(tasks[0].measures == "为老年人免费接种流感疫苗。新增除颤仪1万台。")
        #expect(tasks[1].measures == "开工建设改造项目208个。")
        // Each task points at its caption and the text under it.
        #expect(tasks.map(\.source.span) == [SourceSpan(lineStart: 2, lineEnd: 3), SourceSpan(lineStart: 4, lineEnd: 5)])
    }

    @Test func aListAsAnAppendix() {
        let text = """
            关于印发2024年民生实事的通知
            附件
            2024年三件民生实事
            1.新增托位3000个。
            2.改造老旧小区200个。
            3.建设口袋公园50个。
            """
        let result = Records.fromPlainText(text)
        #expect(result.tasks.map(\.number) == ["1", "2", "3"])
        #expect(result.tasks[0].section.first?.marker == "附件")
        #expect(result.document.sections.first?.declared == 3)
    }
}

@Suite struct ImpliedLabelTests {
    @Test func aNameOpeningWithDigitsAfterTheItemNumber() {
        let text = "一、重点项目\n10.人才引进项目。（牵头单位：甲局）\n11.121人才梯队项目。（牵头单位：乙局）\n12.博士后项目。（牵头单位：丙局）\n"
        let tasks = Records.fromPlainText(text).tasks
        #expect(tasks.map(\.number) == ["10", "11", "12"])
        #expect(tasks[1].title == "121人才梯队项目")
        #expect(tasks[1].warnings.isEmpty)
    }
}

@Suite struct ItemEndTests {
    @Test func closingParagraphsAfterTheLastOwnedItemAreNotItsText() {
        let text = """
            一、甲工作
            1.推进甲工作。（甲局负责）
            2.推进乙工作。完善乙制度。（乙局负责）
            各有关部门要于2018年12月31日前报送落实情况。
            从2019年起，每年开展评估。
            """
        let tasks = Records.fromPlainText(text).tasks
        #expect(tasks.count == 2)
        #expect(tasks[1].measures == "完善乙制度。")
        #expect(tasks[1].milestones.isEmpty)
    }

    @Test func anotherNameForTheLivelihoodList() {
        let text = "（九）保障民生\n持续办好为民实事。一是新增学位1万个。二是改造社区50个。\n"
        #expect(Records.fromPlainText(text).tasks.map(\.title) == ["新增学位1万个", "改造社区50个"])
    }
}

@Suite struct ItemsWithoutOwnersTests {
    static let body = """
        一、总体要求
        （一）指导思想。坚持以人民为中心的发展思想。
        二、主要任务
        （二）强化事前公开。行政执法机关要统筹推进行政执法事前公开与政务公开。
        （三）规范事中公示。行政执法人员在执法活动中要主动出示执法证件。
        （四）加强事后公开。行政执法机关要在执法决定作出之日起20个工作日内公开。
        三、保障措施
        （五）加强组织领导。各地区要高度重视并抓好落实。
        """

    @Test func anOpinionWithoutOwnersListsItsMainItems() throws {
        let result = Records.fromPlainText("国务院办公厅关于全面推行执法公示制度的指导意见\n" + Self.body)
        #expect(result.tasks.map(\.number) == ["二", "三", "四"])
        #expect(result.tasks[0].section.map(\.title) == ["主要任务"])
        let warning = try #require(result.document.warnings.first { $0.code == .tasksWithoutOwners })
        #expect(warning.message.contains("3 items"))
    }

    @Test func aReportOrAReplyHasNoTaskListWithoutOwners() {
        #expect(Records.fromPlainText("2026年某省政府工作报告\n" + Self.body).tasks.isEmpty)
        #expect(Records.fromPlainText("国务院关于同意设立某试验区的批复\n" + Self.body).tasks.isEmpty)
    }

    @Test func shortHeadingsAreNotItems() {
        let text = "某市关于开展活动的通知\n一、时间\n二、地点\n三、人员\n"
        #expect(Records.fromPlainText(text).tasks.isEmpty)
    }
}

@Suite struct UnmarkedLivelihoodListTests {
    @Test func itemsAfterAColonAsManyAsDeclared() {
        let text = "（九）保障民生\n今年将办好3件市级重点民生实事，包括：完成老旧小区改造600个；治理堵点60处；新增托位3000个。各位代表！\n"
        let tasks = Records.fromPlainText(text).tasks
        #expect(tasks.map(\.title) == ["完成老旧小区改造600个", "治理堵点60处", "新增托位3000个"])
        #expect(tasks.map(\.number) == ["1", "2", "3"])
    }

    @Test func aCountThatDoesNotMatchIsNoList() {
        let text = "（九）保障民生\n今年将办好5件民生实事，包括：完成老旧小区改造600个；治理堵点60处。\n"
        #expect(Records.fromPlainText(text).tasks.isEmpty)
    }

    @Test func sentencesOpeningAlikeAsManyAsDeclared() {
        let text = """
            （五）办好民生实事
            今年安排60亿元实施三大惠民工程。安排10亿元实施教育惠民工程，新建学校5所。扩大学位供给。安排20亿元实施健康惠民工程，新增床位300张。安排30亿元实施安居惠民工程，改造老旧小区40个。
            """
        let tasks = Records.fromPlainText(text).tasks
        #expect(tasks.count == 3)
        #expect(tasks.map(\.number) == ["1", "2", "3"])
        #expect(tasks.first?.title.hasPrefix("安排10亿元实施教育惠民工程") == true)
        #expect(tasks.first?.quantities.contains { $0.text == "5所" } == true)
        #expect(tasks.last?.quantities.contains { $0.text == "40个" } == true)
        #expect(tasks.allSatisfy { $0.section.map(\.title) == ["办好民生实事"] })
    }

    @Test func sentencesOpeningAlikeButNotAsManyAsDeclaredAreNoList() {
        let text = """
            （五）办好民生实事
            今年实施四大惠民工程。安排10亿元实施教育惠民工程。安排20亿元实施健康惠民工程。安排30亿元实施安居惠民工程。
            """
        #expect(Records.fromPlainText(text).tasks.isEmpty)
    }
}

@Suite struct TitledItemTests {
    @Test func itemsWhoseTitleStandsAloneAboveTheirText() {
        let text = """
            国务院关于全面推行联合监管的意见
            一、总体要求
            以新发展理念为引领，推进监管改革。
            二、重点任务
            （一）统筹建设监管平台。
            各地要依托信用信息系统建设统一的监管工作平台。
            （二）实行事项清单管理。
            各部门要建立本部门随机抽查事项清单。
            （三）统筹制定抽查计划。
            县级以上地方人民政府统筹制定年度抽查计划。
            三、保障措施
            （一）加强组织领导。
            各地要加强组织领导。
            """
        let result = Records.fromPlainText(text)
        #expect(result.tasks.map(\.title) == ["统筹建设监管平台", "实行事项清单管理", "统筹制定抽查计划"])
        #expect(result.tasks[0].measures == "各地要依托信用信息系统建设统一的监管工作平台。")
    }
}

@Suite struct CollapsedLineTests {
    @Test func aPageWhoseLineBreaksCollapsedToSpaces() {
        let text = "某县人民政府办公室关于印发重点工作责任分解的通知 重点工作责任分解 一、甲副县长牵头重点工作 1.全县生产总值增长7.5%左右，一般公共预算收入增长8.5%。 责任单位：县发改局（首位单位为牵头单位，下同）、县财政局、县税务局 2.落实过紧日子要求，严控三公经费。 责任单位：县财政局 二、乙副县长牵头重点工作 1.坚持常务会议集体学法。 责任单位：县司法局\n"
        let tasks = Records.fromPlainText(text).tasks
        #expect(tasks.count == 3)
        #expect(tasks.map(\.leadUnits) == [["县发改局"], ["县财政局"], ["县司法局"]])
        #expect(tasks[0].supportUnits == ["县财政局", "县税务局"])
        #expect(tasks[2].section.map(\.title) == ["乙副县长牵头重点工作"])
    }

    @Test func aSpaceBeforeANumberInsideASentenceStays() {
        #expect(CollapsedLineSplitter.split(String(repeating: "推进工作，", count: 20) + "增长 1.5%，完成 2.3万个。") .count == 1)
    }
}

@Suite struct PageHeadTests {
    @Test func aMetadataBlockLaidOutWithBars() {
        let text = """
            索引号: | 1133/2022-01 | 成文日期: | 2022-04-18 |
            文件编号: | 盐政办发〔2022〕16号 | 组配分类: | 政府工作报告 |
            某县人民政府办公室关于印发重点工作责任分解的通知 |
            一、重点工作
            1.推进甲工作。（县发改局负责）
            """
        let document = Records.fromPlainText(text).document
        #expect(document.title == "某县人民政府办公室关于印发重点工作责任分解的通知")
        #expect(document.docNumber == "盐政办发〔2022〕16号")
    }

    @Test func aTitleWithANoteAfterItsEndingAndNotASiteCategory() {
        let text = "公告通知\n某县第十七届人民代表大会第五次会议公告(第2号)\n一、新建学校3所。\n"
        #expect(Records.fromPlainText(text).document.title == "某县第十七届人民代表大会第五次会议公告(第2号)")
        let table = "2022年度市县民生实事未完成项目进度表(截至10月31日)\n一、新建学校3所。\n"
        #expect(Records.fromPlainText(table).document.title == "2022年度市县民生实事未完成项目进度表(截至10月31日)")
    }

    /// A breakdown's own name ends with 分解 or 分工, often with the year after it.
    @Test(arguments: ["某市政府工作报告重点工作责任分解(2023年)", "某县2024年重点工作任务分工"])
    func aBreakdownIsNamedByItsEnding(title: String) {
        let text = "首页 >> 专题专栏\n\(title)\n一、主要目标\n1.生产总值增长6%。\n责任单位:市发改委\n"
        #expect(Records.fromPlainText(text).document.title == title)
    }
}
