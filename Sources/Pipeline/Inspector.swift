import Emit
public import Normalize
import PlanModel

/// `plan2json inspect`: what the tool sees in one file, for a person to read at a glance.
public enum Inspector {
    public static func report(bytes: [UInt8], path: String, options: NormalizeOptions = NormalizeOptions()) -> String {
        let sha = SHA256.hex(of: bytes)
        var lines = ["file      \(path)  (\(bytes.count) bytes, sha256 \(sha.prefix(16))…)"]
        let read: FileConverter.ReadDocument
        switch FileConverter.read(bytes: bytes, path: path, sha256: sha) {
        case .failure(let failure):
            lines.append("error     [\(failure.stage)] \(failure.code): \(failure.message)")
            return lines.joined(separator: "\n") + "\n"
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
        return lines.joined(separator: "\n") + "\n"
    }
}
