/// A numbering label at the start of a line or cell: `1.`, `2、`, `3。`, `（4）`, `(5)`,
/// `一、`, `（二）`, `①`, `第三条`.
///
/// Plan documents mix these freely; the style tells levels apart within one scope, the
/// value tells the order.
public struct ListLabel: Hashable, Sendable {
    public enum Style: String, Hashable, Sendable, CaseIterable {
        /// `1.` `1．`
        case arabicDot
        /// `1、`
        case arabicComma
        /// `1。` (a typing slip for `1.` seen in real documents)
        case arabicFullStop
        /// `(1)` `（1）`
        case arabicParen
        /// `一、`
        case chineseComma
        /// `(一)` `（一）`
        case chineseParen
        /// `①`
        case circled
        /// `第一条` `第1项`
        case ordinalWord

        public var family: Family {
            switch self {
            case .arabicDot, .arabicComma, .arabicFullStop: .arabic
            case .arabicParen: .arabicParen
            case .chineseComma: .chinese
            case .chineseParen: .chineseParen
            case .circled: .circled
            case .ordinalWord: .ordinalWord
            }
        }
    }

    public var style: Style

    /// Styles a numbering slips between (`1.` `2、` `3。`) without changing level.
    public enum Family: Hashable, Sendable {
        case arabic, arabicParen, chinese, chineseParen, circled, ordinalWord
    }
    /// The number the label counts: 3 for `三、`, `(3)` and `③`.
    public var value: Int
    /// The label's numeral as printed, without punctuation: `3`, `三`, `③`.
    public var numeral: String
    /// How many Unicode scalars the label takes, including one run of spaces after it.
    public var length: Int

    /// How many scalars of a line a label may take, leading spaces included: only these are read.
    static let window = 16

    /// The label at the start of `text` (after leading spaces), or nil.
    public static func parse(_ text: some StringProtocol) -> ListLabel? {
        read(text) { reading, opening in reading.label(in: &opening) }
    }

    /// The style of the label at the start of `text`, or nil when it opens with none: what
    /// `parse(text)?.style` says, without making the label's numeral.
    public static func style(of text: some StringProtocol) -> Style? {
        read(text) { reading, _ in reading.style }
    }

    /// The label read at the start of `text`, given to `make` with the opening it was read from.
    @inline(__always)
    private static func read<Result>(
        _ text: some StringProtocol, _ make: (Reading, inout Opening) -> Result
    ) -> Result? {
        // The opening scalars decoded from UTF-8 into a buffer on the stack.
        let parsed = text.utf8.withContiguousStorageIfAvailable { bytes -> Result? in
            // Cells opening with no label (`甲`, `2023年`, `30%`) are told from the bytes.
            if cannotBeLabel(bytes) { return nil }
            return withUnsafeTemporaryAllocation(of: Unicode.Scalar.self, capacity: window) { buffer -> Result? in
                // Scalars are decoded as the reading asks for them: most texts are told by a few.
                var opening = Opening(bytes: bytes, buffer: buffer.baseAddress!)
                guard let reading = read(opening: &opening) else { return nil }
                return make(reading, &opening)
            }
        }
        if let parsed { return parsed }
        return read(scalars: text.unicodeScalars, make)
    }

    /// Whether UTF-8 `bytes` open (after label spaces) with what cannot make a label: a
    /// scalar no label opens with (most cells: `甲`, `—`), or ASCII digits that are more than
    /// three or followed by none of `.` `．` `、` `。`. Text opening otherwise is left to the
    /// scalar reading.
    @inline(__always)
    static func cannotBeLabel(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        // Label spaces: space, tab, U+00A0 (C2 A0), U+3000 (E3 80 80).
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09: index += 1
            case 0xC2 where index + 1 < bytes.count && bytes[index + 1] == 0xA0: index += 2
            case 0xE3 where index + 2 < bytes.count && bytes[index + 1] == 0x80 && bytes[index + 2] == 0x80: index += 3
            default:
                guard bytes[index] &- 0x30 < 10 else { return !TextCleanup.decodeScalar(bytes, at: index).0.mayOpenLabel }
                let start = index
                while index < bytes.count, bytes[index] &- 0x30 < 10 { index += 1 }
                guard index - start <= 3, index < bytes.count else { return true }
                switch bytes[index] {
                case 0x2E: return false
                // ．(EF BC 8E), 、(E3 80 81), 。(E3 80 82)
                case 0xEF: return !(index + 2 < bytes.count && bytes[index + 1] == 0xBC && bytes[index + 2] == 0x8E)
                case 0xE3:
                    return !(index + 2 < bytes.count && bytes[index + 1] == 0x80 && (bytes[index + 2] == 0x81 || bytes[index + 2] == 0x82))
                default: return true
                }
            }
        }
        return false
    }

    /// The label at the start of a text given as scalars.
    static func parse(scalars: some Collection<Unicode.Scalar>) -> ListLabel? {
        read(scalars: scalars) { reading, opening in reading.label(in: &opening) }
    }

    /// The label read at the start of a text given as scalars, given to `make`.
    @inline(__always)
    private static func read<Result>(
        scalars: some Collection<Unicode.Scalar>, _ make: (Reading, inout Opening) -> Result
    ) -> Result? {
        withUnsafeTemporaryAllocation(of: Unicode.Scalar.self, capacity: window) { buffer -> Result? in
            var count = 0
            var opened = false
            for scalar in scalars {
                if count == window { break }
                if !opened, !scalar.isLabelSpace {
                    guard scalar.mayOpenLabel else { return nil }
                    opened = true
                }
                buffer.initializeElement(at: count, to: scalar)
                count += 1
            }
            var opening = Opening(decoded: buffer.baseAddress!, count: count)
            guard let reading = read(opening: &opening) else { return nil }
            return make(reading, &opening)
        }
    }

    /// The label at the start of the opening `window` scalars of a text (or of all, when fewer).
    static func parse(window characters: UnsafeBufferPointer<Unicode.Scalar>) -> ListLabel? {
        guard let base = characters.baseAddress else { return nil }
        var opening = Opening(decoded: base, count: characters.count)
        return read(opening: &opening)?.label(in: &opening)
    }

    /// A label as read from an opening: its style and value, where its numeral is, and where
    /// it ends (before the spaces after it).
    struct Reading {
        var style: Style
        var value: Int
        var numeral: Range<Int>
        var end: Int

        /// The label, its numeral taken from `opening` and its length reaching over the spaces after it.
        func label(in opening: inout Opening) -> ListLabel {
            var length = end
            while opening.has(length), opening[length].isLabelSpace { length += 1 }
            return ListLabel(style: style, value: value, numeral: opening.string(numeral), length: length)
        }
    }

    /// The opening scalars of a text, at most `window` of them: given decoded, or decoded from
    /// UTF-8 bytes into `buffer` as they are asked for.
    struct Opening {
        private let bytes: UnsafeBufferPointer<UInt8>
        private let buffer: UnsafeMutablePointer<Unicode.Scalar>
        private var decoded: Int
        private var byteIndex = 0

        init(bytes: UnsafeBufferPointer<UInt8>, buffer: UnsafeMutablePointer<Unicode.Scalar>) {
            self.bytes = bytes
            self.buffer = buffer
            decoded = 0
        }

        init(decoded buffer: UnsafePointer<Unicode.Scalar>, count: Int) {
            bytes = UnsafeBufferPointer(start: nil, count: 0)
            self.buffer = UnsafeMutablePointer(mutating: buffer)
            decoded = count
        }

        /// Whether the opening has scalar `index` (decoding up to it).
        @inline(__always)
        mutating func has(_ index: Int) -> Bool {
            index < decoded || decode(through: index)
        }

        /// Decodes scalars up to `index`; whether the opening has it.
        private mutating func decode(through index: Int) -> Bool {
            while decoded <= index {
                guard decoded < ListLabel.window, byteIndex < bytes.count else { return false }
                let (scalar, length) = TextCleanup.decodeScalar(bytes, at: byteIndex)
                buffer[decoded] = scalar
                decoded += 1
                byteIndex += length
            }
            return true
        }

        /// Scalar `index`, once `has(index)` said it is there.
        @inline(__always)
        subscript(index: Int) -> Unicode.Scalar { buffer[index] }

        func string(_ range: Range<Int>) -> String {
            String(scalars: UnsafeBufferPointer(start: buffer + range.lowerBound, count: range.count))
        }

        /// What `Int(string(range))` says of scalars that are ASCII or Chinese digits: their
        /// value when all are ASCII digits (and it fits).
        func decimalValue(_ range: Range<Int>) -> Int? {
            var value = 0
            for index in range {
                guard buffer[index].isASCIIDigit else { return nil }
                let (tens, overflow) = value.multipliedReportingOverflow(by: 10)
                let (sum, carry) = tens.addingReportingOverflow(buffer[index].asciiDigitValue)
                guard !overflow, !carry else { return nil }
                value = sum
            }
            return range.isEmpty ? nil : value
        }

        /// What `ChineseNumeral.value(of: string(range))` says.
        func chineseValue(_ range: Range<Int>) -> Int? {
            ChineseNumeral.value(of: UnsafeBufferPointer(start: buffer + range.lowerBound, count: range.count))
        }
    }

    /// The label at the start of the opening scalars of a text.
    static func read(opening characters: inout Opening) -> Reading? {
        var index = 0
        while characters.has(index), characters[index].isLabelSpace { index += 1 }
        guard characters.has(index), characters[index].mayOpenLabel else { return nil }

        let first = characters[index]
        if let circled = first.circledValue {
            return Reading(style: .circled, value: circled, numeral: index..<index + 1, end: index + 1)
        }
        if first == "(" || first == "（" {
            let inner = index + 1
            var end = inner
            while characters.has(end), characters[end].isASCIIDigit || characters[end].chineseDigitValue != nil {
                end += 1
            }
            guard end > inner, characters.has(end), characters[end] == ")" || characters[end] == "）" else { return nil }
            let numeral = inner..<end
            if let value = characters.decimalValue(numeral) {
                return Reading(style: .arabicParen, value: value, numeral: numeral, end: end + 1)
            }
            if let value = characters.chineseValue(numeral) {
                return Reading(style: .chineseParen, value: value, numeral: numeral, end: end + 1)
            }
            return nil
        }
        if first == "第" {
            var end = index + 1
            while characters.has(end), characters[end].isASCIIDigit || characters[end].chineseDigitValue != nil {
                end += 1
            }
            guard end > index + 1, characters.has(end), "条项部分章节".unicodeScalars.contains(characters[end]) else { return nil }
            let numeral = (index + 1)..<end
            guard let value = characters.decimalValue(numeral) ?? characters.chineseValue(numeral) else { return nil }
            return Reading(style: .ordinalWord, value: value, numeral: numeral, end: end + 1)
        }
        if first.isASCIIDigit {
            var end = index
            while characters.has(end), characters[end].isASCIIDigit { end += 1 }
            guard end - index <= 3, characters.has(end) else { return nil }
            var value = 0
            for position in index..<end { value = value * 10 + characters[position].asciiDigitValue }
            switch characters[end] {
            case ".", "．":
                // `1.2万` is a number, not a label; `1.2023年3月` is label 1 before a date.
                if characters.has(end + 1), characters[end + 1].isASCIIDigit {
                    var digitsEnd = end + 1
                    while characters.has(digitsEnd), characters[digitsEnd].isASCIIDigit { digitsEnd += 1 }
                    let isYear = digitsEnd - end - 1 == 4 && characters.has(digitsEnd) && characters[digitsEnd] == "年"
                    if !isYear { return nil }
                }
                return Reading(style: .arabicDot, value: value, numeral: index..<end, end: end + 1)
            case "、":
                if continuesEnumeration(&characters, after: end) { return nil }
                return Reading(style: .arabicComma, value: value, numeral: index..<end, end: end + 1)
            case "。": return Reading(style: .arabicFullStop, value: value, numeral: index..<end, end: end + 1)
            default: return nil
            }
        }
        if first.chineseDigitValue != nil {
            var end = index
            while characters.has(end), characters[end].chineseDigitValue != nil { end += 1 }
            guard characters.has(end), characters[end] == "、", end - index <= 3 else { return nil }
            if continuesEnumeration(&characters, after: end) { return nil }
            let numeral = index..<end
            guard let value = characters.chineseValue(numeral) else { return nil }
            return Reading(style: .chineseComma, value: value, numeral: numeral, end: end + 1)
        }
        return nil
    }

    /// `一、二季度` and `1、2月` enumerate periods: the `、` joins numerals, it does not end a label.
    private static func continuesEnumeration(_ characters: inout Opening, after comma: Int) -> Bool {
        var index = comma + 1
        var sawNumeral = false
        while characters.has(index), characters[index].isASCIIDigit || characters[index].chineseDigitValue != nil {
            index += 1
            sawNumeral = true
        }
        guard sawNumeral, characters.has(index) else { return false }
        let next = characters[index]
        if next == "、" || next == "月" || next == "日" { return true }
        return next == "季" || (next == "至" || next == "到")
    }

    /// The text after the label (and the spaces after it).
    public func body(of text: some StringProtocol) -> Substring {
        let string = Substring(text)
        return Substring(string.unicodeScalars.dropFirst(length))
    }

    /// The label itself as printed, with the spaces after it.
    public func printed(in text: some StringProtocol) -> Substring {
        let string = Substring(text)
        return Substring(string.unicodeScalars.prefix(length))
    }
}

extension Unicode.Scalar {
    var isLabelSpace: Bool { self == " " || self == "\u{3000}" || self == "\t" || self == "\u{00A0}" }

    /// 一 … 九 (and 〇, 零, 两) as the quantity parser reads them, and 十 as ten: the digits of
    /// list labels and section markers.
    var chineseDigitValue: Int? { self == "十" ? 10 : NumberReader.chineseDigit(self) }

    /// Whether a list label may open with this scalar: a numeral, a bracket or 第.
    var mayOpenLabel: Bool {
        isASCIIDigit || self == "(" || self == "（" || self == "第" || chineseDigitValue != nil || circledValue != nil
    }

    var circledValue: Int? {
        switch value {
        case 0x2460...0x2473: Int(value - 0x2460) + 1  // ①–⑳
        case 0x2776...0x277F: Int(value - 0x2776) + 1  // ❶–❿
        default: nil
        }
    }
}

extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }

    var chineseDigitValue: Int? {
        guard let scalar = unicodeScalars.first, unicodeScalars.count == 1 else { return nil }
        return scalar.chineseDigitValue
    }
}

/// Small Chinese numerals as used in list labels and section markers (一 … 九十九).
enum ChineseNumeral {
    static func value(of text: some StringProtocol) -> Int? {
        var digits = Digits()
        for character in text {
            guard let digit = character.chineseDigitValue, digits.append(digit) else { return nil }
        }
        return digits.value
    }

    /// The value of a numeral given as scalars (each one `Character`).
    static func value(of scalars: UnsafeBufferPointer<Unicode.Scalar>) -> Int? {
        var digits = Digits()
        for scalar in scalars {
            guard let digit = scalar.chineseDigitValue, digits.append(digit) else { return nil }
        }
        return digits.value
    }

    /// The digit values of a numeral, read one by one; no numeral has more than three.
    private struct Digits {
        var values: (Int, Int, Int) = (0, 0, 0)
        var count = 0

        /// Adds a digit; false when there are more than three (no numeral then).
        mutating func append(_ digit: Int) -> Bool {
            switch count {
            case 0: values.0 = digit
            case 1: values.1 = digit
            case 2: values.2 = digit
            default: return false
            }
            count += 1
            return true
        }

        var value: Int? {
            switch count {
            case 1: return values.0
            case 2:
                if values.0 == 10 { return 10 + values.1 }  // 十一
                if values.1 == 10 { return values.0 * 10 }  // 二十
                return nil
            case 3:
                if values.1 == 10, values.0 < 10, values.2 < 10 { return values.0 * 10 + values.2 }  // 二十一
                return nil
            default:
                return nil
            }
        }
    }
}
