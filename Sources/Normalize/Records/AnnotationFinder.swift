/// Finds the responsibility annotations inside one paragraph of an item, wherever they are
/// printed: a parenthesis at the end or in the middle (`…推进。（市场监管总局负责）加快…`), several
/// in one paragraph, or labels after the text without brackets (`…。牵头单位：A；配合单位：B`).
enum AnnotationFinder {
    struct Found: Hashable, Sendable {
        var annotation: ResponsibilityAnnotation
        /// Where it stands in the paragraph, brackets included, in Unicode scalar offsets.
        var range: Range<Int>
    }

    struct Result: Hashable, Sendable {
        var found: [Found]
        /// The paragraph without its annotations.
        var remainder: String
        /// The paragraph ends with an annotation (nothing but a full stop after it).
        var endsWithAnnotation = false
    }

    static func find(in text: String) -> Result {
        var text = text
        text.makeContiguousUTF8()
        let result = text.utf8.withContiguousStorageIfAvailable { bytes -> Result in
            // An annotation needs a bracket or a colon: most paragraphs have neither.
            guard MarkerScan.holdsMarker(bytes) else { return Result(found: [], remainder: text) }
            return find(in: text, bytes: bytes)
        }
        return result ?? Array(text.utf8).withUnsafeBufferPointer { find(in: text, bytes: $0) }
    }

    /// `find(in:)` read from the UTF-8 of `text`: brackets, clause ends and colons are told
    /// from the bytes; only a bracket's content and a labelled tail are decoded or copied.
    private static func find(in text: String, bytes: UnsafeBufferPointer<UInt8>) -> Result {
        var found: [Found] = []
        // Where each found annotation stands, in bytes.
        var spans: [Range<Int>] = []
        var depth = 0
        // The opening bracket at depth 0: its scalar offset, byte offset and length in bytes.
        var open = 0
        var openByte = 0
        var openLength = 0
        var index = 0
        var scalarIndex = 0
        var clauseStart = 0
        while index < bytes.count {
            let byte = bytes[index]
            let length = ByteMarks.scalarLength(lead: byte)
            let kind = ByteMarks.kind(bytes, at: index)
            if kind == .open {
                if depth == 0 {
                    open = scalarIndex
                    openByte = index
                    openLength = length
                }
                depth += 1
            } else if kind == .close, depth > 0 {
                depth -= 1
                if depth == 0 {
                    let content = UnsafeBufferPointer(rebasing: bytes[(openByte + openLength)..<index])
                    if ResponsibilityAnnotation.mayAssign(utf8: content),
                        let annotation = ResponsibilityAnnotation.parse(assignable: String(validUTF8: content))
                    {
                        found.append(Found(annotation: annotation, range: open..<(scalarIndex + 1)))
                        spans.append(openByte..<(index + length))
                    }
                }
            } else if depth == 0, scalarIndex == clauseStart, scalarIndex > 0,
                let annotation = labelledTail(bytes, from: index)
            {
                // Labels after the statement, without brackets, run to the end of the paragraph.
                let end = scalarIndex + ByteMarks.scalarCount(UnsafeBufferPointer(rebasing: bytes[index...]))
                found.append(Found(annotation: annotation, range: scalarIndex..<end))
                spans.append(index..<bytes.count)
                break
            }
            if depth == 0, kind == .clauseEnd {
                clauseStart = scalarIndex + 1
            }
            index += length
            scalarIndex += 1
        }
        guard !found.isEmpty else { return Result(found: [], remainder: text) }
        let remainder = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: bytes.count) { output -> String in
            var count = 0
            var cursor = 0
            for span in spans + [bytes.count..<bytes.count] {
                let kept = span.lowerBound - cursor
                if kept > 0 {
                    (output.baseAddress! + count).update(from: bytes.baseAddress! + cursor, count: kept)
                    count += kept
                }
                cursor = span.upperBound
            }
            return TextCleanup.singleLine(UnsafeBufferPointer(rebasing: output[..<count]))
        }
        var endsWithAnnotation = true
        var after = spans.last!.upperBound
        while after < bytes.count {
            let (scalar, length) = TextCleanup.decodeScalar(bytes, at: after)
            guard scalar == "。" || scalar == "；" || scalar.properties.isWhitespace else {
                endsWithAnnotation = false
                break
            }
            after += length
        }
        return Result(found: found, remainder: remainder, endsWithAnnotation: endsWithAnnotation)
    }

    /// Whether the UTF-8 of `text` holds `(`, `:`, `（` (EF BC 88), `〔` (E3 80 94) or `：` (EF BC 9A).
    static func mayAnnotate(_ text: String) -> Bool {
        var text = text
        text.makeContiguousUTF8()
        return text.utf8.withContiguousStorageIfAvailable { bytes in
            MarkerScan.holdsMarker(bytes)
        } ?? true
    }

    /// The byte scan behind `mayAnnotate`: eight bytes at a time, for a byte that is `(`, `:`
    /// or the last byte of `（`, `〔` or `：`; only a word holding one is looked at byte by byte.
    enum MarkerScan {
        private static let ones: UInt64 = 0x0101_0101_0101_0101
        private static let highs: UInt64 = 0x8080_8080_8080_8080

        /// Whether `word` holds a byte equal to `byte` (exact: the first zero byte of the xor
        /// is always flagged, and a flag is only ever set when some byte is zero).
        @inline(__always)
        private static func holds(_ word: UInt64, _ byte: UInt8) -> Bool {
            let x = word ^ (ones &* UInt64(byte))
            return (x &- ones) & ~x & highs != 0
        }

        static func holdsMarker(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
            let count = bytes.count
            guard let base = bytes.baseAddress else { return false }
            var index = 0
            while index + 8 <= count {
                let word = UInt64(littleEndian: UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
                if holds(word, 0x28) || holds(word, 0x3A) || holds(word, 0x88) || holds(word, 0x9A) || holds(word, 0x94),
                    marks(bytes, from: index, to: index + 8)
                {
                    return true
                }
                index += 8
            }
            return marks(bytes, from: index, to: count)
        }

        /// Whether a marker ends at a byte of `bytes[start..<end]`.
        @inline(__always)
        private static func marks(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Bool {
            var index = start
            while index < end {
                switch bytes[index] {
                case 0x28, 0x3A: return true
                case 0x88, 0x9A:
                    if index >= 2, bytes[index - 1] == 0xBC, bytes[index - 2] == 0xEF { return true }
                case 0x94:
                    if index >= 2, bytes[index - 1] == 0x80, bytes[index - 2] == 0xE3 { return true }
                default: break
                }
                index += 1
            }
            return false
        }
    }

    /// What the scan of `find(in:)` tells from a scalar's UTF-8 alone.
    enum ByteMarks {
        enum Kind {
            /// `(`, `（` (EF BC 88) or `〔` (E3 80 94), the bracket some plans print owners in
            /// (`〔责任单位：甲局〕`).
            case open
            /// `)`, `）` (EF BC 89) or `〕` (E3 80 95).
            case close
            /// What ends a clause: `。` (E3 80 82), `；` (EF BC 9B), `;`, or a label space
            /// (space, tab, U+00A0 as C2 A0, U+3000 as E3 80 80).
            case clauseEnd
            case other
        }

        /// The kind of the scalar whose UTF-8 starts at `index`.
        @inline(__always)
        static func kind(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Kind {
            switch bytes[index] {
            case 0x28: return .open
            case 0x29: return .close
            case 0x3B, 0x20, 0x09: return .clauseEnd
            case 0xC2: return index + 1 < bytes.count && bytes[index + 1] == 0xA0 ? .clauseEnd : .other
            case 0xE3:
                guard index + 2 < bytes.count, bytes[index + 1] == 0x80 else { return .other }
                switch bytes[index + 2] {
                case 0x82, 0x80: return .clauseEnd
                case 0x94: return .open
                case 0x95: return .close
                default: return .other
                }
            case 0xEF:
                guard index + 2 < bytes.count, bytes[index + 1] == 0xBC else { return .other }
                switch bytes[index + 2] {
                case 0x88: return .open
                case 0x89: return .close
                case 0x9B: return .clauseEnd
                default: return .other
                }
            default: return .other
            }
        }

        /// How many bytes the scalar opening with `lead` takes.
        @inline(__always)
        static func scalarLength(lead: UInt8) -> Int {
            lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
        }

        /// How many scalars the UTF-8 `bytes` hold: the bytes that are no continuation byte.
        static func scalarCount(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
            var count = 0
            for byte in bytes where byte & 0xC0 != 0x80 { count += 1 }
            return count
        }
    }

    /// `牵头单位：A；配合单位：B` opening at byte `index`, when a label with a role opens it.
    private static func labelledTail(_ bytes: UnsafeBufferPointer<UInt8>, from index: Int) -> ResponsibilityAnnotation? {
        let window = UnsafeBufferPointer(rebasing: bytes[index...])
        // The label is read before the rest of the text is copied: most are no role's.
        guard ResponsibilityAnnotation.hasOpeningColon(window), ResponsibilityAnnotation.labelOpening(utf8: window)?.role != nil
        else { return nil }
        return ResponsibilityAnnotation.parse(String(validUTF8: window))
    }
}
