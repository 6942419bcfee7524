import Foundation
import Emit

/// What the last run left in the output folder: its manifest, its records grouped by
/// document, its failures by path. An incremental run keeps what still matches.
struct PreviousRun {
    private var manifest: Manifest?
    private var entriesByPath: [String: Manifest.Entry] = [:]
    private var recordsByDocID: [String: [JSONValue]] = [:]
    private var failuresByPath: [String: JSONValue] = [:]

    init() {}

    init(folder: String) {
        guard let text = try? String(contentsOfFile: folder + "/manifest.json", encoding: .utf8),
            let json = try? JSONParser.parse(text), let manifest = Manifest(json: json)
        else { return }
        self.manifest = manifest
        for entry in manifest.entries { entriesByPath[entry.path] = entry }
        if let records = try? String(contentsOfFile: folder + "/records.jsonl", encoding: .utf8) {
            var current: String?
            for line in records.split(separator: "\n") {
                guard let record = try? JSONParser.parse(String(line)), let docID = record["doc_id"]?.stringValue else { continue }
                if record["type"]?.stringValue == "document" {
                    current = docID
                    recordsByDocID[docID] = [record]
                } else if current == docID {
                    recordsByDocID[docID]?.append(record)
                }
            }
        }
        if let errors = try? String(contentsOfFile: folder + "/errors.jsonl", encoding: .utf8) {
            for line in errors.split(separator: "\n") {
                guard let failure = try? JSONParser.parse(String(line)), let path = failure["path"]?.stringValue else { continue }
                failuresByPath[path] = failure
            }
        }
    }

    func isValid(version: String, options: String) -> Bool {
        manifest?.version == version && manifest?.options == options
    }

    /// The kept outcome of a file whose path and bytes are unchanged, if the last run has it whole.
    /// Duplicates and skipped files are never kept: whether a file is a copy depends on the
    /// other inputs of this run, so it is decided again each time.
    func outcome(path: String, sha256: String) -> BatchConverter.Outcome? {
        guard let entry = entriesByPath[path], entry.sha256 == sha256 else { return nil }
        switch entry.status {
        case .duplicate, .skipped: return nil
        case .converted, .failed: break
        }
        if entry.converted {
            let docID = String(sha256.prefix(16))
            guard let records = recordsByDocID[docID], records.count == entry.tasks + 1,
                records.first?["source"]?["path"]?.stringValue == path
            else { return nil }
            return BatchConverter.Outcome(
                path: path, sha256: sha256, status: .reused, converted: .records(records), tasks: entry.tasks)
        }
        guard let failure = failuresByPath[path] else { return nil }
        return BatchConverter.Outcome(path: path, sha256: sha256, status: .failed, converted: .failure(failure))
    }
}
