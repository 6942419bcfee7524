/// A growable byte buffer written through raw pointers.
///
/// Conversion appends many tiny pieces (a 3-byte character, the few unchanged bytes before it);
/// `Array.append(contentsOf:)` costs a uniqueness and capacity check and a generic call per
/// piece, which dominated the conversion loop. Non-copyable, so it owns its memory like a value
/// and frees it when it goes out of scope; it allocates nothing until the first append.
struct ByteWriter: ~Copyable {
    private var start: UnsafeMutablePointer<UInt8>?
    private(set) var count = 0
    private var capacity = 0

    init() {}

    deinit {
        start?.deallocate()
    }

    /// The bytes written so far; valid until the next mutation.
    var bytes: UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: start, count: count)
    }

    /// Makes room for `additional` more bytes without reallocating.
    mutating func reserve(_ additional: Int) {
        guard count + additional > capacity else { return }
        let newCapacity = max(count + additional, capacity * 2, 64)
        let newStart = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        if let start {
            newStart.update(from: start, count: count)
            start.deallocate()
        }
        start = newStart
        capacity = newCapacity
    }

    @inline(__always)
    mutating func append(_ source: UnsafePointer<UInt8>, count length: Int) {
        if length == 0 { return }  // nothing to copy, and perhaps no storage yet to copy into
        if count + length > capacity { reserve(length) }
        let destination = start.unsafelyUnwrapped + count
        if length <= 4 {
            // Characters: a loop beats a call to memmove at this size.
            for offset in 0..<length { destination[offset] = source[offset] }
        } else {
            destination.update(from: source, count: length)
        }
        count += length
    }

    @inline(__always)
    mutating func append(_ source: UnsafeBufferPointer<UInt8>) {
        guard let base = source.baseAddress, !source.isEmpty else { return }
        append(base, count: source.count)
    }

    /// Appends one Unicode scalar value, UTF-8 encoded.
    @inline(__always)
    mutating func appendScalar(_ value: UInt32) {
        if count + 4 > capacity { reserve(4) }
        let destination = start.unsafelyUnwrapped + count
        switch value {
        case 0..<0x80:
            destination[0] = UInt8(truncatingIfNeeded: value)
            count += 1
        case 0x80..<0x800:
            destination[0] = UInt8(truncatingIfNeeded: 0xC0 | value >> 6)
            destination[1] = UInt8(truncatingIfNeeded: 0x80 | value & 0x3F)
            count += 2
        case 0x800..<0x10000:
            destination[0] = UInt8(truncatingIfNeeded: 0xE0 | value >> 12)
            destination[1] = UInt8(truncatingIfNeeded: 0x80 | value >> 6 & 0x3F)
            destination[2] = UInt8(truncatingIfNeeded: 0x80 | value & 0x3F)
            count += 3
        default:
            destination[0] = UInt8(truncatingIfNeeded: 0xF0 | value >> 18)
            destination[1] = UInt8(truncatingIfNeeded: 0x80 | value >> 12 & 0x3F)
            destination[2] = UInt8(truncatingIfNeeded: 0x80 | value >> 6 & 0x3F)
            destination[3] = UInt8(truncatingIfNeeded: 0x80 | value & 0x3F)
            count += 4
        }
    }

    /// Forgets the content, keeping the memory for reuse.
    mutating func removeAll() {
        count = 0
    }
}
