public import PlanModel
import Ingest
public import Normalize

/// One file from bytes to records: detect, decode, read, normalize. Never throws and never
/// crashes on bad input: what cannot be read becomes a `FileFailure` naming the reason.
public enum FileConverter {
    public static func convert(bytes: [UInt8], path: String, options: NormalizeOptions = NormalizeOptions())
        -> Result<NormalizedDocument, FileFailure>
    {
        convert(bytes: bytes, path: path, sha256: SHA256.hex(of: bytes), options: options)
    }

    static func convert(bytes: [UInt8], path: String, sha256: String, options: NormalizeOptions)
        -> Result<NormalizedDocument, FileFailure>
    {
        switch read(bytes: bytes, path: path, sha256: sha256) {
        case .failure(let failure):
            return .failure(failure)
        case .success(let read):
            return .success(DocumentNormalizer.normalize(read.source, info: read.info, options: options))
        }
    }

    /// A file read into the document model, before normalizing.
    public struct ReadDocument: Sendable {
        public var source: SourceDocument
        public var info: SourceInfo
        /// Why the decoder chose the encoding.
        public var encodingReason: String
    }

    /// Detection, decoding and reading: what `inspect` shows before normalizing.
    public static func read(bytes: [UInt8], path: String, sha256: String) -> Result<ReadDocument, FileFailure> {
        if bytes.isEmpty {
            return .failure(FileFailure(path: path, sha256: sha256, stage: "decode", code: .emptyFile, message: "the file is empty"))
        }
        if let kind = FormatDetector.binaryKind(of: bytes) {
            return .failure(FileFailure(
                path: path, sha256: sha256, stage: "detect", code: .binaryFile,
                message: "\(kind), not a text, HTML or table-dump document; convert it to text or HTML first"))
        }
        let decoded: DecodedText
        switch TextDecoder.decode(bytes) {
        case .success(let text): decoded = text
        case .failure(let failure):
            return .failure(FileFailure(path: path, sha256: sha256, stage: "decode", code: failure.code, message: failure.message))
        }
        let format = FormatDetector.format(of: decoded.text)
        let reader: any DocumentReader =
            switch format {
            case .tableDump: TableDumpReader()
            case .html: HTMLReader()
            case .text: PlainTextReader()
            }
        var source = reader.read(decoded.text)
        source.diagnostics = decoded.warnings + source.diagnostics
        source.repairs = decoded.repairs + source.repairs
        let info = SourceInfo(
            path: path, bytes: bytes.count, sha256: sha256, encoding: decoded.encoding,
            encodingSource: decoded.encodingSource, format: format)
        return .success(ReadDocument(source: source, info: info, encodingReason: decoded.reason))
    }
}
