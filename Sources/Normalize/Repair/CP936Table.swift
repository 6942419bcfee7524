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
    /// Pair (lead << 8 | trail) by BMP scalar value; 0 where the scalar has none.
    private let pairsByScalar: [UInt16]
    /// The same for scalars beyond the BMP (none in ICU's table today).
    private let pairsBySupplementaryScalar: [UInt32: UInt16]

    func character(lead: UInt8, trail: UInt8) -> Unicode.Scalar? {
        guard let index = Self.index(lead: lead, trail: trail) else { return nil }
        let value = scalarsByPair[index]
        return value == 0 ? nil : Unicode.Scalar(value)
    }

    /// The double-byte encoding of `scalar`, nil for single-byte and unmapped characters.
    func bytes(of scalar: Unicode.Scalar) -> (lead: UInt8, trail: UInt8)? {
        let pair = scalar.value <= 0xFFFF ? pairsByScalar[Int(scalar.value)] : pairsBySupplementaryScalar[scalar.value] ?? 0
        guard pair != 0 else { return nil }
        return (UInt8(pair >> 8), UInt8(pair & 0xFF))
    }

    private static func index(lead: UInt8, trail: UInt8) -> Int? {
        guard leads.contains(lead), trail >= 0x40, trail <= 0xFE, trail != 0x7F else { return nil }
        return Int(lead - 0x81) * 191 + Int(trail - 0x40)
    }

    private init() {
        var scalars = [UInt32](repeating: 0, count: 126 * 191)
        var pairs = [UInt16](repeating: 0, count: 0x1_0000)
        var supplementaryPairs: [UInt32: UInt16] = [:]
        var pairList: [(UInt8, UInt8)] = []
        var bytes: [UInt8] = []
        for lead in Self.leads {
            for trail in Self.trails {
                pairList.append((lead, trail))
                // A newline after each pair keeps one bad pair from shifting the rest.
                bytes.append(lead)
                bytes.append(trail)
                bytes.append(0x0A)
            }
        }
        // Each line's scalar, 0 where the line is not exactly one scalar.
        var pieces: [UInt32] = []
        pieces.reserveCapacity(pairList.count + 1)
        if let decoded = CharsetConverter.decode(bytes, charset: "windows-936", strict: false) {
            var first: UInt32 = 0
            var length = 0
            for scalar in decoded.unicodeScalars {
                if scalar == "\n" {
                    pieces.append(length == 1 ? first : 0)
                    length = 0
                    continue
                }
                if length == 0 { first = scalar.value }
                length += 1
            }
            pieces.append(length == 1 ? first : 0)
        }
        for (position, (lead, trail)) in pairList.enumerated() {
            let scalar: Unicode.Scalar?
            if pieces.count == pairList.count + 1 {
                scalar = pieces[position] == 0 ? nil : Unicode.Scalar(pieces[position])
            } else {
                // Never seen with ICU 72; kept so another ICU cannot silently misalign the table.
                scalar = CharsetConverter.decode([lead, trail], charset: "windows-936", strict: true)
                    .flatMap { $0.unicodeScalars.count == 1 ? $0.unicodeScalars.first : nil }
            }
            guard let scalar, scalar.value != 0xFFFD, scalar.value != 0x1A,
                let index = Self.index(lead: lead, trail: trail)
            else { continue }
            scalars[index] = scalar.value
            let pair = UInt16(lead) << 8 | UInt16(trail)
            if scalar.value <= 0xFFFF {
                if pairs[Int(scalar.value)] == 0 { pairs[Int(scalar.value)] = pair }
            } else if supplementaryPairs[scalar.value] == nil {
                supplementaryPairs[scalar.value] = pair
            }
        }
        scalarsByPair = scalars
        pairsByScalar = pairs
        pairsBySupplementaryScalar = supplementaryPairs
    }
}
