import Emit
import TestSupport
import PlanModel
import Testing

@Suite struct RecordSchemaTests {
    static let validator = SchemaValidator(root: RecordSchema.json)

    static var document: DocumentRecord {
        DocumentRecord(
            source: SourceInfo(
                path: "a.txt", bytes: 3, sha256: String(repeating: "0f", count: 32), encoding: "utf-8",
                encodingSource: .detected, format: .tableDump),
            title: "计划", year: 2023, columns: [ColumnMapping(header: "牵头单位", field: .leadUnits)],
            sections: [SectionSummary(path: [SectionRef(marker: "一", title: "甲")], declared: 2, found: 2, line: 5)],
            repairs: [Repair(kind: .placeholder, line: 3, before: "?", after: "", isCertain: false)],
            warnings: [Diagnostic(.pageNumberDropped, "dropped", line: 9)])
    }

    static var task: TaskRecord {
        TaskRecord(
            id: "0f0f0f0f0f0f0f0f/一/1", docID: "0f0f0f0f0f0f0f0f", seq: 1, number: "1",
            section: [SectionRef(marker: "一", title: "甲")], title: "建设", milestones: [
                Milestone(when: TimeExpression(
                    kind: .interval, grain: .quarter, ref: "2023-Q1", start: CalendarDate(year: 2023, month: 1, day: 1),
                    end: CalendarDate(year: 2023, month: 3, day: 31)), text: "一季度，建设。"),
                Milestone(when: nil, text: "持续推进。"),
            ], leaders: ["黎军"], leadUnits: ["市局"],
            quantities: [Quantity(text: "7.44万个", value: ExactDecimal("74400"), unit: "个", field: "title")],
            fields: [FieldValue(header: "牵头单位", text: "市局")],
            source: TaskSource(path: "a.txt", span: SourceSpan(lineStart: 5, lineEnd: 9)),
            original: {
                var original = TaskOriginal()
                original.title = "建設"
                return original
            }())
    }

    @Test func recordsOfEveryShapeValidate() {
        #expect(Self.validator.validate(RecordEncoder.encode(Self.document)) == [])
        #expect(Self.validator.validate(RecordEncoder.encode(Self.task)) == [])
    }

    @Test func theValidatorCatchesWhatTheSchemaForbids() throws {
        guard case .object(var pairs) = RecordEncoder.encode(Self.task) else { Issue.record("not an object"); return }
        pairs.removeAll { $0.0 == "title" }
        #expect(Self.validator.validate(.object(pairs)).contains("$: 0 of 3 alternatives of oneOf match"))
        let extra = try JSONParser.parse(JSONSerializer.serialize(RecordEncoder.encode(Self.document)).replacing("\"year\":2023", with: "\"year\":\"2023\""))
        #expect(!Self.validator.validate(extra).isEmpty)
    }

    @Test func recordKeysComeInTheSpecifiedOrder() throws {
        let document = try #require(RecordEncoder.encode(Self.document).objectValue).map(\.0)
        #expect(document == [
            "type", "schema", "doc_id", "source", "title", "issuer", "doc_number", "dates", "year", "script", "columns",
            "sections", "repairs", "warnings",
        ])
        let task = try #require(RecordEncoder.encode(Self.task).objectValue).map(\.0)
        #expect(task == [
            "type", "schema", "id", "doc_id", "seq", "number", "section", "title", "target", "measures", "milestones",
            "leaders", "lead_units", "support_units", "quantities", "fields", "source", "original", "warnings",
        ])
    }

    /// A field added to `TaskRecord` or `DocumentRecord` and forgotten by the encoder fails here:
    /// every stored property has its key (`leadUnits` → `lead_units`, `docID` → `doc_id`).
    @Test func everyStoredFieldIsEncoded() throws {
        func key(_ property: String) -> String {
            var key = ""
            for character in property.replacing("ID", with: "Id") {
                if character.isUppercase { key += "_" + character.lowercased() } else { key.append(character) }
            }
            return key
        }
        let taskKeys = Set(try #require(RecordEncoder.encode(Self.task).objectValue).map(\.0))
        for child in Mirror(reflecting: Self.task).children {
            let name = try #require(child.label)
            #expect(taskKeys.contains(key(name)), "TaskRecord.\(name) is not in the task line")
        }
        let documentKeys = Set(try #require(RecordEncoder.encode(Self.document).objectValue).map(\.0))
        for child in Mirror(reflecting: Self.document).children {
            let name = try #require(child.label)
            #expect(documentKeys.contains(key(name)), "DocumentRecord.\(name) is not in the document line")
        }
    }

    @Test func quantitiesAreExactDecimalsWithOptionalKeysLeftOut() {
        let quantity = Quantity(
            text: "50-100亿元", min: ExactDecimal("5000000000"), max: ExactDecimal("10000000000"), unit: "元",
            comparator: .between, currency: "CNY")
        #expect(JSONSerializer.serialize(RecordEncoder.encode(quantity))
            == #"{"text":"50-100亿元","min":5000000000,"max":10000000000,"unit":"元","cmp":"between","currency":"CNY"}"#)
    }
}
