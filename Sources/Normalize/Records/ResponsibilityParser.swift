import PlanModel

/// Reads who is responsible for a task item, in the two ways plain-text plans say it:
/// labelled lines (`分管领导:罗英、李永强`, `牵头单位:区卫生局`, `责任单位:…`) and a trailing
/// parenthesis (`(市發展改革局、教育局、公安局負責)`, `（市发展改革局牵头，市教育局配合）`).
enum ResponsibilityParser {
    enum Role {
        case leaders, leadUnits, supportUnits
    }

    /// Labels by role, simplified script (lines are folded before matching).
    static let labels: [(label: String, role: Role)] = [
        ("分管市领导", .leaders), ("分管领导", .leaders), ("牵头领导", .leaders), ("责任领导", .leaders),
        ("联系领导", .leaders), ("负责领导", .leaders), ("负责人", .leaders), ("责任人", .leaders),
        ("牵头单位", .leadUnits), ("主责单位", .leadUnits), ("牵头部门", .leadUnits), ("主办单位", .leadUnits),
        ("责任单位", .supportUnits), ("负责单位", .supportUnits), ("配合单位", .supportUnits),
        ("协助单位", .supportUnits), ("参与单位", .supportUnits), ("协办单位", .supportUnits), ("责任部门", .supportUnits),
        ("配合部门", .supportUnits),
    ]

    struct LabelledLine {
        var label: String
        var role: Role
        var value: String
    }

    /// `分管领导:罗英、李永强` → (分管领导, leaders, 罗英、李永强); nil for any other line.
    static func labelledLine(_ text: String) -> LabelledLine? {
        let folded = CharacterFold.simplifiedKey(text)
        for (label, role) in labels where folded.startsWithText(label) {
            var rest = text.dropFirst(label.count)
            rest = rest.drop { $0.isCollapsibleSpace }
            guard let colon = rest.first, colon == ":" || colon == "：" else { continue }
            let value = TextCleanup.singleLine(rest.dropFirst())
            return LabelledLine(label: String(text.prefix(label.count)), role: role, value: value)
        }
        return nil
    }

    struct TrailingUnits {
        /// The text before the parenthesis.
        var remainder: String
        /// The parenthesis' content as printed, without the brackets.
        var printed: String
        var leadUnits: [String]
        var supportUnits: [String]
    }

    /// The responsibility parenthesis at the end of `text`, if it has one.
    static func trailingUnits(_ text: String) -> TrailingUnits? {
        var body = Substring(text)
        while let last = body.last, last == "。" || last.isCollapsibleSpace { body = body.dropLast() }
        guard let close = body.last, close == ")" || close == "）" else { return nil }
        // Find the matching opening bracket.
        var depth = 0
        var open: Substring.Index?
        var index = body.index(before: body.endIndex)
        while true {
            let character = body[index]
            if character == ")" || character == "）" { depth += 1 }
            if character == "(" || character == "（" {
                depth -= 1
                if depth == 0 { open = index; break }
            }
            if index == body.startIndex { break }
            index = body.index(before: index)
        }
        guard let open else { return nil }
        let inner = String(body[body.index(after: open)..<body.index(before: body.endIndex)])
        let folded = CharacterFold.simplifiedKey(inner)
        guard folded.endsWithText("负责") || folded.containsText("牵头") else { return nil }

        var lead = inner
        var support = ""
        if let leadEnd = folded.rangeOfText("牵头") {
            let offset = folded.distance(from: folded.startIndex, to: leadEnd.lowerBound)
            let afterOffset = folded.distance(from: folded.startIndex, to: leadEnd.upperBound)
            lead = String(inner.prefix(offset))
            support = String(inner.dropFirst(afterOffset))
        } else {
            lead = String(inner.dropLast(2))
        }
        let remainder = TextCleanup.singleLine(body[..<open])
        return TrailingUnits(
            remainder: remainder, printed: inner, leadUnits: units(in: lead), supportUnits: units(in: support))
    }

    /// Units of a parenthesis part, split into `，`-groups and expanded (教育局 → 市教育局).
    static func units(in text: String) -> [String] {
        var cleaned = Substring(text).drop { "，,、；; ".contains($0) }
        for word in ["配合", "参与", "协助", "协同", "等", "负责", "配合下", "參與", "協助", "協同", "負責"] {
            if cleaned.endsWithText(word) { cleaned = cleaned.dropLast(word.count) }
        }
        let groups = cleaned.split(whereSeparator: { "，,；;".contains($0) }).map { group in
            group.split(separator: "、").map { TextCleanup.singleLine($0) }.filter { !$0.isEmpty }
        }
        return UnitPrefixExpander.expand(groups)
    }
}
