/// What the reader does with an element, by tag name.
enum HTMLElementCategory {
    /// Text in them breaks lines before and after (each is its own paragraph or cell line).
    static let block: Set<String> = [
        "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details", "dialog",
        "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4",
        "h5", "h6", "header", "hgroup", "hr", "html", "legend", "li", "listing", "main", "menu", "nav", "ol",
        "p", "plaintext", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr",
        "ul", "xmp",
    ]

    static let heading: Set<String> = ["h1", "h2", "h3", "h4", "h5", "h6"]

    /// Program text, never document text: dropped and counted.
    static let script: Set<String> = ["script", "noscript", "template"]

    static let style: Set<String> = ["style"]

    /// Embedded objects and form controls: no document text in them.
    static let embedded: Set<String> = [
        "applet", "area", "audio", "base", "button", "canvas", "embed", "frame", "frameset", "iframe", "img",
        "input", "link", "map", "math", "meta", "object", "optgroup", "option", "select", "source", "svg",
        "textarea", "track", "video",
    ]

    /// White space is kept in them.
    static let preformatted: Set<String> = ["pre", "listing", "plaintext", "xmp"]

    /// Hidden from readers of the page (`hidden`, `display:none`, `visibility:hidden`).
    static func isHidden(_ node: HTMLNode) -> Bool {
        if node.attribute("hidden") != nil { return true }
        if node.attribute("aria-hidden")?.lowercased() == "true" { return true }
        guard let style = node.attribute("style")?.lowercased(), style.contains("none") || style.contains("hidden") else {
            return false
        }
        let compact = style.filter { !$0.isWhitespace }
        return compact.contains("display:none") || compact.contains("visibility:hidden")
    }
}
