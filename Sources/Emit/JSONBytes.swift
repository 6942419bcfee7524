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
        Self.withUTF8(of: text) { quoted($0) }
    }

    /// A string or `null`.
    public mutating func string(_ text: String?) {
        if let text { string(text) } else { null() }
    }

    public mutating func string(_ text: Substring) {
        var text = text
        text.withUTF8 { quoted($0) }
    }

    /// The UTF-8 of `text` in place, borrowed: no copy of the string, so no retain and release
    /// of its storage (a native or small string, as every string here is, has its bytes together).
    @inline(__always)
    static func withUTF8<R>(of text: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let result = text.utf8.withContiguousStorageIfAvailable(body) { return result }
        var text = text
        return text.withUTF8(body)
    }

    /// An array of strings.
    public mutating func strings(_ texts: [String]) {
        byte(UInt8(ascii: "["))
        // Through the buffer: each string is read where it is, not copied out (and retained) first.
        texts.withUnsafeBufferPointer { texts in
            guard let first = texts.baseAddress else { return }
            for index in texts.indices {
                if index > 0 { string(at: first + index, after: ",") } else { string(at: first, after: "") }
            }
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
            let century = UInt(date.year) / 100
            target[0] = UInt8(ascii: "\"")
            Self.writeTwoDigits(century, at: target + 1)
            Self.writeTwoDigits(UInt(date.year) &- century &* 100, at: target + 3)
            target[5] = UInt8(ascii: "-")
            Self.writeTwoDigits(UInt(date.month), at: target + 6)
            target[8] = UInt8(ascii: "-")
            Self.writeTwoDigits(UInt(date.day), at: target + 9)
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

    /// The two decimal digits of `value` (below 100), a zero first if it is below 10, at `target`.
    @inline(__always)
    private static func writeTwoDigits(_ value: UInt, at target: UnsafeMutablePointer<UInt8>) {
        let tens = value / 10
        target[0] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: tens)
        target[1] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: value &- tens &* 10)
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
        Self.withUTF8(of: text) { utf8 in
            _ = room(utf8.count + 1 + Self.copySlack)
            escapedAndClosed(utf8)
        }
    }

    /// `"…"` with what JSON requires escaped.
    @inline(__always)
    public mutating func quoted(_ utf8: UnsafeBufferPointer<UInt8>) {
        quoted(utf8, after: "")
    }

    /// `key` (ASCII, as `raw`), then `"…"`: one room check for both, the key copied as a block
    /// of known size, the text copied while it is looked at.
    @inline(__always)
    public mutating func quoted(_ utf8: UnsafeBufferPointer<UInt8>, after key: StaticString) {
        let keyCount = key.utf8CodeUnitCount
        let target = room(keyCount + 1 + utf8.count + 1 + Self.copySlack)
        if keyCount > 0 { UnsafeMutableRawPointer(target).copyMemory(from: key.utf8Start, byteCount: keyCount) }
        target[keyCount] = UInt8(ascii: "\"")
        storage.count += keyCount + 1
        escapedAndClosed(utf8)
    }

    /// `key`, then the quoted string.
    @inline(__always)
    public mutating func string(_ text: String, after key: StaticString) {
        Self.withUTF8(of: text) { quoted($0, after: key) }
    }

    /// `key`, then the quoted string or `null`.
    @inline(__always)
    public mutating func string(_ text: String?, after key: StaticString) {
        if let text { string(text, after: key) } else {
            raw(key)
            null()
        }
    }

    /// How many bytes past the text the copy may write (it writes whole vectors).
    static var copySlack: Int { 16 }

    /// The text escaped, then the closing quote; room for the text, the quote and `copySlack`
    /// is already made. Text with nothing to escape (nearly all) is copied in one pass.
    private mutating func escapedAndClosed(_ utf8: UnsafeBufferPointer<UInt8>) {
        let count = utf8.count
        let target = storage.base + storage.count
        let copied = utf8.baseAddress.map {
            Self.copyUnlessEscaping(from: UnsafeRawPointer($0), count: count, to: UnsafeMutableRawPointer(target))
        } ?? 0
        if copied == count {
            target[count] = UInt8(ascii: "\"")
            storage.count += count + 1
            return
        }
        // Something to escape: the bytes before it stay, the rest is written with room for
        // the longest escaping.
        storage.count += copied
        let rest = room(Self.escapedRoom(count - copied))
        storage.count += Self.writeEscapedAndClosed(utf8, from: copied, to: rest)
    }

    /// Room for a text of `count` bytes escaped and closed, whatever it holds: every byte
    /// written as `\u00XX` at worst, the closing quote, and the vector the copy may write past.
    @inline(__always)
    static func escapedRoom(_ count: Int) -> Int { 6 * count + 1 + copySlack }

    /// `key`, then the string at `text` quoted, read where it is (an element of an array):
    /// room for the longest escaping is made before the string is read, and nothing after
    /// it can let go of memory, so the string is neither copied nor retained.
    @inline(__always)
    mutating func string(at text: UnsafePointer<String>, after key: StaticString) {
        let keyCount = key.utf8CodeUnitCount
        let target = room(keyCount + 1 + Self.escapedRoom(text.pointee.utf8.count))
        if keyCount > 0 { UnsafeMutableRawPointer(target).copyMemory(from: key.utf8Start, byteCount: keyCount) }
        target[keyCount] = UInt8(ascii: "\"")
        let written = Self.withUTF8(of: text.pointee) { utf8 in
            Self.writeEscapedAndClosed(utf8, from: 0, to: target + keyCount + 1)
        }
        storage.count += keyCount + 1 + written
    }

    /// Writes the text from `start` on at `target` with what JSON requires escaped, then the
    /// closing quote; how many bytes it wrote. Makes no room (it must be made, `escapedRoom`),
    /// so it lets go of nothing. Runs that need no escaping go sixteen bytes at a time.
    static func writeEscapedAndClosed(
        _ utf8: UnsafeBufferPointer<UInt8>, from start: Int, to target: UnsafeMutablePointer<UInt8>
    ) -> Int {
        let count = utf8.count
        var written = 0
        if let base = UnsafeRawPointer(utf8.baseAddress) {
            var index = start
            if start == 0 {
                index = copyUnlessEscaping(from: base, count: count, to: UnsafeMutableRawPointer(target))
                written = index
            }
            while index < count {
                if index + 16 <= count {
                    let vector = base.loadUnaligned(fromByteOffset: index, as: SIMD16<UInt8>.self)
                    if !hasSpecialByte(vector) {
                        UnsafeMutableRawPointer(target + written).storeBytes(of: vector, as: SIMD16<UInt8>.self)
                        index += 16
                        written += 16
                        continue
                    }
                }
                let value = utf8[index]
                index += 1
                if needsEscaping(value) {
                    written += writeEscape(value, at: target + written)
                } else {
                    target[written] = value
                    written += 1
                }
            }
        }
        target[written] = UInt8(ascii: "\"")
        return written + 1
    }

    /// Copies bytes to `target` sixteen at a time, until sixteen hold one that needs escaping;
    /// how many bytes were copied before those (`count` when none needs escaping). The last
    /// partial vector is read again from the end of the text; a text shorter than a vector is
    /// gathered in two overlapping words. Writes up to `copySlack` bytes past what it copied.
    @inline(__always)
    static func copyUnlessEscaping(from source: UnsafeRawPointer, count: Int, to target: UnsafeMutableRawPointer) -> Int {
        guard count >= 16 else {
            if count >= 8 {
                let first = source.loadUnaligned(as: UInt64.self)
                let last = source.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
                if hasSpecialByte(SIMD2(first, last)) { return 0 }
                target.storeBytes(of: first, as: UInt64.self)
                target.storeBytes(of: last, toByteOffset: count - 8, as: UInt64.self)
                return count
            }
            if count >= 4 {
                let first = source.loadUnaligned(as: UInt32.self)
                let last = source.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self)
                if hasSpecialByte(SIMD4(first, last, first, last)) { return 0 }
                target.storeBytes(of: first, as: UInt32.self)
                target.storeBytes(of: last, toByteOffset: count - 4, as: UInt32.self)
                return count
            }
            // Padded with a byte that needs no escaping.
            var word: UInt32 = 0x4141_4141
            for offset in 0..<count {
                word = word & ~(0xFF << (8 * offset)) | UInt32(source.load(fromByteOffset: offset, as: UInt8.self)) << (8 * offset)
            }
            if hasSpecialByte(SIMD4(word, word, word, word)) { return 0 }
            target.storeBytes(of: word, as: UInt32.self)
            return count
        }
        var index = 0
        while index + 16 <= count {
            let vector = source.loadUnaligned(fromByteOffset: index, as: SIMD16<UInt8>.self)
            if hasSpecialByte(vector) { return index }
            target.storeBytes(of: vector, toByteOffset: index, as: SIMD16<UInt8>.self)
            index += 16
        }
        guard index < count else { return count }
        let last = source.loadUnaligned(fromByteOffset: count - 16, as: SIMD16<UInt8>.self)
        if hasSpecialByte(last) { return index }
        target.storeBytes(of: last, toByteOffset: count - 16, as: SIMD16<UInt8>.self)
        return count
    }

    /// A control character, a quote or a backslash: what JSON requires escaped.
    @inline(__always)
    static func needsEscaping(_ value: UInt8) -> Bool {
        value < 0x20 || value == UInt8(ascii: "\"") || value == UInt8(ascii: "\\")
    }

    /// Whether any of the sixteen bytes needs escaping (a few vector instructions, no branch per byte).
    @inline(__always)
    static func hasSpecialByte(_ bytes: SIMD16<UInt8>) -> Bool {
        // Spelled out as `SIMD16<UInt8>` and reduced by hand: so the compiler emits the vector
        // compares and no call (an inferred `SIMD16(repeating:)` or `any` compiles to loops).
        let special = (bytes .< SIMD16<UInt8>(repeating: 0x20)) .| (bytes .== SIMD16<UInt8>(repeating: 0x22))
            .| (bytes .== SIMD16<UInt8>(repeating: 0x5C))
        let words = unsafeBitCast(special, to: SIMD2<UInt64>.self)
        return words[0] | words[1] != 0
    }

    @inline(__always)
    static func hasSpecialByte(_ words: SIMD2<UInt64>) -> Bool {
        hasSpecialByte(unsafeBitCast(words, to: SIMD16<UInt8>.self))
    }

    @inline(__always)
    static func hasSpecialByte(_ words: SIMD4<UInt32>) -> Bool {
        hasSpecialByte(unsafeBitCast(words, to: SIMD16<UInt8>.self))
    }

    /// The escape sequence of a quote, a backslash or a control character, at `target`; its length.
    private static func writeEscape(_ value: UInt8, at target: UnsafeMutablePointer<UInt8>) -> Int {
        target[0] = UInt8(ascii: "\\")
        switch value {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"): target[1] = value
        case 0x0A: target[1] = UInt8(ascii: "n")
        case 0x0D: target[1] = UInt8(ascii: "r")
        case 0x09: target[1] = UInt8(ascii: "t")
        case 0x08: target[1] = UInt8(ascii: "b")
        case 0x0C: target[1] = UInt8(ascii: "f")
        default:
            target[1] = UInt8(ascii: "u")
            target[2] = UInt8(ascii: "0")
            target[3] = UInt8(ascii: "0")
            target[4] = hexDigits.utf8Start[Int(value >> 4)]
            target[5] = hexDigits.utf8Start[Int(value & 0x0F)]
            return 6
        }
        return 2
    }

    static let hexDigits: StaticString = "0123456789abcdef"
}
