/// The `document` record: one per input file, written before its tasks (SPEC §3.1).
public struct DocumentRecord: Hashable, Sendable {
    public var source: SourceInfo
    public var title: String?
    /// 发布机构 / 制表单位.
    public var issuer: String?
    /// 文号, e.g. 东府〔2020〕1号.
    public var docNumber: String?
    public var dates: DocumentDates
    /// The year the plan is about; resolves 一季度 and other year-less times.
    public var year: Int?
    public var script: ScriptInfo
    public var columns: [ColumnMapping]
    public var sections: [SectionSummary]
    public var repairs: [Repair]
    public var warnings: [Diagnostic]

    public init(
        source: SourceInfo, title: String? = nil, issuer: String? = nil, docNumber: String? = nil,
        dates: DocumentDates = DocumentDates(), year: Int? = nil,
        script: ScriptInfo = ScriptInfo(detected: .simplified, converted: 0),
        columns: [ColumnMapping] = [], sections: [SectionSummary] = [], repairs: [Repair] = [],
        warnings: [Diagnostic] = []
    ) {
        self.source = source
        self.title = title
        self.issuer = issuer
        self.docNumber = docNumber
        self.dates = dates
        self.year = year
        self.script = script
        self.columns = columns
        self.sections = sections
        self.repairs = repairs
        self.warnings = warnings
    }

    public var docID: String { source.docID }
}
