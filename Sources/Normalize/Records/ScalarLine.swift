/// `TextCleanup.singleLine` on a scalar array, for the record builders that split and test
/// text scalar by scalar and make a `String` only of what they keep.
///
/// The same rule: each line trimmed, runs of collapsible spaces inside a line collapsed to one
/// ASCII space, line breaks removed (the lines joined with nothing).
enum ScalarLine {
    /// The scalars of `text`, decoded from its UTF-8 in one pass (no per-scalar index walk).
    static func scalars(of text: some StringProtocol) -> [Unicode.Scalar] {
        let decoded = text.utf8.withContiguousStorageIfAvailable { bytes -> [Unicode.Scalar] in
            [Unicode.Scalar](unsafeUninitializedCapacity: bytes.count) { buffer, count in
                var index = 0
                var written = 0
                while index < bytes.count {
                    let (scalar, length) = TextCleanup.decodeScalar(bytes, at: index)
                    buffer.initializeElement(at: written, to: scalar)
                    written += 1
                    index += length
                }
                count = written
            }
        }
        return decoded ?? Array(text.unicodeScalars)
    }

    static func singleLine(_ scalars: some Collection<Unicode.Scalar>) -> [Unicode.Scalar] {
        var output: [Unicode.Scalar] = []
        output.reserveCapacity(scalars.count)
        var collapser = Collapser()
        for scalar in scalars {
            let step = collapser.step(scalar)
            if step.space { output.append(" ") }
            if step.keeps { output.append(scalar) }
        }
        return output
    }

    /// `singleLine` of a text's scalars, decoded from its UTF-8 as they are collapsed.
    static func singleLine(of text: some StringProtocol) -> [Unicode.Scalar] {
        let collapsed = text.utf8.withContiguousStorageIfAvailable { bytes -> [Unicode.Scalar] in
            var output: [Unicode.Scalar] = []
            output.reserveCapacity(bytes.count)
            var collapser = Collapser()
            var index = 0
            while index < bytes.count {
                let (scalar, length) = TextCleanup.decodeScalar(bytes, at: index)
                let step = collapser.step(scalar)
                if step.space { output.append(" ") }
                if step.keeps { output.append(scalar) }
                index += length
            }
            return output
        }
        return collapsed ?? singleLine(Array(text.unicodeScalars))
    }

    /// Calls `body` with the first `limit` scalars of `singleLine(of: text)` (all of them when
    /// there are fewer), in a buffer on the stack; the rest of the text is not read.
    static func withSingleLinePrefix<Result>(
        of text: some StringProtocol, limit: Int, _ body: (UnsafeBufferPointer<Unicode.Scalar>) -> Result
    ) -> Result {
        // A space written before a scalar may take the line one past the limit.
        withUnsafeTemporaryAllocation(of: Unicode.Scalar.self, capacity: limit + 1) { buffer in
            var count = text.utf8.withContiguousStorageIfAvailable { bytes in
                var count = 0
                var collapser = Collapser()
                var index = 0
                while index < bytes.count, count < limit {
                    let (scalar, length) = TextCleanup.decodeScalar(bytes, at: index)
                    let step = collapser.step(scalar)
                    if step.space {
                        buffer.initializeElement(at: count, to: " ")
                        count += 1
                    }
                    if step.keeps {
                        buffer.initializeElement(at: count, to: scalar)
                        count += 1
                    }
                    index += length
                }
                return count
            }
            if count == nil {
                let line = singleLine(Array(text.unicodeScalars))
                for (index, scalar) in line.prefix(limit).enumerated() { buffer.initializeElement(at: index, to: scalar) }
                count = Swift.min(line.count, limit)
            }
            return body(UnsafeBufferPointer(rebasing: buffer[..<Swift.min(count!, limit)]))
        }
    }

    /// The rule, one scalar at a time.
    struct Collapser {
        var lineHasText = false
        var pendingSpace = false
        var pendingBreak = false

        /// What `scalar` adds to the line: a space before it, and itself.
        @inline(__always)
        mutating func step(_ scalar: Unicode.Scalar) -> (space: Bool, keeps: Bool) {
            if scalar == "\n" || scalar == "\r" {
                if lineHasText { pendingBreak = true }
                lineHasText = false
                pendingSpace = false
                return (false, false)
            }
            if scalar.isCollapsibleSpace {
                pendingSpace = lineHasText
                return (false, false)
            }
            let space = !pendingBreak && pendingSpace
            pendingBreak = false
            pendingSpace = false
            lineHasText = true
            return (space, true)
        }
    }

    /// Whether `text` holds at most `count` `Character`s (`text.prefix(count + 1).count <= count`),
    /// counted by scalars where each is a Character of its own.
    static func characterCount(of text: some StringProtocol, isAtMost count: Int) -> Bool {
        // A Character takes a byte at least.
        let byteCount = text.utf8.count
        if byteCount <= count { return true }
        if let length = text.utf8.withContiguousStorageIfAvailable({ TextCleanup.utf8Length(ofCharacters: count, in: $0) }),
            let length
        {
            return length == byteCount
        }
        return text.prefix(count + 1).count <= count
    }

    /// `text.split(separator: stop, maxSplits: 1, omittingEmptySubsequences: true)`: the first
    /// non-empty stretch before a stop and, when there is any, the text after that stop. Cut by
    /// scalars when the scalars up to the cut are Characters of their own; `stop` is one.
    static func splitOnce(_ text: Substring, at stop: Unicode.Scalar) -> [Substring] {
        // Byte offsets of the first stretch and of the stop after it; nil when Characters must tell.
        let cut = text.utf8.withContiguousStorageIfAvailable { bytes -> (start: Int?, stop: Int?)? in
            var index = 0
            var start: Int?
            while index < bytes.count {
                let (scalar, length) = TextCleanup.decodeScalar(bytes, at: index)
                guard scalar.isOwnCharacter else { return nil }
                if scalar != stop {
                    if start == nil { start = index }
                } else if start != nil {
                    // The scalar after the stop must not join it either.
                    let next = index + length
                    if next < bytes.count, !TextCleanup.decodeScalar(bytes, at: next).0.isOwnCharacter { return nil }
                    return (start, index)
                }
                index += length
            }
            return (start, nil)
        }
        guard let cut, let found = cut else {
            return text.split(separator: Character(stop), maxSplits: 1, omittingEmptySubsequences: true)
        }
        guard let startOffset = found.start else { return [] }
        let utf8 = text.utf8
        let start = utf8.index(utf8.startIndex, offsetBy: startOffset)
        guard let stopOffset = found.stop else { return [text[start...]] }
        let end = utf8.index(utf8.startIndex, offsetBy: stopOffset)
        let rest = text.unicodeScalars.index(after: end)
        return rest == text.endIndex ? [text[start..<end]] : [text[start..<end], text[rest...]]
    }

    /// `TextCleanup.clauses` on scalars: `scalars` cut at the separators outside brackets, each
    /// part made one line, empty parts dropped.
    static func clauses(of scalars: [Unicode.Scalar], separators: String) -> [String] {
        var parts: [String] = []
        forEachClause(of: scalars, separators: separators) { parts.append(String(scalars: $0)) }
        return parts
    }

    /// `clauses(of:separators:)` of any scalar collection.
    static func clauses(of scalars: some Collection<Unicode.Scalar>, separators: String) -> [String] {
        clauses(of: Array(scalars), separators: separators)
    }

    /// `clauses(of:separators:)` with each part left as its scalars.
    static func clauseScalars(of scalars: [Unicode.Scalar], separators: String) -> [[Unicode.Scalar]] {
        var parts: [[Unicode.Scalar]] = []
        forEachClause(of: scalars, separators: separators) { parts.append(Array($0)) }
        return parts
    }

    /// Calls `body` with each non-empty part of `clauses(of:separators:)`, in order, as a slice
    /// of `scalars` when the part has nothing to collapse.
    private static func forEachClause(
        of scalars: [Unicode.Scalar], separators: String, _ body: (ArraySlice<Unicode.Scalar>) -> Void
    ) {
        let cuts = Array(separators.unicodeScalars)
        var depth = 0
        var start = 0
        func finish(_ end: Int) {
            let piece = scalars[start..<end]
            // A piece without spaces or line breaks is its own single line.
            if piece.contains(where: { $0 == "\n" || $0 == "\r" || $0.isCollapsibleSpace }) {
                let part = singleLine(piece)
                if !part.isEmpty { body(part[...]) }
            } else if !piece.isEmpty {
                body(piece)
            }
        }
        for index in scalars.indices {
            let scalar = scalars[index]
            switch scalar {
            case "（", "(", "《", "“", "【": depth += 1
            case "）", ")", "》", "”", "】": depth = max(0, depth - 1)
            default: break
            }
            if depth == 0, cuts.contains(scalar) {
                finish(index)
                start = index + 1
            }
        }
        finish(scalars.count)
    }
}

extension String {
    /// A string of the given scalars.
    ///
    /// Encoded on the stack and copied into the string unchecked: scalars always encode to valid
    /// UTF-8, so the check every other way of making a string from bytes runs (as much work again
    /// as the encoding) is skipped.
    init(scalars: some Collection<Unicode.Scalar>) {
        let capacity = scalars.count * 4
        guard capacity > 0 else {
            self = ""
            return
        }
        self = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: capacity) { buffer in
            String(validUTF8: UnsafeBufferPointer(rebasing: buffer[..<Self.encode(scalars, into: buffer.baseAddress!)]))
        }
    }

    /// A string of bytes known to be valid UTF-8 (encoded from scalars, or copied from strings
    /// whole), copied without checking them where the standard library allows it.
    init(validUTF8 bytes: UnsafeBufferPointer<UInt8>) {
        if #available(macOS 26, *) {
            self.init(copying: UTF8Span(unchecked: bytes.span))
        } else {
            self.init(decoding: bytes, as: UTF8.self)
        }
    }

    /// Writes the UTF-8 of `scalars` at `output` (room for four bytes a scalar) and returns its length.
    @inline(__always)
    private static func encode(_ scalars: some Collection<Unicode.Scalar>, into output: UnsafeMutablePointer<UInt8>) -> Int {
        var cursor = output
        for scalar in scalars {
            let value = scalar.value
            if value < 0x80 {
                cursor[0] = UInt8(truncatingIfNeeded: value)
                cursor += 1
            } else if value < 0x800 {
                cursor[0] = UInt8(truncatingIfNeeded: 0xC0 | value >> 6)
                cursor[1] = UInt8(truncatingIfNeeded: 0x80 | value & 0x3F)
                cursor += 2
            } else if value < 0x1_0000 {
                cursor[0] = UInt8(truncatingIfNeeded: 0xE0 | value >> 12)
                cursor[1] = UInt8(truncatingIfNeeded: 0x80 | value >> 6 & 0x3F)
                cursor[2] = UInt8(truncatingIfNeeded: 0x80 | value & 0x3F)
                cursor += 3
            } else {
                cursor[0] = UInt8(truncatingIfNeeded: 0xF0 | value >> 18)
                cursor[1] = UInt8(truncatingIfNeeded: 0x80 | value >> 12 & 0x3F)
                cursor[2] = UInt8(truncatingIfNeeded: 0x80 | value >> 6 & 0x3F)
                cursor[3] = UInt8(truncatingIfNeeded: 0x80 | value & 0x3F)
                cursor += 4
            }
        }
        return cursor - output
    }
}
