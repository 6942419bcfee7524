import Charsets
import Foundation
import Ingest
import PlanModel
import TestSupport
import Testing

/// The re-encoded seeds of fixtures/encodings (written by its generate.py) and hand-made
/// bytes: every supported encoding gives back exactly the UTF-8 original; everything else fails
/// with a clear message, never with mojibake.
struct TextDecoderTests {
    static let fixtures = URL(filePath: #filePath).deletingLastPathComponent()
        .appending(path: "../../fixtures/encodings").standardized

    static let seeds: [String] = (try? FileManager.default.contentsOfDirectory(atPath: fixtures.path))?
        .filter { !$0.hasPrefix(".") && !$0.hasSuffix(".py") && !$0.hasSuffix(".md") }.sorted() ?? []

    /// File name → the encoding and source the decoder must report.
    static let variants: [(file: String, encoding: String, source: EncodingSource)] = [
        ("utf-8.txt", "utf-8", .detected),
        ("utf-8-bom.txt", "utf-8", .bom),
        ("crlf.txt", "utf-8", .detected),
        ("gb18030.txt", "gb18030", .detected),
        ("utf-16le-bom.txt", "utf-16le", .bom),
        ("utf-16be-bom.txt", "utf-16be", .bom),
    ]

    static func bytes(_ seed: String, _ file: String) throws -> [UInt8] {
        Array(try Data(contentsOf: fixtures.appending(path: seed).appending(path: file)))
    }

    static func text(_ seed: String, _ file: String) throws -> String {
        String(decoding: try bytes(seed, file), as: UTF8.self)
    }

    static func decoded(_ bytes: [UInt8]) throws -> DecodedText {
        try TextDecoder.decode(bytes).get()
    }

    static func failure(_ bytes: [UInt8]) -> DecodeFailure? {
        if case .failure(let failure) = TextDecoder.decode(bytes) { return failure }
        return nil
    }

    static func encoded(_ text: String, _ charset: String) throws -> [UInt8] {
        try #require(CharsetConverter.encode(text, charset: charset))
    }

    @Test func fixturesArePresent() {
        #expect(Self.seeds.count == 5)
    }

    @Test(arguments: seeds, variants.indices)
    func everySeedVariantDecodesToTheOriginal(seed: String, variant: Int) throws {
        let (file, encoding, source) = Self.variants[variant]
        let result = try Self.decoded(try Self.bytes(seed, file))
        #expect(result.text == (try Self.text(seed, "utf-8.txt")))
        #expect(result.encoding == encoding)
        #expect(result.encodingSource == source)
        #expect(!result.reason.isEmpty)
    }

    /// Big5 cannot encode every line of seed 004 (simplified leftovers like 欧综韩, ≥, NBSP,
    /// the private-use characters of its damaged runs), so the fixture holds the lines it can.
    @Test func traditionalSeedInBig5IsDetected() throws {
        let seed = "004_47e54a3ae338958b"
        let result = try Self.decoded(try Self.bytes(seed, "big5.txt"))
        #expect(result.text == (try Self.text(seed, "big5.utf-8.txt")))
        #expect(result.encoding == "big5")
        #expect(result.encodingSource == .detected)
        #expect(result.reason.hasSuffix("as Big5; GB18030 gives unlikely text (30% common Chinese characters)"))
    }

    @Test(arguments: ["utf-16le", "utf-16be"])
    func utf16WithoutByteOrderMarkIsDetected(encoding: String) throws {
        let original = try Self.text("000_05daa77793e29e3a", "utf-8.txt")
        let result = try Self.decoded(try Self.encoded(original, encoding.uppercased()))
        #expect(result.text == original)
        #expect(result.encoding == encoding)
        #expect(result.encodingSource == .detected)
    }

    @Test func simplifiedSeedInBig5IsNotMistakenForGB18030() throws {
        // The simplified seeds' traditional counterpart is not at hand; a short traditional
        // sentence shows the Big5 side of the choice on text GB18030 also decodes.
        let text = "為不斷保障和改善民生、增進人民福祉，讓改革發展的成果更多更公平地惠及全市人民。\n"
        let result = try Self.decoded(try Self.encoded(text, "Big5"))
        #expect(result.text == text)
        #expect(result.encoding == "big5")
    }

    @Test func hongKongBig5IsReadWithItsOwnCharacters() throws {
        // 嘅 and 㗎 exist only in HKSCS; cp950 would read them as private-use points.
        let text = "東莞市人民政府關於民生保障嘅意見，係咁㗎。\n"
        let result = try Self.decoded(try Self.encoded(text, "Big5-HKSCS"))
        #expect(result.text == text)
        #expect(result.encoding == "big5")
    }

    @Test func gb2312DeclaredPageThatIsReallyGBKIsReadAsGB18030() throws {
        // 堅持 and 東莞 are GBK characters outside GB2312: a strict GB2312 decoder would fail.
        let page = """
            <html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head>
            <body><p>堅持和完善民生保障機制，建設高水平小康社會（東莞）</p></body></html>
            """
        let result = try Self.decoded(try Self.encoded(page, "GB18030"))
        #expect(result.text == page)
        #expect(result.encoding == "gb18030")
        #expect(result.encodingSource == .declared)
        #expect(result.reason.contains("gb2312"))
    }

    @Test func metaCharsetAttributeIsRead() throws {
        let page = "<!DOCTYPE html><html><head><META CHARSET='GBK'><title>实施意见</title></head></html>"
        let result = try Self.decoded(try Self.encoded(page, "GB18030"))
        #expect(result.encoding == "gb18030")
        #expect(result.encodingSource == .declared)
    }

    @Test func utf8PageThatDeclaresGB2312IsUTF8() throws {
        let page = "<html><head><meta charset=\"gb2312\"></head><body>东莞市人民政府关于坚持和完善民生保障机制</body></html>"
        let result = try Self.decoded(Array(page.utf8))
        #expect(result.text == page)
        #expect(result.encoding == "utf-8")
        #expect(result.encodingSource == .detected)
        #expect(result.reason.contains("gb2312"))
        #expect(result.warnings.map(\.code) == [.declaredCharsetIgnored])
    }

    @Test func wrongDeclarationGivesWayToDetection() throws {
        let page = "<html><head><meta charset=\"gb2312\"></head><body>為不斷保障和改善民生、增進人民福祉，讓改革發展的成果更多更公平地惠及全市人民。</body></html>"
        let result = try Self.decoded(try Self.encoded(page, "Big5"))
        #expect(result.text == page)
        #expect(result.encoding == "big5")
        #expect(result.encodingSource == .detected)
        #expect(result.warnings.map(\.code) == [.declaredCharsetIgnored])
        #expect(result.warnings.first?.message.contains("gb2312") == true)
    }

    @Test func randomBytesFail() {
        var generator = SplitMix64(seed: 5)
        for _ in 0..<20 {
            let bytes = (0..<4096).map { _ in UInt8.random(in: 0...255, using: &generator) }
            let failure = Self.failure(bytes)
            #expect(failure?.code == .decodeFailed)
            #expect(failure?.message.hasPrefix("cannot tell the encoding") == true)
        }
    }

    @Test func shortRandomInputsNeverTrap() {
        var generator = SplitMix64(seed: 13)
        for length in 1...64 {
            for _ in 0..<20 {
                let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
                if case .success(let decoded) = TextDecoder.decode(bytes) {
                    #expect(!decoded.text.unicodeScalars.contains("\u{FFFD}"))
                }
            }
        }
    }

    @Test func highBytesWithoutStructureFail() {
        // No NULs or controls to give it away: only the scoring can reject this.
        var generator = SplitMix64(seed: 7)
        let bytes = (0..<4096).map { _ in UInt8.random(in: 0xA1...0xFE, using: &generator) }
        #expect(Self.failure(bytes)?.code == .decodeFailed)
    }

    @Test(arguments: ["GB18030", "Big5", "UTF-8"])
    func truncatedMultiByteSequenceFailsAndSaysSo(charset: String) throws {
        let text = charset == "Big5" ? "東莞市人民政府辦公室關於民生保障" : "东莞市人民政府办公室关于民生保障"
        var bytes = try Self.encoded(text, charset)
        bytes.removeLast()
        let failure = try #require(Self.failure(bytes))
        #expect(failure.code == .decodeFailed)
        #expect(failure.message.contains("cut off"))
    }

    @Test func truncatedUTF16WithByteOrderMarkFails() throws {
        var bytes: [UInt8] = [0xFF, 0xFE] + (try Self.encoded("民生保障", "UTF-16LE"))
        bytes.removeLast()
        let failure = try #require(Self.failure(bytes))
        #expect(failure.code == .decodeFailed)
        #expect(failure.message.contains("cut off"))
    }

    @Test(arguments: ["Shift_JIS", "EUC-JP", "ibm-037", "UTF-32LE", "EUC-KR"])
    func unsupportedEncodingsFail(charset: String) throws {
        let text = charset == "EUC-KR"
            ? "대한민국 정부는 국민의 생활을 보장하기 위하여 다음과 같이 시행한다.\n"
            : charset == "ibm-037"
            ? "The plan shall be carried out by every department before the end of the year.\n"
            : "東京都の発表によると、来年度の予算は増加する見込みです。これは試験です。\n"
        let failure = try #require(Self.failure(try Self.encoded(String(repeating: text, count: 20), charset)))
        #expect(failure.code == .decodeFailed)
        #expect(failure.message.contains("UTF-8, GB18030"))
    }

    @Test func declaredUnsupportedCharsetIsNamed() throws {
        let page = "<html><head><meta charset=\"shift_jis\"></head><body>東京都の発表によると、来年度の予算は増加する見込みです。</body></html>"
        let failure = try #require(Self.failure(try Self.encoded(page, "Shift_JIS")))
        #expect(failure.message.contains("shift_jis"))
    }

    @Test func binaryFilesFailCleanly() {
        var generator = SplitMix64(seed: 11)
        let body = (0..<2048).map { _ in UInt8.random(in: 0...255, using: &generator) }
        for header in ["%PDF-1.7\n%\u{E2}\u{E3}", "PK\u{3}\u{4}"] {
            let bytes = Array(header.utf8) + body
            #expect(Self.failure(bytes)?.code == .decodeFailed)
        }
        let ole: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + body
        #expect(Self.failure(ole)?.code == .decodeFailed)
    }

    @Test func aNULInTextIsRemovedWithAWarningWhateverTheEncoding() throws {
        let text = "一、总体要求\n完成学位建设\u{0}，推进民生实事\n"
        for charset in ["UTF-8", "GB18030"] {
            let result = try Self.decoded(try Self.encoded(text, charset))
            #expect(result.text == "一、总体要求\n完成学位建设，推进民生实事\n", "\(charset)")
            #expect(result.warnings.map(\.code).contains(.controlCharactersRemoved), "\(charset)")
        }
    }

    @Test func emptyFilesAreReportedAsEmpty() {
        #expect(Self.failure([])?.code == .emptyFile)
        #expect(Self.failure([0xEF, 0xBB, 0xBF])?.code == .emptyFile)
        #expect(Self.failure([0xFF, 0xFE])?.code == .emptyFile)
    }

    @Test func lineBreaksBecomeNewlinesWithoutChangingLineNumbers() throws {
        let result = try Self.decoded(Array("一\r\n二\r三\n\r\n四\r\r五".utf8))
        #expect(result.text == "一\n二\n三\n\n四\n\n五")
        let gb = try Self.decoded(try Self.encoded("第一行\r\n第二行\r第三行，民生保障", "GB18030"))
        #expect(gb.text == "第一行\n第二行\n第三行，民生保障")
    }

    @Test func leadingByteOrderMarkIsRemovedWhateverTheEncoding() throws {
        let gb = try Self.encoded("\u{FEFF}东莞市人民政府关于坚持和完善民生保障机制", "GB18030")
        #expect(try Self.decoded(gb).text == "东莞市人民政府关于坚持和完善民生保障机制")
        let doubled = try Self.decoded([0xEF, 0xBB, 0xBF, 0xEF, 0xBB, 0xBF] + Array("民生".utf8))
        #expect(doubled.text == "民生")
    }

    @Test(arguments: ["UTF-32LE", "UTF-32BE"])
    func utf32WithByteOrderMarkDecodes(charset: String) throws {
        let bytes = try Self.encoded("\u{FEFF}民生保障\n第二行", charset)
        let result = try Self.decoded(bytes)
        #expect(result.text == "民生保障\n第二行")
        #expect(result.encoding == charset.lowercased())
        #expect(result.encodingSource == .bom)
    }
}
