import Normalize
import PlanModel

/// The compact notation the case tables are written in.
///
/// A quantity: `[text] value=74400 unit=个 cmp=>=`, then as present `min=… max=…` (ranges),
/// `per=人,月`, `cur=CNY`, `target`. A time: `[text] kind grain ref start..end`, with an
/// empty side for an open end (`..2023-07-31`) and a trailing `ambiguous` for a guess.
/// Several results are joined by ` | `; `-` means none.
enum Notation {
    static func format(_ quantities: [Quantity]) -> String {
        quantities.isEmpty ? "-" : quantities.map(format).joined(separator: " | ")
    }

    static func format(_ quantity: Quantity) -> String {
        var parts = ["[\(quantity.text)]"]
        if let value = quantity.value { parts.append("value=\(value)") }
        if let min = quantity.min { parts.append("min=\(min)") }
        if let max = quantity.max { parts.append("max=\(max)") }
        parts.append("unit=\(quantity.unit ?? "nil")")
        parts.append("cmp=\(quantity.comparator.rawValue)")
        if !quantity.per.isEmpty { parts.append("per=\(quantity.per.joined(separator: ","))") }
        if let currency = quantity.currency { parts.append("cur=\(currency)") }
        if quantity.isTarget { parts.append("target") }
        return parts.joined(separator: " ")
    }

    static func format(_ matches: [TimeMatch]) -> String {
        matches.isEmpty ? "-" : matches.map(format).joined(separator: " | ")
    }

    static func format(_ match: TimeMatch) -> String {
        "[\(match.text)] " + format(match.time)
    }

    /// A set is written with its parts in braces instead of dates: `set quarter 2023-Q1,2023-Q3
    /// {interval quarter 2023-Q1 2023-01-01..2023-03-31; interval quarter 2023-Q3 …}`.
    static func format(_ time: TimeExpression) -> String {
        let span = "\(time.start.map(String.init(describing:)) ?? "")..\(time.end.map(String.init(describing:)) ?? "")"
        let body = time.kind == .set ? "{" + time.parts.map(format).joined(separator: "; ") + "}" : span
        return "\(time.kind.rawValue) \(time.grain.rawValue) \(time.ref) \(body)" + (time.isAmbiguous ? " ambiguous" : "")
    }
}
