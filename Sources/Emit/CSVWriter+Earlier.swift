extension CSVWriter {
    /// The tasks.csv of the last run, indexed by document: an incremental run copies a kept
    /// document's rows from it as they are, instead of converting the document again for them.
    /// Taken only if it starts with the header (and byte order mark) this run writes; the caller
    /// says whether it was written with the same options (`escapeNewlines` leaves no mark).
    public struct Earlier: Sendable {
        let path: String
        let file: BackingFile
        /// Each document's rows, one range of bytes (a document whose rows are not together is left out).
        let rowsByDocument: [String: Range<Int>]
        /// Bytes of the mark and header row.
        let headerCount: Int

        /// Whether the file holds the rows of the document.
        public func has(_ documentID: String) -> Bool { rowsByDocument[documentID] != nil }

        public init?(path: String, options: Options) {
            guard let file = BackingFile(reading: path) else { return nil }
            let header = Array(CSVWriter.headerLine(options).utf8)
            guard file.count >= header.count, file.read(0..<header.count) == header else { return nil }
            var scanner = RowScanner(start: header.count)
            do throws(EmitError) {
                try file.forEachBlock(in: header.count..<file.count, path: path) { block throws(EmitError) in scanner.scan(block) }
            } catch {
                return nil
            }
            // A last row without its line end was cut short: its document is not whole.
            if scanner.rowStart < file.count, let last = scanner.lastDocument { scanner.split.insert(last) }
            self.path = path
            self.file = file
            headerCount = header.count
            rowsByDocument = scanner.rows.filter { !scanner.split.contains($0.key) }
        }

        /// Where the rows of `documentID` lie; nil if this file has none.
        func rows(of documentID: String) -> Range<Int>? { rowsByDocument[documentID] }
    }

    /// Finds rows (a line feed outside quotes ends one) and the `doc_id` of each, their second
    /// field, block by block.
    struct RowScanner {
        var position: Int
        var rowStart: Int
        private var field = 0
        private var inQuotes = false
        private var documentID: [UInt8] = []
        var lastDocument: String?
        var rows: [String: Range<Int>] = [:]
        /// Documents whose rows are not all together.
        var split: Set<String> = []

        init(start: Int) {
            position = start
            rowStart = start
        }

        mutating func scan(_ block: ArraySlice<UInt8>) {
            for byte in block {
                position += 1
                switch byte {
                case UInt8(ascii: "\""):
                    inQuotes.toggle()
                case UInt8(ascii: ",") where !inQuotes:
                    field += 1
                case 0x0A where !inQuotes:
                    endRow()
                default:
                    if field == 1 { documentID.append(byte) }
                }
            }
        }

        private mutating func endRow() {
            let id = String(decoding: documentID, as: UTF8.self)
            if let range = rows[id] {
                if lastDocument == id { rows[id] = range.lowerBound..<position } else { split.insert(id) }
            } else {
                rows[id] = rowStart..<position
            }
            lastDocument = id
            rowStart = position
            field = 0
            documentID.removeAll(keepingCapacity: true)
        }
    }
}
