/// The meanings a column or labelled part of a source can map to (SPEC §3.2).
public enum CanonicalField: String, Hashable, Sendable, CaseIterable {
    case section
    case title
    case target
    case measures
    case milestones
    case leaders
    case leadUnits = "lead_units"
    case supportUnits = "support_units"
}
