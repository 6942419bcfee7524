/// Numbers the members of a set of Basic Multilingual Plane scalars 0, 1, 2 … in order of
/// value, in constant time: a 64K-bit table as `ScalarSet` keeps, and for each of its 64-bit
/// words how many members stand before it. `WordTable` finds the bucket of a scalar this way
/// (one bit test turns most scalars away; a member costs a count of bits) instead of by binary
/// search over its sorted keys.
struct ScalarNumbering: Sendable {
    private let bits: [UInt64]
    /// For each word of `bits` that holds members, the number of members in the words before it.
    private let membersBefore: [UInt16]
    /// How many scalars the set holds.
    let count: Int

    /// The set of `scalars` (all in the BMP).
    init(_ scalars: [Unicode.Scalar]) {
        let members = Set(scalars).sorted { $0.value < $1.value }
        var bits = [UInt64](repeating: 0, count: 1024)
        var membersBefore = [UInt16](repeating: 0, count: 1024)
        // Backwards, so each word keeps the number of its smallest member: only words with
        // members are ever asked.
        for (number, scalar) in members.enumerated().reversed() {
            precondition(scalar.value < 0x1_0000, "ScalarNumbering: \(scalar) is outside the BMP")
            let word = Int(scalar.value >> 6)
            bits[word] |= 1 << UInt64(scalar.value & 63)
            membersBefore[word] = UInt16(number)
        }
        self.bits = bits
        self.membersBefore = membersBefore
        count = members.count
    }

    /// The number of `scalar` (how many members are smaller), or nil when it is no member.
    @inline(__always)
    func number(of scalar: Unicode.Scalar) -> Int? {
        let value = scalar.value
        guard value < 0x1_0000 else { return nil }
        let word = Int(truncatingIfNeeded: value >> 6)
        let bit = UInt64(1) << UInt64(value & 63)
        let bits = self.bits[word]
        guard bits & bit != 0 else { return nil }
        return Int(membersBefore[word]) + (bits & (bit &- 1)).nonzeroBitCount
    }
}
