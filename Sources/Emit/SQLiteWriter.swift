import Foundation
import PlanModel

/// Writes `plan.sqlite`: documents, tasks, milestones (and `milestone_periods`, one row per
/// period of each milestone: a set's parts, or its one time), quantities, units and errors as
/// tables, keyed so they join on `doc_id` and `task_id`. Quantity values are numbers (`value`,
/// `min`, `max` REAL, so `max(value)` and arithmetic work) with the exact decimal text beside
/// them (`value_text`, `min_text`, `max_text`: REAL is a binary float).
public struct SQLiteWriter: RecordWriter {
    let path: String
    /// The last run's plan.sqlite (its tables as this writer makes them), whose rows a kept
    /// document (one that comes without typed records) is copied from.
    private let earlier: String?
    private var database: SQLiteDatabase?
    private var statements: [String: SQLiteDatabase.Statement] = [:]
    /// Per table, the statement that copies a kept document's rows from the earlier database.
    private var copies: [SQLiteDatabase.Statement] = []
    /// While everything so far is what the earlier database holds (kept documents, the same
    /// failures), in order: those, not yet written. Nil once something differs.
    private var held: [Held]?

    enum Held {
        case kept(documentID: String)
        case failure(FileFailure)
    }
    private var temporary: String { path + ".partial-\(ProcessInfo.processInfo.processIdentifier)" }

    /// `earlier`: a plan.sqlite for which `documentIDs(inEarlier:)` gave the kept documents.
    public init(path: String, earlier: String? = nil) {
        self.path = path
        self.earlier = earlier
    }

    /// The documents of an earlier plan.sqlite whose rows can be copied: nil if it is missing or
    /// its tables are not the ones this writer makes (another version wrote it).
    public static func documentIDs(inEarlier path: String) -> Set<String>? {
        guard access(path, R_OK) == 0, let database = try? SQLiteDatabase(path: path, readOnly: true),
            let tables = try? database.rows("SELECT name, sql FROM sqlite_master WHERE type = 'table'")
        else { return nil }
        let found = Dictionary(tables.compactMap { row in row[0].map { ($0, row[1]) } }, uniquingKeysWith: { first, _ in first })
        for table in allTables where found[table.name] != table.create.dropLast().description { return nil }
        guard let rows = try? database.rows("SELECT doc_id FROM documents") else { return nil }
        return Set(rows.compactMap { $0.first ?? nil })
    }

    typealias Value = SQLiteDatabase.Value
    typealias DocumentRow = (record: DocumentRecord, line: ArraySlice<UInt8>)
    typealias TaskRow = (record: TaskRecord, line: ArraySlice<UInt8>)
    typealias MilestoneRow = (taskID: String, position: Int, milestone: Milestone)
    typealias PeriodRow = (taskID: String, position: Int, part: Int, period: TimeExpression)
    typealias QuantityRow = (taskID: String, position: Int, quantity: Quantity)
    typealias UnitRow = (taskID: String, role: String, position: Int, name: String)

    static let documents = SQLiteTable<DocumentRow>(name: "documents", columns: [
        .init("doc_id", "TEXT PRIMARY KEY") { .text($0.record.docID) },
        .init("path", "TEXT NOT NULL") { .text($0.record.source.path) },
        .init("sha256", "TEXT NOT NULL") { .text($0.record.source.sha256) },
        .init("bytes", "INTEGER") { .integer($0.record.source.bytes) },
        .init("encoding", "TEXT") { .text($0.record.source.encoding) },
        .init("format", "TEXT") { .text($0.record.source.format.rawValue) },
        .init("title", "TEXT") { text($0.record.title) },
        .init("issuer", "TEXT") { text($0.record.issuer) },
        .init("doc_number", "TEXT") { text($0.record.docNumber) },
        .init("issued", "TEXT") { text($0.record.dates.issued?.description) },
        .init("published", "TEXT") { text($0.record.dates.published?.description) },
        .init("year", "INTEGER") { $0.record.year.map(Value.integer) ?? .null },
        .init("script", "TEXT") { .text($0.record.script.detected.rawValue) },
        .init("record", "TEXT NOT NULL") { .utf8($0.line) },
    ])

    static let tasks = SQLiteTable<TaskRow>(name: "tasks", columns: [
        .init("id", "TEXT PRIMARY KEY") { .text($0.record.id) },
        .init("doc_id", "TEXT NOT NULL REFERENCES documents(doc_id)") { .text($0.record.docID) },
        .init("seq", "INTEGER NOT NULL") { .integer($0.record.seq) },
        .init("number", "TEXT") { text($0.record.number) },
        .init("section", "TEXT") { .text($0.record.section.map(\.title).joined(separator: " > ")) },
        .init("title", "TEXT NOT NULL") { .text($0.record.title) },
        .init("target", "TEXT") { text($0.record.target) },
        .init("measures", "TEXT") { text($0.record.measures) },
        .init("line_start", "INTEGER") { .integer($0.record.source.span.lineStart) },
        .init("line_end", "INTEGER") { .integer($0.record.source.span.lineEnd) },
        .init("record", "TEXT NOT NULL") { .utf8($0.line) },
    ])

    static let milestones = SQLiteTable<MilestoneRow>(
        name: "milestones",
        columns: [
            taskIDColumn { $0.taskID },
            .init("position", "INTEGER NOT NULL") { .integer($0.position) },
            .init("text", "TEXT NOT NULL") { .text($0.milestone.text) },
        ] + timeColumns(typeDeclaration: "TEXT") { $0.milestone.when },
        constraints: ["PRIMARY KEY (task_id, position)"])

    /// One row per period of a milestone: a set's parts, or the time itself, so "due in Q2" is one query.
    static let milestonePeriods = SQLiteTable<PeriodRow>(
        name: "milestone_periods",
        columns: [
            taskIDColumn { $0.taskID },
            .init("position", "INTEGER NOT NULL") { .integer($0.position) },
            .init("part", "INTEGER NOT NULL") { .integer($0.part) },
        ] + timeColumns(typeDeclaration: "TEXT NOT NULL") { $0.period },
        constraints: ["PRIMARY KEY (task_id, position, part)"])

    static let quantities = SQLiteTable<QuantityRow>(
        name: "quantities",
        columns: [
            taskIDColumn { $0.taskID },
            .init("position", "INTEGER NOT NULL") { .integer($0.position) },
            .init("field", "TEXT") { text($0.quantity.field) },
            .init("text", "TEXT NOT NULL") { .text($0.quantity.text) },
            .init("value", "REAL") { real($0.quantity.value) },
            .init("min", "REAL") { real($0.quantity.min) },
            .init("max", "REAL") { real($0.quantity.max) },
            .init("unit", "TEXT") { text($0.quantity.unit) },
            .init("cmp", "TEXT NOT NULL") { .text($0.quantity.comparator.rawValue) },
            .init("per", "TEXT") { $0.quantity.per.isEmpty ? .null : .text($0.quantity.per.joined(separator: "/")) },
            .init("currency", "TEXT") { text($0.quantity.currency) },
            .init("target", "INTEGER NOT NULL") { .integer($0.quantity.isTarget ? 1 : 0) },
            .init("value_text", "TEXT") { text($0.quantity.value?.description) },
            .init("min_text", "TEXT") { text($0.quantity.min?.description) },
            .init("max_text", "TEXT") { text($0.quantity.max?.description) },
        ],
        constraints: ["PRIMARY KEY (task_id, position)"])

    static let units = SQLiteTable<UnitRow>(
        name: "units",
        columns: [
            taskIDColumn { $0.taskID },
            .init("role", "TEXT NOT NULL") { .text($0.role) },
            .init("position", "INTEGER NOT NULL") { .integer($0.position) },
            .init("name", "TEXT NOT NULL") { .text($0.name) },
        ],
        constraints: ["PRIMARY KEY (task_id, role, position)"])

    static let errors = SQLiteTable<FileFailure>(name: "errors", columns: [
        .init("path", "TEXT NOT NULL") { .text($0.path) },
        .init("sha256", "TEXT") { text($0.sha256) },
        .init("stage", "TEXT NOT NULL") { .text($0.stage) },
        .init("code", "TEXT NOT NULL") { .text($0.code.rawValue) },
        .init("message", "TEXT NOT NULL") { .text($0.message) },
    ])

    /// Every table's statements, in the order the tables are created.
    static let allTables: [SQLiteTableStatements] = [
        documents.statements, tasks.statements, milestones.statements, milestonePeriods.statements,
        quantities.statements, units.statements, errors.statements,
    ]

    static let indexes = """
        CREATE INDEX tasks_by_document ON tasks(doc_id, seq);
        CREATE INDEX units_by_name ON units(name);
        """

    /// The roles of the `units` table, each with its list in a task.
    static let unitRoles: [(role: String, names: @Sendable (TaskRecord) -> [String])] = [
        ("leaders", { $0.leaders }), ("lead_units", { $0.leadUnits }), ("support_units", { $0.supportUnits }),
    ]

    public mutating func begin() throws(EmitError) {
        unlink(temporary)
        let database = try SQLiteDatabase(path: temporary, name: path)
        try database.execute("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;")
        try database.execute(Self.allTables.map(\.create).joined(separator: "\n") + "\n" + Self.indexes)
        if let earlier {
            // Outside the transaction: SQLite attaches only there.
            try SQLiteDatabase.Statement(database, sql: "ATTACH DATABASE ?1 AS earlier").run([.text(earlier)])
        }
        try database.execute("BEGIN")
        for table in Self.allTables {
            statements[table.name] = try SQLiteDatabase.Statement(database, sql: table.insert)
        }
        if earlier != nil {
            copies = try Copy.allCases.map { step throws(EmitError) in try SQLiteDatabase.Statement(database, sql: step.sql) }
            held = []
        }
        self.database = database
    }

    public mutating func write(_ file: ConvertedFile) throws(EmitError) {
        switch file {
        case .failure(let failure):
            if held != nil { return held!.append(.failure(failure)) }
            try insert(failure, into: Self.errors)
        case .records(let records):
            guard let document = records.document else {
                let id = records.documentID ?? ""
                if held != nil { return held!.append(.kept(documentID: id)) }
                return try copyKeptRows(of: id)
            }
            try writeHeld()
            // Each record's line beside its row: the document's first, then one per task.
            let lines = try records.eachLine(path: path)
            try insert((document.document, lines[0]), into: Self.documents)
            for (task, line) in zip(document.tasks, lines.dropFirst()) { try writeTask(task, line: line) }
        }
    }

    /// With nothing but what the earlier database holds, in its order and all of it (a run where
    /// nothing changed), that file is linked into place instead of written again.
    public mutating func finish() throws(EmitError) {
        guard database != nil else { return }
        if let earlier, try holdsAllOfEarlier() {
            let link = temporary + ".link"
            unlink(link)
            if Glibc.link(earlier, link) == 0 {
                guard rename(link, path) == 0 else {
                    unlink(link)
                    throw EmitError(path: path, message: String(cString: strerror(errno)))
                }
                close()
                unlink(temporary)
                return
            }
        }
        try writeHeld()
        try database?.execute("COMMIT")
        close()
        if rename(temporary, path) != 0 { throw EmitError(path: path, message: String(cString: strerror(errno))) }
    }

    /// Statements hold the connection; releasing them all closes the file.
    private mutating func close() {
        statements = [:]
        copies = []
        database = nil
    }

    /// Whether what was held is exactly the earlier database's documents and failures, in order.
    private func holdsAllOfEarlier() throws(EmitError) -> Bool {
        guard let held, let database else { return false }
        var documents: [String?] = []
        var failures: [[String?]] = []
        for item in held {
            switch item {
            case .kept(let id): documents.append(id)
            case .failure(let failure): failures.append(Self.errors.values(of: failure).map(\.text))
            }
        }
        let earlierDocuments = try database.rows("SELECT doc_id FROM earlier.documents ORDER BY rowid").map { $0.first ?? nil }
        guard earlierDocuments == documents else { return false }
        return try database.rows("SELECT * FROM earlier.errors ORDER BY rowid") == failures
    }

    /// What was held back, written: this run's database differs from the earlier one.
    private mutating func writeHeld() throws(EmitError) {
        guard let items = held else { return }
        held = nil
        for item in items {
            switch item {
            case .kept(let id): try copyKeptRows(of: id)
            case .failure(let failure): try insert(failure, into: Self.errors)
            }
        }
    }

    /// The rows of a query against a finished database, as text (for checks and tests).
    public static func query(path: String, _ sql: String) throws(EmitError) -> [[String?]] {
        try SQLiteDatabase(path: path).rows(sql)
    }

    /// Copies a kept document's rows from the earlier database in `writeTask`'s order (the
    /// document, then task by task: the task, each milestone followed by its periods, quantities,
    /// units), so the file is the one a conversion writes, page for page.
    enum Copy: Int, CaseIterable {
        case document, taskIDs, task, milestonePositions, milestone, periods, quantities, units

        var sql: String {
            switch self {
            case .document: "INSERT INTO main.documents SELECT * FROM earlier.documents WHERE doc_id = ?1"
            case .taskIDs: "SELECT id FROM earlier.tasks WHERE doc_id = ?1 ORDER BY rowid"
            case .task: "INSERT INTO main.tasks SELECT * FROM earlier.tasks WHERE id = ?1"
            case .milestonePositions: "SELECT position FROM earlier.milestones WHERE task_id = ?1 ORDER BY rowid"
            case .milestone: "INSERT INTO main.milestones SELECT * FROM earlier.milestones WHERE task_id = ?1 AND position = ?2"
            case .periods:
                "INSERT INTO main.milestone_periods SELECT * FROM earlier.milestone_periods WHERE task_id = ?1 AND position = ?2 ORDER BY rowid"
            case .quantities: "INSERT INTO main.quantities SELECT * FROM earlier.quantities WHERE task_id = ?1 ORDER BY rowid"
            case .units: "INSERT INTO main.units SELECT * FROM earlier.units WHERE task_id = ?1 ORDER BY rowid"
            }
        }
    }

    private func copyKeptRows(of id: String) throws(EmitError) {
        guard copies.count == Copy.allCases.count, let database else {
            throw EmitError(path: path, message: "a kept document (\(id)) came with no earlier plan.sqlite to copy it from; run again with --force")
        }
        func copy(_ step: Copy, _ values: SQLiteDatabase.Value...) throws(EmitError) { try copies[step.rawValue].run(values) }
        try copy(.document, .text(id))
        guard database.changes == 1 else {
            throw EmitError(path: path, message: "a kept document (\(id)) is not in the last run's plan.sqlite; run again with --force")
        }
        for task in try copies[Copy.taskIDs.rawValue].firstColumn([.text(id)]) {
            try copy(.task, .text(task))
            for position in try copies[Copy.milestonePositions.rawValue].firstColumn([.text(task)]) {
                guard let position = Int(position) else { continue }
                try copy(.milestone, .text(task), .integer(position))
                try copy(.periods, .text(task), .integer(position))
            }
            try copy(.quantities, .text(task))
            try copy(.units, .text(task))
        }
    }

    private func insert<Row>(_ row: Row, into table: SQLiteTable<Row>) throws(EmitError) {
        try statements[table.name]?.run(table.values(of: row))
    }

    private func writeTask(_ record: TaskRecord, line: ArraySlice<UInt8>) throws(EmitError) {
        try insert((record, line), into: Self.tasks)
        let id = record.id
        for (index, milestone) in record.milestones.enumerated() {
            try insert((id, index + 1, milestone), into: Self.milestones)
            let periods = milestone.when.map { $0.kind == .set ? $0.parts : [$0] } ?? []
            for (part, period) in periods.enumerated() {
                try insert((id, index + 1, part + 1, period), into: Self.milestonePeriods)
            }
        }
        for (index, quantity) in record.quantities.enumerated() {
            try insert((id, index + 1, quantity), into: Self.quantities)
        }
        for unitRole in Self.unitRoles {
            for (index, name) in unitRole.names(record).enumerated() {
                try insert((id, unitRole.role, index + 1, name), into: Self.units)
            }
        }
    }

    /// The task a row of a task's table belongs to, keyed to `tasks`.
    private static func taskIDColumn<Row>(_ taskID: @escaping @Sendable (Row) -> String) -> SQLiteTable<Row>.Column {
        .init("task_id", "TEXT NOT NULL REFERENCES tasks(id)") { .text(taskID($0)) }
    }

    /// type, grain, ref, start, end of a time (a set has no one start or end); all NULL for none.
    private static func timeColumns<Row>(
        typeDeclaration: String, _ time: @escaping @Sendable (Row) -> TimeExpression?
    ) -> [SQLiteTable<Row>.Column] {
        [
            .init("type", typeDeclaration) { text(time($0)?.kind.rawValue) },
            .init("grain", "TEXT") { text(time($0)?.grain.rawValue) },
            .init("ref", "TEXT") { text(time($0)?.ref) },
            .init("start", "TEXT") { row in text(time(row).flatMap { $0.kind == .set ? nil : $0.start?.description }) },
            .init("end", "TEXT") { row in text(time(row).flatMap { $0.kind == .set ? nil : $0.end?.description }) },
        ]
    }

    private static func text(_ value: String?) -> Value {
        value.map(Value.text) ?? .null
    }

    /// REAL for arithmetic in SQL; the exact text sits beside it in the `_text` columns.
    private static func real(_ value: ExactDecimal?) -> Value {
        value.flatMap { Double($0.description) }.map(Value.real) ?? .null
    }
}
