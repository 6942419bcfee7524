import PlanModel

/// One number or range with what is printed right after it, before the scanner adds the
/// context (comparators before it, 每 rates, 力争, lists): `50-100亿元`, `3万多家`, `35微克/立方米以下`.
struct AmountReading {
    /// Where the number (or 百分之) starts.
    var start: Int
    /// Just after the unit, slash denominators and suffix comparator.
    var end: Int
    /// Set for ranges (`between`); `value` then holds the upper end.
    var low: ExactDecimal?
    var value: ExactDecimal
    var unit: UnitLexicon.Unit?
    var script: NumberToken.Script
    /// 多 or 余 after the number: 3万多家, 360余名.
    var isMoreThan = false
    /// Where the denominators written after a slash stand (302元/人, 14.85万吨/年, 元/人·月):
    /// from the first slash to the end of the last denominator; empty for none. Kept as a
    /// span so a reading is plain values; the scanner reads the words when it emits.
    var slashDenominators: Range<Int> = 0..<0
    var suffixComparator: Quantity.Comparator?
}
