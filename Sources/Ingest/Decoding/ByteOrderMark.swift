/// A byte-order mark at the start of a file: the one unambiguous statement of its encoding.
struct ByteOrderMark: Hashable, Sendable {
    /// Canonical name reported in `DecodedText.encoding`.
    let encoding: String
    /// ICU converter name.
    let charset: String
    let length: Int

    /// UTF-32LE's mark begins with UTF-16LE's, so the longer marks are tried first.
    private static let known: [(prefix: [UInt8], mark: ByteOrderMark)] = [
        ([0xFF, 0xFE, 0x00, 0x00], ByteOrderMark(encoding: "utf-32le", charset: "UTF-32LE", length: 4)),
        ([0x00, 0x00, 0xFE, 0xFF], ByteOrderMark(encoding: "utf-32be", charset: "UTF-32BE", length: 4)),
        ([0xEF, 0xBB, 0xBF], ByteOrderMark(encoding: "utf-8", charset: "UTF-8", length: 3)),
        ([0xFF, 0xFE], ByteOrderMark(encoding: "utf-16le", charset: "UTF-16LE", length: 2)),
        ([0xFE, 0xFF], ByteOrderMark(encoding: "utf-16be", charset: "UTF-16BE", length: 2)),
    ]

    /// The mark `bytes` start with, if any.
    static func find(in bytes: [UInt8]) -> ByteOrderMark? {
        known.first { bytes.starts(with: $0.prefix) }?.mark
    }
}
