internal import CSQLite

/// A SQLite database file, open for writing. The only Swift file that imports SQLite.
final class SQLiteDatabase {
    private var handle: OpaquePointer?
    /// The database as the user knows it (the file may be written under a temporary name).
    let path: String

    /// `readOnly` opens an existing file only (and never creates one).
    init(path file: String, name: String? = nil, readOnly: Bool = false) throws(EmitError) {
        self.path = name ?? file
        let path = file
        var database: OpaquePointer?
        let flags = readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE
        guard sqlite3_open_v2(path, &database, flags, nil) == SQLITE_OK, let database else {
            sqlite3_close(database)
            throw EmitError(path: path, message: "SQLite cannot open it: \(String(cString: sqlite3_errstr(sqlite3_errcode(database))))")
        }
        handle = database
    }

    deinit { sqlite3_close(handle) }

    /// Rows the last statement inserted, changed or deleted.
    var changes: Int { Int(sqlite3_changes(handle)) }

    func execute(_ sql: String) throws(EmitError) {
        var message: UnsafeMutablePointer<CChar>?
        if sqlite3_exec(handle, sql, nil, nil, &message) != SQLITE_OK {
            let text = message.map { String(cString: $0) } ?? "unknown error"
            sqlite3_free(message)
            throw EmitError(path: path, message: "SQLite: \(text)")
        }
    }

    /// Every row of a query, each column as text (nil for NULL).
    func rows(_ sql: String) throws(EmitError) -> [[String?]] {
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(handle, sql, -1, &statement, nil) == SQLITE_OK else {
            throw EmitError(path: path, message: "SQLite: \(String(cString: sqlite3_errmsg(handle)))")
        }
        defer { sqlite3_finalize(statement) }
        var rows: [[String?]] = []
        while sqlite3_step(statement) == SQLITE_ROW {
            rows.append((0..<sqlite3_column_count(statement)).map { column in
                sqlite3_column_text(statement, column).map { String(cString: $0) }
            })
        }
        return rows
    }

    /// A value bound to a statement parameter.
    enum Value {
        case null
        case integer(Int)
        case real(Double)
        case text(String)
        /// UTF-8 text as bytes (a record's JSON line).
        case utf8(ArraySlice<UInt8>)

        /// As `rows` gives it back: text (integers in decimal), nil for NULL.
        var text: String? {
            switch self {
            case .null: nil
            case .integer(let number): String(number)
            case .real(let number): String(number)
            case .text(let text): text
            case .utf8(let bytes): String(decoding: bytes, as: UTF8.self)
            }
        }
    }

    /// A prepared statement, reused for every row of one table.
    final class Statement {
        private var statement: OpaquePointer?
        private let database: SQLiteDatabase

        init(_ database: SQLiteDatabase, sql: String) throws(EmitError) {
            self.database = database
            guard sqlite3_prepare_v2(database.handle, sql, -1, &statement, nil) == SQLITE_OK else {
                throw EmitError(path: database.path, message: "SQLite: cannot prepare \(sql)")
            }
        }

        deinit { sqlite3_finalize(statement) }

        func run(_ values: [Value]) throws(EmitError) {
            bind(values)
            guard sqlite3_step(statement) == SQLITE_DONE else {
                throw EmitError(path: database.path, message: "SQLite: \(String(cString: sqlite3_errmsg(database.handle)))")
            }
        }

        /// The first column of every row the statement gives with `values` bound, as text.
        func firstColumn(_ values: [Value]) throws(EmitError) -> [String] {
            bind(values)
            var column: [String] = []
            while true {
                switch sqlite3_step(statement) {
                case SQLITE_ROW: column.append(sqlite3_column_text(statement, 0).map { String(cString: $0) } ?? "")
                case SQLITE_DONE: return column
                default: throw EmitError(path: database.path, message: "SQLite: \(String(cString: sqlite3_errmsg(database.handle)))")
                }
            }
        }

        private func bind(_ values: [Value]) {
            sqlite3_reset(statement)
            sqlite3_clear_bindings(statement)
            for (offset, value) in values.enumerated() {
                let index = Int32(offset + 1)
                switch value {
                case .null: sqlite3_bind_null(statement, index)
                case .integer(let number): sqlite3_bind_int64(statement, index, Int64(number))
                case .real(let number): sqlite3_bind_double(statement, index, number)
                case .text(let text): sqlite3_bind_text(statement, index, text, -1, plan2json_sqlite_transient())
                case .utf8(let bytes):
                    bytes.withUnsafeBufferPointer { buffer in
                        buffer.withMemoryRebound(to: CChar.self) { text in
                            _ = sqlite3_bind_text(statement, index, text.baseAddress, Int32(text.count), plan2json_sqlite_transient())
                        }
                    }
                }
            }
        }
    }
}
