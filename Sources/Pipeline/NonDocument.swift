import PlanModel

/// Files that are not documents at all — source code, data files, files with no Chinese
/// text — and gave no tasks: skipped with the reason, not counted as converted.
enum NonDocument {
    /// Extensions of files that are code or data, never a published plan on their own.
    static let extensions: Set<String> = [
        "py", "swift", "js", "ts", "c", "h", "cc", "cpp", "java", "go", "rs", "rb", "sh", "pl", "php", "sql",
        "json", "jsonl", "csv", "tsv", "xml", "yaml", "yml", "toml", "ini", "md", "rst", "css", "log",
    ]

    /// Why a file that gave no tasks is not a document, or nil when it is one (a document
    /// without tasks is converted, with a warning).
    static func reason(path: String, source: SourceDocument) -> String? {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        if let dot = name.lastIndex(of: "."), extensions.contains(name[name.index(after: dot)...].lowercased()) {
            return "a .\(name[name.index(after: dot)...]) file with no plan content; skipped"
        }
        if hasHan(source) { return nil }
        return "no Chinese text: not a plan document; skipped"
    }

    /// Whether any paragraph or cell holds a Chinese character; stops at the first.
    static func hasHan(_ source: SourceDocument) -> Bool {
        for paragraph in source.paragraphs where paragraph.text.unicodeScalars.contains(where: isHan) { return true }
        for table in source.tables {
            for row in table.headerRows + table.rows where row.cells.contains(where: { $0.text.unicodeScalars.contains(where: isHan) }) {
                return true
            }
        }
        return false
    }

    static func isHan(_ scalar: Unicode.Scalar) -> Bool {
        (0x4E00...0x9FFF).contains(scalar.value) || (0x3400...0x4DBF).contains(scalar.value)
    }
}
