#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Finds one byte value in a buffer: line breaks and carriage returns are looked for in every
/// file, and most bytes of Chinese text are neither. The C library's `memchr` looks at a vector
/// of bytes at a time.
enum ByteScan {
    /// The first index from `start` where `bytes` holds `target`, or `bytes.count` when none does.
    @inline(__always)
    static func firstIndex(of target: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from start: Int = 0) -> Int {
        guard let base = bytes.baseAddress else { return bytes.count }
        guard start < bytes.count else { return start }
        guard let found = memchr(base + start, Int32(target), bytes.count - start) else { return bytes.count }
        return UnsafeRawPointer(found) - UnsafeRawPointer(base)
    }
}
