import PlanModel

/// Writes `tasks.csv`: one row per task, lists joined with `、` (units, names) or line
/// breaks (milestones), quoted per RFC 4180 so pandas, DuckDB and spreadsheets read it as is.
/// A UTF-8 byte order mark comes first by default (Excel on Windows reads the file as a
/// legacy code page without it); `escapeNewlines` writes line breaks inside a value as `\n`
/// (and `\` as `\\`), so every row is one physical line for line-oriented tools.
public struct CSVWriter: RecordWriter {
    public struct Options: Hashable, Sendable {
        public var byteOrderMark: Bool
        public var escapeNewlines: Bool

        public init(byteOrderMark: Bool = true, escapeNewlines: Bool = false) {
            self.byteOrderMark = byteOrderMark
            self.escapeNewlines = escapeNewlines
        }
    }

    let path: String
    let options: Options
    private var file: AtomicFile?

    public static let columns = [
        "id", "doc_id", "seq", "number", "section", "title", "target", "measures", "milestones", "milestone_refs",
        "leaders", "lead_units", "support_units", "quantities", "doc_title", "doc_number", "year", "path", "line_start", "line_end",
    ]

    public init(path: String, options: Options = Options()) {
        self.path = path
        self.options = options
    }

    public mutating func begin() throws(EmitError) {
        file = try AtomicFile(destination: path)
        try file?.write((options.byteOrderMark ? "\u{FEFF}" : "") + Self.columns.joined(separator: ",") + "\r\n")
    }

    public mutating func write(_ converted: ConvertedFile) throws(EmitError) {
        guard case .records(let records) = converted, let document = records.document else { return }
        for task in document.tasks {
            let row = Self.row(task: task, document: document.document)
            let fields = options.escapeNewlines ? row.map(Self.escaped) : row
            try file?.write(fields.map(Self.quoted).joined(separator: ",") + "\r\n")
        }
    }

    public mutating func finish() throws(EmitError) {
        try file?.commit()
        file = nil
    }

    /// One cell per `columns` entry, in that order.
    static func row(task: TaskRecord, document: DocumentRecord) -> [String] {
        let section = task.section.map { ref in
            [ref.marker, ref.title].filter { !$0.isEmpty }.joined(separator: " ")
        }.joined(separator: " > ")
        var quantities = JSONBytes()
        RecordEncoder.write(task.quantities, into: &quantities)
        return [
            task.id, task.docID, String(task.seq), task.number ?? "", section, task.title, task.target ?? "", task.measures ?? "",
            task.milestones.map(\.text).joined(separator: "\n"),
            task.milestones.map { $0.when?.ref ?? "" }.joined(separator: "\n"),
            task.leaders.joined(separator: "、"), task.leadUnits.joined(separator: "、"), task.supportUnits.joined(separator: "、"),
            String(decoding: quantities.bytes, as: UTF8.self),
            document.title ?? "", document.docNumber ?? "", document.year.map(String.init) ?? "",
            task.source.path, String(task.source.span.lineStart), String(task.source.span.lineEnd),
        ]
    }

    /// `\` → `\\`, line feed → `\n`, carriage return → `\r`: reversible, one physical line.
    static func escaped(_ field: String) -> String {
        guard field.contains(where: { $0 == "\\" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else { return field }
        var text = ""
        for scalar in field.unicodeScalars {
            switch scalar {
            case "\\": text += "\\\\"
            case "\n": text += "\\n"
            case "\r": text += "\\r"
            default: text.unicodeScalars.append(scalar)
            }
        }
        return text
    }

    static func quoted(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacing("\"", with: "\"\"") + "\""
    }
}
