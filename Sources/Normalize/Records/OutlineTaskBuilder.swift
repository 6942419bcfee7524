import PlanModel

/// Turns the paragraphs of a plain-text or HTML document into task drafts.
///
/// Plain-text plans number their parts in styles that change from document to document
/// (一、 / （一） / 1. / 1、 / 1。 / (1) / ①), sometimes two styles at one level, and a
/// notice's own sections come before an appendix with its own items. So the hierarchy is
/// inferred per scope (the body, then each 附件/附录) from the order labels appear and how
/// their numbers continue; task items are the level where items carry responsibility
/// (labelled 分管领导/牵头单位 lines, or a trailing `(…负责)`), and every item at that level.
struct OutlineTaskBuilder {
    var drafts: [TaskDraft] = []
    var sections: [TableTaskBuilder.SectionNode] = []
    var diagnostics: [Diagnostic] = []
    /// Paragraphs dropped as site chrome.
    var chromeCount = 0

    /// A paragraph with what the builder knows about it.
    struct Line {
        var paragraph: Paragraph
        var label: ListLabel?
        /// A label read from bare digits (`22大力建设…`) because they continue the numbering.
        var labelIsImplied = false
        var responsibility: ResponsibilityParser.LabelledLine?
        var trailing: ResponsibilityParser.TrailingUnits?
        var depth = 0
        var isTask = false
        var text: String { paragraph.text }
    }

    /// One level of the numbering stack: the styles seen at it and the last number.
    struct Level {
        var styles: Set<ListLabel.Style>
        var last: Int
    }

    mutating func add(_ paragraphs: [Paragraph]) {
        var kept: [Paragraph] = []
        for paragraph in paragraphs {
            let text = TextCleanup.singleLine(paragraph.text)
            if text.isEmpty { continue }
            if PageChromeFilter.isChrome(text) {
                chromeCount += 1
                continue
            }
            kept.append(Paragraph(text: text, span: paragraph.span, role: paragraph.role))
        }
        for scope in Self.scopes(of: kept) {
            read(scope: scope)
        }
    }

    /// A stretch of the document with its own numbering: the body, then each appendix.
    struct Scope {
        /// The appendix marker and title (附录 增城区2023年民生十大实事推进计划), nil for the body.
        var section: SectionRef?
        var line: Int
        var paragraphs: [Paragraph]
    }

    static func scopes(of paragraphs: [Paragraph]) -> [Scope] {
        var scopes = [Scope(section: nil, line: paragraphs.first?.span.lineStart ?? 1, paragraphs: [])]
        var index = 0
        while index < paragraphs.count {
            let paragraph = paragraphs[index]
            if let marker = appendixMarker(paragraph.text) {
                // The appendix' title is the next unnumbered line, when there is one.
                var title = ""
                if index + 1 < paragraphs.count, ListLabel.parse(paragraphs[index + 1].text) == nil,
                    ResponsibilityParser.labelledLine(paragraphs[index + 1].text) == nil,
                    paragraphs[index + 1].text.count <= 60
                {
                    title = paragraphs[index + 1].text
                    index += 1
                }
                scopes.append(Scope(section: SectionRef(marker: marker, title: title), line: paragraph.span.lineStart, paragraphs: []))
            } else {
                scopes[scopes.count - 1].paragraphs.append(paragraph)
            }
            index += 1
        }
        return scopes
    }

    /// `附录`, `附件`, `附件2`, `附件 2：` standing alone open an appendix; `附件:xxx方案` in a
    /// notice only names one.
    static func appendixMarker(_ text: String) -> String? {
        let folded = CharacterFold.simplifiedKey(text)
        guard folded.startsWithText("附件") || folded.startsWithText("附录") else { return nil }
        var rest = folded.dropFirst(2)
        rest = rest.drop { $0.isCollapsibleSpace }
        rest = rest.drop { $0.isASCIIDigit || $0.chineseDigitValue != nil }
        rest = rest.drop { $0.isCollapsibleSpace || $0 == ":" || $0 == "：" }
        guard rest.isEmpty else { return nil }
        return String(text.filter { !$0.isCollapsibleSpace && $0 != ":" && $0 != "：" })
    }

    private mutating func read(scope: Scope) {
        var lines = scope.paragraphs.map { paragraph in
            Line(
                paragraph: paragraph, label: ListLabel.parse(paragraph.text),
                responsibility: ResponsibilityParser.labelledLine(paragraph.text),
                trailing: ResponsibilityParser.trailingUnits(paragraph.text))
        }
        let bodyEnd = Self.bodyEnd(of: lines)
        lines = Array(lines[..<bodyEnd])
        resolveDepths(&lines)
        guard let taskDepth = lines.first(where: \.isTask)?.depth else { return }
        // An appendix holding tasks is a section of its own, above everything inside it.
        var scopeIndex: Int?
        if let scopeSection = scope.section {
            sections.append(.init(path: [scopeSection], declared: nil, line: scope.line))
            scopeIndex = sections.count - 1
        }

        // Sections are the numbered lines above the task level; tasks run to the next task,
        // the next section heading, or the end of the body.
        var sectionStack: [Int: (ref: SectionRef, index: Int)] = [:]
        var index = 0
        while index < lines.count {
            let line = lines[index]
            guard let label = line.label else {
                index += 1
                continue
            }
            if line.depth < taskDepth {
                let ref = SectionRef(marker: label.numeral, title: Self.heading(of: line))
                sectionStack = sectionStack.filter { $0.key < line.depth }
                let path = (scope.section.map { [$0] } ?? []) + sectionStack.keys.sorted().map { sectionStack[$0]!.ref } + [ref]
                sections.append(.init(path: path, declared: SectionHeading(line.text).declared, line: line.paragraph.span.lineStart))
                sectionStack[line.depth] = (ref, sections.count - 1)
                index += 1
                continue
            }
            guard line.isTask else {
                index += 1
                continue
            }
            var end = index + 1
            while end < lines.count, !lines[end].isTask, !(lines[end].label != nil && lines[end].depth < taskDepth) {
                end += 1
            }
            let scopePath = scope.section.map { [$0] } ?? []
            let path = scopePath + sectionStack.keys.sorted().map { sectionStack[$0]!.ref }
            var draft = Self.draft(from: lines[index..<end], section: path)
            if line.labelIsImplied {
                draft.warnings.append(Diagnostic(
                    .impliedLabel, "item number \(label.numeral) printed without its punctuation",
                    line: line.paragraph.span.lineStart))
            }
            drafts.append(draft)
            for (_, entry) in sectionStack { sections[entry.index].found += 1 }
            if let scopeIndex { sections[scopeIndex].found += 1 }
            index = end
        }
    }

    /// Where the body ends: at a date standing alone (the date under the signature), and
    /// the signature line just above it.
    static func bodyEnd(of lines: [Line]) -> Int {
        guard let date = lines.lastIndex(where: { $0.label == nil && DocumentFacts.isDateOnly($0.text) }) else {
            return lines.count
        }
        // Only a date after the last numbered item ends the body.
        if let lastLabelled = lines.lastIndex(where: { $0.label != nil }), lastLabelled > date { return lines.count }
        var end = date
        if end > 0, lines[end - 1].label == nil, lines[end - 1].text.count <= 24, lines[end - 1].trailing == nil {
            end -= 1
        }
        return end
    }

    /// Gives every numbered line its depth, deciding which lines are tasks.
    private func resolveDepths(_ lines: inout [Line]) {
        var stack: [Level] = []
        var taskDepth: Int?
        var lastTask: ListLabel?
        for index in lines.indices {
            // `22大力建设…`: digits without punctuation that continue the task numbering.
            if lines[index].label == nil, let lastTask, let implied = Self.impliedLabel(lines[index].text, after: lastTask) {
                lines[index].label = implied
                lines[index].labelIsImplied = true
            }
            guard let label = lines[index].label else { continue }
            lines[index].isTask = Self.carriesResponsibility(lines, at: index)
            let depth: Int
            if lines[index].isTask || lines[index].labelIsImplied, let taskDepth, stack.count >= taskDepth - 1 {
                depth = taskDepth
            } else {
                depth = Self.depth(of: label, in: stack)
            }
            if depth <= stack.count {
                stack.removeLast(stack.count - depth)
                stack[depth - 1].styles.insert(label.style)
                stack[depth - 1].last = label.value
            } else {
                stack.append(Level(styles: [label.style], last: label.value))
            }
            lines[index].depth = stack.count
            if lines[index].isTask, taskDepth == nil { taskDepth = stack.count }
            if let taskDepth, lines[index].depth == taskDepth {
                lines[index].isTask = true
                lastTask = label
            }
        }
    }

    /// An item carries responsibility when it, or a line continuing it, ends with (…负责), or
    /// labelled lines (分管领导, 牵头单位 …) follow it before the next numbered line.
    static func carriesResponsibility(_ lines: [Line], at index: Int) -> Bool {
        if lines[index].trailing != nil { return true }
        var next = index + 1
        // A line opening with digits may be the next item printed without its punctuation
        // (22大力…); it ends the search like any numbered line.
        while next < lines.count, next <= index + 4, lines[next].label == nil, lines[next].text.first?.isASCIIDigit != true {
            if lines[next].responsibility != nil || lines[next].trailing != nil { return true }
            next += 1
        }
        return false
    }

    /// Depth (1-based) a label takes: the level its number continues (the deepest, among
    /// those of its style first); else a new list of a style already open at the deepest
    /// level restarts it, and a gap in numbering stays on its style's level; else one level
    /// deeper.
    static func depth(of label: ListLabel, in stack: [Level]) -> Int {
        // Numbers continue only within a family of styles: `2.` may follow `1、`, never `一、`.
        let continuing = stack.indices.filter {
            label.value == stack[$0].last + 1 && stack[$0].styles.contains { $0.family == label.style.family }
        }
        if let sameStyle = continuing.last(where: { stack[$0].styles.contains(label.style) }) { return sameStyle + 1 }
        if let any = continuing.last { return any + 1 }
        if let sameStyle = stack.lastIndex(where: { $0.styles.contains(label.style) }),
            label.value != 1 || sameStyle == stack.count - 1
        {
            return sameStyle + 1
        }
        return stack.count + 1
    }

    /// A label for a line that opens with bare digits continuing the task numbering.

    static func impliedLabel(_ text: String, after lastTask: ListLabel) -> ListLabel? {
        guard [.arabicDot, .arabicComma, .arabicFullStop].contains(lastTask.style) else { return nil }
        let digits = text.prefix { $0.isASCIIDigit }
        guard !digits.isEmpty, digits.count <= 3, let value = Int(digits), value == lastTask.value + 1,
            let next = text.dropFirst(digits.count).first, !next.isASCII, next.isLetter
        else { return nil }
        return ListLabel(style: lastTask.style, value: value, numeral: String(digits), length: digits.count)
    }

    /// A section heading's title: its text after the label, up to the first full stop.
    static func heading(of line: Line) -> String {
        guard let label = line.label else { return line.text }
        let body = String(label.body(of: line.text))
        let title = body.split(separator: "。", maxSplits: 1).first.map(String.init) ?? body
        return TextCleanup.singleLine(title).trimmingTrailing(in: "：:")
    }

    /// Sub-headings inside an item, by what follows them.
    enum Part {
        case measures, target, milestones
    }

    static let targetHeadings = ["项目概况", "工作目标", "目标任务", "项目简介", "建设内容", "主要目标", "年度目标"]
    static let milestoneHeadings = ["推进计划", "进度安排", "时间安排", "实施步骤", "促进计划", "工作计划", "时间节点", "进度计划", "实施计划"]

    static func draft(from lines: ArraySlice<Line>, section: [SectionRef]) -> TaskDraft {
        let first = lines.first!
        let label = first.label!
        var body = String(label.body(of: first.text))
        var draft = TaskDraft(
            number: label.numeral, section: section, title: "", target: nil, measures: nil, milestones: [],
            leaders: [], leadUnits: [], supportUnits: [], fields: [], span: first.paragraph.span, warnings: [],
            path: section.map(\.marker) + [label.numeral])

        var leadFromSupportLabel = false
        if let trailing = ResponsibilityParser.trailingUnits(body) {
            body = trailing.remainder
            draft.leadUnits = trailing.leadUnits
            draft.supportUnits = trailing.supportUnits
            draft.fields.append(FieldValue(header: "负责", text: trailing.printed))
        }
        // An item of several sentences opens with its statement; what follows is how (具体措施).
        let sentences = body.split(separator: "。", maxSplits: 1, omittingEmptySubsequences: true)
        var measures: [String] = []
        if sentences.count == 2, sentences[0].count <= 60 {
            draft.title = TextCleanup.singleLine(sentences[0])
            measures.append(TextCleanup.singleLine(sentences[1]))
        } else {
            draft.title = TextCleanup.singleLine(body).trimmingTrailing(in: "。")
        }
        // The item's label and statement as printed; the rest of it is in 具体措施 and 负责.
        let printedLabel = TextCleanup.singleLine(label.printed(in: first.text))
        draft.fields.insert(FieldValue(header: "标题", text: printedLabel + draft.title), at: 0)

        var part = Part.measures
        var target: [String] = []
        var schedule: [String] = []
        var targetHeader = "项目概况"
        var scheduleHeader = "项目推进计划"
        for line in lines.dropFirst() {
            draft.span = draft.span.union(line.paragraph.span)
            if let responsibility = line.responsibility {
                let names = responsibility.role == .leaders
                    ? NameListSplitter.split(responsibility.value) : UnitListSplitter.split(responsibility.value)
                switch responsibility.role {
                case .leaders: draft.leaders += names
                case .leadUnits: draft.leadUnits += names
                case .supportUnits:
                    draft.supportUnits += names
                    leadFromSupportLabel = true
                }
                draft.fields.append(FieldValue(header: responsibility.label, text: responsibility.value))
                continue
            }
            // An item whose text runs over several lines ends with its (…负责) on the last.
            if line.label == nil, let trailing = line.trailing {
                draft.leadUnits += trailing.leadUnits
                draft.supportUnits += trailing.supportUnits
                draft.fields.append(FieldValue(header: "负责", text: trailing.printed))
                if !trailing.remainder.isEmpty { measures.append(trailing.remainder) }
                continue
            }
            let folded = CharacterFold.simplifiedKey(line.text)
            let isShort = line.text.count <= 24
            if isShort, targetHeadings.contains(where: { folded.containsText($0) }) {
                part = .target
                targetHeader = Self.heading(of: line)
                continue
            }
            if isShort, milestoneHeadings.contains(where: { folded.containsText($0) }) {
                part = .milestones
                scheduleHeader = Self.heading(of: line)
                continue
            }
            switch part {
            case .measures: measures.append(line.text)
            case .target: target.append(line.text)
            case .milestones:
                // A step's own number (1、2、…) is enumeration, not content.
                let step = line.label.map { String($0.body(of: line.text)) } ?? line.text
                schedule.append(step)
            }
        }
        if !target.isEmpty {
            draft.target = target.joined(separator: "\n")
            draft.fields.append(FieldValue(header: targetHeader, text: draft.target!))
        }
        if !measures.isEmpty {
            draft.measures = measures.joined(separator: "\n")
            draft.fields.append(FieldValue(header: "具体措施", text: draft.measures!))
        }
        if !schedule.isEmpty {
            draft.milestones = MilestoneSplitter.split(schedule.joined(separator: "\n"))
            draft.fields.append(FieldValue(header: scheduleHeader, text: schedule.joined(separator: "\n")))
        }
        // 责任单位 without any 牵头单位 names the units in charge.
        if draft.leadUnits.isEmpty, leadFromSupportLabel {
            draft.leadUnits = draft.supportUnits
            draft.supportUnits = []
        }
        return draft
    }
}
