/// One of OpenCC's text dictionaries (`key<TAB>candidate candidate…` per line, `#` comments),
/// read from the copy embedded in the binary.
struct OpenCCDictionary: Sendable {
    struct Entry: Sendable {
        /// The key's UTF-8 bytes.
        var key: [UInt8]
        /// Every candidate's UTF-8 bytes, in the file's order.
        var candidates: [[UInt8]]
        /// OpenCC converts to the first candidate.
        var value: [UInt8] { candidates[0] }
    }

    let name: String
    let entries: [Entry]

    /// Loads `Resources/OpenCC/<name>.txt`. The files are part of the package, so a missing or
    /// malformed one is a build defect, not bad input: it stops the process with its name.
    init(named name: String) {
        guard let text = EmbeddedResources.file(named: "OpenCC/\(name).txt") else {
            fatalError("OpenCC dictionary \(name).txt is not embedded; run scripts/refresh-opencc-data")
        }
        self.name = name
        self.entries = text.withUTF8Buffer { Self.parse($0) }
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
            guard let tabIndex = (lineStart..<lineEnd).first(where: { bytes[$0] == tab }),
                  tabIndex > lineStart
            else { continue }
            var candidates: [[UInt8]] = []
            var candidateStart = tabIndex + 1
            while candidateStart < lineEnd {
                var candidateEnd = candidateStart
                while candidateEnd < lineEnd && bytes[candidateEnd] != space { candidateEnd += 1 }
                if candidateEnd > candidateStart { candidates.append(Array(bytes[candidateStart..<candidateEnd])) }
                candidateStart = candidateEnd + 1
            }
            guard !candidates.isEmpty else { continue }
            entries.append(Entry(key: Array(bytes[lineStart..<tabIndex]), candidates: candidates))
        }
        return entries
    }
}
