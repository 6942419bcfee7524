// STUB — replaced by the OpenCC phrase converter (issue 6).

/// Converts Chinese text to simplified script by phrase (forward maximum match over OpenCC's
/// dictionaries), not character by character.
public struct ScriptConverter: Sendable {
    /// Which OpenCC rule set to apply.
    public enum Profile: String, Hashable, Sendable, CaseIterable {
        /// Genuine traditional text.
        case t2s
        /// Taiwan-variant characters (and mainland text a site converter turned traditional).
        case tw2s
        /// Taiwan characters and Taiwan phrases (軟體 → 软件).
        case tw2sp
        /// Hong Kong variants.
        case hk2s
    }

    public let profile: Profile

    public init(profile: Profile) {
        self.profile = profile
    }

    public func convert(_ text: String) -> String { text }
}
