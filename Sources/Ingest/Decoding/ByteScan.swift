/// Finds one byte value in a buffer eight bytes at a time: line breaks and carriage returns
/// are looked for in every file, and most bytes of Chinese text are neither.
enum ByteScan {
    /// The first index from `start` where `bytes` holds `target`, or `bytes.count` when none does.
    @inline(__always)
    static func firstIndex(of target: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from start: Int = 0) -> Int {
        guard let base = bytes.baseAddress else { return bytes.count }
        let raw = UnsafeRawPointer(base)
        let pattern = UInt64(target) &* 0x0101_0101_0101_0101
        var index = start
        while index + 8 <= bytes.count {
            // The classic SWAR test: a zero byte in `word ^ pattern` is a byte equal to `target`.
            let difference = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)) ^ pattern
            let found = (difference &- 0x0101_0101_0101_0101) & ~difference & 0x8080_8080_8080_8080
            if found != 0 { return index + found.trailingZeroBitCount / 8 }
            index += 8
        }
        while index < bytes.count, bytes[index] != target { index += 1 }
        return index
    }
}
