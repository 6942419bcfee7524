public import PlanModel

/// JSON written straight into UTF-8 bytes: strings escaped byte by byte (only what JSON
/// requires: `"`, `\` and control characters; Chinese, U+2028 and every other character as
/// is), integers and exact decimals written digit by digit, never through `Double` or `String`.
/// The one JSON writer: records, error lines, `--blocks` and `JSONSerializer` all go through it.
public struct JSONBytes: Sendable {
    public var bytes: [UInt8] = []

    public init(capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
    }

    /// ASCII punctuation and keys, e.g. `raw(",\"doc_id\":")`.
    @inline(__always)
    public mutating func raw(_ text: StaticString) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    @inline(__always)
    public mutating func byte(_ value: UInt8) { bytes.append(value) }

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
            if width >= 4 { byte(UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: value / 1000)) }
            if width >= 3 { byte(UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: value / 100 % 10)) }
            if width >= 2 { byte(UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: value / 10 % 10)) }
            byte(UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: value % 10))
            return
        }
        longDigits(value, minimumCount: minimumCount)
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
            for _ in count..<max(count, minimumCount) { bytes.append(UInt8(ascii: "0")) }
            bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: buffer[end...]))
        }
    }

    /// Appends already-encoded JSON (or any bytes) as is.
    public mutating func append(_ other: JSONBytes) { bytes.append(contentsOf: other.bytes) }

    /// A string whose opening quote is already written (it ends a fixed prefix).
    public mutating func stringAfterQuote(_ text: String) {
        var text = text
        text.withUTF8 { escaped($0) }
        byte(UInt8(ascii: "\""))
    }

    /// `"…"` with what JSON requires escaped.
    public mutating func quoted(_ utf8: UnsafeBufferPointer<UInt8>) {
        byte(UInt8(ascii: "\""))
        escaped(utf8)
        byte(UInt8(ascii: "\""))
    }

    /// The text with what JSON requires escaped; runs that need no escaping are copied whole.
    /// Eight bytes are checked at a time: most text has nothing to escape.
    mutating func escaped(_ utf8: UnsafeBufferPointer<UInt8>) {
        guard let base = UnsafeRawPointer(utf8.baseAddress) else { return }
        var runStart = 0
        var index = 0
        while index < utf8.count {
            if index + 8 <= utf8.count, !Self.mayNeedEscaping(base.loadUnaligned(fromByteOffset: index, as: UInt64.self)) {
                index += 8
                continue
            }
            let value = utf8[index]
            guard value < 0x20 || value == UInt8(ascii: "\"") || value == UInt8(ascii: "\\") else {
                index += 1
                continue
            }
            if runStart < index { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index])) }
            index += 1
            runStart = index
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
        if runStart < utf8.count { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...])) }
    }

    /// Whether any of eight bytes may be a control character, a quote or a backslash (never false when
    /// one is; the bytes are then looked at one by one).
    @inline(__always)
    static func mayNeedEscaping(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        func hasZeroByte(_ value: UInt64) -> Bool { (value &- ones) & ~value & highs != 0 }
        let control = (word &- 0x20 &* ones) & ~word & highs != 0
        return control || hasZeroByte(word ^ (0x22 &* ones)) || hasZeroByte(word ^ (0x5C &* ones))
    }

    static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)
}
