/// Every diagnostic code the tool emits. Add new ones here, nowhere else.
extension DiagnosticCode {
    // MARK: Reading files
    /// The file could not be read (permissions, vanished, a folder).
    public static let unreadable = DiagnosticCode(rawValue: "ingest.read.unreadable")
    /// The file has the same bytes as an earlier input; its records would repeat that one's ids.
    public static let duplicateContent = DiagnosticCode(rawValue: "ingest.read.duplicate")

    // MARK: Documents as JSON Lines (`convert --input-jsonl`)
    /// An input line is not a JSON object.
    public static let inputLineNotJSON = DiagnosticCode(rawValue: "ingest.input.notJSON")
    /// An input line lacks `path` or `content_base64`, or one of them is not a string.
    public static let inputLineMissingKey = DiagnosticCode(rawValue: "ingest.input.missingKey")
    /// An input line's `content_base64` is not valid base64.
    public static let inputLineBadBase64 = DiagnosticCode(rawValue: "ingest.input.badBase64")

    // MARK: Walking the input
    /// A folder inside the input could not be read (permissions); its files were not converted.
    public static let unreadableFolder = DiagnosticCode(rawValue: "pipeline.input.unreadableFolder")
    /// A symbolic link inside the input points at nothing.
    public static let danglingLink = DiagnosticCode(rawValue: "pipeline.input.danglingLink")
    /// A symbolic link inside the input leads back to a folder containing it.
    public static let linkLoop = DiagnosticCode(rawValue: "pipeline.input.linkLoop")

    // MARK: Decoding (bytes -> text)
    /// No encoding candidate decoded the file convincingly.
    public static let decodeFailed = DiagnosticCode(rawValue: "ingest.decode.failed")
    /// The file is empty.
    public static let emptyFile = DiagnosticCode(rawValue: "ingest.decode.empty")
    /// The file is a binary format (PDF, .doc, zip, image ...), not a text document.
    public static let binaryFile = DiagnosticCode(rawValue: "ingest.format.binary")
    /// The declared charset (HTML meta) disagreed with the bytes.
    public static let declaredCharsetIgnored = DiagnosticCode(rawValue: "ingest.decode.declaredCharsetIgnored")
    /// A few byte sequences were not valid in the file's encoding; they became U+FFFD (listed in `repairs`).
    public static let damagedBytes = DiagnosticCode(rawValue: "ingest.decode.damagedBytes")
    /// Text had been decoded with the wrong charset and saved again; it was decoded back (listed in `repairs`).
    public static let misreadEncodingReversed = DiagnosticCode(rawValue: "ingest.decode.misreadReversed")
    /// Text had been decoded with the wrong charset and saved again, losing bytes: it cannot be read back.
    public static let misreadEncodingLossy = DiagnosticCode(rawValue: "ingest.decode.misreadLossy")
    /// Control characters (NUL and the other C0 controls but tab, line breaks and form feed; DEL)
    /// were removed from the text: no document holds them, and most tools reading the records
    /// choke on a NUL. A zero-filled end is named: the download may be cut off.
    public static let controlCharactersRemoved = DiagnosticCode(rawValue: "ingest.decode.controlCharactersRemoved")

    // MARK: Table dumps
    /// An empty cell took the value of the merged cell above it.
    public static let mergedCellInherited = DiagnosticCode(rawValue: "ingest.table.mergedCellInherited")
    /// A cell held only a Word auto-number label (`23. `) where a merged cell should be empty.
    public static let autoNumberJunk = DiagnosticCode(rawValue: "ingest.table.autoNumberJunk")
    /// Two short rows cut by a page break were joined into one.
    public static let rowRejoined = DiagnosticCode(rawValue: "ingest.table.rowRejoined")
    /// A flattened table's header repeated after a page break was dropped.
    public static let headerRepeated = DiagnosticCode(rawValue: "ingest.table.headerRepeated")
    /// A row holding only a page number was dropped.
    public static let pageNumberDropped = DiagnosticCode(rawValue: "ingest.table.pageNumberDropped")
    /// A row had fewer cells than the header and was padded with empty cells.
    public static let raggedRow = DiagnosticCode(rawValue: "ingest.table.raggedRow")
    /// A row had more cells than the header; the extra cells are kept under numbered headers.
    public static let extraCells = DiagnosticCode(rawValue: "ingest.table.extraCells")
    /// A section's declared task count （共N项） differs from the tasks found under it.
    public static let sectionCountMismatch = DiagnosticCode(rawValue: "normalize.section.countMismatch")
    /// A 合计 / 总计 / 小计 row of a numeric table differs from the sum of the rows it totals.
    public static let totalMismatch = DiagnosticCode(rawValue: "normalize.table.totalMismatch")
    /// No column could be read as the task statement.
    public static let noTitleColumn = DiagnosticCode(rawValue: "normalize.table.noTitleColumn")
    /// Text outside any table or task was not used for records.
    public static let textIgnored = DiagnosticCode(rawValue: "ingest.text.ignored")

    // MARK: HTML and plain text
    /// An item number printed without its punctuation (`22大力…`) was read from the numbering around it.
    public static let impliedLabel = DiagnosticCode(rawValue: "normalize.outline.impliedLabel")
    public static let siteChromeDropped = DiagnosticCode(rawValue: "ingest.text.siteChromeDropped")
    /// An HTML table's rowspan/colspan would expand past the grid bound; spans past it fill one position.
    public static let spanBoundReached = DiagnosticCode(rawValue: "ingest.table.spanBoundReached")
    public static let htmlParseError = DiagnosticCode(rawValue: "ingest.html.parseError")
    public static let noPlanContent = DiagnosticCode(rawValue: "normalize.document.noPlanContent")
    /// No item names an owner: the items of the document's main numbering were taken as its tasks.
    public static let tasksWithoutOwners = DiagnosticCode(rawValue: "normalize.outline.tasksWithoutOwners")
}
