/// A dense map from a Unicode scalar value to a 32-bit payload (0 means "absent"), built once
/// and then frozen for lookups.
///
/// Two levels of 256-entry blocks: the high bits pick a block, the low byte an entry, and every
/// block without entries shares block 0. A lookup is two loads and no hashing, which is what the
/// per-character loops of conversion and detection need; the whole Unicode range costs 8.5 KB of
/// block index plus 1 KB per populated block (about 170 blocks for OpenCC's tables).
struct ScalarTable: Sendable {
    /// Block number for each `scalar >> 8` (0x1100 blocks cover U+0000...U+10FFFF).
    private var blockIndex: [UInt16]
    /// Payloads, 256 per block; block 0 is all zero and shared by every empty block.
    private var payloads: [UInt32]

    static let blockCount = 0x1100

    init() {
        blockIndex = Array(repeating: 0, count: Self.blockCount)
        payloads = Array(repeating: 0, count: 256)
    }

    subscript(scalar: UInt32) -> UInt32 {
        get {
            let high = Int(scalar >> 8)
            guard high < Self.blockCount else { return 0 }
            return payloads[Int(blockIndex[high]) << 8 | Int(scalar & 0xFF)]
        }
        set {
            let high = Int(scalar >> 8)
            precondition(high < Self.blockCount, "not a Unicode scalar value: \(scalar)")
            if blockIndex[high] == 0 {
                guard newValue != 0 else { return }
                blockIndex[high] = UInt16(payloads.count >> 8)
                payloads.append(contentsOf: repeatElement(0, count: 256))
            }
            payloads[Int(blockIndex[high]) << 8 | Int(scalar & 0xFF)] = newValue
        }
    }

    /// The table in process-lifetime memory, for the hot loops. Only for tables kept in a
    /// `static let`: the memory is never freed.
    func frozen() -> Frozen {
        Frozen(blockIndex: ImmortalStorage.copy(blockIndex), payloads: ImmortalStorage.copy(payloads))
    }

    /// A read-only `ScalarTable` in memory that lives as long as the process.
    struct Frozen: @unchecked Sendable {  // immutable memory that is never freed
        let blockIndex: UnsafeBufferPointer<UInt16>
        let payloads: UnsafeBufferPointer<UInt32>

        @inline(__always)
        subscript(scalar: UInt32) -> UInt32 {
            let high = Int(truncatingIfNeeded: scalar >> 8)
            // Garbage from invalid UTF-8 can decode past U+10FFFF: treat it as absent.
            guard high < ScalarTable.blockCount else { return 0 }
            return payloads[Int(truncatingIfNeeded: blockIndex[high]) << 8 | Int(truncatingIfNeeded: scalar & 0xFF)]
        }
    }
}
