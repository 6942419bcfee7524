import Emit

/// `manifest.json`: what the last run did with each input, so the next run can skip files whose
/// bytes, tool version and options are unchanged and keep their records. `status` is
/// `converted`, `failed`, `duplicate` (with `same_as`, the earlier path with the same bytes)
/// or `skipped` (with `reason`).
struct Manifest: Hashable, Sendable {
    /// Where a document's lines lie in records.jsonl: `[start, tasks_start, end]` in the file.
    struct Lines: Hashable, Sendable {
        var range: Range<Int>
        /// Just past the document line.
        var tasksStart: Int

        var json: JSONValue { .array([range.lowerBound, tasksStart, range.upperBound].map { .number(String($0)) }) }

        init(range: Range<Int>, tasksStart: Int) {
            self.range = range
            self.tasksStart = tasksStart
        }

        init?(json: JSONValue?) {
            guard let numbers = json?.arrayValue?.compactMap({ $0.scalarText.flatMap { Int($0) } }), numbers.count == 3,
                numbers[0] <= numbers[1], numbers[1] <= numbers[2]
            else { return nil }
            self.init(range: numbers[0]..<numbers[2], tasksStart: numbers[1])
        }
    }

    struct Entry: Hashable, Sendable {
        enum Status: Hashable, Sendable {
            case converted, failed
            case duplicate(of: String)
            case skipped(reason: String)
        }

        var path: String
        var sha256: String
        var status: Status
        var tasks: Int
        /// For a converted file.
        var lines: Lines?

        var converted: Bool { status == .converted }
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
                var fields: [(String, JSONValue)] = [("path", .string(entry.path)), ("sha256", .string(entry.sha256))]
                switch entry.status {
                case .converted: fields.append(("status", .string("converted")))
                case .failed: fields.append(("status", .string("failed")))
                case .duplicate(let first): fields += [("status", .string("duplicate")), ("same_as", .string(first))]
                case .skipped(let reason): fields += [("status", .string("skipped")), ("reason", .string(reason))]
                }
                fields.append(("tasks", .number(String(entry.tasks))))
                if let lines = entry.lines { fields.append(("lines", lines.json)) }
                return .object(fields)
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
            let status: Entry.Status =
                switch file["status"]?.stringValue {
                case "converted": .converted
                case "duplicate": .duplicate(of: file["same_as"]?.stringValue ?? "")
                case "skipped": .skipped(reason: file["reason"]?.stringValue ?? "")
                default: .failed
                }
            return Entry(
                path: path, sha256: sha256, status: status, tasks: Int(file["tasks"]?.scalarText ?? "") ?? 0,
                lines: Lines(json: file["lines"]))
        }
    }
}

extension Manifest.Entry {
    /// The entry of a file read in this run (nil for a folder the walk could not enter).
    init?(_ outcome: BatchConverter.Outcome) {
        guard let sha = outcome.sha256 else { return nil }
        let status: Status =
            switch outcome.status {
            case .converted, .reused: .converted
            case .failed: .failed
            case .duplicate(let first): .duplicate(of: first)
            case .skipped(let reason): .skipped(reason: reason)
            }
        self.init(path: outcome.path, sha256: sha, status: status, tasks: outcome.tasks, lines: nil)
    }
}
