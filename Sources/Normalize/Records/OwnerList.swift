import PlanModel

/// The owners of one task, gathered from every annotation and labelled line of it, in printed
/// order, and resolved into leaders, lead units and support units:
/// - `牵头` (verb or label) names the leads; `配合`, `参与`, `协助` name supports;
/// - names that are only `负责` (or 负责部门, 指导) lead, unless the item names a lead elsewhere
///   (then they support), or the document stated that the first unit listed leads (then, in each
///   annotation, the first leads and the rest support);
/// - `责任单位` names supports (SPEC §3.2), except under that stated convention.
struct OwnerList {
    var firstListedLeads: Bool
    private var annotations: [ResponsibilityAnnotation] = []
    private(set) var fields: [FieldValue] = []

    init(firstListedLeads: Bool) {
        self.firstListedLeads = firstListedLeads
    }

    /// Adds annotations found in an item's text (kept in a `负责` field as printed), or one
    /// labelled line (kept under its own label).
    mutating func add(_ found: [ResponsibilityAnnotation], label: String? = nil, value: String? = nil) {
        guard !found.isEmpty else { return }
        annotations += found
        if found.contains(where: \.statesFirstLeads) { firstListedLeads = true }
        if let label, let value {
            fields.append(FieldValue(header: label, text: value))
            return
        }
        let printed = found.map(\.printed).joined(separator: "；")
        if let existing = fields.firstIndex(where: { $0.header == "负责" }) {
            fields[existing].text += "；" + printed
        } else {
            fields.append(FieldValue(header: "负责", text: printed))
        }
        for field in found.flatMap(\.fields) where !fields.contains(where: { $0.header == field.header }) {
            fields.append(field)
        }
    }

    var leaders: [String] { Self.unique(names(.leaders)) }

    private func names(_ role: ResponsibilityVocabulary.Role) -> [String] {
        annotations.flatMap { $0.assignments.filter { $0.role == role }.flatMap(\.names) }
    }

    /// The lead and support units, each unit once, a lead never also a support.
    func units() -> (lead: [String], support: [String]) {
        let namesALead = annotations.contains { $0.assignments.contains { $0.role == .lead && !$0.names.isEmpty } }
        var lead: [String] = []
        var support: [String] = []
        for annotation in annotations {
            var firstTaken = false
            for assignment in annotation.assignments {
                switch assignment.role {
                case .leaders: continue
                case .lead: lead += assignment.names
                case .support: support += assignment.names
                case .charged where !firstListedLeads || namesALead:
                    support += assignment.names
                case .responsible, .charged:
                    if namesALead {
                        support += assignment.names
                    } else if firstListedLeads {
                        for name in assignment.names {
                            if firstTaken { support.append(name) } else { lead.append(name) }
                            firstTaken = true
                        }
                    } else {
                        lead += assignment.names
                    }
                }
            }
        }
        let leads = Self.unique(lead)
        return (leads, Self.unique(support).filter { !leads.contains($0) })
    }

    private static func unique(_ names: [String]) -> [String] {
        // An item names a few units: looking back over them is cheaper than hashing each name
        // (both compare names as `String`s, by canonical equivalence).
        if names.count <= 16 {
            var result: [String] = []
            result.reserveCapacity(names.count)
            for name in names where !result.contains(name) { result.append(name) }
            return result
        }
        var seen: Set<String> = []
        return names.filter { seen.insert($0).inserted }
    }
}
