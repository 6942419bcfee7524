#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An exclusive `flock` on the output folder's lock file, held for the whole run and released
/// by the kernel when the process ends however it ends. A second run into the same folder is
/// refused instead of mixing its outputs with the first one's. (A class only to own the descriptor.)
final class OutputLock {
    private let descriptor: Int32

    init(path: String, folder: String) throws(BatchConverter.Failure) {
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw BatchConverter.Failure(description: "cannot lock \(folder): \(StandardStreams.reason(errno))")
        }
        if flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            var holder = [UInt8](repeating: 0, count: 32)
            let count = holder.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, 0) }
            close(descriptor)
            let pid = count > 0 ? String(decoding: holder[0..<count], as: UTF8.self).trimmingSpaces : "?"
            throw BatchConverter.Failure(
                description: "\(folder) is in use by another plan2json run (pid \(pid)); not starting a second run into it")
        }
        let pid = Array("\(getpid())\n".utf8)
        _ = ftruncate(descriptor, 0)
        _ = pid.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, 0) }
        self.descriptor = descriptor
    }

    deinit { close(descriptor) }
}

extension String {
    fileprivate var trimmingSpaces: String {
        String(self.filter { !$0.isWhitespace })
    }
}
