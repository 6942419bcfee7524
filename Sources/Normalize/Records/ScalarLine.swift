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
        for scalar in scalars { collapser.append(scalar, to: &output) }
        return output
    }

    /// `singleLine` of a text's scalars, decoded from its UTF-8 as they are collapsed; only the
    /// first `limit` scalars of the line when a limit is given (the rest of the text is not read).
    static func singleLine(of text: some StringProtocol, limit: Int = .max) -> [Unicode.Scalar] {
        let collapsed = text.utf8.withContiguousStorageIfAvailable { bytes -> [Unicode.Scalar] in
            var output: [Unicode.Scalar] = []
            output.reserveCapacity(Swift.min(bytes.count, limit))
            var collapser = Collapser()
            var index = 0
            while index < bytes.count, output.count < limit {
                let (scalar, length) = TextCleanup.decodeScalar(bytes, at: index)
                collapser.append(scalar, to: &output)
                index += length
            }
            return output
        }
        var output = collapsed ?? singleLine(Array(text.unicodeScalars))
        // A space written before a scalar may take the line one past the limit.
        if output.count > limit { output.removeLast(output.count - limit) }
        return output
    }

    /// The rule, one scalar at a time.
    struct Collapser {
        var lineHasText = false
        var pendingSpace = false
        var pendingBreak = false

        @inline(__always)
        mutating func append(_ scalar: Unicode.Scalar, to output: inout [Unicode.Scalar]) {
            if scalar == "\n" || scalar == "\r" {
                if lineHasText { pendingBreak = true }
                lineHasText = false
                pendingSpace = false
                return
            }
            if scalar.isCollapsibleSpace {
                pendingSpace = lineHasText
                return
            }
            if pendingBreak {
                pendingBreak = false
            } else if pendingSpace {
                output.append(" ")
            }
            pendingSpace = false
            output.append(scalar)
            lineHasText = true
        }
    }

    /// `TextCleanup.clauses` on scalars: `scalars` cut at the separators outside brackets, each
    /// part made one line, empty parts dropped.
    static func clauses(of scalars: some Collection<Unicode.Scalar>, separators: String) -> [String] {
        let cuts = Array(separators.unicodeScalars)
        var parts: [String] = []
        var current: [Unicode.Scalar] = []
        var depth = 0
        func finish() {
            let part = singleLine(current)
            if !part.isEmpty { parts.append(String(scalars: part)) }
            current.removeAll(keepingCapacity: true)
        }
        for scalar in scalars {
            switch scalar {
            case "（", "(", "《", "“", "【": depth += 1
            case "）", ")", "》", "”", "】": depth = max(0, depth - 1)
            default: break
            }
            if depth == 0, cuts.contains(scalar) {
                finish()
            } else {
                current.append(scalar)
            }
        }
        finish()
        return parts
    }
}

extension String {
    /// A string of the given scalars, encoded straight into the string's storage.
    init(scalars: some Collection<Unicode.Scalar>) {
        var byteCount = 0
        for scalar in scalars {
            let value = scalar.value
            byteCount += value < 0x80 ? 1 : value < 0x800 ? 2 : value < 0x1_0000 ? 3 : 4
        }
        self.init(unsafeUninitializedCapacity: byteCount) { buffer in
            var index = 0
            for scalar in scalars {
                let value = scalar.value
                if value < 0x80 {
                    buffer[index] = UInt8(truncatingIfNeeded: value)
                    index += 1
                } else if value < 0x800 {
                    buffer[index] = UInt8(truncatingIfNeeded: 0xC0 | value >> 6)
                    buffer[index + 1] = UInt8(truncatingIfNeeded: 0x80 | value & 0x3F)
                    index += 2
                } else if value < 0x1_0000 {
                    buffer[index] = UInt8(truncatingIfNeeded: 0xE0 | value >> 12)
                    buffer[index + 1] = UInt8(truncatingIfNeeded: 0x80 | value >> 6 & 0x3F)
                    buffer[index + 2] = UInt8(truncatingIfNeeded: 0x80 | value & 0x3F)
                    index += 3
                } else {
                    buffer[index] = UInt8(truncatingIfNeeded: 0xF0 | value >> 18)
                    buffer[index + 1] = UInt8(truncatingIfNeeded: 0x80 | value >> 12 & 0x3F)
                    buffer[index + 2] = UInt8(truncatingIfNeeded: 0x80 | value >> 6 & 0x3F)
                    buffer[index + 3] = UInt8(truncatingIfNeeded: 0x80 | value & 0x3F)
                    index += 4
                }
            }
            return index
        }
    }
}
