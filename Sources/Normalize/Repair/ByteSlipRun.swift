internal import Charsets

/// A run of text damaged by a GBK byte slip, and what it was.
///
/// How the damage arises: text encoded as GBK (two bytes a character) was decoded one byte
/// off. The first byte of the run was lost (shown as `?`), every following pair straddles
/// two original characters — which gives private-use points, €, pinyin, bopomofo, rare
/// characters and full-width punctuation that the page then turned into ASCII — and the run
/// ends either with a last lost byte (`?`) or where a lone byte (ASCII, or 0x80 = €) puts the
/// decoder back in step:
///
///     original   保        基        本                堅持保基本、
///     bytes      B1 A3  BB F9  B1 BE
///     observed   ? (A3 BB)(F9 B1) ?                    堅持?;?、
///
/// Re-encoding the observed middle to cp936 and pairing the bytes the other way recovers the
/// inner characters exactly (基). The first character lost its lead byte and (when the run
/// ends with `?`) the last lost its trail byte: the bytes leave 126–190 candidates for each,
/// and `PhraseModel` chooses by context; such repairs are not certain.
struct ByteSlipRun: Sendable {
    /// Scalar offsets of the observed run in its text unit.
    let range: Range<Int>
    let replacement: [Unicode.Scalar]
    /// True only when the bytes left a single plausible candidate for every lost byte.
    let isCertain: Bool

    /// Longest middle (observed characters between the first `?` and the end) considered.
    static let longestMiddle = 40
    /// Readings weighed per run start: each costs a round of the phrase model.
    static let mostReadings = 3
    /// A clause shorter than this rarely ends in 。，；：— weighs against such candidates.
    static let shortestClause = 4

    /// The run starting with the lost byte at `start` (a `?` or U+FFFD), if the text there
    /// reads as a byte slip: every inner pair decodes to a common character, the lost bytes
    /// have candidates, and either the middle holds debris real text would not (private use,
    /// €, pinyin, bopomofo, rare characters, ASCII standing for full-width forms) or the
    /// repaired text is more probable than the text as it stands. An ASCII letter may end the
    /// run (a lone trail byte) or be a full-width letter the page replaced: every reading is
    /// weighed, in the same window, and the most probable wins.
    /// `context` is the unit's, made here when first needed.
    static func find(at start: Int, in text: [Unicode.Scalar], context: inout RepairContext?) -> ByteSlipRun? {
        let table = CP936Table.shared
        // One buffer for the whole search: a reading ending with a lone byte appends it for
        // the time of its reconstruction.
        var middle: [UInt8] = []
        middle.reserveCapacity(2 * longestMiddle + 3)
        // What every reading from `start` shares: the middle's inner pairs decoded once, and
        // the first character's candidates (the bytes of `middle[0]` and the unit's script).
        var pairs = DecodedPairs()
        var firstCandidates: [Unicode.Scalar]?
        var readings: [ByteSlipRun] = []
        // Whether the observed run so far, `text[(start + 1)..<end]`, is all question marks.
        var onlyQuestionMarksSoFar = true
        var end = start + 1
        while end < text.count, end - start <= longestMiddle + 1, readings.count < mostReadings {
            let scalar = text[end]
            // A middle of nothing but question marks (？ twice or more) is a row of
            // placeholders, not a slip: 楷楷 (BF A3 BF A3) is no text.
            let onlyQuestionMarks = middle.count >= 4 && onlyQuestionMarksSoFar
            if !middle.isEmpty, !onlyQuestionMarks {
                if scalar == "?" || scalar == "\u{FFFD}",
                    let run = reconstruct(
                        start..<(end + 1), middle: middle, endsWithLostByte: true, pairs: &pairs,
                        firstCandidates: &firstCandidates, in: text, context: &context)
                {
                    readings.append(run)
                }
                if let single = singleByte(scalar) {
                    middle.append(single)
                    let run = reconstruct(
                        start..<(end + 1), middle: middle, endsWithLostByte: false, pairs: &pairs,
                        firstCandidates: &firstCandidates, in: text, context: &context)
                    middle.removeLast()
                    if let run { readings.append(run) }
                }
            }
            // Inside the run: a double-byte character (ASCII stands for the full-width form
            // the page replaced: ; is A3 BB).
            guard let pair = doubleBytes(scalar, table) else { break }
            middle.append(pair.lead)
            middle.append(pair.trail)
            if scalar != "?" { onlyQuestionMarksSoFar = false }
            end += 1
        }
        guard readings.count > 1 else { return readings.first }
        let windowEnd = readings.map(\.range.upperBound).max()!
        return readings.max {
            RepairContext.score(of: $0, in: text, through: windowEnd) < RepairContext.score(of: $1, in: text, through: windowEnd)
        }
    }

    /// The inner characters of a growing middle, decoded once: pair k (from 1) is
    /// `middle[2k - 1], middle[2k]`. Decoding stops at the first pair that is no plausible
    /// character; no reading through it can stand.
    private struct DecodedPairs {
        var characters: [Unicode.Scalar] = []
        var broken = false

        /// Whether the first `count` pairs of `middle` are plausible characters (decoding
        /// them as needed); they are then `characters[..<count]`.
        mutating func decode(_ count: Int, of middle: [UInt8], _ table: CP936Table) -> Bool {
            while characters.count < count, !broken {
                let index = 2 * characters.count + 1
                if let character = table.character(lead: middle[index], trail: middle[index + 1]),
                    CharacterKinds.isPlausible(character, in: .either)
                {
                    characters.append(character)
                } else {
                    broken = true
                }
            }
            return characters.count >= count
        }
    }

    /// A byte that stands alone in cp936 and is a valid trail byte, so it completes the last
    /// character and ends the run: ASCII 0x40–0x7E, or € (0x80).
    private static func singleByte(_ scalar: Unicode.Scalar) -> UInt8? {
        if scalar == "€" { return 0x80 }
        return (0x40...0x7E).contains(scalar.value) ? UInt8(scalar.value) : nil
    }

    private static func doubleBytes(_ scalar: Unicode.Scalar, _ table: CP936Table) -> (lead: UInt8, trail: UInt8)? {
        if (0x21...0x7E).contains(scalar.value) { return (0xA3, UInt8(scalar.value + 0x80)) }
        return table.bytes(of: scalar)
    }

    private static func reconstruct(
        _ range: Range<Int>, middle: [UInt8], endsWithLostByte: Bool, pairs: inout DecodedPairs,
        firstCandidates: inout [Unicode.Scalar]?, in text: [Unicode.Scalar], context: inout RepairContext?
    ) -> ByteSlipRun? {
        let table = CP936Table.shared
        // middle[0] is the trail of the first character; then whole pairs; with a lost last
        // byte, middle.last is the lead of the last character.
        let innerEnd = endsWithLostByte ? middle.count - 1 : middle.count
        guard innerEnd % 2 == 1 else { return nil }
        // With a lone last byte, the last pair holds it: it is not one of the middle's own.
        let pairCount = (innerEnd - 1) / 2
        let sharedPairCount = endsWithLostByte ? pairCount : pairCount - 1
        guard pairs.decode(sharedPairCount, of: middle, table) else { return nil }
        var inner = Array(pairs.characters[..<sharedPairCount])
        if sharedPairCount < pairCount {
            let index = innerEnd - 2
            guard let character = table.character(lead: middle[index], trail: middle[index + 1]),
                CharacterKinds.isPlausible(character, in: .either)
            else { return nil }
            inner.append(character)
        }
        if context == nil { context = RepairContext(text: text) }
        let context = context!
        if firstCandidates == nil {
            firstCandidates = CP936Table.leads.compactMap { table.character(lead: $0, trail: middle[0]) }
                .filter { CharacterKinds.isPlausible($0, in: context.script) }
        }
        let firstCandidates = firstCandidates!
        let lastCandidates = endsWithLostByte
            ? CP936Table.trails.compactMap { table.character(lead: middle[middle.count - 1], trail: $0) }
                .filter { CharacterKinds.isPlausible($0, in: context.script) }
            : []
        guard !firstCandidates.isEmpty, !endsWithLostByte || !lastCandidates.isEmpty else { return nil }

        let chooser = LostCharacterChooser(
            text: text, run: range, inner: inner, firstCandidates: firstCandidates,
            lastCandidates: endsWithLostByte ? lastCandidates : nil, context: context)
        guard let chosen = chooser.best() else { return nil }
        var replacement = [chosen.first] + inner
        if let last = chosen.last { replacement.append(last) }

        // Debris in the middle is the signature of a slip. Without it (every shifted pair
        // happened to be a common character) the repair must make the text more probable
        // than it is with the `?`s simply dropped.
        let doubleByteMiddle = text[(range.lowerBound + 1)..<(range.upperBound - 1)]
        let hasDebris = doubleByteMiddle.contains { !CharacterKinds.isCommon($0) }
        let observed = text[(range.lowerBound + 1)..<range.upperBound].filter { $0 != "?" && $0 != "\u{FFFD}" }
        if !hasDebris && chosen.score <= chooser.score(ofObserved: Array(observed)) { return nil }
        // With no inner character the bytes prove nothing: only a known word made of the
        // candidates (高水平???, → 專科) tells a slip from stray question marks.
        if inner.isEmpty && !chosen.formsWords { return nil }
        let isCertain = firstCandidates.count == 1 && (lastCandidates.count <= 1)
        return ByteSlipRun(range: range, replacement: replacement, isCertain: isCertain)
    }
}
