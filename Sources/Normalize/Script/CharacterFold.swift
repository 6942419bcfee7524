/// A scalar-for-scalar fold of traditional characters to simplified ones, used only to
/// *recognise* keywords (牽頭單位 → 牵头单位) at the same offsets as the printed text: the result
/// has exactly as many Unicode scalars as the input, each at the same position. Output text is
/// converted by `ScriptConverter`, by phrase.
public enum CharacterFold {
    /// Each scalar folded through OpenCC's compatibility-ideograph normalisation and then
    /// TSCharacters' first candidate (乾 → 干, 後 → 后); everything else is kept.
    public static func simplifiedKey(_ text: String) -> String {
        // Most text the record builder asks about is already simplified: return it untouched.
        guard text.unicodeScalars.contains(where: { table[$0.value] != 0 }) else { return text }
        var folded = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            let simplified = table[scalar.value]
            folded.append(simplified == 0 ? scalar : Unicode.Scalar(simplified) ?? scalar)
        }
        return String(folded)
    }

    /// Scalar → its simplified scalar, for the scalars that fold to a different one (0 elsewhere).
    static let table: ScalarTable.Frozen = {
        var table = ScalarTable()
        let compatibility = OpenCCDictionary(named: "CJK_Compatibility_Ideographs")
        let characters = OpenCCDictionary(named: "TSCharacters")
        let scalar = OpenCCDictionary.singleScalar
        var simplified: [UInt32: UInt32] = [:]
        for entry in characters.entries {
            if let key = scalar(entry.key), let value = scalar(entry.value), key != value {
                simplified[key] = value
            }
        }
        for (key, value) in simplified { table[key] = value }
        for entry in compatibility.entries {
            if let key = scalar(entry.key), let unified = scalar(entry.value) {
                table[key] = simplified[unified] ?? unified
            }
        }
        return table.frozen()
    }()
}
