public import PlanModel

/// JSON written straight into UTF-8 bytes: strings escaped byte by byte (only what JSON
/// requires: `"`, `\` and control characters; Chinese, U+2028 and every other character as
/// is), integers and exact decimals written digit by digit, never through `Double` or `String`.
/// The one JSON writer: records, error lines, `--blocks` and `JSONSerializer` all go through it.
public struct JSONBytes: Sendable {
    /// Where the bytes are written: one buffer, copied only when a copy of this value is
    /// written to (it is not, in practice: the encoder writes, then hands the bytes on).
    private var storage: Storage

    public init(capacity: Int = 0) {
        storage = Storage(capacity: capacity)
    }

    /// A buffer of `EncodedRecords.pieceSize` and some room, taken from the buffers earlier
    /// documents' lines let go (see `Storage.Pool`), so that its pages are not mapped afresh.
    static func piece() -> JSONBytes { JSONBytes(storage: Storage(pooledPieceCapacity: ())) }

    private init(storage: Storage) { self.storage = storage }

    /// The bytes written so far (a copy).
    public var bytes: [UInt8] { withUnsafeBytes { Array($0.bindMemory(to: UInt8.self)) } }

    /// How many bytes were written.
    public var count: Int { storage.count }

    public var isEmpty: Bool { storage.count == 0 }

    /// The bytes written so far, in place.
    public func withUnsafeBytes<R, E: Error>(_ body: (UnsafeRawBufferPointer) throws(E) -> R) throws(E) -> R {
        try body(UnsafeRawBufferPointer(start: storage.base, count: storage.count))
    }

    /// Room for `count` more bytes, in a buffer of this value's own; where they go.
    @inline(__always)
    private mutating func room(_ count: Int) -> UnsafeMutablePointer<UInt8> {
        if !isKnownUniquelyReferenced(&storage) { storage = storage.copy(reserving: count) }
        if storage.capacity - storage.count < count { storage.grow(toHold: storage.count + count) }
        return storage.base + storage.count
    }

    /// Appends `count` bytes from `source`.
    @inline(__always)
    public mutating func append(_ source: UnsafeRawPointer, count: Int) {
        guard count > 0 else { return }
        let target = room(count)
        UnsafeMutableRawPointer(target).copyMemory(from: source, byteCount: count)
        storage.count += count
    }

    /// Appends bytes as they are.
    public mutating func append(_ source: UnsafeBufferPointer<UInt8>) {
        if let base = source.baseAddress { append(base, count: source.count) }
    }

    public mutating func append(_ source: [UInt8]) {
        source.withUnsafeBufferPointer { append($0) }
    }

    /// Appends the UTF-8 of `text` as it is (a JSON number's text, say).
    public mutating func appendUTF8(_ text: String) {
        var text = text
        text.withUTF8 { append($0) }
    }

    /// ASCII punctuation and keys, e.g. `raw(",\"doc_id\":")`.
    @inline(__always)
    public mutating func raw(_ text: StaticString) {
        append(text.utf8Start, count: text.utf8CodeUnitCount)
    }

    @inline(__always)
    public mutating func byte(_ value: UInt8) {
        room(1).pointee = value
        storage.count += 1
    }

    public mutating func null() { raw("null") }

    public mutating func bool(_ value: Bool) { value ? raw("true") : raw("false") }

    /// A quoted, escaped string.
    public mutating func string(_ text: String) {
        var text = text
        text.withUTF8 { quoted($0) }
    }

    /// A string or `null`.
    public mutating func string(_ text: String?) {
        if let text { string(text) } else { null() }
    }

    public mutating func string(_ text: Substring) {
        var text = text
        text.withUTF8 { quoted($0) }
    }

    /// An array of strings.
    public mutating func strings(_ texts: [String]) {
        byte(UInt8(ascii: "["))
        for (index, text) in texts.enumerated() {
            if index > 0 { byte(UInt8(ascii: ",")) }
            string(text)
        }
        byte(UInt8(ascii: "]"))
    }

    public mutating func integer(_ value: Int?) {
        if let value { integer(value) } else { null() }
    }

    /// Decimal digits, `-` first when negative.
    public mutating func integer(_ value: Int) {
        if value < 0 { byte(UInt8(ascii: "-")) }
        digits(value.magnitude, minimumCount: 1)
    }

    /// The exact decimal text (`74400`, `0.85`, `-3.5`), as `ExactDecimal.description` writes it.
    public mutating func decimal(_ value: ExactDecimal) {
        if value.significand < 0 { byte(UInt8(ascii: "-")) }
        let magnitude = value.significand.magnitude
        guard value.scale > 0 else { return digits(magnitude, minimumCount: 1) }
        // At least one digit before the point: 5 at scale 2 is 0.05.
        var scaleTens: UInt = 1
        var overflow = false
        for _ in 0..<value.scale where !overflow {
            (scaleTens, overflow) = scaleTens.multipliedReportingOverflow(by: 10)
        }
        if overflow {
            // More places than a machine word holds digits: the integer part is 0.
            raw("0.")
            digits(magnitude, minimumCount: value.scale)
        } else {
            digits(magnitude / scaleTens, minimumCount: 1)
            byte(UInt8(ascii: "."))
            digits(magnitude % scaleTens, minimumCount: value.scale)
        }
    }

    /// `YYYY-MM-DD`, as `CalendarDate.description` writes it, quoted; or `null`.
    public mutating func date(_ date: CalendarDate?) {
        guard let date else { return null() }
        if (0...9999).contains(date.year), (0...99).contains(date.month), (0...99).contains(date.day) {
            // Every date of a real document: twelve bytes in one go.
            let target = room(12)
            target[0] = UInt8(ascii: "\"")
            Self.writeDigits(UInt(date.year), count: 4, at: target + 1)
            target[5] = UInt8(ascii: "-")
            Self.writeDigits(UInt(date.month), count: 2, at: target + 6)
            target[8] = UInt8(ascii: "-")
            Self.writeDigits(UInt(date.day), count: 2, at: target + 9)
            target[11] = UInt8(ascii: "\"")
            storage.count += 12
            return
        }
        byte(UInt8(ascii: "\""))
        padded(date.year, 4)
        byte(UInt8(ascii: "-"))
        padded(date.month, 2)
        byte(UInt8(ascii: "-"))
        padded(date.day, 2)
        byte(UInt8(ascii: "\""))
    }

    /// The number's text left-padded with zeros to `width` characters (a sign counts as one).
    private mutating func padded(_ value: Int, _ width: Int) {
        if value >= 0 {
            return digits(UInt(value), minimumCount: width)
        }
        // As `CalendarDate` pads: zeros before the whole text, sign included (`00-5`).
        var length = 1
        var rest = value.magnitude
        repeat {
            length += 1
            rest /= 10
        } while rest > 0
        for _ in length..<max(length, width) { byte(UInt8(ascii: "0")) }
        integer(value)
    }

    /// The decimal digits of `value`, left-padded with zeros to `minimumCount`.
    @inline(__always)
    private mutating func digits(_ value: UInt, minimumCount: Int) {
        // Counts, line numbers, years: most numbers have four digits or fewer.
        if value < 10_000 && minimumCount <= 4 {
            let count = value < 10 ? 1 : value < 100 ? 2 : value < 1000 ? 3 : 4
            let width = max(count, minimumCount)
            Self.writeDigits(value, count: width, at: room(width))
            storage.count += width
            return
        }
        longDigits(value, minimumCount: minimumCount)
    }

    /// The last `count` decimal digits of `value`, zeros first, at `target`.
    @inline(__always)
    private static func writeDigits(_ value: UInt, count: Int, at target: UnsafeMutablePointer<UInt8>) {
        var rest = value
        for offset in stride(from: count - 1, through: 0, by: -1) {
            target[offset] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: rest % 10)
            rest /= 10
        }
    }

    private mutating func longDigits(_ value: UInt, minimumCount: Int) {
        var scratch: (UInt64, UInt64, UInt64) = (0, 0, 0)  // 24 bytes: UInt.max has 20 digits
        var count = 0
        withUnsafeMutableBytes(of: &scratch) { buffer in
            var rest = value
            var end = buffer.count
            repeat {
                end -= 1
                buffer[end] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: rest % 10)
                rest /= 10
                count += 1
            } while rest > 0
            for _ in count..<max(count, minimumCount) { byte(UInt8(ascii: "0")) }
            append(buffer.baseAddress! + end, count: buffer.count - end)
        }
    }

    /// Appends already-encoded JSON (or any bytes) as is.
    public mutating func append(_ other: JSONBytes) {
        other.withUnsafeBytes { if let base = $0.baseAddress { append(base, count: $0.count) } }
    }

    /// A string whose opening quote is already written (it ends a fixed prefix).
    public mutating func stringAfterQuote(_ text: String) {
        var text = text
        text.withUTF8 { escaped($0) }
        byte(UInt8(ascii: "\""))
    }

    /// `"…"` with what JSON requires escaped. Text with nothing to escape (nearly all) is
    /// written with its quotes in one go.
    @inline(__always)
    public mutating func quoted(_ utf8: UnsafeBufferPointer<UInt8>) {
        quoted(utf8, after: "")
    }

    /// `key` (ASCII, as `raw`), then `"…"`: one room check for both, and the text copied while
    /// it is looked at, where nothing is escaped.
    @inline(__always)
    public mutating func quoted(_ utf8: UnsafeBufferPointer<UInt8>, after key: StaticString) {
        let keyCount = key.utf8CodeUnitCount
        let count = utf8.count
        // A word of room past the closing quote: the copy writes whole words.
        let target = room(keyCount + count + 2 + 8)
        if keyCount > 0 { UnsafeMutableRawPointer(target).copyMemory(from: key.utf8Start, byteCount: keyCount) }
        target[keyCount] = UInt8(ascii: "\"")
        if let base = utf8.baseAddress {
            guard Self.copyUnlessEscaping(from: UnsafeRawPointer(base), count: count, to: UnsafeMutableRawPointer(target + keyCount + 1)) else {
                // Something to escape: written again, run by run.
                raw(key)
                byte(UInt8(ascii: "\""))
                escaped(utf8)
                byte(UInt8(ascii: "\""))
                return
            }
        }
        target[keyCount + count + 1] = UInt8(ascii: "\"")
        storage.count += keyCount + count + 2
    }

    /// `key`, then the quoted string.
    public mutating func string(_ text: String, after key: StaticString) {
        var text = text
        text.withUTF8 { quoted($0, after: key) }
    }

    /// `key`, then the quoted string or `null`.
    public mutating func string(_ text: String?, after key: StaticString) {
        if let text { string(text, after: key) } else {
            raw(key)
            null()
        }
    }

    /// Copies `count` bytes to `target` a word at a time, as long as none of them needs
    /// escaping (sixteen bytes looked at together, the last partial word read again from the
    /// end of the text, a text shorter than a word gathered byte by byte); whether none did.
    /// Writes up to seven bytes past the copy.
    @inline(__always)
    static func copyUnlessEscaping(from source: UnsafeRawPointer, count: Int, to target: UnsafeMutableRawPointer) -> Bool {
        var index = 0
        while index + 16 <= count {
            let first = source.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            let second = source.loadUnaligned(fromByteOffset: index + 8, as: UInt64.self)
            if specialBytes(first) | specialBytes(second) != 0 { return false }
            target.storeBytes(of: first, toByteOffset: index, as: UInt64.self)
            target.storeBytes(of: second, toByteOffset: index + 8, as: UInt64.self)
            index += 16
        }
        if index + 8 <= count {
            let word = source.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            if specialBytes(word) != 0 { return false }
            target.storeBytes(of: word, toByteOffset: index, as: UInt64.self)
            index += 8
        }
        guard index < count else { return true }
        if count >= 8 {
            let word = source.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
            if specialBytes(word) != 0 { return false }
            target.storeBytes(of: word, toByteOffset: count - 8, as: UInt64.self)
            return true
        }
        // Padded with a byte that needs no escaping.
        var word: UInt64 = 0x4141_4141_4141_4141
        for offset in 0..<count {
            word = word & ~(0xFF << (8 * offset)) | UInt64(source.load(fromByteOffset: offset, as: UInt8.self)) << (8 * offset)
        }
        if specialBytes(word) != 0 { return false }
        target.storeBytes(of: word, toByteOffset: 0, as: UInt64.self)
        return true
    }

    /// The text with what JSON requires escaped; runs that need no escaping are copied whole.
    /// Sixteen bytes are checked at a time, without branches inside: most text has nothing to escape.
    mutating func escaped(_ utf8: UnsafeBufferPointer<UInt8>) {
        guard let base = UnsafeRawPointer(utf8.baseAddress) else { return }
        let count = utf8.count
        var runStart = 0
        var index = 0
        while index < count {
            if index + 16 <= count,
                Self.specialBytes(base.loadUnaligned(fromByteOffset: index, as: UInt64.self))
                    | Self.specialBytes(base.loadUnaligned(fromByteOffset: index + 8, as: UInt64.self)) == 0
            {
                index += 16
                continue
            }
            if index + 8 <= count, Self.specialBytes(base.loadUnaligned(fromByteOffset: index, as: UInt64.self)) == 0 {
                index += 8
                continue
            }
            let value = utf8[index]
            guard value < 0x20 || value == UInt8(ascii: "\"") || value == UInt8(ascii: "\\") else {
                index += 1
                continue
            }
            if runStart < index { append(base + runStart, count: index - runStart) }
            index += 1
            runStart = index
            escape(value)
        }
        if runStart < count { append(base + runStart, count: count - runStart) }
    }

    /// The escape sequence of a quote, a backslash or a control character.
    private mutating func escape(_ value: UInt8) {
        byte(UInt8(ascii: "\\"))
        switch value {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"): byte(value)
        case 0x0A: byte(UInt8(ascii: "n"))
        case 0x0D: byte(UInt8(ascii: "r"))
        case 0x09: byte(UInt8(ascii: "t"))
        case 0x08: byte(UInt8(ascii: "b"))
        case 0x0C: byte(UInt8(ascii: "f"))
        default:
            raw("u00")
            byte(Self.hexDigits[Int(value >> 4)])
            byte(Self.hexDigits[Int(value & 0x0F)])
        }
    }

    /// The high bit of each of eight bytes that is a control character, a quote or a
    /// backslash; no other bit. Bytes of 80 and up are none of them; below 80, each test is
    /// a per-byte sum that cannot carry into the next byte.
    @inline(__always)
    static func specialBytes(_ word: UInt64) -> UInt64 {
        let highs: UInt64 = 0x8080_8080_8080_8080
        let lows: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        // Below 20: adding 60 to the low seven bits leaves the high bit clear.
        let control = ~((word & lows) &+ 0x6060_6060_6060_6060) & ~word & highs
        @inline(__always) func zeroBytes(_ value: UInt64) -> UInt64 { ~(((value & lows) &+ lows) | value) & highs }
        return control | zeroBytes(word ^ 0x2222_2222_2222_2222) | zeroBytes(word ^ 0x5C5C_5C5C_5C5C_5C5C)
    }

    static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)
}
