import Ingest
import Normalize
import PlanModel

/// Builds records from text the way the pipeline does, for tests.
enum Records {
    static let info = SourceInfo(
        path: "test.txt", bytes: 0, sha256: String(repeating: "ab", count: 32), encoding: "utf-8",
        encodingSource: .detected, format: .tableDump)

    static func fromTableDump(_ text: String) -> NormalizedDocument {
        DocumentNormalizer.normalize(TableDumpReader().read(text), info: info)
    }

    static func fromPlainText(_ text: String) -> NormalizedDocument {
        var info = info
        info.format = .text
        return DocumentNormalizer.normalize(PlainTextReader().read(text), info: info)
    }
}

extension Records {
    static func fromHTML(_ text: String) -> NormalizedDocument {
        var info = info
        info.format = .html
        return DocumentNormalizer.normalize(HTMLReader().read(text), info: info)
    }
}
