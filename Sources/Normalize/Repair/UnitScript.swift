internal import Charsets

/// The script a text unit is written in, judged from characters only one script uses. A
/// lost character is chosen among characters of the unit's own script: in traditional text
/// 專 (8C A3) is a candidate and the simplified 块 is not.
enum UnitScript: Sendable {
    case simplified
    case traditional
    /// Too few telling characters, or a real mix: accept either.
    case either

    init(of text: [Unicode.Scalar]) {
        var simplifiedOnly = 0
        var traditionalOnly = 0
        for scalar in text {
            let simplified = CommonHanCharacters.rank(of: scalar, in: .simplified) != nil
            let traditional = CommonHanCharacters.rank(of: scalar, in: .traditional) != nil
            if simplified && !traditional { simplifiedOnly += 1 }
            if traditional && !simplified { traditionalOnly += 1 }
        }
        if traditionalOnly >= 2 && traditionalOnly > simplifiedOnly * 3 {
            self = .traditional
        } else if simplifiedOnly >= 2 && simplifiedOnly > traditionalOnly * 3 {
            self = .simplified
        } else {
            self = .either
        }
    }
}
