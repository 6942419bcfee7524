/// Line-break normalisation that keeps line numbers: every CRLF and every lone CR becomes one
/// "\n", so line N of the result is line N of the original file.
enum LineBreaks {
    static func normalize(_ text: String) -> String {
        if let normalized = text.utf8.withContiguousStorageIfAvailable(normalized) { return normalized ?? text }
        return Array(text.utf8).withUnsafeBufferPointer(normalized) ?? text
    }

    private static func normalized(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        normalizedBytes(bytes).map { String(decoding: $0, as: UTF8.self) }
    }

    /// The bytes (of any ASCII-compatible encoding) with line breaks normalised, or nil when
    /// they hold no CR (most files): one scan, and the runs between line breaks copied whole.
    static func normalizedBytes(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        var carriageReturn = ByteScan.firstIndex(of: 0x0D, in: bytes)
        guard carriageReturn < bytes.count else { return nil }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var copied = 0
        while true {
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<carriageReturn]))
            output.append(0x0A)
            // The "\n" of a CRLF was already written for its CR.
            copied = carriageReturn + 1
            if copied < bytes.count, bytes[copied] == 0x0A { copied += 1 }
            carriageReturn = ByteScan.firstIndex(of: 0x0D, in: bytes, from: copied)
            guard carriageReturn < bytes.count else { break }
        }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied...]))
        return output
    }
}
