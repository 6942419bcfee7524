public import PlanModel

/// Finds quantities in simplified-script text (SPEC §3.3): `新增学位1.2万个` → 12000 个,
/// `分别不低于40%、70%` → two quantities ≥, `每人每月980元` → 980 元 per [人, 月] in CNY.
///
/// Precision comes before recall: a number becomes a quantity only with a unit (or 万/亿), and
/// years, dates, ordinals, codes, hotlines, tiers, ratios and quoted slogans are left alone.
/// Values are exact decimals; nothing passes through floating point.
public enum QuantityParser {
    /// Every quantity in `text`, in order of appearance, with `field` unset.
    public static func parse(_ text: String) -> [Quantity] {
        var scanner = QuantityScanner(ScalarText(text))
        return scanner.scan()
    }
}
