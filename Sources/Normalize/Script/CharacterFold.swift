// STUB — replaced by the OpenCC character table (issue 6).

/// A scalar-for-scalar fold of traditional characters to simplified ones, used only to
/// *recognise* keywords (牽頭單位 → 牵头单位) at the same offsets as the printed text.
/// Output text is converted by `ScriptConverter`, by phrase.
public enum CharacterFold {
    public static func simplifiedKey(_ text: String) -> String { text }
}
