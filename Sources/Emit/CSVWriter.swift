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
        guard case .records(let records) = converted, let document = records.first else { return }
        for task in records.dropFirst() where task["type"]?.stringValue == "task" {
            let row = Self.row(task: task, document: document)
            let fields = options.escapeNewlines ? row.map(Self.escaped) : row
            try file?.write(fields.map(Self.quoted).joined(separator: ",") + "\r\n")
        }
    }

    public mutating func finish() throws(EmitError) {
        try file?.commit()
        file = nil
    }

    static func row(task: JSONValue, document: JSONValue) -> [String] {
        func text(_ key: String) -> String { task[key]?.scalarText ?? "" }
        func list(_ key: String) -> String { (task[key]?.arrayValue ?? []).compactMap(\.stringValue).joined(separator: "、") }
        let section = (task["section"]?.arrayValue ?? []).map { ref in
            [ref["marker"]?.stringValue ?? "", ref["title"]?.stringValue ?? ""].filter { !$0.isEmpty }.joined(separator: " ")
        }.joined(separator: " > ")
        let milestones = task["milestones"]?.arrayValue ?? []
        let source = task["source"]
        return [
            text("id"), text("doc_id"), text("seq"), text("number"), section, text("title"), text("target"), text("measures"),
            milestones.compactMap { $0["text"]?.stringValue }.joined(separator: "\n"),
            milestones.map { $0["when"]?["ref"]?.stringValue ?? "" }.joined(separator: "\n"),
            list("leaders"), list("lead_units"), list("support_units"),
            task["quantities"].map(JSONSerializer.serialize) ?? "[]",
            document["title"]?.scalarText ?? "", document["doc_number"]?.scalarText ?? "", document["year"]?.scalarText ?? "",
            source?["path"]?.scalarText ?? "", source?["line_start"]?.scalarText ?? "", source?["line_end"]?.scalarText ?? "",
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
