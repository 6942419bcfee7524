/// How the encoding of a file was decided.
public enum EncodingSource: String, Hashable, Sendable {
    /// A byte-order mark.
    case bom
    /// A declaration inside the file (HTML `<meta charset>` or http-equiv).
    case declared
    /// Strict decoding and scoring among candidates.
    case detected
}
