public import PlanModel
internal import Charsets

/// Why a file could not be turned into text.
public struct DecodeFailure: Error, Hashable, Sendable {
    public var code: DiagnosticCode
    public var message: String

    public init(code: DiagnosticCode, message: String) {
        self.code = code
        self.message = message
    }
}

/// Bytes → text, in a fixed order; the first step that is sure wins.
///
/// 1. A byte-order mark (UTF-8, UTF-16LE/BE, UTF-32LE/BE) states the encoding outright.
/// 2. Strict UTF-8: text in any other encoding almost never forms valid UTF-8 by accident, so
///    valid UTF-8 is UTF-8, whatever the page declares (sites copy `charset=gb2312` headers
///    onto UTF-8 pages).
/// 3. A declared charset (HTML meta or XML declaration in the first 4 KB): gb2312 and gbk are
///    read as their superset GB18030, big5 as Big5. A declaration is a claim, not proof: if
///    the bytes do not decode, or decode to unlikely text, it is ignored.
/// 4. Detection: decode strictly as GB18030, Big5 and (when the bytes hold NULs) UTF-16LE/BE,
///    score each result by how common its characters are (`TextPlausibility`), keep the best.
///    GB18030 and Big5 both accept most byte pairs, so strict decoding alone cannot choose.
///
/// When nothing is convincing the file fails: a wrong guess would turn into garbage records,
/// which is worse than an error. The text has a leading BOM removed and CRLF / lone CR turned
/// into "\n" one for one, so line numbers stay those of the original file; control characters
/// (a NUL, a zero-filled end) are removed with a warning (`ControlCharacters`).
public enum TextDecoder {
    public static func decode(_ bytes: [UInt8]) -> Result<DecodedText, DecodeFailure> {
        decodeText(bytes).map(ControlCharacters.removed(from:))
    }

    private static func decodeText(_ bytes: [UInt8]) -> Result<DecodedText, DecodeFailure> {
        if bytes.isEmpty { return .failure(DecodeFailure(code: .emptyFile, message: "the file is empty")) }

        if let mark = ByteOrderMark.find(in: bytes) {
            return decode(bytes, startingWith: mark)
        }

        let declared = DeclaredCharset.find(in: bytes)
        // CR and LF are single bytes in UTF-8 and never part of another character: line
        // breaks are normalised before the one validation that makes the text, not after it
        // with a second (`finished` then finds no CR).
        let lineBroken = bytes.withUnsafeBufferPointer(LineBreaks.normalizedBytes)
        if let text = StrictUTF8.string(lineBroken ?? bytes) {
            var decoded = finished(text, .utf8, .detected, "valid UTF-8", lineBreaksNormalized: true)
            if let declared, declared.readAs != .utf8 {
                let note = "the declared charset \(declared.label) does not fit: the bytes are valid UTF-8"
                decoded.reason += "; \(note)"
                decoded.warnings = [Diagnostic(.declaredCharsetIgnored, note)]
            }
            return reversingMisreadText(decoded)
        }

        var notes: [String] = []
        if let declared {
            switch declared.readAs {
            case .some(.utf8):
                notes.append("it declares \(declared.label) but is not valid UTF-8")
            case .some(let charset):
                let trial = Trial(bytes, as: charset)
                if let text = trial.text, let plausibility = trial.plausibility, plausibility.isConvincing {
                    let readAs = declared.label == charset.name ? "" : ", read as \(charset.displayName)"
                    return .success(finished(text, charset, .declared, "the page declares \(declared.label)\(readAs)"))
                }
                notes.append("its declared charset \(declared.label) \(trial.verdict)")
            case .none:
                notes.append("it declares \(declared.label), an encoding plan2json does not read")
            }
        }

        // UTF-16 only where NUL bytes show it: ASCII letter pairs read as UTF-16 are Han
        // characters, some of them common, and no legacy Chinese encoding uses NUL.
        var charsets: [SupportedCharset] = [.gb18030, .big5]
        if bytes.prefix(65_536).contains(0) { charsets += [.utf16le, .utf16be] }
        let trials = charsets.map { Trial(bytes, as: $0) }
        // Ties go to the earlier charset: GB18030 is by far the more common in these downloads.
        let best = trials.filter { $0.plausibility?.isConvincing == true }
            .max { ($0.plausibility?.score ?? -.infinity) < ($1.plausibility?.score ?? -.infinity) }
        if let best, let text = best.text, let plausibility = best.plausibility {
            let others = trials.filter { $0.charset != best.charset }
                .map { "\($0.charset.displayName) \($0.verdict)" }
            let reason = "\(plausibility.summary) as \(best.charset.displayName)"
                + (others.isEmpty ? "" : "; " + others.joined(separator: ", "))
                + notes.map { "; " + $0 }.joined()
            var decoded = finished(text, best.charset, .detected, reason)
            decoded.warnings = notes.map { Diagnostic(.declaredCharsetIgnored, "not used: " + $0) }
            return .success(decoded)
        }

        // A few damaged bytes in otherwise sound UTF-8 or GB18030 (the two encodings whose
        // structure shows where every character starts) are read around, each recorded as a
        // lossy repair; widespread damage is not (see `DamagedBytes`).
        var damageNotes: [String] = []
        for charset in [SupportedCharset.utf8, .gb18030] {
            let damage = DamagedBytes(bytes, as: charset)
            guard !damage.spans.isEmpty else { continue }
            guard damage.isLocalized else {
                damageNotes.append("as \(charset.displayName), \(damage.widespreadReason)")
                continue
            }
            guard let (text, repairs) = damage.decode(bytes) else { continue }
            let plausibility = TextPlausibility.measure(text)
            guard plausibility.isConvincing else {
                damageNotes.append("read around its damaged bytes as \(charset.displayName) it gives unlikely text (\(plausibility.summary))")
                continue
            }
            let places = damage.spans.count == 1 ? "1 place" : "\(damage.spans.count) places"
            let cutOff = damage.spans.last?.upperBound == bytes.count ? "; the file ends in the middle of a character (is it cut off?)" : ""
            let note = "\(damage.damagedByteCount) byte(s) in \(places) are not valid \(charset.displayName) and were replaced by U+FFFD (first on line \(repairs[0].line))\(cutOff)"
            var decoded = finished(text, charset, .detected, "\(charset.displayName) with damaged bytes: \(note)" + notes.map { "; " + $0 }.joined())
            decoded.repairs = repairs
            decoded.warnings = [Diagnostic(.damagedBytes, note, line: repairs[0].line)]
                + notes.map { Diagnostic(.declaredCharsetIgnored, "not used: " + $0) }
            return .success(decoded)
        }

        notes.append("not valid UTF-8")
        notes += trials.map { "\($0.charset.displayName) \($0.verdict)" }
        notes += damageNotes
        if let truncated = truncatedEncoding(bytes, tried: [.utf8] + charsets) {
            notes.insert("it ends in the middle of a \(truncated.displayName) character (is the file cut off?)", at: 0)
        }
        return .failure(DecodeFailure(
            code: .decodeFailed,
            message: "cannot tell the encoding: " + notes.joined(separator: "; ")
                + ". plan2json reads UTF-8, GB18030/GBK/GB2312, Big5 and UTF-16"))
    }

    private static func decode(_ bytes: [UInt8], startingWith mark: ByteOrderMark) -> Result<DecodedText, DecodeFailure> {
        let body = Array(bytes.dropFirst(mark.length))
        if body.isEmpty {
            return .failure(DecodeFailure(code: .emptyFile, message: "the file holds only a byte-order mark"))
        }
        if mark.encoding == "utf-8", String(validating: body, as: UTF8.self) == nil {
            let damage = DamagedBytes(body, as: .utf8)
            if damage.isLocalized, let (text, repairs) = damage.decode(body) {
                let note = "\(damage.damagedByteCount) byte(s) in \(damage.spans.count) place(s) are not valid UTF-8 and were replaced by U+FFFD (first on line \(repairs[0].line))"
                let decoded = DecodedText(
                    text: LineBreaks.normalize(withoutLeadingBOM(text)), encoding: mark.encoding, encodingSource: .bom,
                    reason: "UTF-8 byte-order mark; \(note)", warnings: [Diagnostic(.damagedBytes, note, line: repairs[0].line)],
                    repairs: repairs)
                return reversingMisreadText(decoded)
            }
        }
        guard let text = CharsetConverter.decode(body, charset: mark.charset, strict: true) else {
            var message = "it starts with a \(mark.charset) byte-order mark but is not valid \(mark.charset)"
            let truncated = (1...3).contains { cut in
                body.count > cut && CharsetConverter.decode(Array(body.dropLast(cut)), charset: mark.charset) != nil
            }
            if truncated { message += ": it ends in the middle of a character (is the file cut off?)" }
            return .failure(DecodeFailure(code: .decodeFailed, message: message))
        }
        let reason = "\(mark.charset) byte-order mark"
        let decoded = DecodedText(
            text: LineBreaks.normalize(withoutLeadingBOM(text)), encoding: mark.encoding,
            encodingSource: .bom, reason: reason)
        return mark.encoding == "utf-8" ? reversingMisreadText(decoded) : .success(decoded)
    }

    /// Valid UTF-8 whose text was itself misread from another encoding is decoded back
    /// (`MisreadTextReverser`); where that lost bytes, the file fails naming the damage.
    private static func reversingMisreadText(_ decoded: DecodedText) -> Result<DecodedText, DecodeFailure> {
        switch MisreadTextReverser.reverse(decoded.text) {
        case .none:
            return .success(decoded)
        case .failure(let failure):
            return .failure(failure)
        case .success(let outcome):
            var decoded = decoded
            decoded.text = outcome.text
            decoded.repairs += outcome.repairs
            decoded.warnings += outcome.warnings
            decoded.reason += "; " + outcome.warnings.map(\.message).joined(separator: "; ")
            return .success(decoded)
        }
    }

    private static func finished(
        _ text: String, _ charset: SupportedCharset, _ source: EncodingSource, _ reason: String,
        lineBreaksNormalized: Bool = false
    ) -> DecodedText {
        let text = withoutLeadingBOM(text)
        return DecodedText(
            text: lineBreaksNormalized ? text : LineBreaks.normalize(text), encoding: charset.name,
            encodingSource: source, reason: reason)
    }

    /// A BOM can also arrive inside the encoding (GB18030's 84 31 95 33) or doubled.
    private static func withoutLeadingBOM(_ text: String) -> String {
        text.unicodeScalars.first == "\u{FEFF}" ? String(text.unicodeScalars.dropFirst()) : text
    }

    /// The first charset under which the bytes fail as a whole but decode, convincingly,
    /// once the last one to three bytes (an incomplete character) are dropped.
    private static func truncatedEncoding(_ bytes: [UInt8], tried: [SupportedCharset]) -> SupportedCharset? {
        for charset in tried {
            for cut in 1...3 where bytes.count > cut {
                let trial = Trial(Array(bytes.dropLast(cut)), as: charset)
                if trial.plausibility?.isConvincing == true { return charset }
            }
        }
        return nil
    }
}

/// One strict decoding attempt and how plausible its result is.
private struct Trial {
    /// Share of private-use points in a decode from which a charset's next variant is tried.
    static let privateUseShareForVariants = 0.002

    let charset: SupportedCharset
    /// Nil when the bytes are not valid in `charset`.
    let text: String?
    let plausibility: TextPlausibility?

    init(_ bytes: [UInt8], as charset: SupportedCharset) {
        self.charset = charset
        if charset == .utf8 {
            let decoded = String(validating: bytes, as: UTF8.self)
            text = decoded
            plausibility = decoded.map(TextPlausibility.measure)
            return
        }
        // Where a charset has variants (Big5: cp950, then HKSCS), a later one is tried only
        // when the earlier fails or leaves many private-use points (how cp950 reads HKSCS
        // characters; a few are icon fonts, as in seed 004), and kept only if its text is
        // likelier. The variants disagree on some codes, so the common one stays first.
        var best: (text: String, plausibility: TextPlausibility)?
        for converter in charset.converters {
            if let best, best.plausibility.privateUseShare < Self.privateUseShareForVariants { break }
            guard let candidate = CharsetConverter.decode(bytes, charset: converter, strict: true) else { continue }
            let measured = TextPlausibility.measure(candidate)
            if best == nil || measured.score > best!.plausibility.score { best = (candidate, measured) }
        }
        text = best?.text
        plausibility = best?.plausibility
    }

    /// "does not decode", "gives unlikely text (12% common Chinese characters)", "fits (…)".
    var verdict: String {
        guard let plausibility else { return "does not decode" }
        return plausibility.isConvincing
            ? "also fits but less well (\(plausibility.summary))"
            : "gives unlikely text (\(plausibility.summary))"
    }
}
