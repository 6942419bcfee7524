#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One progress line on stderr, redrawn in place, shown only when stderr is a terminal (and
/// not `--quiet`):
///
///     plan2json:  42% 120/286 files  35.2 files/s  4.1 MB/s  0:03 elapsed  ETA 0:05  2 failed
struct Progress {
    private let enabled: Bool
    private let totalFiles: Int
    private let totalBytes: Int
    private var files = 0
    private var bytes = 0
    private var failed = 0
    private let started: Double
    private var drawn = -1.0

    init(files paths: [String], enabled: Bool) {
        self.enabled = enabled && isatty(STDERR_FILENO) == 1 && paths.count > 1
        totalFiles = paths.count
        totalBytes = self.enabled ? paths.reduce(0) { total, path in
            var info = stat()
            return total + (stat(path, &info) == 0 ? Int(info.st_size) : 0)
        } : 0
        started = Self.now()
    }

    mutating func advance(bytes size: Int, failed isFailure: Bool) {
        files += 1
        bytes += size
        if isFailure { failed += 1 }
        guard enabled else { return }
        let now = Self.now()
        guard now - drawn >= 0.1 || files == totalFiles else { return }
        drawn = now
        StandardStreams.error("\r" + Self.line(
            files: files, totalFiles: totalFiles, bytes: bytes, totalBytes: totalBytes, failed: failed,
            elapsed: now - started) + "\u{1B}[K")
    }

    func finish() {
        guard enabled else { return }
        StandardStreams.error("\r\u{1B}[K")
    }

    /// The text of the line (without the carriage return).
    static func line(files: Int, totalFiles: Int, bytes: Int, totalBytes: Int, failed: Int, elapsed: Double) -> String {
        let percent = totalFiles == 0 ? 100 : files * 100 / totalFiles
        let seconds = max(elapsed, 0.001)
        let filesPerSecond = Double(files) / seconds
        let megabytesPerSecond = Double(bytes) / 1_000_000 / seconds
        // The ETA follows the bytes (big files take longer), or the files when sizes are unknown.
        let remaining =
            bytes > 0 && totalBytes > 0
            ? Double(max(totalBytes - bytes, 0)) / (Double(bytes) / seconds)
            : Double(totalFiles - files) / max(filesPerSecond, 0.001)
        var text = "plan2json: \(pad(percent, 3))% \(files)/\(totalFiles) files  \(oneDecimal(filesPerSecond)) files/s  "
            + "\(oneDecimal(megabytesPerSecond)) MB/s  \(clock(elapsed)) elapsed  ETA \(clock(remaining))"
        if failed > 0 { text += "  \(failed) failed" }
        return text
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: " ", count: max(0, width - text.count)) + text
    }

    private static func oneDecimal(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)"
    }

    private static func clock(_ seconds: Double) -> String {
        let total = Int(seconds.rounded())
        let (hours, minutes, rest) = (total / 3600, total / 60 % 60, total % 60)
        let twoDigits = rest < 10 ? "0\(rest)" : "\(rest)"
        if hours > 0 { return "\(hours):\(minutes < 10 ? "0" : "")\(minutes):\(twoDigits)" }
        return "\(minutes):\(twoDigits)"
    }

    private static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
