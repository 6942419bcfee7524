import Crypto

/// SHA-256 (FIPS 180-4) of an input's bytes, for document ids and the incremental manifest:
/// swift-crypto's (BoringSSL, with the CPU's SHA instructions where it has them), many
/// times faster than the hash in Swift this replaced.
public enum SHA256 {
    /// The lower-case hex digest of `bytes`.
    public static func hex(of bytes: [UInt8]) -> String {
        let digest = Crypto.SHA256.hash(data: bytes)
        return String(unsafeUninitializedCapacity: 64) { text in
            var index = 0
            for byte in digest {
                text[index] = hexDigits[Int(byte >> 4)]
                text[index + 1] = hexDigits[Int(byte & 0x0F)]
                index += 2
            }
            return 64
        }
    }

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)
}
