public import Emit
import Normalize
import PlanModel

/// `plan2json extract`: lines in, one JSON object per line out with the line cleaned and in
/// simplified script, its quantities and its times — so an analyst can check a phrase.
public enum PhraseExtractor {
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
