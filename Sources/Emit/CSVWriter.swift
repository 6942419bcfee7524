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

        /// The options as text, kept with a run so the next one knows how its tasks.csv was written.
        public var key: String { "bom=\(byteOrderMark),escape_newlines=\(escapeNewlines)" }
    }

    let path: String
    let options: Options
    private let earlier: Earlier?
    private var file: AtomicFile?
    /// The earlier file's rows this run repeats so far, not yet written.
    private var held: HeldEarlierBytes?

    /// A column: its header and its cell for a task of a document.
    struct Column: Sendable {
        var name: String
        var cell: @Sendable (TaskRecord, DocumentRecord) -> String
    }

    /// The columns, in order: each one's header beside its value, so a column is one edit.
    static let table: [Column] = [
        Column(name: "id") { task, _ in task.id },
        Column(name: "doc_id") { task, _ in task.docID },
        Column(name: "seq") { task, _ in String(task.seq) },
        Column(name: "number") { task, _ in task.number ?? "" },
        Column(name: "section") { task, _ in
            task.section.map { ref in [ref.marker, ref.title].filter { !$0.isEmpty }.joined(separator: " ") }.joined(separator: " > ")
        },
        Column(name: "title") { task, _ in task.title },
        Column(name: "target") { task, _ in task.target ?? "" },
        Column(name: "measures") { task, _ in task.measures ?? "" },
        Column(name: "milestones") { task, _ in task.milestones.map(\.text).joined(separator: "\n") },
        Column(name: "milestone_refs") { task, _ in task.milestones.map { $0.when?.ref ?? "" }.joined(separator: "\n") },
        Column(name: "leaders") { task, _ in task.leaders.joined(separator: "、") },
        Column(name: "lead_units") { task, _ in task.leadUnits.joined(separator: "、") },
        Column(name: "support_units") { task, _ in task.supportUnits.joined(separator: "、") },
        Column(name: "quantities") { task, _ in
            var quantities = JSONBytes()
            RecordEncoder.write(task.quantities, into: &quantities)
            return String(decoding: quantities.bytes, as: UTF8.self)
        },
        Column(name: "doc_title") { _, document in document.title ?? "" },
        Column(name: "doc_number") { _, document in document.docNumber ?? "" },
        Column(name: "year") { _, document in document.year.map(String.init) ?? "" },
        Column(name: "path") { task, _ in task.source.path },
        Column(name: "line_start") { task, _ in String(task.source.span.lineStart) },
        Column(name: "line_end") { task, _ in String(task.source.span.lineEnd) },
    ]

    /// The header row's names.
    public static var columns: [String] { table.map(\.name) }

    /// `earlier`: the last run's tasks.csv, written with the same options, whose rows a kept
    /// document (one that comes without typed records) is copied from.
    public init(path: String, options: Options = Options(), earlier: Earlier? = nil) {
        self.path = path
        self.options = options
        self.earlier = earlier
        held = earlier.map { HeldEarlierBytes(path: $0.path, file: $0.file, start: $0.headerCount) }
    }

    /// The byte order mark (if asked) and the header row, with its line end.
    static func headerLine(_ options: Options) -> String {
        (options.byteOrderMark ? "\u{FEFF}" : "") + columns.joined(separator: ",") + "\r\n"
    }

    public mutating func begin() throws(EmitError) {
        file = try AtomicFile(destination: path)
        try file?.write(Self.headerLine(options))
    }

    public mutating func write(_ converted: ConvertedFile) throws(EmitError) {
        guard case .records(let records) = converted else { return }
        guard let document = records.document else { return try copyKeptRows(records) }
        if !document.tasks.isEmpty { try held?.release(into: file, outputPath: path) }
        for task in document.tasks {
            let row = Self.row(task: task, document: document.document)
            let fields = options.escapeNewlines ? row.map(Self.escaped) : row
            try file?.write(fields.map(Self.quoted).joined(separator: ",") + "\r\n")
        }
    }

    /// A document kept from the last run: its rows as that run wrote them. One with task lines
    /// but no rows in the earlier file cannot be written, and says so rather than vanish.
    private mutating func copyKeptRows(_ records: EncodedRecords) throws(EmitError) {
        guard let file, records.count > records.documentLine.count else { return }
        guard let id = records.documentID, let earlier, let rows = earlier.rows(of: id) else {
            throw EmitError(path: path, message: "the rows of a kept document (\(records.documentID ?? "?")) are not in the last run's tasks.csv; run again with --force")
        }
        if held?.extend(with: rows) == true { return }
        try held?.release(into: file, outputPath: path)
        try earlier.file.forEachBlock(in: rows, path: path) { block throws(EmitError) in try file.write(block) }
    }

    /// With every row the earlier file's, in its order and all of it, that file is linked into place.
    public mutating func finish() throws(EmitError) {
        if let held, held.areTheWholeFile, file?.commit(asLinkTo: held.path) == true {
            file = nil
        }
        try held?.release(into: file, outputPath: path)
        try file?.commit()
        file = nil
    }

    /// One cell per column, in order.
    static func row(task: TaskRecord, document: DocumentRecord) -> [String] {
        table.map { $0.cell(task, document) }
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
