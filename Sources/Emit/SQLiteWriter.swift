import Foundation
import PlanModel

/// Writes `plan.sqlite`: documents, tasks, milestones (and `milestone_periods`, one row per
/// period of each milestone: a set's parts, or its one time), quantities, units and errors as
/// tables, keyed so they join on `doc_id` and `task_id`. Quantity values are numbers (`value`,
/// `min`, `max` REAL, so `max(value)` and arithmetic work) with the exact decimal text beside
/// them (`value_text`, `min_text`, `max_text`: REAL is a binary float).
public struct SQLiteWriter: RecordWriter {
    let path: String
    private var database: SQLiteDatabase?
    private var statements: [String: SQLiteDatabase.Statement] = [:]
    private var temporary: String { path + ".partial-\(ProcessInfo.processInfo.processIdentifier)" }

    public init(path: String) {
        self.path = path
    }

    static let schema = """
        CREATE TABLE documents (doc_id TEXT PRIMARY KEY, path TEXT NOT NULL, sha256 TEXT NOT NULL, bytes INTEGER,
            encoding TEXT, format TEXT, title TEXT, issuer TEXT, doc_number TEXT, issued TEXT, published TEXT,
            year INTEGER, script TEXT, record TEXT NOT NULL);
        CREATE TABLE tasks (id TEXT PRIMARY KEY, doc_id TEXT NOT NULL REFERENCES documents(doc_id), seq INTEGER NOT NULL,
            number TEXT, section TEXT, title TEXT NOT NULL, target TEXT, measures TEXT, line_start INTEGER,
            line_end INTEGER, record TEXT NOT NULL);
        CREATE TABLE milestones (task_id TEXT NOT NULL REFERENCES tasks(id), position INTEGER NOT NULL, text TEXT NOT NULL,
            type TEXT, grain TEXT, ref TEXT, start TEXT, "end" TEXT, PRIMARY KEY (task_id, position));
        CREATE TABLE milestone_periods (task_id TEXT NOT NULL REFERENCES tasks(id), position INTEGER NOT NULL,
            part INTEGER NOT NULL, type TEXT NOT NULL, grain TEXT, ref TEXT, start TEXT, "end" TEXT,
            PRIMARY KEY (task_id, position, part));
        CREATE TABLE quantities (task_id TEXT NOT NULL REFERENCES tasks(id), position INTEGER NOT NULL, field TEXT,
            text TEXT NOT NULL, value REAL, min REAL, max REAL, unit TEXT, cmp TEXT NOT NULL, per TEXT, currency TEXT,
            target INTEGER NOT NULL, value_text TEXT, min_text TEXT, max_text TEXT, PRIMARY KEY (task_id, position));
        CREATE TABLE units (task_id TEXT NOT NULL REFERENCES tasks(id), role TEXT NOT NULL, position INTEGER NOT NULL,
            name TEXT NOT NULL, PRIMARY KEY (task_id, role, position));
        CREATE TABLE errors (path TEXT NOT NULL, sha256 TEXT, stage TEXT NOT NULL, code TEXT NOT NULL, message TEXT NOT NULL);
        CREATE INDEX tasks_by_document ON tasks(doc_id, seq);
        CREATE INDEX units_by_name ON units(name);
        """

    static let inserts = [
        "documents": "INSERT INTO documents VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        "tasks": "INSERT INTO tasks VALUES (?,?,?,?,?,?,?,?,?,?,?)",
        "milestones": "INSERT INTO milestones VALUES (?,?,?,?,?,?,?,?)",
        "milestone_periods": "INSERT INTO milestone_periods VALUES (?,?,?,?,?,?,?,?)",
        "quantities": "INSERT INTO quantities VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        "units": "INSERT INTO units VALUES (?,?,?,?)",
        "errors": "INSERT INTO errors VALUES (?,?,?,?,?)",
    ]

    public mutating func begin() throws(EmitError) {
        unlink(temporary)
        let database = try SQLiteDatabase(path: temporary, name: path)
        try database.execute("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;")
        try database.execute(Self.schema)
        try database.execute("BEGIN")
        for (table, sql) in Self.inserts { statements[table] = try SQLiteDatabase.Statement(database, sql: sql) }
        self.database = database
    }

    public mutating func write(_ file: ConvertedFile) throws(EmitError) {
        switch file {
        case .failure(let failure):
            try statements["errors"]?.run([
                .text(failure.path), text(failure.sha256), .text(failure.stage), .text(failure.code.rawValue), .text(failure.message),
            ])
        case .records(let records):
            guard let document = records.document else { return }
            // Each record's line beside its row: the document's first, then one per task.
            let lines = try records.eachLine(path: path)
            try writeDocument(document.document, line: lines[0])
            for (task, line) in zip(document.tasks, lines.dropFirst()) { try writeTask(task, line: line) }
        }
    }

    public mutating func finish() throws(EmitError) {
        guard database != nil else { return }
        try database?.execute("COMMIT")
        // Statements hold the connection; releasing both closes the file before it moves.
        statements = [:]
        database = nil
        if rename(temporary, path) != 0 { throw EmitError(path: path, message: String(cString: strerror(errno))) }
    }

    /// The rows of a query against a finished database, as text (for checks and tests).
    public static func query(path: String, _ sql: String) throws(EmitError) -> [[String?]] {
        try SQLiteDatabase(path: path).rows(sql)
    }

    private func writeDocument(_ record: DocumentRecord, line: ArraySlice<UInt8>) throws(EmitError) {
        let source = record.source
        try statements["documents"]?.run([
            .text(record.docID), .text(source.path), .text(source.sha256), .integer(source.bytes),
            .text(source.encoding), .text(source.format.rawValue), text(record.title), text(record.issuer),
            text(record.docNumber), text(record.dates.issued?.description), text(record.dates.published?.description),
            record.year.map(SQLiteDatabase.Value.integer) ?? .null, .text(record.script.detected.rawValue), .utf8(line),
        ])
    }

    private func writeTask(_ record: TaskRecord, line: ArraySlice<UInt8>) throws(EmitError) {
        let id = SQLiteDatabase.Value.text(record.id)
        let section = record.section.map(\.title).joined(separator: " > ")
        try statements["tasks"]?.run([
            id, .text(record.docID), .integer(record.seq), text(record.number), .text(section),
            .text(record.title), text(record.target), text(record.measures),
            .integer(record.source.span.lineStart), .integer(record.source.span.lineEnd), .utf8(line),
        ])
        for (position, milestone) in record.milestones.enumerated() {
            let when = milestone.when
            try statements["milestones"]?.run([id, .integer(position + 1), .text(milestone.text)] + columns(of: when))
            // One row per period: a set's parts, or the time itself, so "due in Q2" is one query.
            let periods = when.map { $0.kind == .set ? $0.parts : [$0] } ?? []
            for (part, period) in periods.enumerated() {
                try statements["milestone_periods"]?.run([id, .integer(position + 1), .integer(part + 1)] + columns(of: period))
            }
        }
        for (position, quantity) in record.quantities.enumerated() {
            try statements["quantities"]?.run([
                id, .integer(position + 1), text(quantity.field), .text(quantity.text), real(quantity.value),
                real(quantity.min), real(quantity.max), text(quantity.unit), .text(quantity.comparator.rawValue),
                quantity.per.isEmpty ? .null : .text(quantity.per.joined(separator: "/")), text(quantity.currency),
                .integer(quantity.isTarget ? 1 : 0),
                text(quantity.value?.description), text(quantity.min?.description), text(quantity.max?.description),
            ])
        }
        for (role, names) in [("leaders", record.leaders), ("lead_units", record.leadUnits), ("support_units", record.supportUnits)] {
            for (position, name) in names.enumerated() {
                try statements["units"]?.run([id, .text(role), .integer(position + 1), .text(name)])
            }
        }
    }

    /// type, grain, ref, start, end of a time (a set has no one start or end); all NULL for none.
    private func columns(of time: TimeExpression?) -> [SQLiteDatabase.Value] {
        guard let time else { return [.null, .null, .null, .null, .null] }
        let isSet = time.kind == .set
        return [
            .text(time.kind.rawValue), .text(time.grain.rawValue), .text(time.ref),
            isSet ? .null : text(time.start?.description), isSet ? .null : text(time.end?.description),
        ]
    }

    private func text(_ value: String?) -> SQLiteDatabase.Value {
        value.map(SQLiteDatabase.Value.text) ?? .null
    }

    /// REAL for arithmetic in SQL; the exact text sits beside it in the `_text` columns.
    private func real(_ value: ExactDecimal?) -> SQLiteDatabase.Value {
        value.flatMap { Double($0.description) }.map(SQLiteDatabase.Value.real) ?? .null
    }
}
