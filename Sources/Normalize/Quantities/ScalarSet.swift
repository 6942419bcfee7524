/// A set of Basic Multilingual Plane scalars as a 64K-bit table: one load and one test per
/// lookup. The scanners ask it for every scalar of the text ("can anything start here?"), so
/// the common case — an ideograph that starts nothing — costs a few instructions.
struct ScalarSet: Sendable {
    private let bits: [UInt64]

    init(_ groups: [String]) {
        var bits = [UInt64](repeating: 0, count: 1024)
        for group in groups {
            for scalar in group.unicodeScalars where scalar.value < 0x1_0000 {
                bits[Int(scalar.value >> 6)] |= 1 << UInt64(scalar.value & 63)
            }
        }
        self.bits = bits
    }

    @inline(__always)
    func contains(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return value < 0x1_0000 && bits[Int(value >> 6)] & (1 << UInt64(value & 63)) != 0
    }

    /// Whether the scalar of the three-byte UTF-8 sequence `lead second third` (`lead` E0…EF)
    /// is in the set, read from the bytes without decoding them: the lead and second byte name
    /// the table's word, the third byte the bit.
    @inline(__always)
    func contains(utf8 lead: UInt8, _ second: UInt8, _ third: UInt8) -> Bool {
        bits[Int(lead & 0x0F) << 6 | Int(second & 0x3F)] & (1 << UInt64(third & 0x3F)) != 0
    }

    /// How many scalars the UTF-8 `bytes` hold when none of them is in the set, read from the
    /// bytes without decoding the three-byte ones; nil as soon as one is, or a scalar above
    /// U+FFFF (which the set cannot tell) or a cut-off sequence stands there: the byte filters'
    /// "nothing here can match" in one walk.
    func scalarCountWithoutMembers(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var scalarCount = 0
        var index = 0
        let count = bytes.count
        while index < count {
            let lead = bytes[index]
            if lead < 0x80 {
                if contains(Unicode.Scalar(lead)) { return nil }
                index &+= 1
            } else if lead >= 0xF0 {
                return nil
            } else if lead >= 0xE0 {
                guard index &+ 2 < count, !contains(utf8: lead, bytes[index &+ 1], bytes[index &+ 2]) else { return nil }
                index &+= 3
            } else if lead >= 0xC0 {
                guard index &+ 1 < count else { return nil }
                let value = UInt32(lead & 0x1F) << 6 | UInt32(bytes[index &+ 1] & 0x3F)
                if contains(Unicode.Scalar(value)!) { return nil }
                index &+= 2
            } else {
                return nil
            }
            scalarCount &+= 1
        }
        return scalarCount
    }

    /// The first index from `start` on whose scalar is in the set, or `scalars.count`: the
    /// scanners' skip over text where nothing can start, without a bounds check per scalar.
    func firstIndex(in scalars: [Unicode.Scalar], from start: Int) -> Int {
        scalars.withUnsafeBufferPointer { firstIndex(in: $0, from: start) }
    }

    /// `firstIndex(in:from:)` of scalars in place (`ScalarText.withScalars`).
    func firstIndex(in scalars: UnsafeBufferPointer<Unicode.Scalar>, from start: Int) -> Int {
        let count = scalars.count
        guard let base = scalars.baseAddress else { return count }
        return bits.withUnsafeBufferPointer { bits in
            @inline(__always) func isMember(_ index: Int) -> Bool {
                let value = base[index].value
                return value < 0x1_0000 && bits[Int(truncatingIfNeeded: value >> 6)] & (1 << UInt64(value & 63)) != 0
            }
            var index = max(start, 0)
            // Four scalars a step: the text is long runs of scalars that start nothing.
            while index &+ 4 <= count {
                if isMember(index) { return index }
                if isMember(index &+ 1) { return index &+ 1 }
                if isMember(index &+ 2) { return index &+ 2 }
                if isMember(index &+ 3) { return index &+ 3 }
                index &+= 4
            }
            while index < count {
                if isMember(index) { return index }
                index &+= 1
            }
            return count
        }
    }
}
