import Emit
import Testing

@Suite struct JSONTests {
    @Test func chineseIsWrittenAsIsAndOnlyWhatJSONRequiresIsEscaped() {
        let value = JSONValue.object([("title", .string("强化\"医疗\"\n保障\\\t\u{01}")), ("n", .number("74400"))])
        #expect(JSONSerializer.serialize(value) == #"{"title":"强化\"医疗\"\n保障\\\t\u0001","n":74400}"#)
    }

    @Test func parsingKeepsKeyOrderAndExactNumbers() throws {
        let text = #"{"z":1,"a":[0.85,100000000000,-2.5e3],"s":"强\u5316\ud83d\ude00","t":true,"n":null}"#
        let value = try JSONParser.parse(text)
        #expect(value.objectValue?.map(\.0) == ["z", "a", "s", "t", "n"])
        #expect(value["a"] == .array([.number("0.85"), .number("100000000000"), .number("-2.5e3")]))
        #expect(value["s"] == .string("强化😀"))
        #expect(JSONSerializer.serialize(try JSONParser.parse(JSONSerializer.serialize(value))) == JSONSerializer.serialize(value))
    }

    @Test(arguments: ["", "{", "{\"a\":}", "[1,]", "\"unterminated", "{\"a\":1} x", "nul"])
    func invalidJSONIsRejected(text: String) {
        #expect(throws: JSONParser.SyntaxError.self) { try JSONParser.parse(text) }
    }

    @Test func deepNestingIsAnErrorNotACrash() {
        let text = String(repeating: "[", count: 100_000)
        #expect(throws: JSONParser.SyntaxError.self) { try JSONParser.parse(text) }
    }
}
