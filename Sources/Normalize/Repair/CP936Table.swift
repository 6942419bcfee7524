internal import Charsets

/// Windows code page 936 (GBK) as two lookup tables, built once through ICU: double-byte
/// pair → character and back. A byte-slip repair re-encodes and re-pairs bytes by the
/// hundred while weighing candidates; one table read each beats one ICU call each.
struct CP936Table: Sendable {
    static let shared = CP936Table()

    static let leads: ClosedRange<UInt8> = 0x81...0xFE
    /// GBK trail bytes: 0x40–0xFE except 0x7F.
    static let trails: [UInt8] = Array(0x40...0x7E) + Array(0x80...0xFE)

    /// Scalar value by pair index; 0 where the pair maps to nothing.
    private let scalarsByPair: [UInt32]
    private let pairsByScalar: [UInt32: UInt16]

    func character(lead: UInt8, trail: UInt8) -> Unicode.Scalar? {
        guard let index = Self.index(lead: lead, trail: trail) else { return nil }
        let value = scalarsByPair[index]
        return value == 0 ? nil : Unicode.Scalar(value)
    }

    /// The double-byte encoding of `scalar`, nil for single-byte and unmapped characters.
    func bytes(of scalar: Unicode.Scalar) -> (lead: UInt8, trail: UInt8)? {
        guard let pair = pairsByScalar[scalar.value] else { return nil }
        return (UInt8(pair >> 8), UInt8(pair & 0xFF))
    }

    private static func index(lead: UInt8, trail: UInt8) -> Int? {
        guard leads.contains(lead), trail >= 0x40, trail <= 0xFE, trail != 0x7F else { return nil }
        return Int(lead - 0x81) * 191 + Int(trail - 0x40)
    }

    private init() {
        var scalars = [UInt32](repeating: 0, count: 126 * 191)
        var pairs: [UInt32: UInt16] = [:]
        var pairList: [(UInt8, UInt8)] = []
        var bytes: [UInt8] = []
        for lead in Self.leads {
            for trail in Self.trails {
                pairList.append((lead, trail))
                // A newline after each pair keeps one bad pair from shifting the rest.
                bytes += [lead, trail, 0x0A]
            }
        }
        let decoded = CharsetConverter.decode(bytes, charset: "windows-936", strict: false)
        let pieces = decoded?.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false) ?? []
        for (position, (lead, trail)) in pairList.enumerated() {
            let scalar: Unicode.Scalar?
            if pieces.count == pairList.count + 1 {
                let piece = pieces[position]
                scalar = piece.count == 1 ? piece.first : nil
            } else {
                // Never seen with ICU 72; kept so another ICU cannot silently misalign the table.
                scalar = CharsetConverter.decode([lead, trail], charset: "windows-936", strict: true)
                    .flatMap { $0.unicodeScalars.count == 1 ? $0.unicodeScalars.first : nil }
            }
            guard let scalar, scalar.value != 0xFFFD, scalar.value != 0x1A,
                let index = Self.index(lead: lead, trail: trail)
            else { continue }
            scalars[index] = scalar.value
            if pairs[scalar.value] == nil { pairs[scalar.value] = UInt16(lead) << 8 | UInt16(trail) }
        }
        scalarsByPair = scalars
        pairsByScalar = pairs
    }
}
