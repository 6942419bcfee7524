import Charsets
import Ingest
import PlanModel
import Testing

/// Valid UTF-8 whose text is another encoding read wrongly (mojibake) is decoded back where
/// that is lossless, and fails with a message naming the damage where it is not.
struct MisreadTextReverserTests {
    static let plan = "国务院办公厅关于推进养老服务发展的意见\n一、新增养老床位1000张（民政部负责）\n二、建设社区食堂200个"

    /// `text` as UTF-8 bytes shown one byte per character in Windows-1252 (the typographic
    /// characters for 80–9F, U+0081… for the five bytes it leaves undefined), saved as UTF-8.
    static func utf8ShownAsWindows1252(_ text: String, dropUndefined: Bool = false) -> String {
        let high: [UInt8: Unicode.Scalar] = [
            0x80: "\u{20AC}", 0x82: "\u{201A}", 0x83: "\u{0192}", 0x84: "\u{201E}", 0x85: "\u{2026}", 0x86: "\u{2020}",
            0x87: "\u{2021}", 0x88: "\u{02C6}", 0x89: "\u{2030}", 0x8A: "\u{0160}", 0x8B: "\u{2039}", 0x8C: "\u{0152}",
            0x8E: "\u{017D}", 0x91: "\u{2018}", 0x92: "\u{2019}", 0x93: "\u{201C}", 0x94: "\u{201D}", 0x95: "\u{2022}",
            0x96: "\u{2013}", 0x97: "\u{2014}", 0x98: "\u{02DC}", 0x99: "\u{2122}", 0x9A: "\u{0161}", 0x9B: "\u{203A}",
            0x9C: "\u{0153}", 0x9E: "\u{017E}", 0x9F: "\u{0178}",
        ]
        var scalars = String.UnicodeScalarView()
        for byte in text.utf8 {
            if let typographic = high[byte] {
                scalars.append(typographic)
            } else if dropUndefined, [0x81, 0x8D, 0x8F, 0x90, 0x9D].contains(byte) {
                scalars.append("?")
            } else {
                scalars.append(Unicode.Scalar(byte))
            }
        }
        return String(scalars)
    }

    static func latin1(_ bytes: [UInt8]) -> String {
        String(String.UnicodeScalarView(bytes.map { Unicode.Scalar($0) }))
    }

    @Test func utf8ShownAsWindows1252IsDecodedBack() throws {
        let misread = Self.utf8ShownAsWindows1252(Self.plan)
        #expect(misread.hasPrefix("å›½åŠ¡é™¢"))
        let decoded = try TextDecoder.decode(Array(misread.utf8)).get()
        #expect(decoded.text == Self.plan)
        #expect(decoded.encoding == "utf-8")
        #expect(decoded.repairs.allSatisfy { $0.kind == .misreadEncoding && $0.isCertain })
        #expect(decoded.repairs.first?.before.hasPrefix("å›½åŠ¡é™¢") == true)
        #expect(decoded.repairs.first?.line == 1)
        #expect(decoded.warnings.contains { $0.code == .misreadEncodingReversed })
    }

    @Test func aMisreadLineInsideASoundDocumentIsDecodedBackAlone() throws {
        let text = Self.plan + "\n" + Self.utf8ShownAsWindows1252("三、改造老旧小区（住房城乡建设部负责）") + "\n四、café “résumé” — 95°"
        let decoded = try TextDecoder.decode(Array(text.utf8)).get()
        #expect(decoded.text == Self.plan + "\n三、改造老旧小区（住房城乡建设部负责）\n四、café “résumé” — 95°")
        #expect(Set(decoded.repairs.map(\.line)) == [4])
    }

    @Test func lostBytesFailTheFileNamingTheDamage() throws {
        let misread = Self.utf8ShownAsWindows1252(String(repeating: Self.plan + "\n", count: 3), dropUndefined: true)
        guard case .failure(let failure) = TextDecoder.decode(Array(misread.utf8)) else {
            Issue.record("mojibake that lost bytes was accepted")
            return
        }
        #expect(failure.code == .misreadEncodingLossy)
        #expect(failure.message.contains("Windows-1252"))
        #expect(failure.message.contains("lost bytes"))
    }

    @Test func gbkShownAsLatin1IsDecodedBack() throws {
        let gbk = try #require(CharsetConverter.encode(Self.plan, charset: "GB18030"))
        let misread = Self.latin1(gbk)
        #expect(misread.hasPrefix("¹úÎñÔº"))
        let decoded = try TextDecoder.decode(Array(misread.utf8)).get()
        #expect(decoded.text == Self.plan)
        #expect(decoded.repairs.count == 3)
        #expect(decoded.repairs.allSatisfy { $0.kind == .misreadEncoding })
    }

    @Test(arguments: [
        "一、推进“放管服”改革——提高效率…（95%以上）",
        "Café au lait, naïve résumé, Ångström, 5×3 ± 2°C — “quoted” ‘text’ · • …",
        "二、拼音 guānxì “hé” zuò",
    ])
    func soundTextIsLeftAlone(text: String) throws {
        let decoded = try TextDecoder.decode(Array(text.utf8)).get()
        #expect(decoded.text == text)
        #expect(decoded.repairs.isEmpty)
    }
}
