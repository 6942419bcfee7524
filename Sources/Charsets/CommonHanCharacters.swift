/// How common a Chinese character is in running text, in simplified and in traditional script.
///
/// Strict decoding cannot tell GB18030 from Big5 (both accept most byte pairs), and a damaged
/// run is recognised by characters no writer would use: both questions come down to "is this
/// the kind of character real text is made of?". The data is the 6,000 most frequent characters
/// of each script (see `CommonHanCharacters+Data.swift`), which cover more than 99.8% of running
/// text; mojibake lands mostly on rare characters, kana, box drawing and private-use points.
public enum CommonHanCharacters {
    public enum Script: Sendable {
        case simplified
        case traditional
    }

    /// 0-based frequency rank of `scalar` among the most common characters of `script`, or nil
    /// when it is not one of them.
    public static func rank(of scalar: Unicode.Scalar, in script: Script) -> Int? {
        guard let index = RankTable.index(of: scalar) else { return nil }
        let stored = script == .simplified ? RankTable.shared.simplified[index] : RankTable.shared.traditional[index]
        return stored == 0 ? nil : Int(stored) - 1
    }

    /// The better of the two ranks: how common `scalar` is in Chinese text of either script.
    public static func rank(of scalar: Unicode.Scalar) -> Int? {
        guard let index = RankTable.index(of: scalar) else { return nil }
        let simplified = RankTable.shared.simplified[index]
        let traditional = RankTable.shared.traditional[index]
        switch (simplified, traditional) {
        case (0, 0): return nil
        case (0, _): return Int(traditional) - 1
        case (_, 0): return Int(simplified) - 1
        default: return Int(min(simplified, traditional)) - 1
        }
    }
}

/// Flat lookup tables over the CJK Unified Ideographs block, built once on first use (two
/// arrays of 21k `UInt16`): a rank is then one array read, cheap enough to score whole files.
private struct RankTable: Sendable {
    static let first: UInt32 = 0x4E00
    static let last: UInt32 = 0x9FFF
    static let shared = RankTable()

    /// rank + 1 by `scalar - first`; 0 = not among the common characters.
    let simplified: [UInt16]
    let traditional: [UInt16]

    static func index(of scalar: Unicode.Scalar) -> Int? {
        scalar.value >= first && scalar.value <= last ? Int(scalar.value - first) : nil
    }

    private init() {
        simplified = Self.ranks(CommonHanCharacters.simplifiedByFrequency)
        traditional = Self.ranks(CommonHanCharacters.traditionalByFrequency)
    }

    private static func ranks(_ characters: StaticString) -> [UInt16] {
        var table = [UInt16](repeating: 0, count: Int(last - first) + 1)
        let text = characters.withUTF8Buffer { String(decoding: $0, as: UTF8.self) }
        var rank: UInt16 = 1
        for scalar in text.unicodeScalars {
            if let index = index(of: scalar), table[index] == 0 {
                table[index] = rank
                rank &+= 1
            }
        }
        return table
    }
}
