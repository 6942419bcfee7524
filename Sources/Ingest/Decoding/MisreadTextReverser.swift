import PlanModel
internal import Charsets

/// Finds text that was decoded with the wrong charset and saved again as valid UTF-8, and
/// decodes it back where that loses nothing.
///
/// - UTF-8 shown as Windows-1252 or Latin-1 (`å›½åŠ¡é™¢` for 国务院): every character of such
///   a run stands for one byte, and the bytes form well-formed UTF-8 with characters beyond
///   U+07FF (CJK text) — a structure accented Latin words do not have (`café`, `Ã©` stay).
///   Runs are reversed one by one, so a page with a few damaged lines keeps its sound ones.
/// - GBK shown as Latin-1 (`¹úÎñÔº` for 国务院): its bytes have no structure to check run by
///   run, so it is reversed only when such characters outnumber CJK ones in the document
///   and every line decodes as GB18030 into likely Chinese text.
///
/// Where a decoder dropped bytes on the way (Windows-1252 has no character for 81, 8D, 8F,
/// 90, 9D; a `?` or U+FFFD stands in their place) the runs no longer decode. In a document
/// that is mostly misread this is an error naming the damage: records from it would be
/// garbage. In a mostly sound document those runs are left as printed, with a warning.
enum MisreadTextReverser {
    struct Outcome {
        var text: String
        var repairs: [Repair]
        var warnings: [Diagnostic]
    }

    /// Characters shown for single bytes, at least, before a document is examined.
    static let minimumByteCharacters = 4

    /// Nil when nothing looks misread; a failure when the misreading lost bytes.
    static func reverse(_ text: String) -> Result<Outcome, DecodeFailure>? {
        let (byteCharacters, latinLetters, leadPairs) =
            text.utf8.withContiguousStorageIfAvailable(byteCensus) ?? Array(text.utf8).withUnsafeBufferPointer(byteCensus)
        guard byteCharacters >= minimumByteCharacters else { return nil }
        // CJK characters are counted only where they decide, and only as far as they do.
        let mostlyMisread = latinLetters >= minimumByteCharacters
            && !(text.utf8.withContiguousStorageIfAvailable { hasMoreCJK(than: latinLetters, in: $0) }
                ?? Array(text.utf8).withUnsafeBufferPointer { hasMoreCJK(than: latinLetters, in: $0) })
        guard mostlyMisread || leadPairs > 0 else { return nil }

        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        var repairs: [Repair] = []
        var output: [String] = []
        var failedRuns: [(line: Int, text: String)] = []
        for (offset, line) in lines.enumerated() {
            let lineNumber = offset + 1
            var repaired = String.UnicodeScalarView()
            var run: [Unicode.Scalar] = []
            func flushRun() {
                defer { run.removeAll() }
                guard run.count >= 2 else {
                    repaired.append(contentsOf: run)
                    return
                }
                let bytes = run.compactMap(SingleByteImage.byte(of:))
                if let decoded = String(validating: bytes, as: UTF8.self),
                    decoded.unicodeScalars.contains(where: { $0.value >= 0x800 })
                {
                    repaired.append(contentsOf: decoded.unicodeScalars)
                    repairs.append(Repair(
                        kind: .misreadEncoding, line: lineNumber, before: String(String.UnicodeScalarView(run)),
                        after: decoded, isCertain: true))
                } else {
                    // A run that holds a whole CJK character's bytes but does not decode as a
                    // whole lost some of them (`é™?`); `é”` in sound pinyin holds none.
                    if Self.holdsUTF8Character(bytes) {
                        failedRuns.append((lineNumber, String(String.UnicodeScalarView(run))))
                    }
                    repaired.append(contentsOf: run)
                }
            }
            for scalar in line.unicodeScalars {
                if SingleByteImage.byte(of: scalar) != nil {
                    run.append(scalar)
                } else {
                    flushRun()
                    repaired.append(scalar)
                }
            }
            flushRun()
            output.append(String(repaired))
        }

        if !failedRuns.isEmpty, mostlyMisread {
            let example = failedRuns[0]
            return .failure(DecodeFailure(
                code: .misreadEncodingLossy,
                message: "the text is UTF-8 that was read as Windows-1252/Latin-1 and saved again (mojibake such as "
                    + "\"\(example.text.prefix(12))\" on line \(example.line)), and \(failedRuns.count) run(s) lost bytes "
                    + "on the way (shown as ? or U+FFFD), so it cannot be read back; \(repairs.count) run(s) could be. "
                    + "Download the file again, saving it as UTF-8"))
        }
        if repairs.isEmpty {
            guard failedRuns.isEmpty, mostlyMisread, byteCharacters >= 2 * minimumByteCharacters else { return nil }
            return reverseLatin1GBK(lines)
        }
        var warnings = [Diagnostic(
            .misreadEncodingReversed,
            "\(repairs.count) run(s) of UTF-8 shown as Windows-1252/Latin-1 (mojibake) decoded back",
            line: repairs.first?.line)]
        if let first = failedRuns.first {
            warnings.append(Diagnostic(
                .misreadEncodingLossy,
                "\(failedRuns.count) run(s) look like UTF-8 shown as Windows-1252/Latin-1 but lost bytes; left as printed",
                line: first.line))
        }
        return .success(Outcome(text: output.joined(separator: "\n"), repairs: repairs, warnings: warnings))
    }

    /// Characters shown for single bytes; those of them from À up; and UTF-8 lead bytes'
    /// characters followed by a continuation byte's: without one, no run can be UTF-8 shown as
    /// single bytes (sound text with “quotes” — and … stops there). Only characters whose
    /// UTF-8 opens with C2–E2 (U+0080–U+2FFF) can show a byte (they end at U+2122), and those
    /// are found sixteen bytes at a time; the rest of the text is not decoded.
    static func byteCensus(_ utf8: UnsafeBufferPointer<UInt8>) -> (byteCharacters: Int, latinLetters: Int, leadPairs: Int) {
        var byteCharacters = 0
        var latinLetters = 0
        var leadPairs = 0
        // Where the last character showing a UTF-8 lead byte ended: a character starting
        // there follows it directly.
        var leadEnd = -1
        forEachPossibleByteCharacter(in: utf8) { index in
            let lead = utf8[index]
            let length = lead < 0xE0 ? 2 : 3
            var value = UInt32(lead) & (0xFF >> (length + 1))
            for offset in 1..<length where index + offset < utf8.count {
                value = value << 6 | UInt32(utf8[index + offset] & 0x3F)
            }
            guard let byte = SingleByteImage.byte(of: Unicode.Scalar(value) ?? "\u{FFFD}") else { return }
            if leadEnd == index, (0x80...0xBF).contains(byte) { leadPairs += 1 }
            if (0xC2...0xF4).contains(byte) { leadEnd = index + length }
            byteCharacters += 1
            if value >= 0xC0 { latinLetters += 1 }
        }
        return (byteCharacters, latinLetters, leadPairs)
    }

    /// Whether more than `limit` characters are CJK: counted only until they are, which in
    /// Chinese text is soon.
    static func hasMoreCJK(than limit: Int, in utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        var cjk = 0
        var index = 0
        while index < utf8.count {
            let lead = utf8[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            let length = lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
            var value = UInt32(lead) & (0xFF >> (length + 1))
            for offset in 1..<length where index + offset < utf8.count {
                value = value << 6 | UInt32(utf8[index + offset] & 0x3F)
            }
            if isCJK(value: value) {
                cjk += 1
                if cjk > limit { return true }
            }
            index += length
        }
        return false
    }

    /// Calls `body` with the index of every byte C2–E2 (in valid UTF-8, the lead bytes of
    /// U+0080–U+2FFF), in order. Sixteen bytes are tested at a time, without branches.
    @inline(__always)
    static func forEachPossibleByteCharacter(in utf8: UnsafeBufferPointer<UInt8>, _ body: (Int) -> Void) {
        guard let base = UnsafeRawPointer(utf8.baseAddress) else { return }
        var index = 0
        while index + 16 <= utf8.count {
            let found = leadsOfByteCharacters(base.loadUnaligned(fromByteOffset: index, as: UInt64.self))
                | leadsOfByteCharacters(base.loadUnaligned(fromByteOffset: index + 8, as: UInt64.self))
            if found != 0 {
                for offset in index..<index + 16 where utf8[offset] &- 0xC2 <= 0xE2 - 0xC2 { body(offset) }
            }
            index += 16
        }
        for offset in index..<utf8.count where utf8[offset] &- 0xC2 <= 0xE2 - 0xC2 { body(offset) }
    }

    /// The high bit of each of eight bytes from C2 to E2; no other bit. On the low seven bits
    /// (42–62 for those bytes), each per-byte sum stays below 100 and cannot carry.
    @inline(__always)
    static func leadsOfByteCharacters(_ word: UInt64) -> UInt64 {
        let highs: UInt64 = 0x8080_8080_8080_8080
        let low = word & 0x7F7F_7F7F_7F7F_7F7F
        let atLeast42 = low &+ 0x3E3E_3E3E_3E3E_3E3E
        let above62 = low &+ 0x1D1D_1D1D_1D1D_1D1D
        return word & atLeast42 & ~above62 & highs
    }

    /// Every line back to bytes and decoded as GB18030; all or nothing.
    private static func reverseLatin1GBK(_ lines: [Substring]) -> Result<Outcome, DecodeFailure>? {
        var output: [String] = []
        var repairs: [Repair] = []
        var lost = 0
        for (offset, line) in lines.enumerated() {
            guard line.unicodeScalars.contains(where: { SingleByteImage.byte(of: $0) != nil }) else {
                output.append(String(line))
                continue
            }
            var bytes: [UInt8] = []
            var mappable = true
            for scalar in line.unicodeScalars {
                if scalar.isASCII {
                    bytes.append(UInt8(scalar.value))
                } else if let byte = SingleByteImage.byte(of: scalar) {
                    bytes.append(byte)
                } else {
                    mappable = false
                    break
                }
            }
            // A line holding real CJK text was not misread.
            guard mappable else {
                output.append(String(line))
                continue
            }
            guard let decoded = CharsetConverter.decode(bytes, charset: "GB18030", strict: true) else {
                lost += 1
                output.append(String(line))
                continue
            }
            output.append(decoded)
            repairs.append(Repair(kind: .misreadEncoding, line: offset + 1, before: String(line), after: decoded, isCertain: true))
        }
        let text = output.joined(separator: "\n")
        // Accented Latin read as GBK is not Chinese: only likely text counts as reversed.
        guard !repairs.isEmpty, TextPlausibility.measure(repairs.map(\.after).joined(separator: "\n")).isConvincing else {
            return nil
        }
        if lost > 0 {
            return .failure(DecodeFailure(
                code: .misreadEncodingLossy,
                message: "the text is GBK that was read as Latin-1 and saved again as UTF-8 (mojibake such as "
                    + "\"\(repairs[0].before.prefix(12))\" on line \(repairs[0].line)), and \(lost) line(s) lost bytes on "
                    + "the way, so it cannot be read back. Download the file again, saving it as UTF-8 or GB18030"))
        }
        let warning = Diagnostic(
            .misreadEncodingReversed, "\(repairs.count) line(s) of GBK shown as Latin-1 (mojibake) decoded back",
            line: repairs[0].line)
        return .success(Outcome(text: text, repairs: repairs, warnings: [warning]))
    }

    /// Whether well-formed UTF-8 sequences of three or four bytes (CJK characters) cover at
    /// least half of the bytes: UTF-8 with a few bytes lost does, GBK bytes and Latin words
    /// do not.
    static func holdsUTF8Character(_ bytes: [UInt8]) -> Bool {
        guard bytes.count >= 3 else { return false }
        var covered = 0
        var index = 0
        while index < bytes.count {
            let length = DamagedBytes.utf8Length(bytes, at: index)
            if length >= 3 {
                covered += length
                index += length
            } else {
                index += 1
            }
        }
        return covered * 2 >= bytes.count
    }

    static func isCJK(_ scalar: Unicode.Scalar) -> Bool {
        isCJK(value: scalar.value)
    }

    @inline(__always)
    static func isCJK(value: UInt32) -> Bool {
        switch value {
        case 0x3000...0x303F, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0xFF00...0xFFEF, 0x20000...0x3FFFF: true
        default: false
        }
    }
}
