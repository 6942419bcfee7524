/// One table of `plan.sqlite`: each column's name and declaration beside its value for a row, so
/// a column is one edit; the `CREATE TABLE` and `INSERT` statements are made from that list.
struct SQLiteTable<Row>: Sendable {
    struct Column: Sendable {
        var name: String
        /// Its type and constraints: `TEXT NOT NULL`, `INTEGER`, `TEXT PRIMARY KEY`.
        var declaration: String
        var value: @Sendable (Row) -> SQLiteDatabase.Value

        init(_ name: String, _ declaration: String, value: @escaping @Sendable (Row) -> SQLiteDatabase.Value) {
            self.name = name
            self.declaration = declaration
            self.value = value
        }
    }

    var name: String
    var columns: [Column]
    /// Table constraints after the columns: `PRIMARY KEY (task_id, position)`.
    var constraints: [String] = []

    var statements: SQLiteTableStatements {
        SQLiteTableStatements(name: name, create: createStatement, insert: insertStatement)
    }

    /// Names are quoted: `end` is an SQL keyword.
    var createStatement: String {
        let parts = columns.map { "\"\($0.name)\" \($0.declaration)" } + constraints
        return "CREATE TABLE \(name) (\(parts.joined(separator: ", ")));"
    }

    var insertStatement: String {
        "INSERT INTO \(name) VALUES (\(Array(repeating: "?", count: columns.count).joined(separator: ",")))"
    }

    /// The row's values, one per column, in order.
    func values(of row: Row) -> [SQLiteDatabase.Value] {
        columns.map { $0.value(row) }
    }
}

/// A table's name and statements, whatever its rows.
struct SQLiteTableStatements: Sendable {
    var name: String
    var create: String
    var insert: String
}
