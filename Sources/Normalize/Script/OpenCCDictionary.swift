/// One of OpenCC's text dictionaries (`key<TAB>candidate candidate…` per line, `#` comments),
/// read from the copy embedded in the binary.
///
/// Entries point into the embedded text itself (a `StaticString` in the binary's read-only
/// data, which lives as long as the process): parsing a dictionary allocates one array, not
/// two or three per entry, and dropping it frees nothing but that array.
struct OpenCCDictionary: @unchecked Sendable {  // immutable views of immortal memory
    struct Entry {
        /// The key's UTF-8 bytes.
        var key: UnsafeBufferPointer<UInt8>
        /// The first candidate's UTF-8 bytes: OpenCC converts to it.
        var value: UnsafeBufferPointer<UInt8>
        /// The candidates as printed (UTF-8, separated by spaces).
        var candidateField: UnsafeBufferPointer<UInt8>

        /// Calls `body` with each candidate's UTF-8 bytes, in the file's order, building no array.
        func forEachCandidate(_ body: (UnsafeBufferPointer<UInt8>) -> Void) {
            var start = 0
            while start < candidateField.count {
                var end = start
                while end < candidateField.count, candidateField[end] != UInt8(ascii: " ") { end += 1 }
                if end > start { body(UnsafeBufferPointer(rebasing: candidateField[start..<end])) }
                start = end + 1
            }
        }
    }

    let name: String
    let entries: [Entry]

    /// The scalar `bytes` (a key or candidate, valid UTF-8) consist of, or nil when they hold
    /// more than one (or none).
    static func singleScalar(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt32? {
        guard !bytes.isEmpty else { return nil }
        let scalar = UTF8Scalar.decode(bytes, at: 0)
        return scalar.length == bytes.count ? scalar.value : nil
    }

    /// Loads `Resources/OpenCC/<name>.txt`. The files are part of the package, so a missing or
    /// malformed one is a build defect, not bad input: it stops the process with its name.
    init(named name: String) {
        guard let text = EmbeddedResources.file(named: "OpenCC/\(name).txt"), text.hasPointerRepresentation else {
            fatalError("OpenCC dictionary \(name).txt is not embedded; run scripts/refresh-opencc-data")
        }
        self.name = name
        self.entries = Self.parse(UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
        precondition(!entries.isEmpty, "OpenCC dictionary \(name).txt has no entries")
    }

    private static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> [Entry] {
        let tab = UInt8(ascii: "\t"), space = UInt8(ascii: " "), newline = UInt8(ascii: "\n")
        var entries: [Entry] = []
        var lineStart = 0
        while lineStart < bytes.count {
            var lineEnd = lineStart
            while lineEnd < bytes.count && bytes[lineEnd] != newline { lineEnd += 1 }
            defer { lineStart = lineEnd + 1 }
            guard lineEnd > lineStart, bytes[lineStart] != UInt8(ascii: "#") else { continue }
            var tabIndex = lineStart
            while tabIndex < lineEnd && bytes[tabIndex] != tab { tabIndex += 1 }
            guard tabIndex < lineEnd, tabIndex > lineStart else { continue }
            // The first candidate: the first non-empty run of non-spaces after the TAB.
            var valueStart = tabIndex + 1
            while valueStart < lineEnd && bytes[valueStart] == space { valueStart += 1 }
            guard valueStart < lineEnd else { continue }
            var valueEnd = valueStart
            while valueEnd < lineEnd && bytes[valueEnd] != space { valueEnd += 1 }
            entries.append(Entry(
                key: UnsafeBufferPointer(rebasing: bytes[lineStart..<tabIndex]),
                value: UnsafeBufferPointer(rebasing: bytes[valueStart..<valueEnd]),
                candidateField: UnsafeBufferPointer(rebasing: bytes[(tabIndex + 1)..<lineEnd])))
        }
        return entries
    }
}
