import Foundation

/// Reads a file handle one line at a time, holding at most one line and one chunk in memory:
/// the `--input-jsonl` stream never loads its whole input.
struct LineReader {
    private let handle: FileHandle
    private let chunkSize: Int
    private var buffer: [UInt8] = []
    /// Where the unread part of `buffer` starts.
    private var start = 0
    /// Bytes from `start` up to here hold no newline (so a long line is scanned once).
    private var scanned = 0
    private var atEnd = false

    init(_ handle: FileHandle, chunkSize: Int = 1 << 16) {
        self.handle = handle
        self.chunkSize = chunkSize
    }

    /// The next line without its `\n` (and without a `\r` before it), or nil at the end.
    /// Throws when the handle cannot be read.
    mutating func next() throws -> [UInt8]? {
        while true {
            if let newline = buffer[scanned...].firstIndex(of: 0x0A) {
                let line = Self.trimmed(buffer[start..<newline])
                start = newline + 1
                scanned = start
                return line
            }
            scanned = buffer.count
            if atEnd {
                guard start < buffer.count else { return nil }
                let line = Self.trimmed(buffer[start...])
                start = buffer.count
                scanned = start
                return line
            }
            if start > 0 {
                buffer.removeFirst(start)
                scanned -= start
                start = 0
            }
            let chunk = try handle.read(upToCount: chunkSize) ?? Data()
            if chunk.isEmpty { atEnd = true } else { buffer.append(contentsOf: chunk) }
        }
    }

    private static func trimmed(_ line: ArraySlice<UInt8>) -> [UInt8] {
        line.last == 0x0D ? Array(line.dropLast()) : Array(line)
    }
}
