import Foundation
import Testing

/// One row of a TSV case table under `Data/`: the cells of the row and where it is, so a
/// failure names the line to look at.
struct TableCase: Sendable, CustomTestStringConvertible {
    let file: String
    let line: Int
    let cells: [String]

    var testDescription: String { "\(file):\(line) \(cells.first ?? "")" }

    /// Rows of `Data/<name>`, found next to this source file (not through `Bundle.module`).
    /// Blank lines and lines starting with `#` are comments; `\t` and `\n` inside a cell are
    /// written as the two characters `\t`, `\n`.
    static func load(_ name: String, columns: Int) -> [TableCase] {
        let url = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Data").appendingPathComponent(name)
        guard let content = try? String(contentsOf: url, encoding: .utf8) else {
            return [TableCase(file: name, line: 0, cells: ["<missing file \(url.path)>"])]
        }
        var cases: [TableCase] = []
        for (offset, rawLine) in content.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if rawLine.isEmpty || rawLine.hasPrefix("#") { continue }
            let cells = rawLine.split(separator: "\t", omittingEmptySubsequences: false).map { cell in
                cell.replacingOccurrences(of: "\\t", with: "\t").replacingOccurrences(of: "\\n", with: "\n")
            }
            cases.append(TableCase(file: name, line: offset + 1, cells: cells.count == columns ? cells : ["<bad row: \(cells.count) cells, want \(columns)>"] + cells))
        }
        return cases
    }

    /// Rows of every `Data/forms/<prefix>-*.tsv` (one table per form of text), in file-name
    /// order; a marker row that fails when there is none.
    static func loadForms(_ prefix: String, columns: Int) -> [TableCase] {
        let folder = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Data").appendingPathComponent("forms")
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
            .filter { $0.hasPrefix(prefix + "-") && $0.hasSuffix(".tsv") }.sorted()
        guard !names.isEmpty else { return [TableCase(file: "forms/\(prefix)-*.tsv", line: 0, cells: ["<no tables>"])] }
        return names.flatMap { load("forms/" + $0, columns: columns) }
    }

    /// The cell at `index`, or a marker that fails the comparison when the row is malformed.
    subscript(_ index: Int) -> String { index < cells.count ? cells[index] : "<no cell \(index)>" }
}
