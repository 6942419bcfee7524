internal import Charsets

/// The script a text unit is written in, judged from characters only one script uses. A
/// lost character is chosen among characters of the unit's own script: in traditional text
/// 專 (8C A3) is a candidate and the simplified 块 is not.
enum UnitScript: Sendable {
    case simplified
    case traditional
    /// Too few telling characters, or a real mix: accept either.
    case either

    /// Characters only one script uses, counted one at a time.
    struct Tally {
        private var simplifiedOnly = 0
        private var traditionalOnly = 0

        /// Counts `scalar`; returns whether it is common in each script.
        @inline(__always)
        mutating func count(_ scalar: Unicode.Scalar) -> (simplified: Bool, traditional: Bool) {
            let simplified = CommonHanCharacters.rank(of: scalar, in: .simplified) != nil
            let traditional = CommonHanCharacters.rank(of: scalar, in: .traditional) != nil
            if simplified && !traditional { simplifiedOnly += 1 }
            if traditional && !simplified { traditionalOnly += 1 }
            return (simplified, traditional)
        }

        var script: UnitScript {
            if traditionalOnly >= 2 && traditionalOnly > simplifiedOnly * 3 { return .traditional }
            if simplifiedOnly >= 2 && simplifiedOnly > traditionalOnly * 3 { return .simplified }
            return .either
        }
    }
}
