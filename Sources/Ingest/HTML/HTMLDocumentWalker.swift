import PlanModel

/// Walks a parsed page in reading order and collects what the document says: paragraphs
/// (one per block element and per `<br>`-separated line), data tables, page metadata.
/// Scripts, styles, comments, hidden elements and site chrome are dropped and counted.
struct HTMLDocumentWalker {
    private(set) var blocks: [Block] = []
    private(set) var metadata: [MetadataField] = []
    private var lines = HTMLLineBuilder()
    private var headingDepth = 0
    private var dropped: [String: Int] = [:]
    private var firstDroppedLine: Int?
    /// Grid positions the document's tables may still expand to (see `HTMLTableGrid`).
    private var gridCellBudget = HTMLTableGrid.maximumCellsPerDocument

    /// Walks `node` and its subtree.
    mutating func walk(_ node: HTMLNode) {
        switch node.kind {
        case .text(let text):
            lines.append(text, startingAt: node.line)
        case .comment:
            countDropped("comment", line: node.line)
        case .element(let tag):
            walkElement(node, tag: tag)
        }
    }

    /// Ends the last paragraph; call once after walking the document.
    mutating func finish() {
        flushLines()
    }

    /// One summary of everything dropped, or nil when nothing was.
    var droppedSummary: Diagnostic? {
        guard !dropped.isEmpty else { return nil }
        let order = SiteChromeRule.Kind.allCases.map(\.rawValue) + ["navigation table", "hidden element", "script", "style", "comment"]
        let parts = order.compactMap { kind -> String? in
            guard let count = dropped[kind] else { return nil }
            return "\(count) \(kind)\(count == 1 ? "" : "s")"
        }
        return Diagnostic(.siteChromeDropped, "dropped site chrome: " + parts.joined(separator: ", "), line: firstDroppedLine)
    }

    private mutating func walkElement(_ node: HTMLNode, tag: String) {
        switch tag {
        case "head":
            readHead(node)
            return
        case "title", "meta":
            readMetadataElement(node, tag: tag)
            return
        case "br":
            flushLines()
            return
        case "table":
            readTable(node)
            return
        default:
            break
        }
        if HTMLElementCategory.script.contains(tag) {
            countDropped("script", line: node.line)
            return
        }
        if HTMLElementCategory.style.contains(tag) {
            countDropped("style", line: node.line)
            return
        }
        if HTMLElementCategory.embedded.contains(tag) { return }
        if HTMLElementCategory.isHidden(node) {
            countDropped("hidden element", line: node.line)
            return
        }
        if let chrome = SiteChromeRule.chromeKind(of: node) {
            countDropped(chrome.rawValue, line: node.line)
            return
        }
        walkContent(of: node, tag: tag)
    }

    /// The element's children, with a line break around a block element.
    private mutating func walkContent(of node: HTMLNode, tag: String) {
        let isBlock = HTMLElementCategory.block.contains(tag)
        let isHeading = HTMLElementCategory.heading.contains(tag)
        let isPreformatted = HTMLElementCategory.preformatted.contains(tag)
        if isBlock { flushLines() }
        if isHeading { headingDepth += 1 }
        let outerPreservesWhiteSpace = lines.preservesWhiteSpace
        if isPreformatted { lines.preservesWhiteSpace = true }
        for child in node.children { walk(child) }
        lines.preservesWhiteSpace = outerPreservesWhiteSpace
        if isBlock { flushLines() }
        if isHeading { headingDepth -= 1 }
    }

    private mutating func flushLines() {
        appendParagraphs(lines.takeLines(), role: headingDepth > 0 ? .heading : .body)
    }

    private mutating func countDropped(_ kind: String, line: Int) {
        dropped[kind, default: 0] += 1
        if firstDroppedLine == nil { firstDroppedLine = line }
    }

    // MARK: Tables

    private mutating func readTable(_ node: HTMLNode) {
        if HTMLElementCategory.isHidden(node) {
            countDropped("hidden element", line: node.line)
            return
        }
        switch HTMLTableClassifier.classify(node) {
        case .data(let raw):
            flushLines()
            appendParagraphs(raw.strayLines, role: .body)
            appendParagraphs(raw.captions, role: .heading)
            guard let grid = HTMLTableGrid.build(raw, budget: &gridCellBudget) else { return }
            appendParagraphs(grid.captionLines, role: .body)
            blocks.append(.table(grid.table))
        case .metadata(let fields):
            flushLines()
            metadata += fields
        case .navigation:
            countDropped("navigation table", line: node.line)
        case .layout:
            if let chrome = SiteChromeRule.chromeKind(of: node) {
                countDropped(chrome.rawValue, line: node.line)
            } else {
                walkContent(of: node, tag: "table")
            }
        }
    }

    /// Paragraphs lose the ideographic spaces that indent or centre them (`　　为不断…`):
    /// typography, not text. Table cells keep theirs.
    private mutating func appendParagraphs(_ textLines: [HTMLTextLine], role: Paragraph.Role) {
        for line in textLines {
            var text = Substring(line.text)
            while text.first == "\u{3000}" { text.removeFirst() }
            while text.last == "\u{3000}" { text.removeLast() }
            if text.isEmpty { continue }
            blocks.append(.paragraph(Paragraph(text: String(text), span: line.span, role: role)))
        }
    }

    // MARK: Metadata

    /// `<title>` and the `<meta name=…>` tags that describe the document; scripts and
    /// styles in the head are counted with the rest of the chrome.
    private mutating func readHead(_ head: HTMLNode) {
        for child in head.children {
            switch child.kind {
            case .comment:
                countDropped("comment", line: child.line)
            case .element(let tag) where HTMLElementCategory.script.contains(tag):
                countDropped("script", line: child.line)
            case .element(let tag) where HTMLElementCategory.style.contains(tag):
                countDropped("style", line: child.line)
            case .element(let tag) where tag == "title" || tag == "meta":
                readMetadataElement(child, tag: tag)
            default:
                continue
            }
        }
    }

    private mutating func readMetadataElement(_ node: HTMLNode, tag: String) {
        if tag == "title" {
            var builder = HTMLLineBuilder()
            builder.appendContent(of: node)
            let text = builder.takeLines().map(\.text).joined(separator: " ")
            if !text.isEmpty { metadata.append(MetadataField(key: "title", value: text, line: node.line)) }
            return
        }
        guard let name = node.attribute("name")?.trimmingWhiteSpace(), GovMetadataLabels.isMetaName(name),
            let content = node.attribute("content")
        else { return }
        var builder = HTMLLineBuilder()
        builder.append(content, startingAt: node.line)
        let value = builder.takeLines().map(\.text).joined(separator: " ")
        if !value.isEmpty { metadata.append(MetadataField(key: name, value: value, line: node.line)) }
    }
}
