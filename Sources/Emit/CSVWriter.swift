/// Writes `tasks.csv`: one row per task, lists joined with `、` (units, names) or line
/// breaks (milestones), quoted per RFC 4180 so pandas, DuckDB and spreadsheets read it as is.
public struct CSVWriter: RecordWriter {
    let path: String
    private var file: AtomicFile?

    public static let columns = [
        "id", "doc_id", "seq", "number", "section", "title", "target", "measures", "milestones", "milestone_refs",
        "leaders", "lead_units", "support_units", "quantities", "doc_title", "year", "path", "line_start", "line_end",
    ]

    public init(path: String) {
        self.path = path
    }

    public mutating func begin() throws(EmitError) {
        file = try AtomicFile(destination: path)
        try file?.write(Self.columns.joined(separator: ",") + "\r\n")
    }

    public mutating func write(_ converted: ConvertedFile) throws(EmitError) {
        guard case .records(let records) = converted, let document = records.first else { return }
        for task in records.dropFirst() where task["type"]?.stringValue == "task" {
            let row = Self.row(task: task, document: document)
            try file?.write(row.map(Self.quoted).joined(separator: ",") + "\r\n")
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
            document["title"]?.scalarText ?? "", document["year"]?.scalarText ?? "",
            source?["path"]?.scalarText ?? "", source?["line_start"]?.scalarText ?? "", source?["line_end"]?.scalarText ?? "",
        ]
    }

    static func quoted(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacing("\"", with: "\"\"") + "\""
    }
}
