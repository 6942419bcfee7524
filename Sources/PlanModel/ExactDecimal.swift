/// A decimal number held exactly as an integer significand and a count of decimal places:
/// `7.44` is 744 with scale 2. Quantities never pass through binary floating point, so
/// 7.44万 is exactly 74400, never 74400.00000000001.
///
/// Arithmetic reports overflow by returning nil instead of trapping: a document with an
/// absurd number yields no quantity, never a crash.
public struct ExactDecimal: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The value is `significand / 10^scale`.
    public private(set) var significand: Int
    public private(set) var scale: Int

    public init(_ integer: Int) {
        significand = integer
        scale = 0
    }

    /// Always reduced: no trailing zero digits after the decimal point.
    public init(significand: Int, scale: Int) {
        self.significand = significand
        self.scale = max(0, scale)
        reduce()
    }

    /// Parses `123`, `7.44`, `-0.5`, `1,200.5` (ASCII digits; commas as thousands separators).
    /// Nil for anything else or for more digits than fit.
    public init?(_ text: some StringProtocol) {
        var significand = 0
        var scale = 0
        var seenPoint = false
        var seenDigit = false
        var negative = false
        for (offset, byte) in text.utf8.enumerated() {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                let (times10, overflow1) = significand.multipliedReportingOverflow(by: 10)
                let (sum, overflow2) = times10.addingReportingOverflow(Int(byte - UInt8(ascii: "0")))
                if overflow1 || overflow2 { return nil }
                significand = sum
                seenDigit = true
                if seenPoint { scale += 1 }
            case UInt8(ascii: "."):
                if seenPoint || !seenDigit { return nil }
                seenPoint = true
            case UInt8(ascii: ","):
                if seenPoint || !seenDigit { return nil }
            case UInt8(ascii: "-") where offset == 0:
                negative = true
            default:
                return nil
            }
        }
        guard seenDigit else { return nil }
        self.init(significand: negative ? -significand : significand, scale: scale)
    }

    private mutating func reduce() {
        while scale > 0 && significand % 10 == 0 {
            significand /= 10
            scale -= 1
        }
    }

    /// `self × 10^power`, or nil on overflow. 万 is power 4, 亿 power 8.
    public func timesPowerOfTen(_ power: Int) -> ExactDecimal? {
        if power <= 0 { return ExactDecimal(significand: significand, scale: scale - power) }
        var result = self
        for _ in 0..<power {
            if result.scale > 0 {
                result.scale -= 1
            } else {
                let (product, overflow) = result.significand.multipliedReportingOverflow(by: 10)
                if overflow { return nil }
                result.significand = product
            }
        }
        result.reduce()
        return result
    }

    /// `self × factor`, or nil on overflow.
    public func times(_ factor: Int) -> ExactDecimal? {
        let (product, overflow) = significand.multipliedReportingOverflow(by: factor)
        return overflow ? nil : ExactDecimal(significand: product, scale: scale)
    }

    /// `self + other`, or nil on overflow.
    public func adding(_ other: ExactDecimal) -> ExactDecimal? {
        let scale = max(self.scale, other.scale)
        guard let left = self.significandAt(scale: scale), let right = other.significandAt(scale: scale) else { return nil }
        let (sum, overflow) = left.addingReportingOverflow(right)
        return overflow ? nil : ExactDecimal(significand: sum, scale: scale)
    }

    private func significandAt(scale target: Int) -> Int? {
        var value = significand
        for _ in scale..<target {
            let (product, overflow) = value.multipliedReportingOverflow(by: 10)
            if overflow { return nil }
            value = product
        }
        return value
    }

    public var isInteger: Bool { scale == 0 }

    /// The exact decimal text, as written into JSON: `74400`, `0.85`, `-3.5`.
    public var description: String {
        if scale == 0 { return String(significand) }
        let negative = significand < 0
        var digits = String(significand.magnitude)
        if digits.count <= scale { digits = String(repeating: "0", count: scale - digits.count + 1) + digits }
        let point = digits.index(digits.endIndex, offsetBy: -scale)
        return (negative ? "-" : "") + digits[..<point] + "." + digits[point...]
    }

    public static func < (lhs: ExactDecimal, rhs: ExactDecimal) -> Bool {
        let scale = max(lhs.scale, rhs.scale)
        if let left = lhs.significandAt(scale: scale), let right = rhs.significandAt(scale: scale) {
            return left < right
        }
        // Only reachable for values beyond Int at a common scale; compare text as a last resort.
        return lhs.description < rhs.description
    }
}
