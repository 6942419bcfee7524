/// The script a document was written in and how much conversion changed.
public struct ScriptInfo: Hashable, Sendable {
    public var detected: DetectedScript
    /// Characters changed by conversion to simplified script (0 with `--keep-script`).
    public var converted: Int

    public enum DetectedScript: String, Hashable, Sendable {
        case simplified = "hans"
        case traditional = "hant"
        case mixed = "mixed"
    }

    public init(detected: DetectedScript, converted: Int) {
        self.detected = detected
        self.converted = converted
    }
}
