// STUB — replaced by the full cleanup stage (issue 6).

/// Unicode cleanup: odd spaces to ASCII space, zero-width characters and BOMs removed,
/// full-width digits and Latin letters folded, pinyin annotations removed. Line breaks are kept.
public enum UnicodeCleaner {
    public static func clean(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x00A0, 0x3000: result.append(" ")
            case 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF: continue
            default: result.append(scalar)
            }
        }
        return String(result)
    }
}
