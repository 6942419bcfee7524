import Foundation
public import PlanModel

/// Finds text damaged before it reached us (a GBK byte slip, `?` placeholders), repairs what
/// the bytes allow, flags the rest, and lists every change.
///
/// Runs before Unicode cleanup (which strips the private-use characters a slip leaves behind,
/// and with them the bytes needed to repair it) and before script conversion (the repair
/// re-encodes the text as printed).
public enum DamageRepairer {
    /// Lost bytes per unit looked at as possible slips; past that (a page of question marks),
    /// the rest are only placeholders, so no unit can take long.
    static let mostSlipSearches = 64

    /// `firstLine` is the source line of the text's first line; repairs report their own line.
    public static func repair(_ text: String, firstLine: Int) -> (text: String, repairs: [Repair]) {
        // Every repair starts at a lost byte, shown as `?` or U+FFFD (EF BF BD). Nearly all
        // units have neither: one scan of the UTF-8 bytes, nothing allocated.
        guard mayHoldDamage(text.utf8) else { return (text, []) }

        let scalars = Array(text.unicodeScalars)
        // Made by the first run that gets as far as weighing candidates: most `?` end a
        // search at once (a real question mark, a placeholder before a space).
        var context: RepairContext?
        // Built from the first repair on (most units with a `?` need none): scalars before
        // `copied` are in it or replaced.
        var output: [UInt8] = []
        var copied = 0
        var repairs: [Repair] = []
        var line = firstLine
        var index = 0
        var slipSearches = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "?" || scalar == "\u{FFFD}" {
                slipSearches += 1
                if slipSearches <= mostSlipSearches, let run = ByteSlipRun.find(at: index, in: scalars, context: &context) {
                    let after = String(String.UnicodeScalarView(run.replacement))
                    repairs.append(Repair(
                        kind: .gbkByteSlip, line: line, before: string(scalars[run.range]), after: after,
                        isCertain: run.isCertain))
                    appendUTF8(of: scalars[copied..<index], to: &output)
                    appendUTF8(of: run.replacement[...], to: &output)
                    index = run.range.upperBound
                    copied = index
                    continue
                }
                if let end = PlaceholderRule.placeholderEnd(at: index, in: scalars) {
                    repairs.append(Repair(
                        kind: .placeholder, line: line, before: string(scalars[index..<end]), after: "",
                        isCertain: false))
                    appendUTF8(of: scalars[copied..<index], to: &output)
                    index = end
                    copied = index
                    continue
                }
            }
            if scalar == "\n" { line += 1 }
            index += 1
        }
        guard !repairs.isEmpty else { return (text, []) }
        appendUTF8(of: scalars[copied...], to: &output)
        return (String(decoding: output, as: UTF8.self), repairs)
    }

    private static func mayHoldDamage(_ utf8: String.UTF8View) -> Bool {
        if let found = utf8.withContiguousStorageIfAvailable(containsLostByte) { return found }
        return Array(utf8).withUnsafeBufferPointer(containsLostByte)
    }

    /// A `?` (0x3F) or U+FFFD (EF BF BD), found with memchr: the scan runs over every unit.
    private static func containsLostByte(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return false }
        if memchr(base, 0x3F, bytes.count) != nil { return true }
        var start = 0
        while start < bytes.count, let found = memchr(base + start, 0xEF, bytes.count - start) {
            let index = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            if index + 2 < bytes.count, bytes[index + 1] == 0xBF, bytes[index + 2] == 0xBD { return true }
            start = index + 1
        }
        return false
    }

    /// Appends the UTF-8 of `scalars` byte by byte: appending to a `String.UnicodeScalarView`
    /// costs hundreds of instructions a scalar.
    private static func appendUTF8(of scalars: ArraySlice<Unicode.Scalar>, to output: inout [UInt8]) {
        for scalar in scalars {
            let value = scalar.value
            switch value {
            case 0..<0x80:
                output.append(UInt8(truncatingIfNeeded: value))
            case 0x80..<0x800:
                output.append(UInt8(truncatingIfNeeded: 0xC0 | value >> 6))
                output.append(UInt8(truncatingIfNeeded: 0x80 | value & 0x3F))
            case 0x800..<0x10000:
                output.append(UInt8(truncatingIfNeeded: 0xE0 | value >> 12))
                output.append(UInt8(truncatingIfNeeded: 0x80 | value >> 6 & 0x3F))
                output.append(UInt8(truncatingIfNeeded: 0x80 | value & 0x3F))
            default:
                output.append(UInt8(truncatingIfNeeded: 0xF0 | value >> 18))
                output.append(UInt8(truncatingIfNeeded: 0x80 | value >> 12 & 0x3F))
                output.append(UInt8(truncatingIfNeeded: 0x80 | value >> 6 & 0x3F))
                output.append(UInt8(truncatingIfNeeded: 0x80 | value & 0x3F))
            }
        }
    }

    private static func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }
}
