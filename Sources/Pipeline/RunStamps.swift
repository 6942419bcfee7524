import Emit

/// `stamps.json`, beside the manifest in a run's generation (not one of the outputs: it holds
/// times and inode numbers, and the outputs are the same bytes for the same inputs): when the
/// run started, the stamp of each file it read, and of the records.jsonl (and tasks.csv,
/// plan.sqlite) it left. The next run keeps a file whose stamp is unchanged without reading it,
/// trusts the manifest's `lines` while records.jsonl keeps its stamp, and copies rows from
/// tasks.csv and plan.sqlite while they keep theirs.
struct RunStamps: Sendable {
    static let fileName = "stamps.json"

    /// Nanoseconds since 1970.
    var started: Int
    var records: FileStamp?
    var files: [String: FileStamp] = [:]
    /// How the run wrote tasks.csv (`CSVWriter.Options.key`), if it wrote one.
    var csvOptions: String?
    /// The stamps of the tasks.csv and plan.sqlite it wrote, by name: the next run copies rows
    /// from them only while they keep their stamps (not edited since, say by a spreadsheet).
    var outputs: [String: FileStamp] = [:]

    init(started: Int) {
        self.started = started
    }

    var json: JSONValue {
        .object([
            ("started_ns", .number(String(started))),
            ("records", records?.json ?? .null),
            ("csv_options", csvOptions.map(JSONValue.string) ?? .null),
            ("outputs", .object(outputs.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }.map { ($0.key, $0.value.json) })),
            ("files", .object(files.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }.map { ($0.key, $0.value.json) })),
        ])
    }

    init?(json: JSONValue) {
        guard let started = json["started_ns"]?.scalarText.flatMap({ Int($0) }) else { return nil }
        self.started = started
        records = FileStamp(json: json["records"])
        csvOptions = json["csv_options"]?.stringValue
        for (name, stamp) in json["outputs"]?.objectValue ?? [] {
            if let stamp = FileStamp(json: stamp) { outputs[name] = stamp }
        }
        for (path, stamp) in json["files"]?.objectValue ?? [] {
            if let stamp = FileStamp(json: stamp) { files[path] = stamp }
        }
    }
}
