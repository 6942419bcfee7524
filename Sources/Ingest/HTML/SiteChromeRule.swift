/// Decides which parts of a page are site chrome (navigation, banners, breadcrumbs, footers,
/// share bars, link lists) rather than the document.
///
/// Only ever asked about elements outside data tables: the reader classifies a table
/// before it asks this, so a data table with `class="table-top"` is never dropped.
///
/// Marked chrome (`<nav>`, `role="navigation"`, class or id naming navigation) is dropped
/// unless it holds the content's title (`<h1>`/`<h2>`) or a table: a page that wraps its
/// article in `<div class="main-header">` must not lose it.
enum SiteChromeRule {
    enum Kind: String, CaseIterable {
        case navigation = "navigation block"
        case header = "page header"
        case footer = "page footer"
        case linkList = "list of links"
    }

    /// Parts of class and id names that mark chrome, in English and in the pinyin that
    /// Chinese government sites often use (daohang 导航, dqwz 当前位置, fenxiang 分享).
    private static let navigationWords = [
        "nav", "menu", "breadcrumb", "crumb", "toolbar", "topbar", "share", "daohang", "dqwz", "weizhi",
        "fenxiang", "position", "location", "sitemap", "skip",
    ]
    private static let headerWords = ["header", "head", "top", "banner", "logo"]
    private static let footerWords = ["footer", "foot", "bottom", "copyright", "bq"]

    /// The kind of chrome `element` is, or nil for content.
    static func chromeKind(of element: HTMLNode) -> Kind? {
        guard let tag = element.tagName else { return nil }
        let protected = element.contents.contains(.mainHeading) || element.contents.contains(.table)
        switch tag {
        case "nav", "menu":
            return element.contents.contains(.table) ? nil : .navigation
        case "header":
            return protected ? nil : .header
        case "footer":
            return protected ? nil : .footer
        case "body", "html", "main", "article":
            return nil
        default:
            break
        }
        switch element.attribute("role")?.lowercased() {
        case "navigation", "menu", "menubar", "search":
            return element.contents.contains(.table) ? nil : .navigation
        case "banner":
            return protected ? nil : .header
        case "contentinfo":
            return protected ? nil : .footer
        default:
            break
        }
        if !protected {
            let names = [element.attribute("id"), element.attribute("class")].compactMap { $0 }
            for part in names.flatMap(nameParts) {
                if navigationWords.contains(where: { part.hasPrefix($0) || part.hasSuffix($0) }) { return .navigation }
                if headerWords.contains(part) || part.hasSuffix("header") || part.hasPrefix("header") { return .header }
                if footerWords.contains(part) || part.hasSuffix("footer") || part.hasPrefix("footer") { return .footer }
            }
        }
        if isLinkList(element) { return .linkList }
        return nil
    }

    /// A container whose text is almost all links: a menu, a "related links" box, a news
    /// list. Needs at least three links so that a paragraph with one link stays.
    static func isLinkList(_ element: HTMLNode) -> Bool {
        guard let tag = element.tagName, ["ul", "ol", "dl", "div", "p", "section", "span", "center", "td", "th", "table"].contains(tag)
        else { return false }
        if element.contents.contains(.table) { return false }
        let stats = element.textStats
        return stats.links >= 3 && stats.linkCharacters * 10 >= stats.characters * 8
    }

    /// `main-nav_bar2` → `main`, `nav`, `bar`; `topMenu` → `top`, `menu`.
    private static func nameParts(_ name: String) -> [String] {
        var parts: [String] = []
        var part = ""
        var previousWasLower = false
        for character in name {
            if character.isLetter && character.isASCII {
                if character.isUppercase && previousWasLower {
                    parts.append(part)
                    part = ""
                }
                part.append(Character(character.lowercased()))
                previousWasLower = character.isLowercase
            } else {
                if !part.isEmpty { parts.append(part) }
                part = ""
                previousWasLower = false
            }
        }
        if !part.isEmpty { parts.append(part) }
        return parts.filter { !$0.isEmpty }
    }
}
