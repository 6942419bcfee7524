import PlanModel

/// Turns the paragraphs of a plain-text or HTML document into task drafts.
///
/// Plain-text plans number their parts in styles that change from document to document
/// (一、 / （一） / 1. / 1、 / 1。 / (1) / ①), sometimes two styles at one level, and a
/// notice's own sections come before an appendix with its own items. So the hierarchy is
/// inferred per scope (the body, then each 附件/附录) from the order labels appear and how
/// their numbers continue. Tasks are found three ways:
/// - numbered items at the level where items carry responsibility (labelled lines under them,
///   or an annotation anywhere in their text), and every item at that level except goal and
///   principle items (总体要求, 指导思想 …) that name no owner;
/// - unnumbered paragraphs that each carry their own annotation, under a numbered heading
///   (a heading and its first task may share one paragraph);
/// - the items of a 民生实事 list, where the document names no owners at all.
struct OutlineTaskBuilder {
    var drafts: [TaskDraft] = []
    var sections: [TableTaskBuilder.SectionNode] = []
    var diagnostics: [Diagnostic] = []
    /// Paragraphs dropped as site chrome.
    var chromeCount = 0
    /// What the builder saw, for the warning a document without tasks gets.
    var numberedItemCount = 0
    var annotationCount = 0
    /// The counts of 民生实事 lists a paragraph declares (`继续办好10件惠民实事`) whose items are
    /// printed nowhere the builder could read them.
    var unlistedLivelihoodCounts: [Int] = []
    /// Whether the document stated that the first unit listed leads (`列第一位者为牵头单位，下同`);
    /// it holds from there to the end.
    var firstListedLeads = false
    /// Whether the document's main numbering is its task list when no item names an owner
    /// (an 意见 or 方案 without owners; not a report or a reply).
    var takesItemsWithoutOwners = true

    /// A paragraph with what the builder knows about it.
    struct Line {
        var paragraph: Paragraph
        var label: ListLabel?
        /// A label read from bare digits (`22大力建设…`) because they continue the numbering.
        var labelIsImplied = false
        /// The line is a responsibility label (`牵头单位：…`) of the item above it.
        var responsibility: ResponsibilityParser.LabelledLine?
        /// Annotations inside the line's text, and the text without them.
        var annotations: AnnotationFinder.Result
        var depth = 0
        var isTask = false
        /// A numbered heading whose unnumbered paragraphs are tasks, each with its own annotation.
        var headsUnnumberedTasks = false
        /// Under (or titled) a goal or principle heading.
        var isFraming = false
        /// An annotation printed after this item and the next ones, covering them all.
        var coveringAnnotations: [ResponsibilityAnnotation] = []
        var text: String { paragraph.text }
        var carries: Bool { responsibility != nil || !annotations.found.isEmpty }
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
            for line in CollapsedLineSplitter.split(text) {
                if PageChromeFilter.isChrome(line) {
                    chromeCount += 1
                    continue
                }
                kept.append(Paragraph(text: line, span: paragraph.span, role: paragraph.role))
            }
        }
        let scopes = Self.scopes(of: kept)
        // Each paragraph's label and owners are read once, for both readings below.
        let scopeLines = scopes.map { Self.lines(of: $0.paragraphs) }
        let start = self
        for (scope, lines) in zip(scopes, scopeLines) { read(scope: scope, lines: lines, takingItemsWithoutOwners: false) }
        // A document that names no owner anywhere (and has no 民生实事 list): read again, its main
        // numbering as the tasks. A notice whose appendix holds the owned tasks keeps its own
        // sections out of them.
        if drafts.isEmpty, takesItemsWithoutOwners {
            self = start
            for (scope, lines) in zip(scopes, scopeLines) { read(scope: scope, lines: lines, takingItemsWithoutOwners: true) }
        }
    }

    /// The paragraphs with their labels, responsibility lines and annotations.
    static func lines(of paragraphs: [Paragraph]) -> [Line] {
        paragraphs.map { paragraph in
            let responsibility = ResponsibilityParser.labelledLine(paragraph.text)
            return Line(
                paragraph: paragraph, label: ListLabel.parse(paragraph.text), responsibility: responsibility,
                annotations: responsibility == nil
                    ? AnnotationFinder.find(in: paragraph.text) : AnnotationFinder.Result(found: [], remainder: paragraph.text))
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
        // Folded scalar by scalar: only the opening two are compared with a word.
        var scalars = text.unicodeScalars.makeIterator()
        guard let first = scalars.next()?.simplifiedKey, first == "附", let second = scalars.next()?.simplifiedKey,
            second == "件" || second == "录"
        else { return nil }
        // Then spaces, a number, spaces and colons, and nothing else.
        var stage = 0
        while let scalar = scalars.next()?.simplifiedKey {
            if stage == 0, scalar.isCollapsibleSpace { continue }
            if stage <= 1, scalar.isASCIIDigit || scalar.chineseDigitValue != nil {
                stage = 1
                continue
            }
            if scalar.isCollapsibleSpace || scalar == ":" || scalar == "：" {
                stage = 2
                continue
            }
            return nil
        }
        return String(text.filter { !$0.isCollapsibleSpace && $0 != ":" && $0 != "：" })
    }

    private mutating func read(scope: Scope, lines: [Line], takingItemsWithoutOwners: Bool) {
        var lines = lines
        lines.removeSubrange(Self.bodyEnd(of: lines)...)
        Self.markUnnumberedTaskHeadings(&lines)
        resolveDepths(&lines)
        Self.spreadCoveringAnnotations(&lines)
        numberedItemCount += lines.filter { $0.label != nil }.count
        annotationCount += lines.reduce(0) { $0 + $1.annotations.found.count + ($1.responsibility == nil ? 0 : 1) }
        var hasTasks = lines.contains(where: \.isTask) || lines.contains(where: \.headsUnnumberedTasks)
        // Without owners anywhere, a 民生实事 list is the document's task list.
        let lists = hasTasks ? LivelihoodLists() : Self.livelihoodLists(in: lines, title: scope.section?.title)
        unlistedLivelihoodCounts += lists.unlistedCounts
        // Failing that, the items of the main numbering, in a document that lists tasks that way.
        if !hasTasks, lists.isEmpty, takingItemsWithoutOwners, let main = Self.mainItems(of: lines) {
            for index in main { lines[index].isTask = true }
            hasTasks = true
            let printed = TextCleanup.singleLine(lines[main[0]].label!.printed(in: lines[main[0]].text))
            diagnostics.append(Diagnostic(
                .tasksWithoutOwners, "no item names an owner: the \(main.count) items numbered like \(printed) are taken as tasks",
                line: lines[main[0]].paragraph.span.lineStart))
        }
        let taskDepth = lines.first(where: \.isTask)?.depth
        let taskFamily = lines.first(where: \.isTask)?.label?.style.family

        var walker = Walker(scope: scope)
        let sectionsBefore = sections.count
        let draftsBefore = drafts.count
        defer {
            // A scope without tasks lists no sections, except those declaring a count.
            if drafts.count == draftsBefore {
                let kept = sections[sectionsBefore...].filter { $0.declared != nil }
                sections.removeSubrange(sectionsBefore...)
                sections += kept
            }
        }
        // An appendix holding tasks is a section of its own, above everything inside it.
        if let scopeSection = scope.section, hasTasks || !lists.isEmpty {
            sections.append(.init(path: [scopeSection], declared: nil, line: scope.line))
            walker.scopeIndex = sections.count - 1
        }
        if let list = lists.underTitle { emit(list, declaredAt: nil, lines: lines, walker: &walker) }

        var index = 0
        while index < lines.count {
            let line = lines[index]
            noteConvention(line)
            if let list = lists.byParagraph[index] {
                if line.label != nil, !lists.itemLines.contains(index) { walker.openSection(line, builder: &self) }
                emit(list, declaredAt: index, lines: lines, walker: &walker)
                index += 1
                continue
            }
            if lists.itemLines.contains(index) {
                index += 1
                continue
            }
            guard line.label != nil else {
                index += 1
                continue
            }
            if line.isTask {
                // An item runs to the next item or heading; once its text ends with its owners, a
                // paragraph naming none is no longer its own (the closing words after a last item).
                var end = index + 1
                var closed = line.annotations.endsWithAnnotation
                while end < lines.count, !lines[end].isTask,
                    !(lines[end].label != nil && lines[end].depth <= line.depth), !lines[end].headsUnnumberedTasks,
                    !(closed && lines[end].label == nil && !lines[end].carries)
                {
                    closed = lines[end].annotations.endsWithAnnotation
                    end += 1
                }
                // A convention stated anywhere in the item holds for the item and after it.
                for line in lines[index..<end] { noteConvention(line) }
                var draft = draft(from: lines[index..<end], section: walker.path)
                if line.labelIsImplied, line.label!.length == line.label!.numeral.unicodeScalars.count {
                    draft.warnings.append(Diagnostic(
                        .impliedLabel, "item number \(line.label!.numeral) printed without its punctuation",
                        line: line.paragraph.span.lineStart))
                }
                walker.record(draft, builder: &self)
                index = end
                continue
            }
            if line.headsUnnumberedTasks {
                walker.openSection(line, builder: &self)
                index = readUnnumberedTasks(lines, heading: index, walker: &walker)
                continue
            }
            if taskDepth == nil || line.depth < taskDepth! || line.label?.style.family != taskFamily {
                walker.openSection(line, builder: &self)
            }
            index += 1
        }
    }

    /// Notes the first-listed-unit-leads convention where a line states it.
    private mutating func noteConvention(_ line: Line) {
        if line.annotations.found.contains(where: \.annotation.statesFirstLeads)
            || line.responsibility?.annotation.statesFirstLeads == true
        {
            firstListedLeads = true
        } else if line.label == nil,
            line.text.utf8.count <= 80 || (line.text.utf8.count <= 320 && Self.scalarCount(of: line.text) <= 80),
            ResponsibilityVocabulary.statesFirstLeadsConvention(line.text)
        {
            firstListedLeads = true
        }
    }

    /// `text.unicodeScalars.count`, counted from the UTF-8.
    static func scalarCount(of text: String) -> Int {
        text.utf8.withContiguousStorageIfAvailable(AnnotationFinder.ByteMarks.scalarCount) ?? text.unicodeScalars.count
    }

    /// The tasks under a heading whose paragraphs each carry an annotation: the heading's own
    /// text after its first sentence (when it carries one), then each annotated paragraph, with
    /// unannotated paragraphs going on the task before them. Returns the index after them.
    private mutating func readUnnumberedTasks(_ lines: [Line], heading: Int, walker: inout Walker) -> Int {
        var groups: [[Line]] = []
        let headingLine = lines[heading]
        if !headingLine.annotations.found.isEmpty, let label = headingLine.label {
            let body = String(label.body(of: headingLine.text))
            let sentences = ScalarLine.splitOnce(body[...], at: "。")
            if sentences.count == 2 {
                let rest = String(sentences[1])
                let paragraph = Paragraph(text: rest, span: headingLine.paragraph.span, role: headingLine.paragraph.role)
                groups.append([Line(paragraph: paragraph, label: nil, annotations: AnnotationFinder.find(in: rest))])
            }
        }
        // An annotation closes the task it follows: in the paragraph (`…。（甲部负责）`) or as a
        // paragraph of its own after the task's text. Text before an annotated paragraph goes on
        // the task before it, or introduces the first.
        var pending: [Line] = []
        var index = heading + 1
        while index < lines.count, lines[index].label == nil {
            let line = lines[index]
            noteConvention(line)
            index += 1
            if line.annotations.found.isEmpty {
                pending.append(line)
                continue
            }
            if line.annotations.remainder.isEmpty, !pending.isEmpty {
                groups.append(pending + [line])
            } else if line.annotations.remainder.isEmpty, !groups.isEmpty {
                groups[groups.count - 1].append(line)
            } else {
                if !groups.isEmpty { groups[groups.count - 1] += pending }
                groups.append([line])
            }
            pending = []
        }
        if !groups.isEmpty { groups[groups.count - 1] += pending }
        for (position, var group) in groups.enumerated() {
            // `一是…`, `二是…` opening the paragraphs number them.
            if let marker = EnumerationMarker.parse(Array(group[0].text.unicodeScalars)[...]), marker.style == .ordinalShi {
                group[0].label = ListLabel(style: .chineseComma, value: marker.value, numeral: marker.numeral, length: marker.length)
            }
            let draft = draft(from: group[...], section: walker.path, unnumbered: position + 1)
            walker.record(draft, builder: &self)
        }
        return index
    }

    /// The items of a document's main numbering: the shallowest level, outside goals and
    /// principles, with three items or more that are statements rather than headings: their
    /// text (the numbered paragraph and the unnumbered ones under it) runs to 30 characters on
    /// average, and most of them hold no numbered items of their own. Nil when there is none.
    static func mainItems(of lines: [Line]) -> [Int]? {
        var levels: [String: [Int]] = [:]
        for index in lines.indices {
            guard let label = lines[index].label, !lines[index].isFraming else { continue }
            levels["\(lines[index].depth) \(label.style.family)", default: []].append(index)
        }
        /// An item's text length, and whether numbered items sit under it.
        func extent(_ index: Int) -> (length: Int, holdsItems: Bool) {
            var length = scalarCount(of: lines[index].text)
            var next = index + 1
            while next < lines.count, lines[next].label == nil {
                length += scalarCount(of: lines[next].text)
                next += 1
            }
            return (length, next < lines.count && lines[next].depth > lines[index].depth)
        }
        let statements = levels.values.filter { items in
            let extents = items.map(extent)
            return items.count >= 3 && extents.reduce(0) { $0 + $1.length } >= 30 * items.count
                && extents.filter(\.holdsItems).count * 2 < items.count
        }
        return statements.min { a, b in
            lines[a[0]].depth != lines[b[0]].depth ? lines[a[0]].depth < lines[b[0]].depth : a.count > b.count
        }
    }

    /// The 民生实事 lists of a scope: one its appendix title declares, and those declared in paragraphs.
    struct LivelihoodLists {
        var underTitle: LivelihoodList?
        var byParagraph: [Int: LivelihoodList] = [:]
        /// Paragraphs that are items of a list.
        var itemLines: Set<Int> = []
        /// The counts declared in paragraphs no items follow (`继续办好10件惠民实事。` and other work).
        var unlistedCounts: [Int] = []
        var isEmpty: Bool { underTitle == nil && byParagraph.isEmpty }
    }

    static func livelihoodLists(in lines: [Line], title: String?) -> LivelihoodLists {
        var lists = LivelihoodLists()
        let texts = lines.map(\.text)
        if let title, let declaration = LivelihoodList.declaration(in: title),
            let items = LivelihoodList.following([title] + texts, after: 0)
        {
            // Paragraph offsets counted the title first.
            let shifted = items.map { item in
                var item = item
                item.paragraphs = item.paragraphs.map { ($0.lowerBound - 1)..<($0.upperBound - 1) }
                return item
            }
            lists.underTitle = LivelihoodList(declared: declaration.declared, items: shifted)
            lists.itemLines.formUnion(lists.underTitle!.itemParagraphs)
        }
        var index = 0
        while index < texts.count {
            guard !lists.itemLines.contains(index) else {
                index += 1
                continue
            }
            let declarations = LivelihoodList.declarations(in: texts[index])
            if let list = LivelihoodList.read(texts, at: index, declarations: declarations) {
                lists.byParagraph[index] = list
                lists.itemLines.formUnion(list.itemParagraphs)
                index = max(index + 1, list.itemParagraphs.upperBound)
                continue
            }
            if let declared = declarations.lazy.compactMap(\.declared).first {
                lists.unlistedCounts.append(declared)
            }
            index += 1
        }
        return lists
    }

    /// The tasks of a 民生实事 list, under the sections open where it is declared (`declaredAt`,
    /// a paragraph, or nil for the appendix title).
    private mutating func emit(_ list: LivelihoodList, declaredAt index: Int?, lines: [Line], walker: inout Walker) {
        if let declared = list.declared, let open = walker.innermostSection ?? walker.scopeIndex {
            sections[open].declared = sections[open].declared ?? declared
        }
        for item in list.items {
            // Inline items keep the declaring paragraph's lines; the others their own paragraphs'.
            var span = lines[item.paragraphs?.lowerBound ?? index!].paragraph.span
            if let paragraphs = item.paragraphs { span = span.union(lines[paragraphs.upperBound - 1].paragraph.span) }
            let source = lines[item.paragraphs?.lowerBound ?? index!]
            let label = ListLabel(style: .arabicDot, value: item.marker.value, numeral: item.marker.numeral, length: 0)
            let paragraph = Paragraph(text: item.text, span: span, role: source.paragraph.role)
            let line = Line(paragraph: paragraph, label: label, annotations: AnnotationFinder.find(in: item.text))
            var draft = draft(from: [line][...], section: walker.path)
            draft.fields[0] = FieldValue(header: "标题", text: draft.title)
            walker.record(draft, builder: &self)
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
        if end > 0, lines[end - 1].label == nil, lines[end - 1].text.count <= 24, !lines[end - 1].carries {
            end -= 1
        }
        return end
    }

    /// A numbered line is a heading over unnumbered tasks when two or more of the paragraphs
    /// under it carry their own annotation: one item's continuation carries one at most.
    static func markUnnumberedTaskHeadings(_ lines: inout [Line]) {
        for index in lines.indices where lines[index].label != nil {
            var annotated = 0
            var next = index + 1
            while next < lines.count, lines[next].label == nil, !Self.opensWithDigit(lines[next].text) {
                if !lines[next].annotations.found.isEmpty { annotated += 1 }
                next += 1
            }
            lines[index].headsUnnumberedTasks = annotated >= 2
        }
    }

    /// Gives every numbered line its depth, deciding which lines are tasks.
    private func resolveDepths(_ lines: inout [Line]) {
        var stack: [Level] = []
        var taskDepth: Int?
        var taskFamily: ListLabel.Family?
        var lastTask: ListLabel?
        // Whether the title of each open level is a goal or principle heading, to keep their items
        // out of the tasks.
        var openFraming: [Bool] = []
        for index in lines.indices {
            // `22大力建设…`: digits without punctuation that continue the task numbering.
            if lines[index].label == nil, let lastTask, let implied = Self.impliedLabel(lines[index].text, after: lastTask) {
                lines[index].label = implied
                lines[index].labelIsImplied = true
            }
            guard let label = lines[index].label else { continue }
            let carries = !lines[index].headsUnnumberedTasks && Self.carriesResponsibility(lines, at: index)
            lines[index].isTask = carries
            let depth: Int
            if carries || lines[index].labelIsImplied, let taskDepth, stack.count >= taskDepth - 1 {
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
            openFraming.removeLast(max(0, openFraming.count - (stack.count - 1)))
            openFraming.append(Self.headsFramingSection(lines[index]))
            lines[index].isFraming = openFraming.contains(true)
            if carries, taskDepth == nil {
                taskDepth = stack.count
                taskFamily = label.style.family
                Self.markEarlierSiblings(&lines, before: index)
            }
            if let taskDepth, lines[index].depth == taskDepth, !lines[index].headsUnnumberedTasks {
                // Every item at the task level is a task, except goals and principles that name no owner.
                // … of the tasks' own numbering: a （一） heading at that depth elsewhere is a heading.
                lines[index].isTask = carries || (!lines[index].isFraming && label.style.family == taskFamily)
            }
            if lines[index].isTask { lastTask = label }
        }
    }

    /// The items before the first task in its list (1., 2. before a 3. that names its owners)
    /// are tasks too, unless they are goals or principles.
    static func markEarlierSiblings(_ lines: inout [Line], before index: Int) {
        guard var expected = lines[index].label.map({ $0.value - 1 }), let family = lines[index].label?.style.family else { return }
        var previous = index - 1
        while previous >= 0, expected >= 1 {
            guard let label = lines[previous].label else {
                previous -= 1
                continue
            }
            if lines[previous].depth > lines[index].depth {
                previous -= 1
                continue
            }
            guard lines[previous].depth == lines[index].depth, label.style.family == family, label.value == expected else { break }
            if !lines[previous].isFraming, !lines[previous].headsUnnumberedTasks { lines[previous].isTask = true }
            expected -= 1
            previous -= 1
        }
    }

    /// An annotation standing alone after several items (1., 2., then （甲局负责）) covers each
    /// of them that names no owner of its own, back to the last one that does.
    static func spreadCoveringAnnotations(_ lines: inout [Line]) {
        for index in lines.indices where lines[index].label == nil && lines[index].annotations.remainder.isEmpty
            && !lines[index].annotations.found.isEmpty
        {
            guard let task = lines[..<index].lastIndex(where: { $0.label != nil }), lines[task].isTask else { continue }
            let depth = lines[task].depth
            var covered: [Int] = []
            var previous = task - 1
            while previous >= 0 {
                if lines[previous].label == nil {
                    if lines[previous].carries { break }
                    previous -= 1
                    continue
                }
                guard lines[previous].depth == depth, lines[previous].isTask, lines[previous].annotations.found.isEmpty else { break }
                covered.append(previous)
                previous -= 1
            }
            for item in covered { lines[item].coveringAnnotations += lines[index].annotations.found.map(\.annotation) }
        }
    }

    /// An item carries responsibility when its text holds an annotation, or a line continuing it
    /// does, or labelled lines (分管领导, 牵头单位 …) follow it before the next numbered line.
    static func carriesResponsibility(_ lines: [Line], at index: Int) -> Bool {
        if !lines[index].annotations.found.isEmpty { return true }
        var next = index + 1
        // A line opening with digits may be the next item printed without its punctuation
        // (22大力…); it ends the search like any numbered line.
        while next < lines.count, next <= index + 4, lines[next].label == nil, !Self.opensWithDigit(lines[next].text) {
            if lines[next].carries { return true }
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

    /// A label for a line that opens with digits continuing the task numbering, where the label
    /// reader alone could not tell: printed without punctuation (`22大力…`), or before a name that
    /// opens with digits (`11.121人才梯队项目`, which alone reads as the number 11.121).
    static func impliedLabel(_ text: String, after lastTask: ListLabel) -> ListLabel? {
        guard [.arabicDot, .arabicComma, .arabicFullStop].contains(lastTask.style) else { return nil }
        // Text opening with no ASCII digit byte opens with no digit Character.
        guard let first = text.utf8.first, first >= 0x30, first <= 0x39 else { return nil }
        let digits = text.prefix { $0.isASCIIDigit }
        guard !digits.isEmpty, digits.count <= 3, let value = Int(digits), value == lastTask.value + 1,
            let next = text.dropFirst(digits.count).first
        else { return nil }
        if next == "." || next == "．", text.dropFirst(digits.count + 1).first?.isASCIIDigit == true {
            return ListLabel(style: .arabicDot, value: value, numeral: String(digits), length: digits.count + 1)
        }
        guard !next.isASCII, next.isLetter else { return nil }
        return ListLabel(style: lastTask.style, value: value, numeral: String(digits), length: digits.count)
    }

    /// A section heading's title: its text after the label, up to the first full stop.
    static func heading(of line: Line) -> String {
        guard line.label != nil else { return line.text }
        return String(scalars: headingScalars(of: line))
    }

    /// `heading(of:)` of a numbered line, as scalars.
    static func headingScalars(of line: Line) -> [Unicode.Scalar] {
        var title: [Unicode.Scalar] = []
        let stops = forEachHeadingScalar(of: line) { scalar in
            title.append(scalar)
            return true
        }
        // The body itself when all is stops.
        if title.isEmpty { return Array(repeating: "。", count: stops) }
        var cleaned = ScalarLine.singleLine(title)
        while let last = cleaned.last, last == "：" || last == ":" { cleaned.removeLast() }
        return cleaned
    }

    /// Hands the scalars of a numbered line's heading — the first non-empty stretch between
    /// full stops after its label — to `body` until it returns false; returns how many full
    /// stops came before the stretch.
    @discardableResult
    static func forEachHeadingScalar(of line: Line, _ body: (Unicode.Scalar) -> Bool) -> Int {
        let labelLength = line.label?.length ?? 0
        var skipped = 0
        var stops = 0
        var started = false
        for scalar in line.text.unicodeScalars {
            if skipped < labelLength {
                skipped += 1
                continue
            }
            if scalar == "。" {
                if started { break }
                stops += 1
                continue
            }
            started = true
            if !body(scalar) { break }
        }
        return stops
    }

    /// Whether a numbered line's heading is a goal or principle heading: `heading(of:)` is made
    /// only of a title that may be one (no more scalars that stay after trimming than the longest).
    static func headsFramingSection(_ line: Line) -> Bool {
        let longest = OutlineVocabulary.framingHeadingWords.longest
        var kept = 0
        forEachHeadingScalar(of: line) { scalar in
            if scalar.isCollapsibleSpace || scalar == "\n" || scalar == "\r"
                || OutlineVocabulary.trailingStops.contains(scalar.simplifiedKey)
            {
                return true
            }
            kept += 1
            return kept <= longest
        }
        if kept > longest { return false }
        return OutlineVocabulary.isFramingHeading(headingScalars(of: line))
    }

    /// `text.first?.isASCIIDigit == true`, told from the bytes when the digit is a Character alone.
    static func opensWithDigit(_ text: String) -> Bool {
        var bytes = text.utf8.makeIterator()
        guard let first = bytes.next(), first >= 0x30, first <= 0x39 else { return false }
        // Only a mark after it (a non-ASCII scalar) may join the digit into a longer Character.
        guard let second = bytes.next(), second >= 0x80 else { return true }
        return text.first?.isASCIIDigit == true
    }

    /// Sub-headings inside an item, by what follows them.
    enum Part {
        case measures, target, milestones
    }

    static let targetHeadings = ["项目概况", "工作目标", "目标任务", "项目简介", "建设内容", "主要目标", "年度目标"]
    /// Labels of a deadline inside an item's annotation: the schedule headings, and these.
    static let deadlineLabels = ["时限", "完成时间", "完成期限"]

    static func isScheduleLabel(_ label: String) -> Bool {
        let folded = CharacterFold.simplifiedKey(label)
        return scheduleLabels.contains { folded.containsText($0) }
    }

    static let scheduleLabels = deadlineLabels + milestoneHeadings

    static let milestoneHeadings = ["推进计划", "进度安排", "时间安排", "实施步骤", "促进计划", "工作计划", "时间节点", "进度计划", "实施计划"]

    /// A draft from an item's lines: the first holds the label (or, for an unnumbered task,
    /// the statement), the rest continue it.
    func draft(from lines: ArraySlice<Line>, section: [SectionRef], unnumbered: Int? = nil) -> TaskDraft {
        let first = lines.first!
        let label = first.label
        let statement = first.annotations.remainder
        let body = label.map { String($0.body(of: statement)) } ?? statement
        let number = label?.numeral
        var draft = TaskDraft(
            number: number, section: section, title: "", target: nil, measures: nil, milestones: [],
            leaders: [], leadUnits: [], supportUnits: [], fields: [], span: first.paragraph.span, warnings: [],
            path: section.map(\.marker) + [number ?? "p\(unnumbered ?? 1)"])
        var owners = OwnerList(firstListedLeads: firstListedLeads)
        owners.add(first.annotations.found.map(\.annotation))
        owners.add(first.coveringAnnotations)

        // An item of several sentences opens with its statement; what follows is how (具体措施).
        let sentences = ScalarLine.splitOnce(body[...], at: "。")
        var measures: [String] = []
        if sentences.count == 2, ScalarLine.characterCount(of: sentences[0], isAtMost: 60) {
            draft.title = TextCleanup.singleLine(sentences[0])
            measures.append(TextCleanup.singleLine(sentences[1]))
        } else {
            draft.title = TextCleanup.singleLine(body).trimmingTrailing(in: "。")
        }
        // The item's label and statement as printed; the rest of it is in 具体措施 and 负责.
        let printedLabel = label.map { TextCleanup.singleLine($0.printed(in: first.text)) } ?? ""
        draft.fields.insert(FieldValue(header: "标题", text: printedLabel + draft.title), at: 0)

        var part = Part.measures
        var target: [String] = []
        var schedule: [String] = []
        var targetHeader = "项目概况"
        var scheduleHeader = "项目推进计划"
        for line in lines.dropFirst() {
            draft.span = draft.span.union(line.paragraph.span)
            if let responsibility = line.responsibility {
                owners.add([responsibility.annotation], label: responsibility.label, value: responsibility.value)
                continue
            }
            owners.add(line.annotations.found.map(\.annotation))
            let text = line.annotations.remainder
            if text.isEmpty { continue }
            // A sub-heading is short: a long paragraph is not folded to be asked.
            if ScalarLine.characterCount(of: text, isAtMost: 24) {
                let folded = CharacterFold.simplifiedKey(text)
                if Self.targetHeadings.contains(where: { folded.containsText($0) }) {
                    part = .target
                    targetHeader = Self.heading(of: line)
                    continue
                }
                if Self.milestoneHeadings.contains(where: { folded.containsText($0) }) {
                    part = .milestones
                    scheduleHeader = Self.heading(of: line)
                    continue
                }
            }
            switch part {
            case .measures: measures.append(text)
            case .target: target.append(text)
            case .milestones:
                // A step's own number (1、2、…) is enumeration, not content.
                let step = line.label.map { String($0.body(of: text)) } ?? text
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
            let scheduleText = schedule.joined(separator: "\n")
            draft.milestones = MilestoneSplitter.split(scheduleText)
            draft.fields.append(FieldValue(header: scheduleHeader, text: scheduleText))
        } else {
            // Without a schedule, the item's dated sentences are its milestones, and so are the
            // deadlines its annotation labels (完成时限：2023年6月底前).
            draft.milestones = MilestoneSplitter.datedSentences(of: ([draft.title] + measures).joined(separator: "\n"))
                + owners.fields.filter { Self.isScheduleLabel($0.header) }.map(\.text)
            draft.milestonesRepeatText = true
        }
        draft.leaders = owners.leaders
        (draft.leadUnits, draft.supportUnits) = owners.units()
        // Owners as printed come right after the statement, before how and when.
        draft.fields.insert(contentsOf: owners.fields, at: 1)
        return draft
    }

    /// The sections open while walking a scope, and the counts of tasks under them.
    struct Walker {
        var scope: Scope
        var scopeIndex: Int?
        var stack: [(depth: Int, ref: SectionRef, index: Int)] = []

        init(scope: Scope) {
            self.scope = scope
        }

        var path: [SectionRef] { (scope.section.map { [$0] } ?? []) + stack.map(\.ref) }
        var innermostSection: Int? { stack.last?.index }

        mutating func openSection(_ line: Line, builder: inout OutlineTaskBuilder) {
            let ref = SectionRef(marker: line.label?.numeral ?? "", title: OutlineTaskBuilder.heading(of: line))
            stack.removeAll { $0.depth >= line.depth }
            builder.sections.append(.init(
                path: path + [ref], declared: SectionHeading(line.text).declared, line: line.paragraph.span.lineStart))
            stack.append((line.depth, ref, builder.sections.count - 1))
        }

        mutating func record(_ draft: TaskDraft, builder: inout OutlineTaskBuilder) {
            builder.drafts.append(draft)
            for entry in stack { builder.sections[entry.index].found += 1 }
            if let scopeIndex { builder.sections[scopeIndex].found += 1 }
        }
    }
}
