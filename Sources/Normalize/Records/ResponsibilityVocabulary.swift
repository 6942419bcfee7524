/// Every word the record builders read responsibility by, in simplified script (text is folded
/// with `CharacterFold` before matching). One table, used by labelled lines, annotations and
/// the lead-unit convention alike.
enum ResponsibilityVocabulary {
    /// What a name list is responsible for.
    enum Role: Hashable, Sendable {
        /// 分管领导, 负责人: people, not units.
        case leaders
        /// 牵头单位, `A牵头`: leads.
        case lead
        /// 配合单位, `B配合`, `C参与`: supports.
        case support
        /// 负责, 负责部门, 指导: in charge, without saying who leads. Becomes lead units, or
        /// first-leads-the-rest-support where the document states that convention.
        case responsible
        /// 责任单位, 责任部门: support units (SPEC §3.2), unless the document states that the first
        /// unit listed leads.
        case charged
    }

    /// Labels printed before a colon (`牵头单位：…`), longest first within a shared opening.
    static let labels: [(label: String, role: Role)] = [
        ("分管市领导", .leaders), ("分管领导", .leaders), ("牵头领导", .leaders), ("责任领导", .leaders),
        ("联系领导", .leaders), ("负责领导", .leaders), ("负责人", .leaders), ("责任人", .leaders),
        ("牵头单位", .lead), ("主责单位", .lead), ("牵头部门", .lead), ("主办单位", .lead), ("牵头", .lead),
        ("配合单位", .support), ("协助单位", .support), ("参与单位", .support), ("协办单位", .support),
        ("配合部门", .support), ("协助部门", .support), ("参与部门", .support), ("配合", .support),
        ("责任单位", .charged), ("负责单位", .responsible), ("负责部门", .responsible),
        ("责任部门", .charged), ("实施单位", .responsible), ("承办单位", .responsible),
        ("责任主体", .responsible), ("负责", .responsible),
    ]

    /// Words a label may open with to give the label after them its role, so that compound
    /// labels need no entry of their own: `牵头责任单位` leads, `协同责任单位` and `其他责任单位`
    /// support, `主要责任单位` leads. A label naming people stays one (`牵头负责领导` is a leader).
    static let labelModifiers: [(word: String, role: Role)] = [
        ("牵头", .lead), ("主要", .lead), ("主责", .lead),
        ("协同", .support), ("配合", .support), ("协助", .support), ("参与", .support), ("协办", .support),
        ("其他", .support),
    ]

    /// The role of a label, its scalars folded: a label of `labels`, or a modifier of
    /// `labelModifiers` before one.
    static func role(ofLabel folded: some Collection<Unicode.Scalar>) -> Role? {
        if let exact = labels.first(where: { $0.label.unicodeScalars.elementsEqual(folded) }) { return exact.role }
        for modifier in labelModifiers where folded.starts(with: modifier.word.unicodeScalars) {
            let rest = folded.dropFirst(modifier.word.unicodeScalars.count)
            guard !rest.isEmpty, let base = labels.first(where: { $0.label.unicodeScalars.elementsEqual(rest) }) else { continue }
            return base.role == .leaders ? .leaders : modifier.role
        }
        return nil
    }

    /// Adverbs between a name list and its verb, part of the verb: `A、B分别牵头` makes both
    /// leads, `A、B均负责`.
    static let verbAdverbs = ["分别", "共同", "各自", "均"]

    /// Verbs that close a name list inside an annotation (`A、B负责`, `A牵头`), longest first.
    static let verbs: [(verb: String, role: Role)] = [
        ("牵头负责", .lead), ("牵头落实", .lead), ("牵头", .lead),
        ("按职责分工负责", .responsible), ("按职能分工负责", .responsible), ("按职责负责", .responsible),
        ("分工负责", .responsible), ("共同负责", .responsible), ("负责落实", .responsible), ("负责", .responsible),
        ("指导", .responsible), ("主责", .responsible),
        ("配合", .support), ("参与", .support), ("协助", .support), ("协同", .support),
    ]

    /// Words that stand for "and others", never a unit themselves: `A、B等有关部门`.
    static let othersMarkers = ["等有关部门和单位", "等相关部门和单位", "等有关部门", "等相关部门", "等有关单位", "等部门和单位", "等部门", "等单位", "等"]

    /// Joining words inside a unit list that a name never ends with: `…全国总工会等和各省级人民政府`.
    static let listJoiners = ["以及", "和", "及"]

    /// Words that make another unit the lead's partner: `A会同B负责`.
    static let partnerMarkers = ["会同", "联合"]

    /// A convention stated once for the whole document: the first unit listed leads.
    /// `列第一位者为牵头单位`, `排在第一位的部门为牵头部门`, `排名第一的为牵头单位`.
    static let firstPlaceWords = ["第一位", "首位", "排名第一", "排在第一", "列第一", "第一个"]

    /// Openings of collective names whose `、`-joined level words make one unit:
    /// `各区、县级市`, `各省、自治区、直辖市人民政府`.
    static let collectiveOpenings = ["各有关", "各相关", "各"]
    /// Administrative level words that a collective lists after `各`.
    static let levelWords: Set<String> = [
        "省", "自治区", "直辖市", "计划单列市", "市", "区", "县", "县级市", "县区", "区县", "镇", "乡", "街", "街道",
        "乡镇", "州", "盟", "旗", "新疆生产建设兵团",
    ]
    /// Organ words a collective may end with after its last level word: `…直辖市人民政府`.
    static let collectiveOrgans = ["人民政府", "政府", "党委和政府", "党委", "有关部门"]

    /// The last scalars of the verbs: a text ending with any other scalar ends with no verb.
    static let verbEndings: [Unicode.Scalar] = {
        var endings: [Unicode.Scalar] = []
        for (verb, _) in verbs {
            if let last = verb.unicodeScalars.last, !endings.contains(last) { endings.append(last) }
        }
        return endings
    }()

    /// The role a trailing verb gives, with the verb's length in scalars (an adverb before it,
    /// `分别牵头`, counted in).
    static func trailingVerb(of text: String) -> (role: Role, length: Int)? {
        guard let last = text.unicodeScalars.last, verbEndings.contains(last.simplifiedKey) else { return nil }
        // Only the last scalars can hold a verb and its adverb: fold those alone.
        let tail = text.unicodeScalars.suffix(verbScalars.longest + adverbScalars.longest).map(\.simplifiedKey)
        for (index, verb) in verbScalars.words.enumerated() where ScalarWords.matches(verb, tail, at: tail.count - verb.count) {
            let before = tail.count - verb.count
            let adverb = adverbScalars.words.first { $0.count < before && ScalarWords.matches($0, tail, at: before - $0.count) }
            return (verbs[index].role, verb.count + (adverb?.count ?? 0))
        }
        return nil
    }

    private static let adverbScalars = ScalarWords(verbAdverbs)

    /// The verbs as scalars, in the order of `verbs`.
    private static let verbScalars = ScalarWords(verbs.map(\.verb))

    /// Whether UTF-8 `bytes` hold a scalar that folds to 牵 (ASCII never folds: only the rest is decoded).
    static func holdsQian(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        while index < bytes.count {
            if bytes[index] < 0x80 {
                index += 1
                continue
            }
            let (scalar, length) = TextCleanup.decodeScalar(bytes, at: index)
            if scalar.simplifiedKey == "牵" { return true }
            index += length
        }
        return false
    }

    /// Whether `text` states the first-listed-unit-leads convention.
    static func statesFirstLeadsConvention(_ text: String) -> Bool {
        // 牵头 folded: told by its first scalar before anything is folded.
        guard text.utf8.withContiguousStorageIfAvailable(holdsQian) ?? text.unicodeScalars.contains(where: { $0.simplifiedKey == "牵" })
        else { return false }
        let folded = CharacterFold.simplifiedKey(text)
        return folded.containsText("牵头") && firstPlaceWords.contains { folded.containsText($0) }
    }
}
