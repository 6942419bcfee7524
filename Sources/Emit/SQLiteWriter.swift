import Foundation

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
                text(failure["path"]), text(failure["sha256"]), text(failure["stage"]), text(failure["code"]),
                text(failure["message"]),
            ])
        case .records(let records):
            for record in records {
                switch record["type"]?.stringValue {
                case "document": try writeDocument(record)
                case "task": try writeTask(record)
                default: continue
                }
            }
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

    private func writeDocument(_ record: JSONValue) throws(EmitError) {
        let source = record["source"]
        let script = record["script"]?["detected"]
        try statements["documents"]?.run([
            text(record["doc_id"]), text(source?["path"]), text(source?["sha256"]), integer(source?["bytes"]),
            text(source?["encoding"]), text(source?["format"]), text(record["title"]), text(record["issuer"]),
            text(record["doc_number"]), text(record["dates"]?["issued"]), text(record["dates"]?["published"]),
            integer(record["year"]), text(script), .text(JSONSerializer.serialize(record)),
        ])
    }

    private func writeTask(_ record: JSONValue) throws(EmitError) {
        let id = text(record["id"])
        let section = (record["section"]?.arrayValue ?? []).compactMap { $0["title"]?.stringValue }.joined(separator: " > ")
        try statements["tasks"]?.run([
            id, text(record["doc_id"]), integer(record["seq"]), text(record["number"]), .text(section),
            text(record["title"]), text(record["target"]), text(record["measures"]),
            integer(record["source"]?["line_start"]), integer(record["source"]?["line_end"]),
            .text(JSONSerializer.serialize(record)),
        ])
        for (position, milestone) in (record["milestones"]?.arrayValue ?? []).enumerated() {
            let when = milestone["when"]
            try statements["milestones"]?.run([
                id, .integer(position + 1), text(milestone["text"]), text(when?["type"]), text(when?["grain"]),
                text(when?["ref"]), text(when?["start"]), text(when?["end"]),
            ])
            // One row per period: a set's parts, or the time itself, so "due in Q2" is one query.
            let periods = when?["parts"]?.arrayValue ?? (when.map { $0 == .null ? [] : [$0] } ?? [])
            for (part, period) in periods.enumerated() {
                try statements["milestone_periods"]?.run([
                    id, .integer(position + 1), .integer(part + 1), text(period["type"]), text(period["grain"]),
                    text(period["ref"]), text(period["start"]), text(period["end"]),
                ])
            }
        }
        for (position, quantity) in (record["quantities"]?.arrayValue ?? []).enumerated() {
            let per = (quantity["per"]?.arrayValue ?? []).compactMap(\.stringValue).joined(separator: "/")
            try statements["quantities"]?.run([
                id, .integer(position + 1), text(quantity["field"]), text(quantity["text"]), real(quantity["value"]),
                real(quantity["min"]), real(quantity["max"]), text(quantity["unit"]), text(quantity["cmp"]),
                per.isEmpty ? .null : .text(per), text(quantity["currency"]),
                .integer(quantity["target"] == .bool(true) ? 1 : 0),
                text(quantity["value"]), text(quantity["min"]), text(quantity["max"]),
            ])
        }
        for role in ["leaders", "lead_units", "support_units"] {
            for (position, name) in (record[role]?.arrayValue ?? []).enumerated() {
                try statements["units"]?.run([id, .text(role), .integer(position + 1), text(name)])
            }
        }
    }

    private func text(_ value: JSONValue?) -> SQLiteDatabase.Value {
        value?.scalarText.map(SQLiteDatabase.Value.text) ?? .null
    }

    private func real(_ value: JSONValue?) -> SQLiteDatabase.Value {
        value?.scalarText.flatMap { Double($0) }.map(SQLiteDatabase.Value.real) ?? .null
    }

    private func integer(_ value: JSONValue?) -> SQLiteDatabase.Value {
        value?.scalarText.flatMap { Int($0) }.map(SQLiteDatabase.Value.integer) ?? .null
    }
}
