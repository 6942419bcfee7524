// STUB — replaced by GBK byte-slip repair (issue 5).
public import PlanModel

/// Finds text damaged before it reached us (a GBK byte slip, `?` placeholders), repairs what
/// the bytes allow, flags the rest, and lists every change.
public enum DamageRepairer {
    /// `firstLine` is the source line of the text's first line; repairs report their own line.
    public static func repair(_ text: String, firstLine: Int) -> (text: String, repairs: [Repair]) {
        (text, [])
    }
}
