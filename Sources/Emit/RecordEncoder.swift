public import PlanModel

/// Turns records into JSON values with their keys in the fixed order of SPEC §3.
public enum RecordEncoder {
    /// The value of every record's `schema` key: the version of the record shapes.
    public static let schemaVersion = "plan2json/1"

    /// A document's records in the order `records.jsonl` holds them: the document, then its tasks.
    public static func encode(_ document: NormalizedDocument) -> [JSONValue] {
        [encode(document.document)] + document.tasks.map(encode)
    }

    public static func encode(_ document: DocumentRecord) -> JSONValue {
        let source = document.source
        return .object([
            ("type", .string("document")),
            ("schema", .string(schemaVersion)),
            ("doc_id", .string(document.docID)),
            ("source", .object([
                ("path", .string(source.path)),
                ("bytes", .integer(source.bytes)),
                ("sha256", .string(source.sha256)),
                ("encoding", .string(source.encoding)),
                ("encoding_source", .string(source.encodingSource.rawValue)),
                ("format", .string(source.format.rawValue)),
            ])),
            ("title", .optional(document.title)),
            ("issuer", .optional(document.issuer)),
            ("doc_number", .optional(document.docNumber)),
            ("dates", .object([
                ("issued", .optional(document.dates.issued?.description)),
                ("published", .optional(document.dates.published?.description)),
            ])),
            ("year", document.year.map(JSONValue.integer) ?? .null),
            ("script", .object([
                ("detected", .string(document.script.detected.rawValue)),
                ("converted", .integer(document.script.converted)),
            ])),
            ("columns", .array(document.columns.map { column in
                .object([("header", .string(column.header)), ("field", .optional(column.field?.rawValue))])
            })),
            ("sections", .array(document.sections.map { section in
                .object([
                    ("marker", .string(section.marker)),
                    ("title", .string(section.title)),
                    ("declared", section.declared.map(JSONValue.integer) ?? .null),
                    ("found", .integer(section.found)),
                    ("depth", .integer(section.path.count)),
                    ("line", .integer(section.line)),
                ])
            })),
            ("repairs", .array(document.repairs.map { repair in
                .object([
                    ("kind", .string(repair.kind.rawValue)),
                    ("line", .integer(repair.line)),
                    ("before", .string(repair.before)),
                    ("after", .string(repair.after)),
                    ("certain", .bool(repair.isCertain)),
                ])
            })),
            ("warnings", .array(document.warnings.map(encode))),
        ])
    }

    public static func encode(_ task: TaskRecord) -> JSONValue {
        var pairs: [(String, JSONValue)] = [
            ("type", .string("task")),
            ("schema", .string(schemaVersion)),
            ("id", .string(task.id)),
            ("doc_id", .string(task.docID)),
            ("seq", .integer(task.seq)),
            ("number", .optional(task.number)),
            ("section", encode(task.section)),
            ("title", .string(task.title)),
            ("target", .optional(task.target)),
            ("measures", .optional(task.measures)),
            ("milestones", .array(task.milestones.map { milestone in
                .object([("when", milestone.when.map(encode) ?? .null), ("text", .string(milestone.text))])
            })),
            ("leaders", .strings(task.leaders)),
            ("lead_units", .strings(task.leadUnits)),
            ("support_units", .strings(task.supportUnits)),
            ("quantities", .array(task.quantities.map(encode))),
            ("fields", encode(task.fields)),
            ("source", .object([
                ("path", .string(task.source.path)),
                ("line_start", .integer(task.source.span.lineStart)),
                ("line_end", .integer(task.source.span.lineEnd)),
            ])),
        ]
        if let original = task.original { pairs.append(("original", encode(original))) }
        pairs.append(("warnings", .array(task.warnings.map(encode))))
        return .object(pairs)
    }

    static func encode(_ section: [SectionRef]) -> JSONValue {
        .array(section.map { .object([("marker", .string($0.marker)), ("title", .string($0.title))]) })
    }

    /// `fields` as a map from printed header to text (SPEC §3.2), in source order; a header
    /// printed twice gets ` (2)` so no column is lost. Its keys vary with the documents: readers
    /// declare it as a map (DuckDB `MAP(VARCHAR, VARCHAR)`, Spark `MapType`), as the schema says.
    static func encode(_ fields: [FieldValue]) -> JSONValue {
        var seen: [String: Int] = [:]
        return .object(fields.map { field in
            let count = (seen[field.header] ?? 0) + 1
            seen[field.header] = count
            return (count == 1 ? field.header : "\(field.header) (\(count))", .string(field.text))
        })
    }

    static func encode(_ original: TaskOriginal) -> JSONValue {
        var pairs: [(String, JSONValue)] = []
        if let section = original.section { pairs.append(("section", encode(section))) }
        if let title = original.title { pairs.append(("title", .string(title))) }
        if let target = original.target { pairs.append(("target", .string(target))) }
        if let measures = original.measures { pairs.append(("measures", .string(measures))) }
        if let milestones = original.milestones { pairs.append(("milestones", .strings(milestones))) }
        if let leaders = original.leaders { pairs.append(("leaders", .strings(leaders))) }
        if let units = original.leadUnits { pairs.append(("lead_units", .strings(units))) }
        if let units = original.supportUnits { pairs.append(("support_units", .strings(units))) }
        if let fields = original.fields { pairs.append(("fields", encode(fields))) }
        return .object(pairs)
    }

    public static func encode(_ quantity: Quantity) -> JSONValue {
        var pairs: [(String, JSONValue)] = [("text", .string(quantity.text))]
        if let value = quantity.value { pairs.append(("value", .number(value.description))) }
        if let min = quantity.min { pairs.append(("min", .number(min.description))) }
        if let max = quantity.max { pairs.append(("max", .number(max.description))) }
        pairs.append(("unit", .optional(quantity.unit)))
        pairs.append(("cmp", .string(quantity.comparator.rawValue)))
        if !quantity.per.isEmpty { pairs.append(("per", .strings(quantity.per))) }
        if let currency = quantity.currency { pairs.append(("currency", .string(currency))) }
        if quantity.isTarget { pairs.append(("target", .bool(true))) }
        if let field = quantity.field { pairs.append(("field", .string(field))) }
        if let note = quantity.note { pairs.append(("note", .string(note))) }
        return .object(pairs)
    }

    /// A set (SPEC §5) is `{type, grain, ref, parts}`: it has no one start or end.
    public static func encode(_ time: TimeExpression) -> JSONValue {
        var pairs: [(String, JSONValue)] = [
            ("type", .string(time.kind.rawValue)),
            ("grain", .string(time.grain.rawValue)),
            ("ref", .string(time.ref)),
        ]
        if time.kind == .set {
            pairs.append(("parts", .array(time.parts.map(encode))))
        } else {
            pairs.append(("start", .optional(time.start?.description)))
            pairs.append(("end", .optional(time.end?.description)))
        }
        if time.isAmbiguous { pairs.append(("ambiguous", .bool(true))) }
        return .object(pairs)
    }

    public static func encode(_ diagnostic: Diagnostic) -> JSONValue {
        .object([
            ("code", .string(diagnostic.code.rawValue)),
            ("message", .string(diagnostic.message)),
            ("line", diagnostic.line.map(JSONValue.integer) ?? .null),
        ])
    }

    public static func encode(_ failure: FileFailure) -> JSONValue {
        .object([
            ("path", .string(failure.path)),
            ("sha256", .optional(failure.sha256)),
            ("stage", .string(failure.stage)),
            ("code", .string(failure.code.rawValue)),
            ("message", .string(failure.message)),
        ])
    }
}
