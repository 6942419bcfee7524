/// Converts Chinese text to simplified script by phrase (forward maximum match over OpenCC's
/// dictionaries, exactly as OpenCC applies its t2s, tw2s, tw2sp and hk2s configurations), not
/// character by character: 與時俱進 becomes 与时俱进, not 与时具进.
///
/// A converter is just its profile: the dictionaries are compiled once per process, on first
/// use, and shared. Creating converters freely and converting many short strings is cheap; text
/// that conversion leaves unchanged is returned as is, without allocating.
public struct ScriptConverter: Sendable {
    /// Which OpenCC rule set to apply.
    public enum Profile: String, Hashable, Sendable, CaseIterable {
        /// Genuine traditional text (OpenCC's standard forms).
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

    /// The text in simplified script.
    public func convert(_ text: String) -> String {
        var text = text
        var output = ByteWriter()
        let changed = text.withUTF8 { source in
            withPlan { $0.convert(source, into: &output) }
        }
        guard changed else { return text }
        let converted = output.bytes
        return String(unsafeUninitializedCapacity: converted.count) { buffer in
            _ = buffer.initialize(from: converted)
            return converted.count
        }
    }

    /// Appends `source` (valid UTF-8) in simplified script to `output`: the fast path for large
    /// inputs and for callers that keep bytes, with no `String` in between.
    public func convert(utf8 source: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) {
        var converted = ByteWriter()
        let changed = withPlan { $0.convert(source, into: &converted) }
        output.append(contentsOf: changed ? converted.bytes : source)
    }

    /// How many characters conversion changed, for `ScriptInfo.converted`: position by position,
    /// which is exact for t2s, tw2s and hk2s (their dictionaries never change a text's length);
    /// tw2sp's phrase replacements can, and are then counted by the longer text's length
    /// after their common start and end.
    public static func changedCharacterCount(original: String, converted: String) -> Int {
        let old = Array(original.unicodeScalars), new = Array(converted.unicodeScalars)
        if old.count == new.count {
            return zip(old, new).reduce(0) { $0 + ($1.0 == $1.1 ? 0 : 1) }
        }
        var prefix = 0
        while prefix < min(old.count, new.count) && old[prefix] == new[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < min(old.count, new.count) - prefix
            && old[old.count - 1 - suffix] == new[new.count - 1 - suffix] { suffix += 1 }
        return max(old.count, new.count) - prefix - suffix
    }

    /// The compiled tables of this profile. Reached through a switch rather than stored, so
    /// that a converter stays one byte and copying it retains nothing.
    private func withPlan<Result>(_ body: (ConversionPlan) -> Result) -> Result {
        switch profile {
        case .t2s: body(ConversionPlan.t2s)
        case .tw2s: body(ConversionPlan.tw2s)
        case .tw2sp: body(ConversionPlan.tw2sp)
        case .hk2s: body(ConversionPlan.hk2s)
        }
    }

    /// The OpenCC configuration this converter applies, as dictionary file names per stage
    /// (for the test that compares it with OpenCC's own config files).
    var dictionaryChain: (normalization: [String], segmentation: [String]?, steps: [[String]]) {
        withPlan { plan in
            (plan.normalization.dictionaryNames, plan.segmentation?.dictionaryNames,
             plan.steps.map(\.dictionaryNames))
        }
    }
}
