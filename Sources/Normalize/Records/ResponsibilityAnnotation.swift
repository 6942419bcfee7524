import PlanModel

/// Who is responsible for an item, as one annotation prints it — the content of a parenthesis
/// (`A、B负责`, `A牵头，B、C配合`, `负责部门：A；适用范围：X`, `牵头单位：A，配合单位：B、C，各区、县级市`)
/// or a labelled line (`牵头单位：A`).
///
/// The annotation keeps the roles as printed; who leads is decided by the builder, which knows
/// whether the document stated that the first-listed unit leads.
struct ResponsibilityAnnotation: Hashable, Sendable {
    typealias Role = ResponsibilityVocabulary.Role

    struct Assignment: Hashable, Sendable {
        var role: Role
        var names: [String]
    }

    /// The annotation as printed, without brackets.
    var printed: String
    /// Name lists in printed order.
    var assignments: [Assignment]
    /// Labelled parts that are not about responsibility (`适用范围：浙江自贸试验区`).
    var fields: [FieldValue]
    /// The annotation states that the first unit listed leads (`排在第一位的部门为牵头部门，下同`).
    var statesFirstLeads: Bool

    /// The annotation `content` makes, or nil when it is not about responsibility.
    /// `expandingPrefixes` lends a list's level to the names after its first (see `UnitPrefixExpander`).
    static func parse(_ content: String, expandingPrefixes: Bool = true) -> ResponsibilityAnnotation? {
        guard content.utf8.withContiguousStorageIfAvailable(mayAssign(utf8:)) ?? mayAssign(content.unicodeScalars) else { return nil }
        return parse(assignable: content, expandingPrefixes: expandingPrefixes)
    }

    /// `parse` of a content already known to pass `mayAssign`.
    static func parse(assignable content: String, expandingPrefixes: Bool = true) -> ResponsibilityAnnotation? {
        let text = Self.separatingSpacedLabels(TextCleanup.singleLine(content))
        let scalars = ScalarLine.scalars(of: text)
        guard !scalars.isEmpty, scalars.count <= 400 else { return nil }
        var annotation = ResponsibilityAnnotation(printed: text, assignments: [], fields: [], statesFirstLeads: false)
        for clause in ScalarLine.clauseScalars(of: scalars, separators: "。；;") {
            let parts = ScalarLine.clauses(of: clause, separators: "，,")
            // Each part's label is read once, to choose the reading and by it.
            let labels = parts.map { Self.label(at: $0) }
            if labels.contains(where: { $0 != nil }) {
                annotation.readLabelled(zip(parts, labels), expandingPrefixes: expandingPrefixes)
            } else {
                annotation.readVerbs(parts, expandingPrefixes: expandingPrefixes)
            }
        }
        guard annotation.assignments.contains(where: { !$0.names.isEmpty }) else { return nil }
        return annotation
    }

    /// `牵头单位：A，配合单位：B、C，各区、县级市`: a label opens a part; parts without one go on
    /// the value before them.
    private mutating func readLabelled(
        _ parts: Zip2Sequence<[String], [(label: String, role: Role?, value: String)?]>, expandingPrefixes: Bool
    ) {
        var current: (label: String, role: Role?, value: String)?
        func finish() {
            guard let (label, role, printed) = current else { return }
            let verb = role == nil ? nil : ResponsibilityVocabulary.trailingVerb(of: printed)
            // `责任单位：A、B分别牵头`, `责任单位：A牵头，B配合`: a value closed by a lead or support
            // verb says its names' roles itself, over the label's.
            if let role, role != .leaders, let verb, verb.role == .lead || verb.role == .support {
                readVerbs(ScalarLine.clauses(of: printed.unicodeScalars, separators: "，,"), expandingPrefixes: expandingPrefixes)
            } else if let role {
                // `责任单位：A、B按职责分工负责`: the verb an unlabelled list ends with says nothing more.
                var value = printed
                if let verb, verb.role == .responsible {
                    value = String(String.UnicodeScalarView(value.unicodeScalars.dropLast(verb.length)))
                }
                let names = role == .leaders
                    ? NameListSplitter.split(value) : UnitListSplitter.split(value, expandingPrefixes: expandingPrefixes)
                assignments.append(Assignment(role: role, names: names))
            } else if !printed.isEmpty {
                fields.append(FieldValue(header: label, text: printed))
            }
            current = nil
        }
        for (part, parsedLabel) in parts {
            if let (label, role, value) = parsedLabel {
                finish()
                // `责任单位：县发改局（首位单位为牵头单位，下同）、县财政局`: the note is the convention, not a name.
                let (names, statesRule) = Self.removingConventionNotes(value)
                if statesRule { statesFirstLeads = true }
                current = (label, role, names)
            } else if ResponsibilityVocabulary.statesFirstLeadsConvention(part) {
                statesFirstLeads = true
            } else if current != nil {
                current!.value += "，" + part
            }
        }
        finish()
    }

    /// Whether `content` may name anyone: names come only from a labelled part (a colon) or
    /// a part ending with a role verb (a scalar that folds to a verb's last one). Most
    /// parentheses hold neither and are told without being copied.
    static func mayAssign(_ content: some Sequence<Unicode.Scalar>) -> Bool {
        content.contains(where: mayAssign(scalar:))
    }

    /// `mayAssign` of UTF-8 bytes: ASCII is told by the byte (only `:` may assign), the rest decoded.
    static func mayAssign(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x80 {
                if byte == 0x3A { return true }
                index += 1
                continue
            }
            let (scalar, length) = TextCleanup.decodeScalar(bytes, at: index)
            if mayAssign(scalar: scalar) { return true }
            index += length
        }
        return false
    }

    @inline(__always)
    private static func mayAssign(scalar: Unicode.Scalar) -> Bool {
        scalar == "：" || scalar == ":" || ResponsibilityVocabulary.verbEndings.contains(scalar.simplifiedKey)
    }

    /// `A、B负责`, `A牵头，B、C配合`, `A、B，各省级人民政府按职责分工负责`: parts up to one that
    /// ends with a role verb are that verb's names.
    private mutating func readVerbs(_ parts: [String], expandingPrefixes: Bool) {
        var pending: [String] = []
        for part in parts {
            if ResponsibilityVocabulary.statesFirstLeadsConvention(part) {
                statesFirstLeads = true
                pending = []
                continue
            }
            guard let (role, length) = ResponsibilityVocabulary.trailingVerb(of: part) else {
                pending.append(part)
                continue
            }
            var names = String(part.unicodeScalars.dropLast(length))
            for opening in ["由", "均由", "分别由"] where Self.mayOpenWithBy(names) && names.hasPrefix(opening) {
                names = String(names.unicodeScalars.dropFirst(opening.unicodeScalars.count))
            }
            let listed = (pending + [names]).joined(separator: "，")
            pending = []
            // `A会同B负责`: A is in charge, B works with it.
            if let marker = ResponsibilityVocabulary.partnerMarkers.first(where: { listed.containsText($0) }),
                let range = listed.rangeOfText(marker)
            {
                let own = UnitListSplitter.split(listed[..<range.lowerBound], expandingPrefixes: expandingPrefixes)
                let partners = UnitListSplitter.split(listed[range.upperBound...], expandingPrefixes: expandingPrefixes)
                guard Self.plausible(own + partners) else { continue }
                assignments.append(Assignment(role: role, names: own))
                if !partners.isEmpty { assignments.append(Assignment(role: .support, names: partners)) }
                continue
            }
            let units = UnitListSplitter.split(listed, expandingPrefixes: expandingPrefixes)
            guard Self.plausible(units) else { continue }
            assignments.append(Assignment(role: role, names: units))
        }
    }

    /// Whether `names` may start with 由, 均由 or 分别由 as `hasPrefix` compares: its first scalar
    /// is 由, 均 or 分, or a compatibility ideograph (which compares equal to its unified form).
    private static func mayOpenWithBy(_ names: String) -> Bool {
        guard let first = names.unicodeScalars.first else { return false }
        switch first.value {
        case 0x7531, 0x5747, 0x5206, 0xF900...0xFAFF, 0x2F800...0x2FA1F: return true
        default: return false
        }
    }

    /// `value` without the bracketed notes that state the first-listed-leads convention, and
    /// whether it had one.
    static func removingConventionNotes(_ value: String) -> (String, Bool) {
        guard value.containsText("牵头") || value.containsText("牽頭") else { return (value, false) }
        var scalars = Array(value.unicodeScalars)
        var found = false
        var index = 0
        while index < scalars.count {
            guard scalars[index] == "（" || scalars[index] == "(" else {
                index += 1
                continue
            }
            guard let close = scalars[index...].firstIndex(where: { $0 == "）" || $0 == ")" }) else { break }
            let note = String(String.UnicodeScalarView(scalars[(index + 1)..<close]))
            if ResponsibilityVocabulary.statesFirstLeadsConvention(note) {
                scalars.removeSubrange(index...close)
                found = true
            } else {
                index = close + 1
            }
        }
        return (String(String.UnicodeScalarView(scalars)), found)
    }

    /// Unit names are short and are not sentences.
    static func plausible(_ names: [String]) -> Bool {
        names.allSatisfy { name in
            let count = name.unicodeScalars.count
            return count >= 2 && count <= 30 && !name.containsText("。") && !name.containsText("：")
        }
    }

    /// `配合单位：B` → (配合单位, support, B); a label no role knows (`适用范围：X`) has a nil role.
    static func label(at part: String) -> (label: String, role: Role?, value: String)? {
        // The colon stands among the first nine scalars: most parts are told by those alone.
        guard Self.hasOpeningColon(part) else { return nil }
        return part.utf8.withContiguousStorageIfAvailable { label(utf8: $0) }
            ?? Array(part.utf8).withUnsafeBufferPointer { label(utf8: $0) }
    }

    /// Whether `text` opens with a label a role knows (`配合单位：`), told without copying its value.
    static func opensRoleLabel(_ text: String) -> Bool {
        guard Self.hasOpeningColon(text) else { return false }
        var text = text
        text.makeContiguousUTF8()
        return text.utf8.withContiguousStorageIfAvailable { labelOpening(utf8: $0)?.role != nil } ?? false
    }

    /// `label(at:)` of UTF-8 bytes: only the scalars up to the colon are decoded; the label and
    /// the value are copied from the bytes.
    private static func label(utf8 bytes: UnsafeBufferPointer<UInt8>) -> (label: String, role: Role?, value: String)? {
        guard let opening = labelOpening(utf8: bytes) else { return nil }
        let label = String(validUTF8: UnsafeBufferPointer(rebasing: bytes[..<opening.labelEnd]))
        let value = TextCleanup.singleLine(UnsafeBufferPointer(rebasing: bytes[opening.valueStart...]))
        return (label, opening.role, value)
    }

    /// Where `label(utf8:)`'s label ends and its value starts (byte offsets), and the label's
    /// role: read from the scalars up to the colon alone, so a caller can turn down a label
    /// before the value (the rest of the text) is copied.
    static func labelOpening(utf8 bytes: UnsafeBufferPointer<UInt8>) -> (labelEnd: Int, valueStart: Int, role: Role?)? {
        withUnsafeTemporaryAllocation(of: Unicode.Scalar.self, capacity: 9) { opening -> (labelEnd: Int, valueStart: Int, role: Role?)? in
            var index = 0
            var count = 0
            var colonByte: Int?
            while index < bytes.count, count < 9 {
                let (scalar, length) = TextCleanup.decodeScalar(bytes, at: index)
                if scalar == "：" || scalar == ":" {
                    colonByte = index
                    break
                }
                opening.initializeElement(at: count, to: scalar)
                count += 1
                index += length
            }
            guard let colonByte, count >= 2 else { return nil }
            var labelEnd = count
            // Spaces before the colon are ASCII: a byte each.
            while labelEnd > 0, opening[labelEnd - 1] == " " { labelEnd -= 1 }
            let labelScalars = UnsafeBufferPointer(rebasing: opening[..<labelEnd])
            guard labelScalars.allSatisfy({ $0.properties.isIdeographic }) else { return nil }
            let labelBytes = colonByte - (count - labelEnd)
            let valueStart = colonByte + TextCleanup.decodeScalar(bytes, at: colonByte).1
            let role = ResponsibilityVocabulary.role(ofLabel: labelScalars.lazy.map(\.simplifiedKey))
            return (labelBytes, valueStart, role)
        }
    }

    /// Whether `:` or `：` (EF BC 9A) stands among the first nine scalars of `text`, read from
    /// its UTF-8 without decoding it.
    static func hasOpeningColon(_ text: String) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { hasOpeningColon($0) } ?? hasOpeningColon(bytes: text.utf8)
    }

    /// `hasOpeningColon` of UTF-8 bytes.
    static func hasOpeningColon(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        hasOpeningColon(bytes: bytes)
    }

    @inline(__always)
    private static func hasOpeningColon(bytes: some Sequence<UInt8>) -> Bool {
        var scalarCount = 0
        // How much of `：` the bytes so far spell: 1 after EF, 2 after EF BC.
        var fullwidthColon = 0
        for byte in bytes {
            if byte & 0xC0 != 0x80 {
                scalarCount += 1
                if scalarCount > 9 { return false }
                if byte == 0x3A { return true }
                fullwidthColon = byte == 0xEF ? 1 : 0
            } else if fullwidthColon == 1, byte == 0xBC {
                fullwidthColon = 2
            } else if fullwidthColon == 2, byte == 0x9A {
                return true
            } else {
                fullwidthColon = 0
            }
        }
        return false
    }

    /// `牵头：甲局 配合：乙局`: a space before a known label separates like `；`.
    static func separatingSpacedLabels(_ text: String) -> String {
        guard text.containsText(" ") else { return text }
        let pieces = text.split(separator: " ", omittingEmptySubsequences: false)
        var result = String(pieces[0])
        for piece in pieces.dropFirst() {
            let opensLabel = opensRoleLabel(String(piece))
            result += (opensLabel ? "；" : " ") + piece
        }
        return result
    }
}
