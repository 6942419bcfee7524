public import PlanModel

/// Options that change what Normalize produces.
public struct NormalizeOptions: Hashable, Sendable {
    /// Keep text in the script it was printed in (no conversion to simplified).
    public var keepScript: Bool

    public init(keepScript: Bool = false) {
        self.keepScript = keepScript
    }
}

/// From the document model to canonical records: repair and clean the text, read tasks
/// from tables or from numbered paragraphs, convert to simplified script, resolve times
/// and quantities.
public enum DocumentNormalizer {
    public static func normalize(_ source: consuming SourceDocument, info: SourceInfo, options: NormalizeOptions = NormalizeOptions())
        -> NormalizedDocument
    {
        var tasks: [TaskRecord] = []
        let record = normalize(source, info: info, options: options) { tasks.append($0) }
        return NormalizedDocument(document: record, tasks: tasks)
    }

    /// The same, handing each task record to `eachTask` as it is made, in order, instead of
    /// holding them all (a large document's records can be encoded and let go one by one); the
    /// document record, which sums them up, comes back at the end. The document model is let
    /// go before the task records are made (when the caller hands it over), so a large document
    /// is not held as model, drafts and records at once.
    public static func normalize(
        _ source: consuming SourceDocument, info: SourceInfo, options: NormalizeOptions = NormalizeOptions(),
        eachTask: (consuming TaskRecord) -> Void
    ) -> DocumentRecord {
        var warnings = source.diagnostics
        let (document, repairs) = TextRepairStage.apply(to: consume source)

        // Tasks from tables first; numbered paragraphs only when no table held any.
        var tableBuilder = TableTaskBuilder()
        // Each table with the lines printed just above it (its title and 单位： line).
        // A numbered heading with a declared count (一、推广的改革举措（共23项）) above a
        // table counts the table's rows.
        var above: [String] = []
        var declaring: (heading: SectionHeading, line: Int)?
        for block in document.blocks {
            switch block {
            case .paragraph(let paragraph):
                above.append(paragraph.text)
                if above.count > 3 { above.removeFirst() }
                if let heading = SectionHeading.declaring(paragraph.text), heading.title.count <= 40 {
                    declaring = (heading, paragraph.span.lineStart)
                }
            case .table(let table):
                if let (heading, line) = declaring, let declared = heading.declared {
                    tableBuilder.enclose(under: heading.ref, declared: declared, line: line)
                    declaring = nil
                }
                tableBuilder.add(table, context: above)
                above = []
            }
        }
        var drafts = tableBuilder.drafts
        var sections = tableBuilder.sections
        warnings += tableBuilder.diagnostics
        let paragraphs = document.paragraphs
        var facts = DocumentFacts(document: document, paragraphs: paragraphs)
        var outlineBuilder = OutlineTaskBuilder()
        outlineBuilder.takesItemsWithoutOwners = OutlineVocabulary.numbersTasksWithoutOwners(title: facts.title)
        if drafts.isEmpty, document.format != .tableDump {
            outlineBuilder.add(paragraphs)
            drafts = outlineBuilder.drafts
            sections = outlineBuilder.sections
            warnings += outlineBuilder.diagnostics
            if outlineBuilder.chromeCount > 0 {
                warnings.append(Diagnostic(
                    .siteChromeDropped,
                    "\(outlineBuilder.chromeCount) line(s) of site chrome (navigation, print controls, counters, image names, links) not used"))
            }
        }

        // Script: detect on everything the document says, convert by phrase.
        let detection = ScriptDetector.detect(eachText: { count in Self.forEachText(of: document, count) })
        let converter = options.keepScript ? nil : detection.profile.map { ScriptConverter(profile: $0) }
        var script = ScriptConversion(converter: converter)
        let printedDrafts = drafts
        var columns = tableBuilder.columns
        // Most documents are in simplified script already: their texts are not copied.
        if !script.keepsText {
            for index in drafts.indices { drafts[index].text = script.convert(drafts[index].text) }
            facts.title = facts.title.map { script.convert($0) }
            facts.issuer = facts.issuer.map { script.convert($0) }
            facts.docNumber = facts.docNumber.map { script.convert($0) }
            columns = columns.map { ColumnMapping(header: script.convert($0.header), field: $0.field) }
            sections = sections.map { node in
                var node = node
                node.path = node.path.map { script.convert($0) }
                return node
            }
        }

        let year = Self.year(title: facts.title, columns: columns, paragraphs: paragraphs, facts: facts)
        let whyNoTasks = drafts.isEmpty ? Self.whyNoTasks(document: document, paragraphCount: paragraphs.count, outline: outlineBuilder) : nil
        _ = consume document
        _ = consume paragraphs
        tableBuilder.drafts = []
        outlineBuilder.drafts = []

        var ids = TaskIDAllocator()
        let docID = info.docID
        for (index, draft) in drafts.enumerated() {
            var task = TaskRecordAssembler.assemble(draft, seq: index + 1, info: info, docID: docID, year: year)
            task.id = ids.id(for: docID + "/" + draft.path.map { $0.isEmpty ? "_" : $0 }.joined(separator: "/"))
            task.original = TaskOriginal(printed: printedDrafts[index].text, converted: drafts[index].text)
            eachTask(task)
        }

        for node in sections {
            if let declared = node.declared, declared != node.found {
                warnings.append(Diagnostic(
                    .sectionCountMismatch,
                    "section \(node.path.last.map { "\($0.marker) \($0.title)" } ?? "") declares \(declared) task(s), \(node.found) found",
                    line: node.line))
            }
        }
        if let whyNoTasks { warnings.append(Diagnostic(.noPlanContent, whyNoTasks)) }

        let record = DocumentRecord(
            source: info, title: facts.title, issuer: facts.issuer, docNumber: facts.docNumber,
            dates: DocumentDates(issued: facts.issued, published: facts.published), year: year,
            script: ScriptInfo(detected: detection.detected, converted: script.changedCharacters),
            columns: columns,
            sections: sections.map { SectionSummary(path: $0.path, declared: $0.declared, found: $0.found, line: $0.line) },
            repairs: repairs, warnings: warnings)
        return record
    }

    /// The year the plan is about: printed in its title, else in its column headers
    /// (2020年工作目标), else its preamble, else the year it was issued or published.
    static func year(title: String?, columns: [ColumnMapping], paragraphs: [Paragraph], facts: DocumentFacts) -> Int? {
        if let title, let year = DocumentFacts.year(in: title) { return year }
        for column in columns { if let year = DocumentFacts.year(in: column.header) { return year } }
        for paragraph in paragraphs where paragraph.role == .preamble {
            if let year = DocumentFacts.year(in: paragraph.text) { return year }
        }
        return facts.issued?.year ?? facts.published?.year
    }

    /// What the document held and why none of it became a task, in words a user can act on.
    static func whyNoTasks(document: SourceDocument, paragraphCount: Int, outline: OutlineTaskBuilder) -> String {
        let rows = document.tables.reduce(0) { $0 + $1.rows.count }
        var saw = ["read as \(document.format.rawValue)"]
        saw.append(document.tables.isEmpty ? "no table" : "\(document.tables.count) table(s) with \(rows) row(s), none with a task column")
        if document.format != .tableDump {
            saw.append("\(paragraphCount) paragraph(s), \(outline.numberedItemCount) numbered")
            saw.append("\(outline.annotationCount) owner annotation(s)")
        }
        let why: String
        if paragraphCount == 0 && document.tables.isEmpty {
            why = "the document has no text"
        } else if outline.numberedItemCount == 0 && outline.annotationCount == 0 {
            why = "nothing is numbered, no item names an owner and no 民生实事 list was found"
        } else if outline.annotationCount == 0, !outline.takesItemsWithoutOwners {
            why = "a report or reply: only a 民生实事 list would be its tasks, and none was found"
        } else if outline.annotationCount == 0 {
            why = "no numbered item names an owner (牵头/负责 annotations, 牵头单位： lines), no 民生实事 list was found, "
                + "and no numbering has three or more items that are statements outside goals and principles"
        } else {
            why = "the owners named are not attached to numbered items or task paragraphs"
        }
        let unlisted = outline.unlistedLivelihoodCounts.map { "a list of \($0) 民生实事 is declared but its items are not printed" }
        return "no tasks: " + saw.joined(separator: "; ") + " — " + ([why] + unlisted).joined(separator: "; ")
    }

    /// Everything the document says, piece by piece: paragraphs, cells (not the copies a span
    /// leaves), metadata values.
    static func forEachText(of document: SourceDocument, _ body: (String) -> Void) {
        for block in document.blocks {
            switch block {
            case .paragraph(let paragraph):
                body(paragraph.text)
            case .table(let table):
                for row in table.headerRows { for cell in row.cells where !cell.isSpanCopy { body(cell.text) } }
                for row in table.rows { for cell in row.cells where !cell.isSpanCopy { body(cell.text) } }
            }
        }
        for field in document.metadata { body(field.value) }
    }
}
