/// One Unicode scalar decoded from UTF-8 bytes in place, without building a `Unicode.Scalar`.
struct UTF8Scalar {
    var value: UInt32
    /// Bytes the scalar occupies in the source (1...4).
    var length: Int

    /// Decodes the scalar starting at `index`. The conversion loops feed Swift strings (always
    /// valid UTF-8) or caller buffers documented as UTF-8; for a truncated sequence at the end
    /// this yields a one-byte non-character so that loops still advance and never read past
    /// `count`.
    @inline(__always)
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> UTF8Scalar {
        let lead = UInt32(bytes[index])
        if lead < 0x80 { return UTF8Scalar(value: lead, length: 1) }
        let length = lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
        guard index + length <= bytes.count else { return UTF8Scalar(value: 0xFFFF_FFFF, length: 1) }
        var value: UInt32
        switch length {
        case 2:
            value = (lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F)
        case 3:
            value = (lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6
                | UInt32(bytes[index + 2] & 0x3F)
        default:
            value = (lead & 0x07) << 18 | UInt32(bytes[index + 1] & 0x3F) << 12
                | UInt32(bytes[index + 2] & 0x3F) << 6 | UInt32(bytes[index + 3] & 0x3F)
        }
        return UTF8Scalar(value: value, length: length)
    }
}
