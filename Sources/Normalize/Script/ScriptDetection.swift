public import PlanModel

/// What script a text is written in, and which conversion profile (if any) suits it.
public struct ScriptDetection: Hashable, Sendable {
    public var detected: ScriptInfo.DetectedScript
    /// Nil when the text is already simplified and passes through unchanged.
    public var profile: ScriptConverter.Profile?

    public init(detected: ScriptInfo.DetectedScript, profile: ScriptConverter.Profile?) {
        self.detected = detected
        self.profile = profile
    }
}
