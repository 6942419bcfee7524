public import Emit
import Normalize
import PlanModel

/// `plan2json extract`: lines in, one JSON object per line out with the line cleaned and in
/// simplified script, its quantities and its times — so an analyst can check a phrase.
public enum PhraseExtractor {
    /// Input that is not text `extract` can read, with a message that names the problem.
    public struct InputError: Error, CustomStringConvertible {
        public let description: String
    }

    /// The lines of UTF-8 input: split at LF, CRLF or a lone CR, with no empty line after a
    /// final line break. Input that is not UTF-8 is refused with the first bad byte and its line
    /// (and UTF-16 named when a byte-order mark shows it): a guess would turn phrases into
    /// mojibake without a word.
    public static func lines(of bytes: [UInt8]) throws(InputError) -> [String] {
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            throw InputError(description: "stdin is UTF-16 (it starts with a byte-order mark); extract reads UTF-8")
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            var offset = 0
            var iterator = bytes.makeIterator()
            var decoder = UTF8()
            decoding: while true {
                switch decoder.decode(&iterator) {
                case .scalarValue(let scalar): offset += UTF8.width(scalar)
                case .emptyInput, .error: break decoding
                }
            }
            let line = bytes[..<offset].count(where: { $0 == 0x0A }) + 1
            let byte = String(bytes[offset], radix: 16, uppercase: true)
            throw InputError(
                description: "stdin is not valid UTF-8: byte 0x\(byte.count == 1 ? "0" + byte : byte) at offset \(offset) (line \(line)); "
                    + "extract reads UTF-8 (convert GB18030 or Big5 first, e.g. with iconv)")
        }
        var lines: [String] = []
        var current = String.UnicodeScalarView()
        var afterCR = false
        for scalar in text.unicodeScalars {
            if scalar == "\n", afterCR {
                afterCR = false
                continue
            }
            afterCR = scalar == "\r"
            if scalar == "\n" || scalar == "\r" {
                lines.append(String(current))
                current = String.UnicodeScalarView()
            } else {
                current.append(scalar)
            }
        }
        if !current.isEmpty { lines.append(String(current)) }
        return lines
    }

    /// Script is detected once over all the lines (a run), then each line is converted.
    public static func extract(_ lines: [String], year: Int?, keepScript: Bool = false) -> [JSONValue] {
        let cleaned = lines.map { UnicodeCleaner.clean($0) }
        let detection = ScriptDetector.detect(cleaned.joined(separator: "\n"))
        let converter = keepScript ? nil : detection.profile.map { ScriptConverter(profile: $0) }
        return cleaned.map { line in
            let text = converter?.convert(line) ?? line
            let times = TimeParser.parse(text, year: year).map { match -> JSONValue in
                guard case .object(let pairs) = RecordEncoder.encode(match.time) else { return .null }
                return .object([("text", .string(match.text))] + pairs)
            }
            return .object([
                ("text", .string(text)),
                ("quantities", .array(QuantityParser.parse(text).map(RecordEncoder.encode))),
                ("times", .array(times)),
            ])
        }
    }
}
