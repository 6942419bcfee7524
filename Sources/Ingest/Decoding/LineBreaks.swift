/// Line-break normalisation that keeps line numbers: every CRLF and every lone CR becomes one
/// "\n", so line N of the result is line N of the original file.
enum LineBreaks {
    static func normalize(_ text: String) -> String {
        // Most files use "\n" already: one scan, no copy.
        guard text.utf8.contains(0x0D) else { return text }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var previousWasCR = false
        for byte in text.utf8 {
            if byte == 0x0D {
                bytes.append(0x0A)
                previousWasCR = true
                continue
            }
            // The "\n" of a CRLF was already written for its CR.
            if !(byte == 0x0A && previousWasCR) { bytes.append(byte) }
            previousWasCR = false
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
