/// Results of a pure function of a text, remembered for the texts met again (a unit or
/// leader cell repeated row after row). Texts are compared and hashed by their UTF-8 bytes,
/// not by `String` equivalence, which would take two spellings of one character for one text
/// and hand back the result of the other.
struct ByteKeyedMemo<Value> {
    private var known: [Key: Value] = [:]

    /// The value `make` gives for `text`, made only the first time `text` is met.
    @inline(__always)
    mutating func value(for text: String, _ make: (String) -> Value) -> Value {
        let key = Key(text)
        if let value = known[key] { return value }
        let value = make(text)
        known[key] = value
        return value
    }

    private struct Key: Hashable {
        let text: String

        init(_ text: String) {
            var text = text
            text.makeContiguousUTF8()
            self.text = text
        }

        static func == (left: Key, right: Key) -> Bool {
            var first = left.text, second = right.text
            return first.withUTF8 { one in second.withUTF8 { other in ByteSearch.equal(one, other) } }
        }

        func hash(into hasher: inout Hasher) {
            var text = text
            text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        }
    }
}
