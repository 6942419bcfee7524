/// The JSON Schema (draft 2020-12) of the records: what `plan2json schema` prints and what
/// every emitted record is tested against.
public enum RecordSchema {
    public static var json: JSONValue {
        .object([
            ("$schema", .string("https://json-schema.org/draft/2020-12/schema")),
            ("$id", .string("urn:plan2json:schema:1")),
            ("title", .string("plan2json records")),
            ("description", .string(
                "One JSON object per line of records.jsonl: a document record, then its task records. "
                    + "The stream of `convert --input-jsonl` also holds error records, one per document that failed.")),
            ("oneOf", .array([ref("document"), ref("task"), ref("error")])),
            ("$defs", .object([
                ("document", document),
                ("task", task),
                ("section_ref", object([("marker", string), ("title", string)])),
                // One fixed type for every document, whatever its headers: a map from printed header
                // to text (read it as MAP(VARCHAR, VARCHAR) in DuckDB, MapType in Spark).
                ("field", .object([
                    ("description", .string("a map from each printed column header or label to its cleaned text, in source order; a header printed twice is suffixed ' (2)'")),
                    ("type", .string("object")),
                    ("additionalProperties", string),
                ])),
                ("milestone", object([("when", nullable(ref("time"))), ("text", string)])),
                ("quantity", quantity),
                ("time", .object([("oneOf", .array([ref("period"), ref("time_set")]))])),
                ("period", period),
                ("time_set", timeSet),
                ("diagnostic", object([("code", string), ("message", string), ("line", nullable(integer))])),
                ("failure", object(failureProperties)),
                ("error", object([("type", constant("error")), ("schema", constant(RecordEncoder.schemaVersion))] + failureProperties)),
            ])),
        ])
    }

    /// A line of errors.jsonl; after `type` and `schema`, an error record of the `--input-jsonl` stream.
    static let failureProperties: [(String, JSONValue)] = [
        ("path", string), ("sha256", nullable(string)), ("stage", string), ("code", string), ("message", string),
    ]

    static var document: JSONValue {
        object([
            ("type", constant("document")),
            ("schema", constant(RecordEncoder.schemaVersion)),
            ("doc_id", pattern("^[0-9a-f]{16}$")),
            ("source", object([
                ("path", string), ("bytes", integer), ("sha256", pattern("^[0-9a-f]{64}$")),
                ("encoding", enumeration(["utf-8", "gb18030", "big5", "utf-16le", "utf-16be", "utf-32le", "utf-32be"])),
                ("encoding_source", enumeration(["bom", "declared", "detected"])),
                ("format", enumeration(["table-dump", "html", "text"])),
            ])),
            ("title", nullable(string)),
            ("issuer", nullable(string)),
            ("doc_number", nullable(string)),
            ("dates", object([("issued", nullable(date)), ("published", nullable(date))])),
            ("year", nullable(integer)),
            ("script", object([("detected", enumeration(["hans", "hant", "mixed"])), ("converted", integer)])),
            ("columns", array(object([("header", string), ("field", nullable(enumeration(canonicalFields)))]))),
            ("sections", array(object([
                ("marker", string), ("title", string), ("declared", nullable(integer)), ("found", integer),
                ("depth", integer), ("line", integer),
            ]))),
            ("repairs", array(object([
                ("kind", enumeration(["gbk-byte-slip", "placeholder", "invalid-bytes", "misread-encoding"])), ("line", integer), ("before", string),
                ("after", string), ("certain", boolean),
            ]))),
            ("warnings", array(ref("diagnostic"))),
        ])
    }

    static var task: JSONValue {
        let text: [(String, JSONValue)] = [
            ("section", array(ref("section_ref"))),
            ("title", string),
            ("target", string),
            ("measures", string),
            ("milestones", array(string)),
            ("leaders", array(string)),
            ("lead_units", array(string)),
            ("support_units", array(string)),
            ("fields", ref("field")),
        ]
        return object([
            ("type", constant("task")),
            ("schema", constant(RecordEncoder.schemaVersion)),
            ("id", pattern("^[0-9a-f]{16}/.+$")),
            ("doc_id", pattern("^[0-9a-f]{16}$")),
            ("seq", .object([("type", .string("integer")), ("minimum", .number("1"))])),
            ("number", nullable(string)),
            ("section", array(ref("section_ref"))),
            ("title", string),
            ("target", nullable(string)),
            ("measures", nullable(string)),
            ("milestones", array(ref("milestone"))),
            ("leaders", array(string)),
            ("lead_units", array(string)),
            ("support_units", array(string)),
            ("quantities", array(ref("quantity"))),
            ("fields", ref("field")),
            ("source", object([("path", string), ("line_start", integer), ("line_end", integer)])),
            ("original", object(text, required: [])),
            ("warnings", array(ref("diagnostic"))),
        ], optional: ["original"])
    }

    static var quantity: JSONValue {
        object([
            ("text", string),
            ("value", number),
            ("min", number),
            ("max", number),
            ("unit", nullable(string)),
            ("cmp", enumeration(["=", ">=", ">", "<=", "<", "approx", "between"])),
            ("per", array(string)),
            ("currency", string),
            ("target", boolean),
            ("field", string),
            ("note", string),
        ], optional: ["value", "min", "max", "per", "currency", "target", "field", "note"])
    }

    static let grains = enumeration(["day", "xun", "month", "quarter", "half", "year"])

    /// One period, point or bound.
    static var period: JSONValue {
        object([
            ("type", enumeration(["interval", "date", "deadline", "as_of", "from", "recurrence"])),
            ("grain", grains),
            ("ref", string),
            ("start", nullable(date)),
            ("end", nullable(date)),
            ("ambiguous", boolean),
        ], optional: ["ambiguous"])
    }

    /// Periods that do not join up (一、三季度): no start or end, each period in `parts`.
    static var timeSet: JSONValue {
        object([
            ("type", constant("set")),
            ("grain", grains),
            ("ref", string),
            ("parts", array(ref("period"))),
            ("ambiguous", boolean),
        ], optional: ["ambiguous"])
    }

    static let canonicalFields = ["section", "title", "target", "measures", "milestones", "leaders", "lead_units", "support_units"]

    // MARK: Building blocks

    static let string: JSONValue = .object([("type", .string("string"))])
    static let integer: JSONValue = .object([("type", .string("integer"))])
    static let number: JSONValue = .object([("type", .string("number"))])
    static let boolean: JSONValue = .object([("type", .string("boolean"))])
    static let date: JSONValue = pattern("^[0-9]{4}-[0-9]{2}-[0-9]{2}$")

    static func ref(_ name: String) -> JSONValue { .object([("$ref", .string("#/$defs/\(name)"))]) }
    static func constant(_ value: String) -> JSONValue { .object([("const", .string(value))]) }
    static func pattern(_ regex: String) -> JSONValue { .object([("type", .string("string")), ("pattern", .string(regex))]) }
    static func array(_ items: JSONValue) -> JSONValue { .object([("type", .string("array")), ("items", items)]) }
    static func nullable(_ schema: JSONValue) -> JSONValue { .object([("anyOf", .array([schema, .object([("type", .string("null"))])]))]) }
    static func enumeration(_ values: [String]) -> JSONValue { .object([("enum", .array(values.map(JSONValue.string)))]) }

    /// A closed object: every listed property required unless named optional.
    static func object(_ properties: [(String, JSONValue)], optional: Set<String> = []) -> JSONValue {
        object(properties, required: properties.map(\.0).filter { !optional.contains($0) })
    }

    static func object(_ properties: [(String, JSONValue)], required: [String]) -> JSONValue {
        .object([
            ("type", .string("object")),
            ("properties", .object(properties)),
            ("required", .array(required.map(JSONValue.string))),
            ("additionalProperties", .bool(false)),
        ])
    }
}
