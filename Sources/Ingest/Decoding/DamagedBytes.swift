import PlanModel
internal import Charsets

/// A file in a known multi-byte encoding (UTF-8 or GB18030) with a few invalid byte
/// sequences: a flipped bit, a byte lost in a copy, a cut-and-paste between files.
///
/// The structure of both encodings says where every character starts, so the bytes split
/// into runs that decode and the damaged spans between them. Each damaged span becomes
/// U+FFFD in the text and a lossy repair record (`invalid-bytes`, `certain: false`) naming
/// the bytes; the rest of the file is decoded exactly.
///
/// Damage is *widespread* — and the file is not read this way — when more than one byte in
/// a hundred of the non-ASCII bytes is damaged or there are more than `maximumSpans` spans:
/// at that point the file is far more likely to be in another encoding (GBK read as UTF-8
/// fails on nearly every character) or mangled beyond use, and guessing would turn it into
/// garbage records.
struct DamagedBytes {
    /// More damaged spans than this is widespread damage, whatever the file's length.
    static let maximumSpans = 64
    /// Non-ASCII bytes per damaged byte, at least.
    static let minimumSoundBytesPerDamaged = 100

    let charset: SupportedCharset
    /// Byte ranges that are not valid in `charset`, in order, adjacent ones merged.
    let spans: [Range<Int>]
    /// Bytes ≥ 0x80 outside the damaged spans.
    let soundNonASCII: Int

    /// Scans `bytes` as `charset` (`.utf8` or `.gb18030`; others scan as undamaged).
    init(_ bytes: [UInt8], as charset: SupportedCharset) {
        self.charset = charset
        var spans: [Range<Int>] = []
        var sound = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x80 {
                index += 1
                continue
            }
            let length = charset == .gb18030 ? Self.gb18030Length(bytes, at: index) : Self.utf8Length(bytes, at: index)
            if length > 0 {
                sound += length
                index += length
                continue
            }
            // GB18030 does not resynchronise by itself: a trail byte whose lead was damaged
            // reads as the lead of a false pair, and so on to the end of the run. Of the two
            // alignments after the damage, the one whose run decodes, and reads likelier, wins.
            let skip = charset == .gb18030 ? Self.gb18030Resume(bytes, after: index) : 1
            if let last = spans.last, last.upperBound == index {
                spans[spans.count - 1] = last.lowerBound..<(index + skip)
            } else {
                spans.append(index..<(index + skip))
            }
            index += skip
        }
        self.spans = spans
        self.soundNonASCII = sound
    }

    var damagedByteCount: Int { spans.reduce(0) { $0 + $1.count } }

    /// Some damage, but little enough to read around.
    var isLocalized: Bool {
        !spans.isEmpty && spans.count <= Self.maximumSpans
            && damagedByteCount * Self.minimumSoundBytesPerDamaged <= soundNonASCII
    }

    /// Why the damage is too much to read around, for the failure message.
    var widespreadReason: String {
        "\(damagedByteCount) damaged byte(s) in \(spans.count) place(s) against \(soundNonASCII) sound non-ASCII byte(s) "
            + "(at most \(Self.maximumSpans) places and 1 damaged byte per \(Self.minimumSoundBytesPerDamaged) are read around)"
    }

    /// The text with each damaged span as U+FFFD, and one lossy repair per span. Nil when a
    /// sound run does not decode after all (a code point the converter refuses).
    func decode(_ bytes: [UInt8]) -> (text: String, repairs: [Repair])? {
        var text = ""
        var repairs: [Repair] = []
        var start = 0
        var line = 1
        var lineCountedTo = 0
        for span in spans + [bytes.count..<bytes.count] {
            if start < span.lowerBound {
                guard let piece = CharsetConverter.decode(Array(bytes[start..<span.lowerBound]), charset: charset.converters[0], strict: true)
                else { return nil }
                text += piece
            }
            guard !span.isEmpty else { break }
            line += Self.lineBreaks(in: bytes, from: lineCountedTo, to: span.lowerBound)
            lineCountedTo = span.lowerBound
            text += "\u{FFFD}"
            let hex = bytes[span].map { "\\x" + String($0, radix: 16, uppercase: true).leftPadded(to: 2) }.joined()
            repairs.append(Repair(kind: .invalidBytes, line: line, before: hex, after: "\u{FFFD}", isCertain: false))
            start = span.upperBound
        }
        return (text, repairs)
    }

    /// Line breaks as `LineBreaks.normalize` counts them: LF, CRLF and a lone CR are one each.
    static func lineBreaks(in bytes: [UInt8], from start: Int, to end: Int) -> Int {
        var count = 0
        var index = start
        while index < end {
            if bytes[index] == 0x0A {
                count += 1
            } else if bytes[index] == 0x0D, index + 1 >= bytes.count || bytes[index + 1] != 0x0A {
                count += 1
            }
            index += 1
        }
        return count
    }

    /// The length of the well-formed UTF-8 sequence starting at `index`, or 0 (Unicode's
    /// table of well-formed byte sequences: no overlongs, no surrogates, nothing past U+10FFFF).
    static func utf8Length(_ bytes: [UInt8], at index: Int) -> Int {
        let lead = bytes[index]
        let length: Int
        var secondRange: ClosedRange<UInt8> = 0x80...0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; secondRange = 0xA0...0xBF
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; secondRange = 0x80...0x9F
        case 0xF0: length = 4; secondRange = 0x90...0xBF
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; secondRange = 0x80...0x8F
        default: return 0
        }
        guard index + length <= bytes.count, secondRange.contains(bytes[index + 1]) else { return 0 }
        for offset in 2..<max(2, length) where !(0x80...0xBF).contains(bytes[index + offset]) { return 0 }
        return length
    }

    /// How many bytes a damaged GB18030 span at `index` takes: 1, or 2 when the byte after it
    /// is an orphaned trail byte (the rest of the run then decodes, or reads likelier).
    static func gb18030Resume(_ bytes: [UInt8], after index: Int) -> Int {
        // The run ends where a byte cannot be part of a character (ASCII below the digits).
        var end = index + 1
        while end < bytes.count, bytes[end] >= 0x30 { end += 1 }
        guard index + 2 <= end else { return 1 }
        func reading(from start: Int) -> TextPlausibility? {
            guard start < end else { return nil }
            return CharsetConverter.decode(Array(bytes[start..<end]), charset: "GB18030", strict: true)
                .map(TextPlausibility.measure)
        }
        let keep = reading(from: index + 1)
        guard let skip = reading(from: index + 2) else { return 1 }
        guard let kept = keep else { return 2 }
        return skip.score > kept.score ? 2 : 1
    }

    /// The length of the GB18030 sequence starting at `index` (a lead byte ≥ 0x81), or 0:
    /// two bytes `81–FE 40–7E|80–FE`, or four bytes `81–FE 30–39 81–FE 30–39`.
    static func gb18030Length(_ bytes: [UInt8], at index: Int) -> Int {
        guard (0x81...0xFE).contains(bytes[index]), index + 1 < bytes.count else { return 0 }
        let second = bytes[index + 1]
        if (0x40...0x7E).contains(second) || (0x80...0xFE).contains(second) { return 2 }
        guard (0x30...0x39).contains(second), index + 3 < bytes.count, (0x81...0xFE).contains(bytes[index + 2]),
            (0x30...0x39).contains(bytes[index + 3])
        else { return 0 }
        return 4
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
