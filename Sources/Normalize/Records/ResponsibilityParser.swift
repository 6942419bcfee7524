import PlanModel

/// Reads a line that is itself a responsibility label (`分管领导:罗英、李永强`, `牵头单位:区卫生局`,
/// `责任单位:…`), as plain-text plans print them under an item. Annotations inside an item's text
/// are `AnnotationFinder`'s.
enum ResponsibilityParser {
    struct LabelledLine: Hashable, Sendable {
        /// The label as printed.
        var label: String
        var role: ResponsibilityVocabulary.Role
        var value: String
        /// The line read as an annotation (its value split into names by role).
        var annotation: ResponsibilityAnnotation
    }

    /// `分管领导:罗英、李永强` → (分管领导, leaders, 罗英、李永强); nil for any other line.
    static func labelledLine(_ text: String) -> LabelledLine? {
        guard let (label, role, value) = ResponsibilityAnnotation.label(at: text), let role,
            // A line of its own prints full names (区住房和城乡建设局、开发区企业服务局): no level is lent.
            let annotation = ResponsibilityAnnotation.parse(text, expandingPrefixes: false)
        else { return nil }
        return LabelledLine(label: label, role: role, value: value, annotation: annotation)
    }
}
