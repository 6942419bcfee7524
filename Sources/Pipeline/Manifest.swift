import Emit

/// `manifest.json`: what the last run converted, so the next run can skip files whose bytes,
/// tool version and options are unchanged and keep their records.
struct Manifest: Hashable, Sendable {
    struct Entry: Hashable, Sendable {
        var path: String
        var sha256: String
        var converted: Bool
        var tasks: Int
    }

    var version: String
    var options: String
    var entries: [Entry]

    var json: JSONValue {
        .object([
            ("tool", .string("plan2json")),
            ("version", .string(version)),
            ("options", .string(options)),
            ("files", .array(entries.map { entry in
                .object([
                    ("path", .string(entry.path)),
                    ("sha256", .string(entry.sha256)),
                    ("status", .string(entry.converted ? "converted" : "failed")),
                    ("tasks", .number(String(entry.tasks))),
                ])
            })),
        ])
    }

    init(version: String, options: String, entries: [Entry]) {
        self.version = version
        self.options = options
        self.entries = entries
    }

    /// Nil for a missing or unreadable manifest: everything is converted again.
    init?(json: JSONValue) {
        guard let version = json["version"]?.stringValue, let options = json["options"]?.stringValue,
            let files = json["files"]?.arrayValue
        else { return nil }
        self.version = version
        self.options = options
        entries = files.compactMap { file in
            guard let path = file["path"]?.stringValue, let sha256 = file["sha256"]?.stringValue else { return nil }
            return Entry(
                path: path, sha256: sha256, converted: file["status"]?.stringValue == "converted",
                tasks: Int(file["tasks"]?.scalarText ?? "") ?? 0)
        }
    }
}
