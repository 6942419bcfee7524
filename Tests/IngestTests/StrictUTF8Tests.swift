@testable import Ingest
import Testing

@Suite("StrictUTF8")
struct StrictUTF8Tests {
    /// The answer Swift's own check gives.
    private func expected(_ bytes: [UInt8]) -> String? {
        String(validating: bytes, as: UTF8.self)
    }

    @Test(arguments: [
        "",
        "plain ASCII, longer than eight bytes",
        "国务院关于印发《2023年计划》的通知，一季度完成。",
        "東莞市人民政府辦公室\u{3000}（一）",
        "café, naïve, Ελλάδα, кириллица",
        "\u{0800}\u{0FFF}\u{1000}\u{D7FF}\u{E000}\u{FFFD}\u{FFFF}",  // three-byte edges, E0 and ED leads
        "𠀀𪚥𬺰\u{10FFFF}國",  // four-byte characters
        "ab国务cd院x",  // three-byte characters at every offset
    ])
    func wellFormedTextIsReadAsSwiftReadsIt(_ text: String) {
        let bytes = Array(text.utf8)
        #expect(StrictUTF8.string(bytes) == text)
        #expect(bytes.withUnsafeBufferPointer(StrictUTF8.check) == text.utf8.allSatisfy { $0 < 0x80 })
    }

    @Test(arguments: [
        [0xC0, 0x80],  // overlong NUL
        [0xE0, 0x80, 0x80, 0x41, 0x41, 0x41, 0x41, 0x41],  // overlong three-byte form
        [0xED, 0xA0, 0x80, 0xE4, 0xB8, 0x80, 0x41, 0x41],  // a surrogate, then 一
        [0xE4, 0xB8, 0x80, 0xED, 0xBF, 0xBF, 0x41, 0x41],  // 一, then a surrogate
        [0xF4, 0x90, 0x80, 0x80],  // above U+10FFFF
        [0xF0, 0x8F, 0xBF, 0xBF],  // overlong four-byte form
        [0xF5, 0x80, 0x80, 0x80],
        [0xE4, 0xB8, 0x80, 0xE5, 0x9B, 0x41, 0x41, 0x41],  // a continuation byte missing
        [0x41, 0x41, 0xE4, 0xB8],  // cut off at the end
        [0x80, 0x41, 0x41, 0x41, 0x41, 0x41, 0x41, 0x41],  // a lone continuation byte
        [0xE4, 0x38, 0x80, 0xE5, 0x9B, 0xBD, 0x41, 0x41],  // second byte not a continuation
        [0xD5, 0xB9, 0xCE, 0xC4, 0xB5, 0xC4, 0xCE, 0xC4],  // GBK bytes
    ] as [[UInt8]])
    func malformedBytesAreRefused(_ bytes: [UInt8]) {
        #expect(expected(bytes) == nil)
        #expect(StrictUTF8.string(bytes) == nil)
    }

    /// Byte strings made of pieces near the edges of well-formedness, at every alignment: the
    /// answer must be Swift's for each.
    @Test func agreesWithSwiftOnGeneratedBytes() {
        let pieces: [[UInt8]] = [
            [0x41], [0x0A], [0x7F], [0x80], [0xBF], [0xC1, 0xBF], [0xC2, 0x80], [0xDF, 0xBF],
            [0xE0, 0x9F, 0xBF], [0xE0, 0xA0, 0x80], [0xE1, 0x80, 0x80], [0xEC, 0xBF, 0xBF],
            [0xED, 0x9F, 0xBF], [0xED, 0xA0, 0x80], [0xEE, 0x80, 0x80], [0xEF, 0xBF, 0xBF],
            [0xE4, 0xB8, 0x80], [0xE5, 0x9B, 0xBD], [0xE9, 0xBE, 0xA5], [0xE4, 0xB8],
            [0xF0, 0x8F, 0xBF, 0xBF], [0xF0, 0x90, 0x80, 0x80], [0xF3, 0xBF, 0xBF, 0xBF],
            [0xF4, 0x8F, 0xBF, 0xBF], [0xF4, 0x90, 0x80, 0x80], [0xF8], [0xFF],
        ]
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(truncatingIfNeeded: state >> 33) % bound
        }
        for _ in 0..<20_000 {
            var bytes: [UInt8] = []
            for _ in 0..<(1 + next(12)) {
                // Mostly well-formed pieces, so that long valid runs and late errors both occur.
                let piece = next(4) == 0 ? pieces[next(pieces.count)] : pieces[[0, 1, 6, 7, 9, 10, 11, 12, 16, 17, 18, 21][next(12)]]
                bytes += piece
            }
            #expect(StrictUTF8.string(bytes) == expected(bytes), "\(bytes)")
        }
    }
}
