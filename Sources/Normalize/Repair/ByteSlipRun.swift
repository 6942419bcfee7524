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
    /// A clause shorter than this rarely ends in 。，；：— weighs against such candidates.
    static let shortestClause = 4

    /// The run starting with the lost byte at `start` (a `?` or U+FFFD), if the text there
    /// reads as a byte slip: a middle with at least one character real text would not hold,
    /// whose inner pairs all decode to common characters, and candidates for the lost bytes.
    /// The shortest such reading wins: the decoder got back in step at the first chance.
    static func find(at start: Int, in text: [Unicode.Scalar], script: UnitScript) -> ByteSlipRun? {
        let table = CP936Table.shared
        var middle: [UInt8] = []
        var suspicious = false
        var end = start + 1
        while end < text.count, end - start <= longestMiddle + 1 {
            let scalar = text[end]
            let isLostByte = scalar == "?" || scalar == "\u{FFFD}"
            if isLostByte, !middle.isEmpty, suspicious,
                let run = reconstruct(start..<(end + 1), middle: middle, endsWithLostByte: true, in: text, script: script)
            {
                return run
            }
            if let single = singleByte(scalar) {
                guard !middle.isEmpty, suspicious else { return nil }
                return reconstruct(
                    start..<(end + 1), middle: middle + [single], endsWithLostByte: false, in: text, script: script)
            }
            // Inside the run: a double-byte character (ASCII punctuation stands for the
            // full-width form the page replaced: ; is A3 BB).
            guard let pair = doubleBytes(scalar, table) else { return nil }
            middle += [pair.lead, pair.trail]
            if !CharacterKinds.isCommon(scalar) { suspicious = true }
            end += 1
        }
        return nil
    }

    /// A byte that stands alone in cp936 and is a valid trail byte, so it completes the last
    /// character and ends the run: ASCII 0x40–0x7E, or € (0x80).
    private static func singleByte(_ scalar: Unicode.Scalar) -> UInt8? {
        if scalar == "€" { return 0x80 }
        return (0x40...0x7E).contains(scalar.value) ? UInt8(scalar.value) : nil
    }

    private static func doubleBytes(_ scalar: Unicode.Scalar, _ table: CP936Table) -> (lead: UInt8, trail: UInt8)? {
        if (0x21...0x3F).contains(scalar.value) { return (0xA3, UInt8(scalar.value + 0x80)) }
        return table.bytes(of: scalar)
    }

    private static func reconstruct(
        _ range: Range<Int>, middle: [UInt8], endsWithLostByte: Bool, in text: [Unicode.Scalar], script: UnitScript
    ) -> ByteSlipRun? {
        let table = CP936Table.shared
        // middle[0] is the trail of the first character; then whole pairs; with a lost last
        // byte, middle.last is the lead of the last character.
        let innerEnd = endsWithLostByte ? middle.count - 1 : middle.count
        guard (innerEnd - 1) % 2 == 0 else { return nil }
        var inner: [Unicode.Scalar] = []
        var index = 1
        while index < innerEnd {
            guard let character = table.character(lead: middle[index], trail: middle[index + 1]),
                CharacterKinds.isPlausible(character, in: .either)
            else { return nil }
            inner.append(character)
            index += 2
        }
        let firstCandidates = CP936Table.leads.compactMap { table.character(lead: $0, trail: middle[0]) }
            .filter { CharacterKinds.isPlausible($0, in: script) }
        let lastCandidates = endsWithLostByte
            ? CP936Table.trails.compactMap { table.character(lead: middle[middle.count - 1], trail: $0) }
                .filter { CharacterKinds.isPlausible($0, in: script) }
            : []
        guard !firstCandidates.isEmpty, !endsWithLostByte || !lastCandidates.isEmpty else { return nil }

        let choice = LostCharacterChooser(
            text: text, run: range, inner: inner, firstCandidates: firstCandidates,
            lastCandidates: endsWithLostByte ? lastCandidates : nil)
        guard let chosen = choice.best() else { return nil }
        // With no inner character the bytes prove nothing: only a known word made of the
        // candidates (高水平???, → 專科) tells a slip from three stray question marks.
        if inner.isEmpty && !chosen.formsWords { return nil }
        var replacement = [chosen.first] + inner
        if let last = chosen.last { replacement.append(last) }
        let isCertain = firstCandidates.count == 1 && (lastCandidates.count <= 1)
        return ByteSlipRun(range: range, replacement: replacement, isCertain: isCertain)
    }
}
