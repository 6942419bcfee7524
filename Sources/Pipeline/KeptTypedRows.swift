import Emit

/// The rows the last run's tasks.csv and plan.sqlite hold for the documents an incremental run
/// keeps. The CSV and SQLite writers take typed records, which a kept document does not have
/// (its lines are copied, never parsed): it is kept for them only when every typed output asked
/// can copy its rows from the last run; otherwise it is converted again.
struct KeptTypedRows: Sendable {
    static let csvName = "tasks.csv"
    static let sqliteName = "plan.sqlite"
    static let fileNames = [csvName, sqliteName]

    var csvAsked = false
    var csv: CSVWriter.Earlier?
    var sqliteAsked = false
    var sqlite: (path: String, ids: Set<String>)?
    /// Converted documents with no task: no CSV rows to find.
    var documentsWithoutTasks: Set<String> = []

    /// Whether the document's rows can be copied into every typed output asked.
    func keeps(_ documentID: String) -> Bool {
        if csvAsked {
            guard let csv, csv.has(documentID) || documentsWithoutTasks.contains(documentID) else { return false }
        }
        if sqliteAsked {
            guard let sqlite, sqlite.ids.contains(documentID) else { return false }
        }
        return true
    }
}
