#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
public import Emit
public import Normalize
import PlanModel

/// `plan2json inspect`: what the tool sees in one file, for a person to read at a glance, or as
/// one JSON object (`--json`).
public enum Inspector {
    /// One file's inspection.
    public struct Inspection: Sendable {
        /// The report for a person.
        public var text: String
        /// `{"path", "converted": true, "document": <document record>, "tasks", "milestones",
        /// "milestones_with_period", "quantities", "task_warnings"}`, or
        /// `{"path", "converted": false, "error": <errors.jsonl line>}`.
        public var json: JSONValue
        /// Whether `convert` would convert it.
        public var isConverted: Bool
    }

    /// Why a path could not be inspected at all.
    public enum LoadProblem: Error, Hashable, Sendable, CustomStringConvertible {
        case missing(String)
        case folder(String)
        case unreadable(String, reason: String)

        public var description: String {
            switch self {
            case .missing(let path): "\(path): no such file or folder"
            case .folder(let path): "\(path): is a folder; inspect reads files (convert walks folders)"
            case .unreadable(let path, let reason): "\(path): cannot read the file: \(reason)"
            }
        }

        /// A missing path or a folder is a usage error; an unreadable file a failed one.
        public var isUsageError: Bool {
            if case .unreadable = self { false } else { true }
        }

        public var json: JSONValue {
            let (path, message, code): (String, String, DiagnosticCode) =
                switch self {
                case .missing(let path): (path, "no such file or folder", .unreadable)
                case .folder(let path): (path, "is a folder", .unreadable)
                case .unreadable(let path, let reason): (path, "cannot read the file: \(reason)", .unreadable)
                }
            return .object([
                ("path", .string(path)), ("converted", .bool(false)),
                ("error", RecordEncoder.encode(FileFailure(path: path, sha256: nil, stage: "read", code: code, message: message))),
            ])
        }
    }

    /// A file's bytes, or why there are none (a missing path, a folder, permission denied).
    public static func load(_ path: String) -> Result<[UInt8], LoadProblem> {
        var info = stat()
        guard stat(path, &info) == 0 else {
            return errno == ENOENT || errno == ENOTDIR ? .failure(.missing(path)) : .failure(.unreadable(path, reason: StandardStreams.reason(errno)))
        }
        if info.st_mode & S_IFMT == S_IFDIR { return .failure(.folder(path)) }
        switch BatchConverter.Input.readFile(path) {
        case .success(let bytes): return .success(bytes)
        case .failure(let error): return .failure(.unreadable(path, reason: error.description))
        }
    }

    public static func report(bytes: [UInt8], path: String, options: NormalizeOptions = NormalizeOptions()) -> String {
        inspect(bytes: bytes, path: path, options: options).text
    }

    public static func inspect(bytes: [UInt8], path: String, options: NormalizeOptions = NormalizeOptions()) -> Inspection {
        let sha = SHA256.hex(of: bytes)
        var lines = ["file      \(path)  (\(bytes.count) bytes, sha256 \(sha.prefix(16))…)"]
        let read: FileConverter.ReadDocument
        switch FileConverter.read(bytes: bytes, path: path, sha256: sha) {
        case .failure(let failure):
            lines.append("error     [\(failure.stage)] \(failure.code): \(failure.message)")
            let json = JSONValue.object([("path", .string(path)), ("converted", .bool(false)), ("error", RecordEncoder.encode(failure))])
            return Inspection(text: lines.joined(separator: "\n") + "\n", json: json, isConverted: false)
        case .success(let document):
            read = document
        }
        let (source, info) = (read.source, read.info)
        let reason = read.encodingReason
        lines.append("encoding  \(info.encoding)  (\(info.encodingSource.rawValue)\(reason.isEmpty ? "" : ": " + reason))")
        lines.append("format    \(info.format.rawValue)  (\(source.tables.count) table(s), \(source.paragraphs.count) paragraph(s))")
        let result = DocumentNormalizer.normalize(source, info: info, options: options)
        let document = result.document
        lines.append("script    \(document.script.detected.rawValue)  (\(document.script.converted) character(s) converted to simplified)")
        lines.append("title     \(document.title ?? "—")")
        lines.append("issuer    \(document.issuer ?? "—")   number \(document.docNumber ?? "—")")
        lines.append("dates     issued \(document.dates.issued?.description ?? "—")   published \(document.dates.published?.description ?? "—")   year \(document.year.map(String.init) ?? "—")")
        if !document.columns.isEmpty {
            lines.append("columns")
            for column in document.columns {
                lines.append("          \(column.header)  →  \(column.field?.rawValue ?? "(kept in fields only)")")
            }
        }
        if !document.sections.isEmpty {
            lines.append("sections  (declared / found)")
            for section in document.sections {
                let indent = String(repeating: "  ", count: max(0, section.path.count - 1))
                let declared = section.declared.map(String.init) ?? "-"
                let mark = section.declared.map { $0 == section.found ? "ok" : "MISMATCH" } ?? ""
                lines.append("          \(indent)\(section.marker) \(section.title)   \(declared) / \(section.found)  \(mark)")
            }
        }
        let withWhen = result.tasks.flatMap(\.milestones).filter { $0.when != nil }.count
        let milestones = result.tasks.flatMap(\.milestones).count
        lines.append("tasks     \(result.tasks.count)   milestones \(milestones) (\(withWhen) with a resolved period)   quantities \(result.tasks.flatMap(\.quantities).count)")
        lines.append("repairs   \(document.repairs.count)")
        for repair in document.repairs {
            lines.append("          line \(repair.line): \(repair.before) → \(repair.after)\(repair.isCertain ? "" : "  (uncertain)")  [\(repair.kind.rawValue)]")
        }
        let taskWarnings = result.tasks.flatMap(\.warnings)
        lines.append("warnings  \(document.warnings.count) on the document, \(taskWarnings.count) on tasks")
        for warning in document.warnings {
            lines.append("          \(warning.line.map { "line \($0): " } ?? "")\(warning.message)  [\(warning.code)]")
        }
        var counts: [String: Int] = [:]
        for warning in taskWarnings { counts[warning.code.rawValue, default: 0] += 1 }
        for (code, count) in counts.sorted(by: { $0.key < $1.key }) {
            lines.append("          \(count) × \(code)")
        }
        let json = JSONValue.object([
            ("path", .string(path)), ("converted", .bool(true)), ("encoding_reason", .string(reason)),
            ("document", RecordEncoder.encode(document)),
            ("tasks", .number(String(result.tasks.count))), ("milestones", .number(String(milestones))),
            ("milestones_with_period", .number(String(withWhen))),
            ("quantities", .number(String(result.tasks.flatMap(\.quantities).count))),
            ("task_warnings", .object(counts.sorted(by: { $0.key < $1.key }).map { ($0.key, .number(String($0.value))) })),
        ])
        return Inspection(text: lines.joined(separator: "\n") + "\n", json: json, isConverted: true)
    }
}
