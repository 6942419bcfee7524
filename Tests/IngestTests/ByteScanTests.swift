import Testing

@testable import Ingest

@Suite struct ByteScanTests {
    /// Every position of the target, in and after the eight-byte words, and a missing one.
    @Test(arguments: [
        ("", UInt8(0x0A), 0, 0),
        ("abc", 0x0A, 0, 3),
        ("a\nb", 0x0A, 0, 1),
        ("0123456\n89", 0x0A, 0, 7),
        ("01234567\n9", 0x0A, 0, 8),
        ("0123456789abcdef\nx", 0x0A, 0, 16),
        ("\n123456789\n", 0x0A, 1, 10),
        ("甲\t乙\t丙", 0x09, 4, 7),
        ("[a[", 0x5B, 1, 2),
    ])
    func findsTheFirstByteFromStart(text: String, target: UInt8, start: Int, expected: Int) {
        let bytes = Array(text.utf8)
        let found = bytes.withUnsafeBufferPointer { ByteScan.firstIndex(of: target, in: $0, from: start) }
        #expect(found == expected)
    }

    /// Bytes that differ from the target only in their high bit, or are 0x80 above it, are not it.
    @Test func ignoresNearMisses() {
        let bytes: [UInt8] = [0x8A, 0x0B, 0x09, 0xFF, 0x00, 0x8A, 0x1A, 0x2A, 0x8A, 0x0A]
        let found = bytes.withUnsafeBufferPointer { ByteScan.firstIndex(of: 0x0A, in: $0) }
        #expect(found == 9)
    }
}
