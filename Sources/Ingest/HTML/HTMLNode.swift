/// One node of a parsed HTML page as a plain Swift value, so that nothing of libxml2
/// outlives the parse and every later step is ordinary, testable Swift.
///
/// Only what the reader uses is kept: element names, a few attributes, text, the line each
/// node starts on, and a summary of each element's subtree computed once while converting
/// (so that deciding "is this a layout table?" or "is this a list of links?" never re-walks
/// a subtree and the whole read stays linear).
struct HTMLNode: Sendable {
    enum Kind: Sendable, Equatable {
        /// An element, by its lower-case tag name.
        case element(String)
        /// Character data, entities already decoded (non-breaking spaces stay U+00A0).
        case text(String)
        /// A comment; kept only so that dropping it can be counted.
        case comment
    }

    /// Kinds of elements found somewhere below an element.
    struct Contents: OptionSet, Sendable {
        var rawValue: UInt8
        static let table = Contents(rawValue: 1 << 0)
        static let formControl = Contents(rawValue: 1 << 1)
        static let heading = Contents(rawValue: 1 << 2)
        /// A `<tr>`, `<td>` or `<th>`.
        static let tableRowOrCell = Contents(rawValue: 1 << 3)
        /// An `<h1>` or `<h2>`: the title of the content, never part of site chrome.
        static let mainHeading = Contents(rawValue: 1 << 4)
    }

    /// Visible text below an element, counted in non-white-space characters.
    struct TextStats: Sendable {
        var characters = 0
        /// Characters inside `<a>` elements.
        var linkCharacters = 0
        var links = 0
    }

    var kind: Kind
    /// 1-based line of the input where the node starts (an element's start tag, a text
    /// node's first character).
    var line: Int
    /// The attributes the reader looks at (see `LibXML2HTMLParser`), names in lower case.
    var attributes: [String: String]
    var children: [HTMLNode]
    /// What the subtree below this element holds (not the element itself).
    var contents: Contents
    var textStats: TextStats

    init(
        kind: Kind, line: Int, attributes: [String: String] = [:], children: [HTMLNode] = [],
        contents: Contents = [], textStats: TextStats = TextStats()
    ) {
        self.kind = kind
        self.line = line
        self.attributes = attributes
        self.children = children
        self.contents = contents
        self.textStats = textStats
    }

    /// The tag name for an element, nil for text and comments.
    var tagName: String? {
        if case .element(let name) = kind { name } else { nil }
    }

    func attribute(_ name: String) -> String? { attributes[name] }

    /// What this node contributes to its parent's `contents`: itself and its subtree.
    var contentsIncludingSelf: Contents {
        var result = contents
        switch tagName {
        case "table": result.insert(.table)
        case "input", "select", "textarea", "button": result.insert(.formControl)
        case "h1", "h2": result.formUnion([.heading, .mainHeading])
        case "h3", "h4", "h5", "h6": result.insert(.heading)
        case "tr", "td", "th": result.insert(.tableRowOrCell)
        default: break
        }
        return result
    }
}
