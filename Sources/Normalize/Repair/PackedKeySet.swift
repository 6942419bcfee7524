/// A set of nonzero 64-bit keys in an open-addressing table: a lookup is one multiply and,
/// nearly always, one or two probes, without hashing bytes or sorting the keys first.
struct PackedKeySet: Sendable {
    /// 0 marks an empty slot.
    private var slots: [UInt64]
    private let shift: UInt64

    /// A set for up to `capacity` keys, at most half full.
    init(capacity: Int) {
        var bits = 4
        while 1 << bits < capacity * 2 { bits += 1 }
        slots = [UInt64](repeating: 0, count: 1 << bits)
        shift = UInt64(64 - bits)
    }

    @inline(__always)
    private func slot(of key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    /// Adds `key` (not 0); no more keys than the capacity.
    mutating func insert(_ key: UInt64) {
        precondition(key != 0, "PackedKeySet keys are nonzero")
        let mask = slots.count - 1
        var slot = slot(of: key)
        slots.withUnsafeMutableBufferPointer { slots in
            while slots[slot] != 0 && slots[slot] != key { slot = (slot + 1) & mask }
            slots[slot] = key
        }
    }

    @inline(__always)
    func contains(_ key: UInt64) -> Bool {
        let mask = slots.count - 1
        var slot = slot(of: key)
        return slots.withUnsafeBufferPointer { slots in
            while true {
                let found = slots[slot]
                if found == key { return key != 0 }
                if found == 0 { return false }
                slot = (slot + 1) & mask
            }
        }
    }
}
