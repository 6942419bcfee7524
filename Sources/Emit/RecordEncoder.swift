public import PlanModel

/// Writes records as JSON, keys in the fixed order of SPEC §3: the one place that names the
/// keys and order of every record. It writes bytes (`JSONBytes`), in the worker that converted
/// the file; the `JSONValue` forms (inspect, extract, tests) read those bytes back, so the key
/// lists are never written out twice.
public enum RecordEncoder {
    /// The value of every record's `schema` key: the version of the record shapes.
    public static let schemaVersion = "plan2json/1"

    // MARK: Records

    /// `{"type":"document","schema":"plan2json/1","doc_id":"`: every document line starts so,
    /// its 16-digit id next (an incremental run finds documents in an old records.jsonl by it).
    public static let documentLinePrefix: [UInt8] = Array(#"{"type":"document","schema":""#.utf8) + Array(schemaVersion.utf8)
        + Array(#"","doc_id":""#.utf8)
    /// `{"type":"task","schema":"plan2json/1","id":"`: every task line starts so.
    public static let taskLinePrefix: [UInt8] = Array(#"{"type":"task","schema":""#.utf8) + Array(schemaVersion.utf8)
        + Array(#"","id":""#.utf8)

    /// What a document line starts with, up to and including its `source.path`: an
    /// incremental run checks a line it keeps by these bytes.
    public static func writeDocumentLineStart(docID: String, path: String, into json: inout JSONBytes) {
        json.append(documentLinePrefix)
        json.stringAfterQuote(docID)
        json.string(path, after: #","source":{"path":"#)
    }

    public static func write(_ document: DocumentRecord, into json: inout JSONBytes) {
        let source = document.source
        writeDocumentLineStart(docID: document.docID, path: source.path, into: &json)
        json.raw(#","bytes":"#)
        json.integer(source.bytes)
        json.string(source.sha256, after: #","sha256":"#)
        json.string(source.encoding, after: #","encoding":"#)
        json.string(source.encodingSource.rawValue, after: #","encoding_source":"#)
        json.string(source.format.rawValue, after: #","format":"#)
        json.string(document.title, after: #"},"title":"#)
        json.string(document.issuer, after: #","issuer":"#)
        json.string(document.docNumber, after: #","doc_number":"#)
        json.raw(#","dates":{"issued":"#)
        json.date(document.dates.issued)
        json.raw(#","published":"#)
        json.date(document.dates.published)
        json.raw(#"},"year":"#)
        json.integer(document.year)
        json.string(document.script.detected.rawValue, after: #","script":{"detected":"#)
        json.raw(#","converted":"#)
        json.integer(document.script.converted)
        json.raw(#"},"columns":["#)
        for (index, column) in document.columns.enumerated() {
            if index > 0 { json.byte(UInt8(ascii: ",")) }
            json.string(column.header, after: #"{"header":"#)
            json.string(column.field?.rawValue, after: #","field":"#)
            json.byte(UInt8(ascii: "}"))
        }
        json.raw(#"],"sections":["#)
        for (index, section) in document.sections.enumerated() {
            if index > 0 { json.byte(UInt8(ascii: ",")) }
            json.string(section.marker, after: #"{"marker":"#)
            json.string(section.title, after: #","title":"#)
            json.raw(#","declared":"#)
            json.integer(section.declared)
            json.raw(#","found":"#)
            json.integer(section.found)
            json.raw(#","depth":"#)
            json.integer(section.path.count)
            json.raw(#","line":"#)
            json.integer(section.line)
            json.byte(UInt8(ascii: "}"))
        }
        json.raw(#"],"repairs":["#)
        for (index, repair) in document.repairs.enumerated() {
            if index > 0 { json.byte(UInt8(ascii: ",")) }
            json.string(repair.kind.rawValue, after: #"{"kind":"#)
            json.raw(#","line":"#)
            json.integer(repair.line)
            json.string(repair.before, after: #","before":"#)
            json.string(repair.after, after: #","after":"#)
            json.raw(#","certain":"#)
            json.bool(repair.isCertain)
            json.byte(UInt8(ascii: "}"))
        }
        json.raw(#"],"warnings":"#)
        write(document.warnings, into: &json)
        json.byte(UInt8(ascii: "}"))
    }

    public static func write(_ task: TaskRecord, into json: inout JSONBytes) {
        json.append(taskLinePrefix)
        json.stringAfterQuote(task.id)
        json.string(task.docID, after: #","doc_id":"#)
        json.raw(#","seq":"#)
        json.integer(task.seq)
        json.string(task.number, after: #","number":"#)
        json.raw(#","section":"#)
        write(task.section, into: &json)
        json.string(task.title, after: #","title":"#)
        json.string(task.target, after: #","target":"#)
        json.string(task.measures, after: #","measures":"#)
        json.raw(#","milestones":["#)
        // Through the buffer: each milestone is read where it is, not copied out first.
        task.milestones.withUnsafeBufferPointer { milestones in
            for index in milestones.indices {
                if index > 0 { json.byte(UInt8(ascii: ",")) }
                json.raw(#"{"when":"#)
                write(milestones[index].when, into: &json)
                json.string(milestones[index].text, after: #","text":"#)
                json.byte(UInt8(ascii: "}"))
            }
        }
        json.raw(#"],"leaders":"#)
        json.strings(task.leaders)
        json.raw(#","lead_units":"#)
        json.strings(task.leadUnits)
        json.raw(#","support_units":"#)
        json.strings(task.supportUnits)
        json.raw(#","quantities":"#)
        write(task.quantities, into: &json)
        json.raw(#","fields":"#)
        write(task.fields, into: &json)
        json.string(task.source.path, after: #","source":{"path":"#)
        json.raw(#","line_start":"#)
        json.integer(task.source.span.lineStart)
        json.raw(#","line_end":"#)
        json.integer(task.source.span.lineEnd)
        json.byte(UInt8(ascii: "}"))
        if let original = task.original {
            json.raw(#","original":"#)
            write(original, into: &json)
        }
        json.raw(#","warnings":"#)
        write(task.warnings, into: &json)
        json.byte(UInt8(ascii: "}"))
    }

    /// A line of errors.jsonl.
    public static func write(_ failure: FileFailure, into json: inout JSONBytes) {
        json.raw(#"{"path":"#)
        writeFailureFields(failure, into: &json)
    }

    /// A failure as a record of the `--input-jsonl` stream: `type` and `schema`, then the keys of errors.jsonl.
    public static func writeErrorRecord(_ failure: FileFailure, into json: inout JSONBytes) {
        json.string(schemaVersion, after: #"{"type":"error","schema":"#)
        json.raw(#","path":"#)
        writeFailureFields(failure, into: &json)
    }

    private static func writeFailureFields(_ failure: FileFailure, into json: inout JSONBytes) {
        json.string(failure.path)
        json.string(failure.sha256, after: #","sha256":"#)
        json.string(failure.stage, after: #","stage":"#)
        json.string(failure.code.rawValue, after: #","code":"#)
        json.string(failure.message, after: #","message":"#)
        json.byte(UInt8(ascii: "}"))
    }

    // MARK: Parts

    static func write(_ section: [SectionRef], into json: inout JSONBytes) {
        json.byte(UInt8(ascii: "["))
        section.withUnsafeBufferPointer { section in
            for index in section.indices {
                if index > 0 { json.byte(UInt8(ascii: ",")) }
                json.string(section[index].marker, after: #"{"marker":"#)
                json.string(section[index].title, after: #","title":"#)
                json.byte(UInt8(ascii: "}"))
            }
        }
        json.byte(UInt8(ascii: "]"))
    }

    /// `fields` as a map from printed header to text (SPEC §3.2), in source order; a header
    /// printed twice gets ` (2)` so no column is lost. Its keys vary with the documents: readers
    /// declare it as a map (DuckDB `MAP(VARCHAR, VARCHAR)`, Spark `MapType`), as the schema says.
    static func write(_ fields: [FieldValue], into json: inout JSONBytes) {
        json.byte(UInt8(ascii: "{"))
        fields.withUnsafeBufferPointer { fields in
            guard let first = fields.baseAddress else { return }
            // Plain headers (nearly all) are the same text exactly when their bytes are.
            var plainHeaders = true
            for index in fields.indices where !CanonicalText.isPlain(fields[index].header) {
                plainHeaders = false
            }
            // Nearly always each header is printed once: then none is counted.
            let repeated = fields.indices.contains { earlierCount(of: $0, in: fields, plain: plainHeaders) > 1 }
            for index in fields.indices {
                let field = first + index
                if repeated, case let count = earlierCount(of: index, in: fields, plain: plainHeaders), count > 1 {
                    if index > 0 { json.byte(UInt8(ascii: ",")) }
                    json.string("\(field.pointee.header) (\(count))")
                } else if index > 0 {
                    json.string(at: field.header, after: ",")
                } else {
                    json.string(at: field.header, after: "")
                }
                json.string(at: field.text, after: ":")
            }
        }
        json.byte(UInt8(ascii: "}"))
    }

    /// 1 and how many headers before the one at `index` are the same text as it. Headers are
    /// few: comparing each pair beats building a dictionary per task.
    static func earlierCount(of index: Int, in fields: UnsafeBufferPointer<FieldValue>, plain: Bool) -> Int {
        var count = 1
        for earlier in 0..<index {
            let same = plain
                ? CanonicalText.sameBytes(fields[earlier].header, fields[index].header)
                : fields[earlier].header == fields[index].header
            if same { count += 1 }
        }
        return count
    }

    static func write(_ original: TaskOriginal, into json: inout JSONBytes) {
        json.byte(UInt8(ascii: "{"))
        var first = true
        func key(_ name: StaticString, _ json: inout JSONBytes) {
            if !first { json.byte(UInt8(ascii: ",")) }
            first = false
            json.raw(name)
        }
        if let section = original.section {
            key(#""section":"#, &json)
            write(section, into: &json)
        }
        if let title = original.title {
            key(#""title":"#, &json)
            json.string(title)
        }
        if let target = original.target {
            key(#""target":"#, &json)
            json.string(target)
        }
        if let measures = original.measures {
            key(#""measures":"#, &json)
            json.string(measures)
        }
        if let milestones = original.milestones {
            key(#""milestones":"#, &json)
            json.strings(milestones)
        }
        if let leaders = original.leaders {
            key(#""leaders":"#, &json)
            json.strings(leaders)
        }
        if let units = original.leadUnits {
            key(#""lead_units":"#, &json)
            json.strings(units)
        }
        if let units = original.supportUnits {
            key(#""support_units":"#, &json)
            json.strings(units)
        }
        if let fields = original.fields {
            key(#""fields":"#, &json)
            write(fields, into: &json)
        }
        json.byte(UInt8(ascii: "}"))
    }

    public static func write(_ quantities: [Quantity], into json: inout JSONBytes) {
        json.byte(UInt8(ascii: "["))
        quantities.withUnsafeBufferPointer { quantities in
            guard let first = quantities.baseAddress else { return }
            for index in quantities.indices {
                if index > 0 { json.byte(UInt8(ascii: ",")) }
                write(at: first + index, into: &json)
            }
        }
        json.byte(UInt8(ascii: "]"))
    }

    public static func write(_ quantity: Quantity, into json: inout JSONBytes) {
        withUnsafePointer(to: quantity) { write(at: $0, into: &json) }
    }

    /// The quantity at `quantity` (an element of an array), read where it is: each part as it
    /// is written, not the whole quantity copied out first.
    static func write(at quantity: UnsafePointer<Quantity>, into json: inout JSONBytes) {
        json.string(at: quantity.property(\.text), after: #"{"text":"#)
        if let value = quantity.pointee.value {
            json.raw(#","value":"#)
            json.decimal(value)
        }
        if let min = quantity.pointee.min {
            json.raw(#","min":"#)
            json.decimal(min)
        }
        if let max = quantity.pointee.max {
            json.raw(#","max":"#)
            json.decimal(max)
        }
        json.string(quantity.pointee.unit, after: #","unit":"#)
        json.string(quantity.pointee.comparator.rawValue, after: #","cmp":"#)
        if !quantity.pointee.per.isEmpty {
            json.raw(#","per":"#)
            json.strings(quantity.pointee.per)
        }
        if let currency = quantity.pointee.currency {
            json.string(currency, after: #","currency":"#)
        }
        if quantity.pointee.isTarget { json.raw(#","target":true"#) }
        if let field = quantity.pointee.field {
            json.string(field, after: #","field":"#)
        }
        if let note = quantity.pointee.note {
            json.string(note, after: #","note":"#)
        }
        json.byte(UInt8(ascii: "}"))
    }

    /// A milestone's time, or `null`.
    static func write(_ time: TimeExpression?, into json: inout JSONBytes) {
        switch time {
        case .some(let time): write(time, into: &json)
        case .none: json.null()
        }
    }

    /// A set (SPEC §5) is `{type, grain, ref, parts}`: it has no one start or end.
    public static func write(_ time: TimeExpression, into json: inout JSONBytes) {
        json.string(time.kind.rawValue, after: #"{"type":"#)
        json.string(time.grain.rawValue, after: #","grain":"#)
        json.string(time.ref, after: #","ref":"#)
        if time.kind == .set {
            json.raw(#","parts":["#)
            time.parts.withUnsafeBufferPointer { parts in
                for index in parts.indices {
                    if index > 0 { json.byte(UInt8(ascii: ",")) }
                    write(parts[index], into: &json)
                }
            }
            json.byte(UInt8(ascii: "]"))
        } else {
            json.raw(#","start":"#)
            json.date(time.start)
            json.raw(#","end":"#)
            json.date(time.end)
        }
        if time.isAmbiguous { json.raw(#","ambiguous":true"#) }
        json.byte(UInt8(ascii: "}"))
    }

    static func write(_ diagnostics: [Diagnostic], into json: inout JSONBytes) {
        json.byte(UInt8(ascii: "["))
        diagnostics.withUnsafeBufferPointer { diagnostics in
            for index in diagnostics.indices {
                if index > 0 { json.byte(UInt8(ascii: ",")) }
                write(diagnostics[index], into: &json)
            }
        }
        json.byte(UInt8(ascii: "]"))
    }

    public static func write(_ diagnostic: Diagnostic, into json: inout JSONBytes) {
        json.string(diagnostic.code.rawValue, after: #"{"code":"#)
        json.string(diagnostic.message, after: #","message":"#)
        json.raw(#","line":"#)
        json.integer(diagnostic.line)
        json.byte(UInt8(ascii: "}"))
    }

    // MARK: As JSON values (read back from the bytes)

    /// A document's records in the order `records.jsonl` holds them: the document, then its tasks.
    public static func encode(_ document: NormalizedDocument) -> [JSONValue] {
        [encode(document.document)] + document.tasks.map(encode)
    }

    public static func encode(_ document: DocumentRecord) -> JSONValue { value { write(document, into: &$0) } }
    public static func encode(_ task: TaskRecord) -> JSONValue { value { write(task, into: &$0) } }
    public static func encode(_ quantity: Quantity) -> JSONValue { value { write(quantity, into: &$0) } }
    public static func encode(_ time: TimeExpression) -> JSONValue { value { write(time, into: &$0) } }
    public static func encode(_ diagnostic: Diagnostic) -> JSONValue { value { write(diagnostic, into: &$0) } }
    public static func encode(_ failure: FileFailure) -> JSONValue { value { write(failure, into: &$0) } }

    private static func value(_ build: (inout JSONBytes) -> Void) -> JSONValue {
        var json = JSONBytes()
        build(&json)
        // What the encoder writes is JSON by construction.
        return try! JSONParser.parse(bytes: json.bytes)
    }
}

extension UnsafePointer<FieldValue> {
    /// The header, in place.
    fileprivate var header: UnsafePointer<String> { property(\.header) }
    /// The text, in place.
    fileprivate var text: UnsafePointer<String> { property(\.text) }
}

extension UnsafePointer {
    /// The stored property at `path` of the value here, in place (the offset is folded at compile time).
    fileprivate func property<Value>(_ path: KeyPath<Pointee, Value>) -> UnsafePointer<Value> {
        UnsafeRawPointer(self).advanced(by: MemoryLayout<Pointee>.offset(of: path)!).assumingMemoryBound(to: Value.self)
    }
}
