// STUB — replaced by BOM / declared / detected decoding (issue 5).
public import PlanModel

/// Why a file could not be turned into text.
public struct DecodeFailure: Error, Hashable, Sendable {
    public var code: DiagnosticCode
    public var message: String

    public init(code: DiagnosticCode, message: String) {
        self.code = code
        self.message = message
    }
}

/// Bytes → text, in a fixed order: BOM, strict UTF-8, declared charset, detection.
public enum TextDecoder {
    public static func decode(_ bytes: [UInt8]) -> Result<DecodedText, DecodeFailure> {
        if bytes.isEmpty { return .failure(DecodeFailure(code: .emptyFile, message: "the file is empty")) }
        var body = bytes[...]
        var source = EncodingSource.detected
        if body.starts(with: [0xEF, 0xBB, 0xBF]) {
            body = body.dropFirst(3)
            source = .bom
        }
        guard let text = String(validating: body, as: UTF8.self) else {
            return .failure(DecodeFailure(code: .decodeFailed, message: "not valid UTF-8"))
        }
        let normalised = text.replacing("\r\n", with: "\n").replacing("\r", with: "\n")
        return .success(DecodedText(text: normalised, encoding: "utf-8", encodingSource: source, reason: "valid UTF-8"))
    }
}
