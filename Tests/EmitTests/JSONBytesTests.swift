import Emit
import PlanModel
import Testing

@Suite struct JSONBytesTests {
    func written(_ build: (inout JSONBytes) -> Void) -> String {
        var json = JSONBytes()
        build(&json)
        return String(decoding: json.bytes, as: UTF8.self)
    }

    @Test func quotesBackslashesAndEveryControlCharacterAreEscaped() {
        #expect(written { $0.string("a\"b\\c") } == #""a\"b\\c""#)
        #expect(written { $0.string("\n\r\t\u{08}\u{0C}") } == #""\n\r\t\b\f""#)
        #expect(written { $0.string("\u{00}\u{01}\u{1B}\u{1F}") } == #""\u0000\u0001\u001b\u001f""#)
        // Escapes between runs that are copied whole.
        #expect(written { $0.string("前\"中\u{02}后") } == #""前\"中\u0002后""#)
    }

    @Test func everythingElseIsWrittenAsIs() {
        // DEL, Chinese, a character beyond the BMP, U+2028/U+2029 (legal in JSON, left alone).
        let text = "\u{7F}强化😀𠀀\u{2028}\u{2029}"
        #expect(written { $0.string(text) } == "\"" + text + "\"")
        #expect(written { $0.string("") } == #""""#)
        #expect(written { $0.string(nil as String?) } == "null")
    }

    @Test func stringsReadBackAsWritten() throws {
        let texts = ["", "a\"b\\c", "\u{00}\u{1F}\n", "强化😀\u{2028}", String(repeating: "长文本\t", count: 500)]
        for text in texts {
            var json = JSONBytes()
            json.string(text)
            #expect(try JSONParser.parse(bytes: json.bytes) == .string(text))
            #expect(JSONSerializer.serialize(.string(text)) == String(decoding: json.bytes, as: UTF8.self))
        }
    }

    @Test func stringListsAreEscapedAsSingleStrings() throws {
        let texts = ["", "a\"b\\c", "\u{00}\u{1F}\n", "强化😀\u{2028}", String(repeating: "长文本\t\"", count: 300), "abcdefghijklmnopq"]
        let list = written { $0.strings(texts) }
        #expect(try JSONParser.parse(bytes: Array(list.utf8)) == .array(texts.map(JSONValue.string)))
        #expect(list == "[" + texts.map { text in written { $0.string(text) } }.joined(separator: ",") + "]")
        #expect(written { $0.strings([]) } == "[]")
    }

    @Test func integersAndExactDecimalsAreWrittenDigitByDigit() {
        #expect(written { $0.integer(0) } == "0")
        for value in [7, 42, 999, 1000, 9999, 10_000, 123_456_789] { #expect(written { $0.integer(value) } == String(value)) }
        #expect(written { $0.integer(-5) } == "-5")
        #expect(written { $0.integer(Int.max) } == String(Int.max))
        #expect(written { $0.integer(Int.min) } == String(Int.min))
        #expect(written { $0.integer(nil as Int?) } == "null")
        let decimals = [
            ExactDecimal(74400), ExactDecimal(significand: 85, scale: 2), ExactDecimal(significand: 5, scale: 2),
            ExactDecimal(significand: -35, scale: 1), ExactDecimal(significand: -5, scale: 3), ExactDecimal(significand: 7, scale: 25),
            ExactDecimal(significand: Int.min, scale: 4), ExactDecimal(significand: Int.max, scale: 19),
        ]
        for decimal in decimals {
            #expect(written { $0.decimal(decimal) } == decimal.description)
        }
        #expect(written { $0.decimal(ExactDecimal(significand: 5, scale: 2)) } == "0.05")
    }

    @Test func datesArePaddedAsCalendarDateWritesThem() throws {
        let date = try #require(CalendarDate(year: 2023, month: 3, day: 9))
        #expect(written { $0.date(date) } == #""2023-03-09""#)
        let early = try #require(CalendarDate(year: 5, month: 11, day: 30))
        #expect(written { $0.date(early) } == "\"" + early.description + "\"")
        let negative = try #require(CalendarDate(year: -5, month: 1, day: 2))
        #expect(written { $0.date(negative) } == "\"" + negative.description + "\"")
        let far = try #require(CalendarDate(year: 123_456, month: 1, day: 2))
        #expect(written { $0.date(far) } == "\"" + far.description + "\"")
        #expect(written { $0.date(nil) } == "null")
    }
}
