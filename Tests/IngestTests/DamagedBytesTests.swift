import Charsets
import Ingest
import PlanModel
import Testing

/// A few invalid bytes in otherwise sound UTF-8 or GB18030 are read around and listed as
/// lossy repairs; widespread damage still fails the file.
struct DamagedBytesTests {
    /// Twelve lines of plan text, enough sound bytes to read around one bad byte.
    static let body = (1...12).map { "\($0).推进城乡社区综合服务设施建设，新增养老服务床位一千张（市民政局负责）" }.joined(separator: "\n")

    static func encoded(_ text: String, _ charset: String) throws -> [UInt8] {
        try #require(CharsetConverter.encode(text, charset: charset))
    }

    /// The byte offset where line `line` (1-based) starts.
    static func offset(ofLine line: Int, in bytes: [UInt8]) -> Int {
        var seen = 1
        for (index, byte) in bytes.enumerated() where byte == 0x0A {
            seen += 1
            if seen == line { return index + 1 }
        }
        return 0
    }

    @Test(arguments: ["UTF-8", "GB18030"])
    func oneFlippedByteKeepsTheRestOfTheFile(charset: String) throws {
        var bytes = try Self.encoded(Self.body, charset)
        // The first byte of the second Chinese character on line 5 becomes 0xFF, which is
        // valid in neither encoding.
        let start = Self.offset(ofLine: 5, in: bytes) + 2 + (charset == "UTF-8" ? 3 : 2)
        bytes[start] = 0xFF
        let decoded = try TextDecoder.decode(bytes).get()
        #expect(decoded.encoding == charset.lowercased())
        let lines = decoded.text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 12)
        #expect(lines[3] == "4.推进城乡社区综合服务设施建设，新增养老服务床位一千张（市民政局负责）")
        #expect(lines[4].contains("\u{FFFD}"))
        #expect(lines[4].hasSuffix("服务设施建设，新增养老服务床位一千张（市民政局负责）"))
        let repair = try #require(decoded.repairs.first)
        #expect(decoded.repairs.count == 1)
        #expect(repair.kind == .invalidBytes)
        #expect(repair.line == 5)
        #expect(!repair.isCertain)
        #expect(repair.before.hasPrefix("\\xFF"))
        #expect(decoded.warnings.contains { $0.code == .damagedBytes && $0.line == 5 })
    }

    @Test func utf8WithByteOrderMarkAndOneBadByteIsReadAround() throws {
        var bytes = [0xEF, 0xBB, 0xBF] + (try Self.encoded(Self.body, "UTF-8"))
        bytes[3 + 8] = 0x80  // a lone continuation byte where 城 starts
        let decoded = try TextDecoder.decode(bytes).get()
        #expect(decoded.encodingSource == .bom)
        #expect(decoded.repairs.map(\.line) == [1])
    }

    @Test func widespreadDamageStillFailsAndSaysWhy() throws {
        var bytes = try Self.encoded(Self.body, "UTF-8")
        // One damaged byte in every line: more than one in a hundred non-ASCII bytes.
        for line in 1...12 { bytes[Self.offset(ofLine: line, in: bytes) + 3] = 0xFF }
        guard case .failure(let failure) = TextDecoder.decode(bytes) else {
            Issue.record("twelve damaged lines of twelve were read around")
            return
        }
        #expect(failure.code == .decodeFailed)
        #expect(failure.message.contains("damaged byte(s)"))
    }

    @Test func gbkTextIsNotTakenForDamagedUTF8() throws {
        let decoded = try TextDecoder.decode(try Self.encoded(Self.body, "GB18030")).get()
        #expect(decoded.encoding == "gb18030")
        #expect(decoded.repairs.isEmpty)
        #expect(decoded.text == Self.body)
    }
}
