import Charsets
import Ingest
import PlanModel
import Testing

/// The HTML reader on whole pages: the fixtures under fixtures/html and small inline pages.
@Suite struct HTMLReaderTests {
    // MARK: Seed fixtures (HTML versions of parts of seeds 000 and 002)

    @Test(arguments: ["seed000-tasks-utf8", "seed002-items-utf8"])
    func tableCellsEqualTheTableDumpOriginal(_ name: String) throws {
        let document = try HTMLFixtures.read(name)
        let table = try #require(document.tables.first)
        #expect(document.tables.count == 1, "the layout around the data table is not a data table")
        let dumpRows = HTMLFixtures.tableDumpRows(try HTMLFixtures.text(name, file: "equivalent.txt"))
        let dumpHeader = dumpRows[0]
        let dumpBody = Array(dumpRows.dropFirst())

        #expect(table.width == dumpHeader.count)
        // The dump's header is the most specific (last) part of each joined HTML header.
        let headers = HTMLFixtures.joinedHeaders(table).map { $0.split(separator: "/").last.map(String.init) ?? "" }
        #expect(headers.map(HTMLFixtures.comparable) == dumpHeader.map(HTMLFixtures.comparable))

        try #require(table.rows.count == dumpBody.count)
        for (row, dump) in zip(table.rows, dumpBody) {
            try #require(row.cells.count == dump.count)
            for (cell, dumpCell) in zip(row.cells, dump) {
                if cell.isSpanCopy {
                    // Where the HTML repeats a merged cell, Word's dump repeats the value
                    // too, or leaves the cell empty or holding a bare auto-number label
                    // such as `（8） `.
                    let leftover = HTMLFixtures.comparable(dumpCell)
                    let isAutoNumber = leftover.hasPrefix("（") && leftover.hasSuffix("）") && leftover.count <= 5
                    #expect(leftover.isEmpty || isAutoNumber || leftover == HTMLFixtures.comparable(cell.text), "\(leftover)")
                } else {
                    #expect(HTMLFixtures.comparable(cell.text) == HTMLFixtures.comparable(dumpCell))
                }
            }
            #expect(row.diagnostics.isEmpty)
        }
    }

    @Test(arguments: ["seed000-tasks", "seed002-items"])
    func theGBKPageReadsLikeTheUTF8Page(_ name: String) throws {
        let gbkBytes = try HTMLFixtures.bytes("\(name)-gbk")
        #expect(!gbkBytes.starts(with: [0xEF, 0xBB, 0xBF]))
        let decoded = try #require(CharsetConverter.decode(gbkBytes, charset: "GB18030"))
        #expect(decoded.contains("<meta charset=\"gb2312\""))
        let fromGBK = HTMLReader().read(decoded)
        let fromUTF8 = try HTMLFixtures.read("\(name)-utf8")
        #expect(fromGBK == fromUTF8)
        #expect(
            try HTMLFixtures.bytes("\(name)-gbk", file: "equivalent.txt")
                == HTMLFixtures.bytes("\(name)-utf8", file: "equivalent.txt"))
    }

    @Test func seed000PageKeepsHeadingsHeaderRowsLinesAndSpans() throws {
        let text = try HTMLFixtures.text("seed000-tasks-utf8")
        let document = HTMLReader().read(text)
        let table = try #require(document.tables.first)

        #expect(
            document.paragraphs.map(\.text) == [
                "2023年市十件民生实事任务分解表", "附件 2", "2023年市十件民生实事任务分解表", "制表单位：市政府办公室 制表时间：2023年3月16日",
            ])
        // The page's own metadata line is read as metadata, as in plain text.
        #expect(document.metadata.filter { $0.key == "发布日期" || $0.key == "来源" }.map(\.value) == ["2023-03-20", "东莞市人民政府办公室"])
        #expect(document.paragraphs.first?.role == .heading)
        #expect(document.paragraphs.first?.span == SourceSpan(line: HTMLFixtures.line(of: "<h1>", in: text)!))

        #expect(table.headerRows.count == 2)
        #expect(
            HTMLFixtures.joinedHeaders(table) == [
                "总体要求", "年度目标及工作内容", "季度进度安排", "责任分工/责任领导", "责任分工/牵头单位", "责任分工/协助单位",
            ])

        let first = table.rows[0]
        #expect(first.cells[0].text == "一、强化医疗服务保障（共12项）")
        #expect(first.cells[0].rowSpan == 4)
        let schedule = first.cells[2]
        #expect(schedule.text.split(separator: "\n").map { String($0.prefix(3)) } == ["一季度", "二季度", "三季度", "四季度"])
        let scheduleStart = try #require(HTMLFixtures.line(of: "一季度，完成120指挥调度系统需求调研", in: text))
        #expect(schedule.span == SourceSpan(lineStart: scheduleStart, lineEnd: scheduleStart + 3))
        #expect(first.span.lineStart == scheduleStart - 3, "the row starts at its <tr>")

        // Task 10's leader is merged down over tasks 13 and 14, across the section change.
        let leaders = table.rows.map { $0.cells[3] }
        #expect(leaders.map(\.isSpanCopy) == [false, true, false, false, true, true])
        #expect(leaders[4].span == leaders[3].span)
        #expect(table.rows.map { $0.cells[0].text }.suffix(2) == ["二、深化教育扩容提质（共3项）", "二、深化教育扩容提质（共3项）"])
    }

    @Test func seed002PageFindsTheDataTableInsideTheLayoutTable() throws {
        let document = try HTMLFixtures.read("seed002-items-utf8")
        let table = try #require(document.tables.first)
        #expect(document.tables.count == 1)
        #expect(table.headerRows.count == 2)
        #expect(table.headerRows[0].cells[0].text == "原文表述\n实施路径")
        #expect(HTMLFixtures.joinedHeaders(table).suffix(2) == ["责任单位/牵头单位", "责任单位/配合单位"])
        // Item 7 and its four sub-rows share the title and the lead unit.
        let item7 = table.rows.suffix(5)
        #expect(Set(item7.map { $0.cells[1].text }).count == 1)
        #expect(item7.map { $0.cells[1].isSpanCopy } == [false, true, true, true, true])
        #expect(item7.map { $0.cells[4].text } == Array(repeating: "轨道交通局", count: 5))
        #expect(item7.map { $0.cells[5].text }[2] == "", "an empty cell stays empty, it is not a copy")
        #expect(document.paragraphs.map(\.text) == ["市政府一号文2020年行动计划", "附件"])
        #expect(!document.paragraphs.contains { $0.text.contains("您现在的位置") || $0.text.contains("政府文件") })
    }

    // MARK: Metadata and paragraphs

    @Test func govCnMetadataTableGoesToMetadataNotToTables() throws {
        let text = try HTMLFixtures.text("govcn-notice")
        let document = HTMLReader().read(text)
        #expect(document.tables.isEmpty)
        let fields = Dictionary(document.metadata.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        #expect(fields["索引号"]?.value == "11441900007330010D/2020-00195")
        #expect(fields["主题分类"]?.value == "综合政务\\其他")
        #expect(fields["发文机关"]?.value == "东莞市人民政府")
        #expect(fields["成文日期"]?.value == "2020年03月06日")
        #expect(fields["标题"]?.value == "东莞市人民政府关于坚持和完善民生保障机制 建设高水平小康社会的实施意见")
        #expect(fields["发文字号"]?.value == "东府〔2020〕1号")
        #expect(fields["发布日期"]?.value == "2020年03月11日")
        #expect(fields["主题词"] == nil, "an empty value is not metadata")
        #expect(fields["发文字号"]?.line == HTMLFixtures.line(of: "东府〔2020〕1号</td>", in: text))
        #expect(fields["PubDate"]?.value == "2020-03-11 16:30")
        #expect(fields["ArticleTitle"] != nil && fields["ContentSource"] != nil && fields["title"] != nil)
        #expect(fields["renderer"] == nil, "technical meta tags are not metadata")
    }

    @Test func govCnBodyParagraphsComeInReadingOrder() throws {
        let text = try HTMLFixtures.text("govcn-notice")
        let paragraphs = HTMLReader().read(text).paragraphs
        let texts = paragraphs.map(\.text)
        let expectedOrder = [
            "东莞市人民政府关于坚持和完善民生保障机制 建设高水平小康社会的实施意见", "东府〔2020〕1号", "各镇人民政府（街道办事处），市府直属各单位：",
            "一、指导思想", "二、基本原则", "三、目标任务", "四、主要举措", "（一）远近结合，强化基础性支撑", "东莞市人民政府", "2020年3月6日",
        ]
        let positions = expectedOrder.map { expected in texts.firstIndex(of: expected) }
        #expect(!positions.contains(nil), "missing: \(zip(expectedOrder, positions).filter { $0.1 == nil }.map(\.0))")
        #expect(positions.compactMap { $0 } == positions.compactMap { $0 }.sorted())

        let heading = try #require(paragraphs.first { $0.text == "四、主要举措" })
        #expect(heading.role == .heading)
        #expect(heading.span == SourceSpan(line: HTMLFixtures.line(of: "<h3>四、主要举措", in: text)!))
        #expect(paragraphs.first { $0.text == "一、指导思想" }?.role == .body)

        // Indenting ideographic spaces are dropped; a sentence wrapped in the source stays whole.
        let guiding = try #require(paragraphs.first { $0.text.hasPrefix("以习近平") })
        #expect(guiding.text.contains("目标，不断满足"))
        #expect(guiding.span.lineEnd == guiding.span.lineStart + 1)
        // `<br>` splits a paragraph into lines.
        let item3 = paragraphs.filter { $0.text.hasPrefix("3.着力深化环境污染治理") || $0.text.hasPrefix("坚决打赢蓝天保卫战") }
        #expect(item3.count == 2)
        #expect(texts.contains { $0.hasSuffix("（市生态环境局、水务局、城市管理综合执法局、城建工程管理局负责）") })

        for chrome in ["无障碍", "当前位置", "政府信息公开 规章库", "分享到", "主办：", "打印", "document.write"] {
            #expect(!texts.contains { $0.contains(chrome) }, "\(chrome) is site chrome")
        }
    }

    @Test func chromeIsDroppedAndCountedOnce() throws {
        let document = HTMLReader().read(
            """
            <html><head><title>T</title><style>p{}</style><script>var a = "<p>not text</p>";</script></head>
            <body>
            <header><a href="/">首页</a></header>
            <nav><a href="/a">政务公开</a><a href="/b">政务服务</a></nav>
            <div id="breadcrumb">首页 &gt; 通知</div>
            <!-- a comment -->
            <div class="mainMenu"><a>一</a></div>
            <noscript>请启用脚本</noscript>
            <p style="display: none">隐藏的文字</p>
            <article><header><h1>实施意见</h1></header><p>正文。</p></article>
            <div class="footer">版权所有</div>
            </body></html>
            """)
        #expect(document.paragraphs.map(\.text) == ["实施意见", "正文。"])
        let chrome = document.diagnostics.filter { $0.code == .siteChromeDropped }
        #expect(chrome.count == 1)
        let message = try #require(chrome.first?.message)
        for part in ["3 navigation blocks", "1 page header", "1 page footer", "2 scripts", "1 style", "1 comment", "1 hidden element"] {
            #expect(message.contains(part), "\(message) lacks \(part)")
        }
    }

    // MARK: Layout tables

    @Test func layoutTablesAreReadAsContainers() throws {
        let document = HTMLReader().read(
            """
            <table><tr><td><p>单元格里的正文。</p></td></tr></table>
            <table><tr><td>姓名</td><td><input name="q"></td><td><button>搜索</button></td></tr>
            <tr><td>单位</td><td><select><option>市教育局</option></select></td></tr></table>
            <table><tr><td><a href="/1">首页</a></td><td><a href="/2">政务公开</a></td></tr>
            <tr><td><a href="/3">政务服务</a></td><td><a href="/4">互动交流</a></td></tr></table>
            <table width="100%"><tr><td width="20%">左栏</td><td>
              <h2>标题</h2>
              <table><tr><td>任务</td><td>单位</td></tr><tr><td>任务1</td><td>市教育局</td></tr></table>
            </td></tr></table>
            """)
        #expect(document.tables.count == 1, "only the inner table holds data")
        #expect(document.tables.first?.rows.first?.cells.map(\.text) == ["任务1", "市教育局"])
        #expect(document.paragraphs.map(\.text) == ["单元格里的正文。", "姓名", "单位", "左栏", "标题"])
        #expect(document.diagnostics.contains { $0.code == .siteChromeDropped && $0.message.contains("1 navigation table") })
    }

    // MARK: Pages without plan content, malformed pages

    @Test(arguments: ["not-found", "news-list"])
    func pagesWithoutPlanContentGiveNoTables(_ name: String) throws {
        let document = try HTMLFixtures.read(name)
        #expect(document.format == .html)
        #expect(document.tables.isEmpty)
        #expect(document.paragraphs.count <= 7)
        #expect(document.diagnostics.contains { $0.code == .siteChromeDropped })
        #expect(!document.diagnostics.contains { $0.code == .htmlParseError })
        #expect(!document.paragraphs.contains { $0.text.contains("当前位置") || $0.text.contains("主办") })
    }

    @Test func malformedPageIsRecoveredWithOneDiagnostic() throws {
        let document = try HTMLFixtures.read("malformed")
        let parseErrors = document.diagnostics.filter { $0.code == .htmlParseError }
        #expect(parseErrors.count == 1)
        #expect(parseErrors.first?.line == 4)
        let table = try #require(document.tables.first)
        #expect(table.headerRows.first?.cells.map(\.text) == ["序号", "任务", "牵头单位"])
        #expect(table.rows.map { $0.cells.map(\.text) } == [["1", "建成社区卫生服务站", "市卫生健康局"], ["2", "新增医疗床位1000张", "市卫生健康局"]])
        let texts = document.paragraphs.map(\.text)
        #expect(texts.contains("第二段\u{00A0}\u{00A0}带有不带分号的实体 & 和 <尖括号>"))
        #expect(texts.contains("最后一段 < 5 and > 3 & so on"))
        #expect(!texts.contains { $0.contains("注释里的段落") })
    }

    @Test(arguments: [
        "", "   \n\n", "纯文本，没有标签", "<", "</td></tr></table>", "<table><tr><td rowspan=99999 colspan=99999>x",
        "<html><body><table>", "\u{0}\u{1}\u{FFFD}<p>\u{0}乱码</p>", "<!-- only a comment", "<td><td><td><tr><tr>",
        "<script>unterminated", "<p>&#0;&#xD800;&#99999999;</p>",
    ])
    func garbageNeverCrashes(_ html: String) {
        let document = HTMLReader().read(html)
        #expect(document.format == .html)
        for table in document.tables {
            #expect(table.rows.allSatisfy { $0.cells.count == table.width })
        }
    }

    @Test func deeplyNestedMarkupIsReadWithoutRecursingToDeath() {
        let depth = 20_000
        let html = String(repeating: "<div><span>", count: depth) + "深处的文字" + String(repeating: "</span></div>", count: depth)
        let document = HTMLReader().read(html)
        #expect(document.paragraphs.map(\.text) == ["深处的文字"])
    }

    // MARK: Text, encoding declarations, line numbers

    @Test func textIsCollapsedPerLineAndEntitiesDecoded() {
        let document = HTMLReader().read(
            """
            <meta charset="gb2312">
            <h2>一、  总体   要求</h2>
            <p>第一行<br>  第二行 &amp; &lt;三&gt;&nbsp;&#x4E2D;&copy;<br/><br/>第三行</p>
            <div>div 自己的文字<p>段落</p>div 的尾巴</div>
            """)
        #expect(document.paragraphs.map(\.text) == ["一、 总体 要求", "第一行", "第二行 & <三>\u{00A0}中©", "第三行", "div 自己的文字", "段落", "div 的尾巴"])
        #expect(document.paragraphs.map(\.role) == [.heading, .body, .body, .body, .body, .body, .body])
        #expect(document.paragraphs.map(\.span.lineStart) == [2, 3, 3, 3, 4, 4, 4])
        #expect(document.diagnostics.isEmpty)
    }

    @Test func lineNumbersStayRightPastLibxml2sSixteenBitLimit() throws {
        let filler = String(repeating: "\n", count: 70_000)
        let html = "<html><body>\(filler)<p>远处的段落</p>\n<table>\n<tr><td>任务</td><td>单位</td></tr>\n<tr><td>任务1</td>\n<td>市教育局</td></tr>\n</table></body></html>"
        let document = HTMLReader().read(html)
        #expect(document.paragraphs.first?.span == SourceSpan(line: 70_001))
        let table = try #require(document.tables.first)
        #expect(table.rows[0].cells.map(\.span.lineStart) == [70_004, 70_005])
    }
}

/// What the rest of the pipeline relies on around the reader.
@Suite struct HTMLReaderContextTests {
    static let cases = [
        "seed000-tasks-utf8", "seed002-items-utf8", "govcn-notice", "not-found", "news-list", "malformed",
    ]

    @Test(arguments: cases)
    func everyFixtureIsDetectedAsHTML(_ name: String) throws {
        #expect(FormatDetector.format(of: try HTMLFixtures.text(name)) == .html)
    }

    @Test func parallelReadsGiveTheSameDocuments() async throws {
        let pages = try Self.cases.map { try HTMLFixtures.text($0) }
        let expected = pages.map { HTMLReader().read($0) }
        let results = await withTaskGroup(of: (Int, SourceDocument).self) { group in
            for round in 0..<4 {
                for (index, page) in pages.enumerated() {
                    group.addTask { (round * pages.count + index, HTMLReader().read(page)) }
                }
            }
            var results: [Int: SourceDocument] = [:]
            for await (key, document) in group { results[key] = document }
            return results
        }
        for (key, document) in results {
            #expect(document == expected[key % pages.count], "page \(Self.cases[key % pages.count]) read differently in parallel")
        }
    }

    @Test func aLineWrappedBetweenChineseQuotesStaysWhole() {
        let document = HTMLReader().read("<p>为建设\n“湾区都市、品质东莞”\n奠定基础。Plain\nEnglish</p>")
        #expect(document.paragraphs.map(\.text) == ["为建设“湾区都市、品质东莞”奠定基础。Plain English"])
    }
}

extension HTMLReaderTests {
    @Test func rowsSavedWithoutTheirTableAreATable() throws {
        let fragment = "<tbody>\n<tr><td>序号</td><td>工作任务</td></tr>\n<tr><td>1</td><td>建设社区食堂</td></tr>\n</tbody>\n"
        #expect(FormatDetector.format(of: fragment) == .html)
        let table = try #require(HTMLReader().read(fragment).tables.first)
        #expect(table.rows.first?.cells.map(\.text) == ["1", "建设社区食堂"])
        #expect(table.rows.first?.span.lineStart == 3)
    }
}

extension HTMLReaderTests {
    @Test func aPageSavedWithOneParagraphPerCellIsATable() throws {
        let page = "<html><body><h2>重点任务清单</h2>\n<p>序号</p><p>重点任务</p><p>牵头单位</p>\n<p>1</p><p>建设社区食堂</p><p>市民政局</p>\n<p>2</p><p>改造老旧小区</p><p>市住建局</p>\n<p>以上任务年底前完成，各单位要按季度报送工作进展情况。</p></body></html>"
        let document = HTMLReader().read(page)
        let table = try #require(document.tables.first)
        #expect(table.rows.map { $0.cells.map(\.text) } == [["1", "建设社区食堂", "市民政局"], ["2", "改造老旧小区", "市住建局"]])
        #expect(table.rows[1].span.lineStart == 4)
        #expect(document.paragraphs.map(\.role) == [.heading, .body])
    }
}
