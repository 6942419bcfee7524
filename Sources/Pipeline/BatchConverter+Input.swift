#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import PlanModel

extension BatchConverter {
    /// A file's bytes, or why they could not be read.
    struct Input: Sendable {
        var path: String
        var bytes: [UInt8]?
        var sha256: String?
        var failure: FileFailure?
        /// The file as it was found when read (nil for stdin).
        var stamp: FileStamp?

        var size: Int { bytes?.count ?? 0 }

        init(path: String, bytes: [UInt8], stamp: FileStamp? = nil) {
            self.path = path
            self.bytes = bytes
            self.stamp = stamp
            sha256 = SHA256.hex(of: bytes)
        }

        init(path: String, failure: FileFailure) {
            self.path = path
            self.failure = failure
        }

        static func read(_ path: String) -> Input {
            var stamp: FileStamp?
            switch readFile(path, stamp: &stamp) {
            case .success(let bytes):
                return Input(path: path, bytes: bytes, stamp: stamp)
            case .failure(let reason):
                return Input(path: path, failure: FileFailure(
                    path: path, sha256: nil, stage: "read", code: .unreadable, message: "cannot read the file: \(reason)"))
            }
        }

        /// The whole file, or the system's reason it could not be read ("Permission denied").
        /// Read into one buffer of the file's size (a file that grows meanwhile is read to its end).
        static func readFile(_ path: String) -> Result<[UInt8], ReadError> {
            var stamp: FileStamp?
            return readFile(path, stamp: &stamp)
        }

        /// The same, with the stamp of a regular file as it was when opened.
        static func readFile(_ path: String, stamp: inout FileStamp?) -> Result<[UInt8], ReadError> {
            let descriptor = open(path, O_RDONLY | O_CLOEXEC)
            guard descriptor >= 0 else { return .failure(ReadError(errno)) }
            defer { close(descriptor) }
            var info = stat()
            let isRegular = fstat(descriptor, &info) == 0 && info.st_mode & S_IFMT == S_IFREG
            stamp = isRegular ? FileStamp(info) : nil
            let size = isRegular ? Int(info.st_size) : 0
            // One byte more than the size, so the end of the file is seen without a second buffer;
            // read into memory not cleared first (the read fills it).
            var count = 0
            var atEnd = false
            var failure: Int32?
            var bytes = [UInt8](unsafeUninitializedCapacity: max(size + 1, 1 << 12)) { buffer, initialized in
                while count < buffer.count {
                    let read = Glibc.read(descriptor, buffer.baseAddress! + count, buffer.count - count)
                    if read == 0 {
                        atEnd = true
                        break
                    }
                    if read < 0 {
                        if errno == EINTR { continue }
                        failure = errno
                        break
                    }
                    count += read
                }
                initialized = count
            }
            if let failure { return .failure(ReadError(failure)) }
            // A file that grew meanwhile, or one whose size was not known: read to its end.
            while !atEnd {
                if count == bytes.count { bytes += [UInt8](repeating: 0, count: bytes.count) }
                let read = bytes.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress! + count, $0.count - count) }
                if read == 0 { break }
                if read < 0 {
                    if errno == EINTR { continue }
                    return .failure(ReadError(errno))
                }
                count += read
            }
            bytes.removeLast(bytes.count - count)
            return .success(bytes)
        }
    }

    /// The system's reason a read failed.
    struct ReadError: Error, CustomStringConvertible {
        var code: Int32
        init(_ code: Int32) { self.code = code }
        var description: String { StandardStreams.reason(code) }
    }
}
