/// Writes JSON compactly and deterministically: keys in the order given, Chinese written as
/// is (no `\u` escapes), only what JSON requires escaped (by `JSONBytes`, as records are).
public enum JSONSerializer {
    public static func serialize(_ value: JSONValue) -> String {
        var json = JSONBytes()
        write(value, into: &json)
        return String(decoding: json.bytes, as: UTF8.self)
    }

    /// The value followed by a line feed: one line of a JSON Lines file.
    public static func line(_ value: JSONValue) -> [UInt8] {
        var json = JSONBytes()
        write(value, into: &json)
        json.byte(0x0A)
        return json.bytes
    }

    public static func write(_ value: JSONValue, into json: inout JSONBytes) {
        switch value {
        case .null: json.null()
        case .bool(let flag): json.bool(flag)
        case .number(let text): json.appendUTF8(text)
        case .string(let text): json.string(text)
        case .array(let values):
            json.byte(UInt8(ascii: "["))
            for (index, element) in values.enumerated() {
                if index > 0 { json.byte(UInt8(ascii: ",")) }
                write(element, into: &json)
            }
            json.byte(UInt8(ascii: "]"))
        case .object(let pairs):
            json.byte(UInt8(ascii: "{"))
            for (index, (key, element)) in pairs.enumerated() {
                if index > 0 { json.byte(UInt8(ascii: ",")) }
                json.string(key)
                json.byte(UInt8(ascii: ":"))
                write(element, into: &json)
            }
            json.byte(UInt8(ascii: "}"))
        }
    }

    public static func write(_ value: JSONValue, into output: inout String) {
        output += serialize(value)
    }
}
