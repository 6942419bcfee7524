internal import CLibXML2

/// Parses HTML with libxml2's HTML parser and hands back the page as `HTMLNode` values.
///
/// The only Swift file that imports libxml2: the `xmlDoc` is converted and freed inside
/// `parse`, so no C pointer escapes. libxml2 recovers from any malformed markup (unclosed
/// tags, stray end tags, cells without rows); what it had to recover from is tallied, not
/// printed.
enum LibXML2HTMLParser {
    /// What libxml2 complained about while recovering, for one summary diagnostic.
    struct MarkupTrouble: Sendable, Equatable {
        var count = 0
        var firstLine: Int?
        var firstMessage: String?
    }

    struct Outcome: Sendable {
        /// A synthetic `#document` element holding the top-level nodes.
        var document: HTMLNode
        var trouble: MarkupTrouble
    }

    /// Attributes the reader looks at; everything else is left behind in C.
    static let keptAttributes: Set<String> = [
        "id", "class", "role", "style", "hidden", "aria-hidden", "rowspan", "colspan", "name", "content",
    ]

    /// Elements whose content is never text of the document. Their subtree is not kept
    /// (the element is, so that dropping it can be counted).
    static let discardedContent: Set<String> = ["script", "style", "noscript", "template"]

    /// Deeper elements are flattened into their ancestor at this depth: garbage with
    /// thousands of unclosed tags must not make the later recursive walks overflow a
    /// worker thread's small stack. Real pages nest a few dozen levels.
    static let maximumDepth = 160

    /// libxml2 wants its one-time initialisation done before threads use it.
    private static let libraryInitialised: Bool = {
        xmlInitParser()
        return true
    }()

    /// `text` is already decoded: libxml2 is given its UTF-8 bytes and told to ignore any
    /// `<meta charset>` inside (the decoder has dealt with charsets).
    static func parse(_ text: String) -> Outcome {
        precondition(libraryInitialised)
        var trouble = TroubleTally()
        var bytes = Array(text.utf8)
        if bytes.isEmpty || bytes.count >= Int(Int32.max) {
            return Outcome(document: HTMLNode(kind: .element("#document"), line: 1), trouble: MarkupTrouble())
        }
        bytes.append(0)
        let options = Int32(
            bitPattern: HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
                | HTML_PARSE_NONET.rawValue | HTML_PARSE_IGNORE_ENC.rawValue | HTML_PARSE_NODEFDTD.rawValue
                // Without it libxml2 stops at nesting depth 256 and drops the rest of the
                // page, which a run of unclosed <font> tags reaches.
                | XML_PARSE_HUGE.rawValue)
        let document: htmlDocPtr? = withUnsafeMutablePointer(to: &trouble) { tally in
            // The structured error handler is per thread in libxml2, so parallel reads do
            // not see each other's errors.
            xmlSetStructuredErrorFunc(UnsafeMutableRawPointer(tally), recordError)
            defer { xmlSetStructuredErrorFunc(nil, nil) }
            return bytes.withUnsafeBufferPointer { buffer in
                buffer.withMemoryRebound(to: CChar.self) { chars in
                    htmlReadMemory(chars.baseAddress, Int32(chars.count - 1), nil, "UTF-8", options)
                }
            }
        }
        guard let document else {
            return Outcome(document: HTMLNode(kind: .element("#document"), line: 1), trouble: trouble.summary)
        }
        defer { xmlFreeDoc(document) }
        let root = convert(firstChild: document.pointee.children)
        return Outcome(document: root, trouble: trouble.summary)
    }

    // MARK: Errors

    private struct TroubleTally {
        var count = 0
        var firstLine: Int?
        var firstMessage: String?

        var summary: MarkupTrouble { MarkupTrouble(count: count, firstLine: firstLine, firstMessage: firstMessage) }
    }

    /// XML_HTML_UNKNOWN_TAG: libxml2 2.9 knows only HTML 4 and calls every `<nav>`,
    /// `<header>` or `<section>` invalid. That is not trouble with the page.
    private static let unknownTagCode: Int32 = 801

    private static let recordError: xmlStructuredErrorFunc = { context, error in
        guard let context, let error else { return }
        let tally = context.assumingMemoryBound(to: TroubleTally.self)
        if error.pointee.code == LibXML2HTMLParser.unknownTagCode { return }
        tally.pointee.count += 1
        if tally.pointee.firstLine == nil {
            tally.pointee.firstLine = Int(error.pointee.line)
            if let message = error.pointee.message {
                var text = String(cString: message)
                while text.last?.isNewline == true { text.removeLast() }
                tally.pointee.firstMessage = text
            }
        }
    }

    // MARK: Conversion

    /// How a frame's children are kept.
    private enum FrameMode {
        /// As the frame element's children.
        case keep
        /// As children of the nearest kept ancestor, after the element itself (too deep).
        case flatten
        /// Walked only to keep line numbers right, then dropped.
        case discard
    }

    private struct Frame {
        var node: HTMLNode
        var next: xmlNodePtr?
        var mode: FrameMode
        /// The stack index of the frame whose node receives this frame's children: its own
        /// for `keep`, the nearest kept ancestor's for `flatten`.
        var receiver: Int
    }

    /// Converts the document's node list without recursion (libxml2 keeps malformed input
    /// however deep it nests), computing each node's start line on the way.
    ///
    /// libxml2 records an element's start-tag line, but a text node's line is where its
    /// first chunk ended, and whitespace it deems ignorable is dropped. So a text node
    /// starts where the previous node ended (`cursor`), corrected upwards by what libxml2
    /// reports; element lines are taken from libxml2 as they are exact.
    private static func convert(firstChild: xmlNodePtr?) -> HTMLNode {
        var stack = [Frame(node: HTMLNode(kind: .element("#document"), line: 1), next: firstChild, mode: .keep, receiver: 0)]
        var keptDepth = 1
        var cursor = 1

        while let top = stack.indices.last {
            guard let current = stack[top].next else {
                let finished = stack.removeLast()
                guard let parent = stack.indices.last else { return finished.node }
                if finished.mode == .keep {
                    keptDepth -= 1
                    var node = finished.node
                    if node.tagName == "a" {
                        node.textStats.linkCharacters = node.textStats.characters
                        node.textStats.links += 1
                    }
                    append(node, to: &stack[stack[parent].receiver].node)
                }
                continue
            }
            stack[top].next = current.pointee.next
            let receiver = stack[top].receiver

            switch current.pointee.type {
            case XML_ELEMENT_NODE:
                let reported = xmlGetLineNo(current)
                // 65535 means "this line or later" in libxml2's 16-bit line field.
                let line = reported > 0 && reported < 65535 ? Int(reported) : cursor
                cursor = max(cursor, line)
                if stack[top].mode == .discard {
                    stack.append(Frame(node: HTMLNode(kind: .comment, line: line), next: current.pointee.children, mode: .discard, receiver: receiver))
                    continue
                }
                let name = current.pointee.name.map { String(cString: $0).lowercased() } ?? ""
                let element = HTMLNode(kind: .element(name), line: line, attributes: keptAttributes(of: current))
                if discardedContent.contains(name) {
                    append(element, to: &stack[receiver].node)
                    stack.append(Frame(node: element, next: current.pointee.children, mode: .discard, receiver: receiver))
                } else if keptDepth >= maximumDepth {
                    append(element, to: &stack[receiver].node)
                    stack.append(Frame(node: element, next: current.pointee.children, mode: .flatten, receiver: receiver))
                } else {
                    keptDepth += 1
                    stack.append(Frame(node: element, next: current.pointee.children, mode: .keep, receiver: stack.count))
                }

            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE, XML_COMMENT_NODE:
                guard let content = current.pointee.content else { continue }
                var text = String(cString: content)
                let newlines = text.utf8.reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
                let reported = xmlGetLineNo(current)
                var end = cursor + newlines
                if reported > 0 && reported < 65535 { end = max(end, Int(reported)) }
                let start = end - newlines
                cursor = end
                if stack[top].mode == .discard { continue }
                if current.pointee.type == XML_COMMENT_NODE {
                    append(HTMLNode(kind: .comment, line: start), to: &stack[receiver].node)
                } else if !text.isEmpty {
                    if text.utf8.contains(UInt8(ascii: "&")) { text = LegacyEntities.decode(text) }
                    var node = HTMLNode(kind: .text(text), line: start)
                    node.textStats.characters = text.unicodeScalars.reduce(0) { $0 + ($1.properties.isWhitespace ? 0 : 1) }
                    append(node, to: &stack[receiver].node)
                }

            default:
                // Doctype, entity declarations, processing instructions: nothing to read.
                continue
            }
        }
        return HTMLNode(kind: .element("#document"), line: 1)
    }

    private static func append(_ child: HTMLNode, to parent: inout HTMLNode) {
        parent.contents.formUnion(child.contentsIncludingSelf)
        parent.textStats.characters += child.textStats.characters
        parent.textStats.linkCharacters += child.textStats.linkCharacters
        parent.textStats.links += child.textStats.links
        parent.children.append(child)
    }

    private static func keptAttributes(of element: xmlNodePtr) -> [String: String] {
        var attributes: [String: String] = [:]
        var property = element.pointee.properties
        while let attribute = property {
            property = attribute.pointee.next
            guard let rawName = attribute.pointee.name else { continue }
            let name = String(cString: rawName).lowercased()
            guard keptAttributes.contains(name) else { continue }
            var value = ""
            var part = attribute.pointee.children
            while let node = part {
                if let content = node.pointee.content { value += String(cString: content) }
                part = node.pointee.next
            }
            attributes[name] = value
        }
        return attributes
    }
}

/// Named character references written without their `;` (`&nbsp&nbsp`), which browsers
/// decode but libxml2 2.9 leaves as literal text.
private enum LegacyEntities {
    /// The legacy names HTML allows without `;` that occur in Chinese government pages.
    static let table: [(name: String, value: String)] = [
        ("nbsp", "\u{00A0}"), ("amp", "&"), ("lt", "<"), ("gt", ">"), ("quot", "\""), ("copy", "©"),
        ("reg", "®"), ("middot", "·"), ("times", "×"), ("divide", "÷"), ("deg", "°"), ("yen", "¥"),
        ("laquo", "«"), ("raquo", "»"), ("sect", "§"), ("plusmn", "±"),
    ]

    static func decode(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        var rest = Substring(text)
        while let ampersand = rest.firstIndex(of: "&") {
            result += rest[..<ampersand]
            let afterAmpersand = rest[rest.index(after: ampersand)...]
            if let match = table.first(where: { afterAmpersand.hasPrefix($0.name) }) {
                result += match.value
                rest = afterAmpersand.dropFirst(match.name.count)
            } else {
                result += "&"
                rest = afterAmpersand
            }
        }
        result += rest
        return result
    }
}
