#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Standard input, output and error through plain POSIX reads and writes: a full disk, a
/// closed stream or a directory on stdin is an error value with one clear message, never
/// a trap (FileHandle traps on them).
public enum StandardStreams {
    public struct Failure: Error, Hashable, Sendable, CustomStringConvertible {
        public var description: String
    }

    /// Writes all of `text` to stdout.
    public static func output(_ text: String) throws(Failure) {
        try writeAll(Array(text.utf8), to: STDOUT_FILENO, name: "standard output")
    }

    /// Writes all of `bytes` to stdout.
    public static func output(_ bytes: ArraySlice<UInt8>) throws(Failure) {
        try writeAll(bytes, to: STDOUT_FILENO, name: "standard output")
    }

    /// Writes to stderr; a failure there has nowhere to be reported, so it is ignored.
    public static func error(_ text: String) {
        try? writeAll(Array(text.utf8), to: STDERR_FILENO, name: "standard error")
    }

    /// Every byte of stdin.
    public static func input() throws(Failure) -> [UInt8] {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(STDIN_FILENO, $0.baseAddress, $0.count) }
            if count == 0 { return bytes }
            if count < 0 {
                if errno == EINTR { continue }
                throw Failure(description: "cannot read standard input: \(reason(errno))")
            }
            bytes += chunk[0..<count]
        }
    }

    /// Writes all of `bytes`, in place, to stdout.
    public static func output(_ bytes: UnsafeRawBufferPointer) throws(Failure) {
        var offset = 0
        while offset < bytes.count {
            let count = write(STDOUT_FILENO, bytes.baseAddress! + offset, bytes.count - offset)
            if count < 0 {
                if errno == EINTR { continue }
                throw Failure(description: "cannot write to standard output: \(reason(errno))")
            }
            offset += count
        }
    }

    static func writeAll(_ bytes: [UInt8], to descriptor: Int32, name: String) throws(Failure) {
        try writeAll(bytes[...], to: descriptor, name: name)
    }

    static func writeAll(_ bytes: ArraySlice<UInt8>, to descriptor: Int32, name: String) throws(Failure) {
        var offset = 0
        while offset < bytes.count {
            let count = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress! + offset, bytes.count - offset) }
            if count < 0 {
                if errno == EINTR { continue }
                throw Failure(description: "cannot write to \(name): \(reason(errno))")
            }
            offset += count
        }
    }

    /// The system's text for an errno value ("No space left on device").
    public static func reason(_ code: Int32) -> String {
        String(cString: strerror(code))
    }
}
