import Foundation
import Ingest
import PlanModel

/// Reading the HTML fixtures (fixtures/html/<case>/) and small helpers over what the reader
/// returns. Fixtures are found from this file's path, never through Bundle.module.
enum HTMLFixtures {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("fixtures/html")

    static func bytes(_ name: String, file: String = "input.html") throws -> [UInt8] {
        Array(try Data(contentsOf: directory.appendingPathComponent(name).appendingPathComponent(file)))
    }

    static func text(_ name: String, file: String = "input.html") throws -> String {
        String(decoding: try bytes(name, file: file), as: UTF8.self)
    }

    static func read(_ name: String) throws -> SourceDocument {
        HTMLReader().read(try text(name))
    }

    /// The 1-based line of `text` holding `needle` first.
    static func line(of needle: String, in text: String) -> Int? {
        text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains(needle) }.map { $0 + 1 }
    }

    /// Rows of a table dump (the seeds' format): a line opening with TAB opens a cell, a
    /// line without one continues it, a blank line ends the row. Lines before a row's first
    /// cell are preamble and left out.
    static func tableDumpRows(_ dump: String) -> [[String]] {
        var rows: [[String]] = []
        var cells: [String] = []
        for line in dump.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.isEmpty {
                if !cells.isEmpty { rows.append(cells) }
                cells = []
                continue
            }
            let opened = line.drop { $0 == " " }
            if opened.first == "\t" {
                cells.append(String(opened.dropFirst()))
            } else if cells.isEmpty {
                continue  // a preamble line (附件 2, the title, 制表单位) before the header
            } else {
                cells[cells.count - 1] += "\n" + line
            }
        }
        if !cells.isEmpty { rows.append(cells) }
        return rows
    }

    /// Text as a cleanup stage will see it: no-break spaces as spaces, white space
    /// collapsed and trimmed on every line.
    static func comparable(_ text: String) -> String {
        text.replacingOccurrences(of: "\u{00A0}", with: " ")
            .split(separator: "\n")
            .map { $0.split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ") }
            .filter { !$0.isEmpty }
            .joined(separator: "\n")
    }

    /// The consumer's header per column: the header rows' texts top to bottom, a value
    /// repeated down a `rowspan` taken once (`季度进度安排/一季度`, but `总体要求`).
    static func joinedHeaders(_ table: Table) -> [String] {
        (0..<table.width).map { column in
            var parts: [String] = []
            for row in table.headerRows where column < row.cells.count {
                let text = row.cells[column].text
                if !text.isEmpty, parts.last != text { parts.append(text) }
            }
            return parts.joined(separator: "/")
        }
    }
}
