extension BatchConverter {
    /// What a run did, file by file: every input is counted once, so the parts add up to `files`.
    public struct Summary: Hashable, Sendable {
        public var files = 0
        /// Converted in this run.
        public var converted = 0
        /// Unchanged since the last run: its records were kept.
        public var unchanged = 0
        /// Byte-identical to an earlier input: reported, not converted again.
        public var duplicates = 0
        /// Not a document (source code, data, no Chinese text).
        public var skipped = 0
        /// Could not be converted (or, for a folder, read): a line in `errors.jsonl`.
        public var failed = 0
        public var tasks = 0
        /// Converted (or kept) documents that gave no task.
        public var withoutTasks = 0
        /// Outputs of an earlier run removed because this run did not write them.
        public var removedOutputs: [String] = []

        public init() {}

        /// Documents converted or kept: what "every file failed" is measured against.
        public var documents: Int { converted + unchanged }

        mutating func count(_ outcome: Outcome) {
            files += 1
            switch outcome.status {
            case .converted: converted += 1
            case .reused: unchanged += 1
            case .failed: failed += 1
            case .duplicate: duplicates += 1
            case .skipped: skipped += 1
            }
            tasks += outcome.tasks
            if outcome.status == .converted || outcome.status == .reused, outcome.tasks == 0 { withoutTasks += 1 }
        }

        /// `16 file(s): 3 converted, 13 unchanged, 0 failed; 431 tasks`, naming duplicates, skipped
        /// files and documents without tasks only when there are some.
        public var line: String {
            var parts = ["\(converted) converted"]
            if unchanged > 0 { parts.append("\(unchanged) unchanged") }
            if duplicates > 0 { parts.append("\(duplicates) duplicate\(duplicates == 1 ? "" : "s")") }
            if skipped > 0 { parts.append("\(skipped) skipped (not documents)") }
            parts.append("\(failed) failed")
            var text = "\(files) file(s): " + parts.joined(separator: ", ") + "; \(tasks) tasks"
            if withoutTasks > 0 { text += ", \(withoutTasks) document(s) without tasks" }
            return text
        }

        /// Says which outputs of an earlier run were removed, or nil.
        public func removedLine(folder: String) -> String? {
            guard !removedOutputs.isEmpty else { return nil }
            let names = removedOutputs.map { "\(folder)/\($0)" }.joined(separator: ", ")
            return "removed \(names): not written by this run (--format), so no output describes an older one"
        }
    }
}
