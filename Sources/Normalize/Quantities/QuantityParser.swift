// STUB — replaced by the quantity parser (issue 3).
public import PlanModel

/// Finds quantities in simplified-script text (SPEC §3.3).
public enum QuantityParser {
    /// Every quantity in `text`, in order of appearance, with `field` unset.
    public static func parse(_ text: String) -> [Quantity] { [] }
}
