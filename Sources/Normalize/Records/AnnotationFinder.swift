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
        // An annotation needs a bracket or a colon: most paragraphs have neither.
        guard mayAnnotate(text) else { return Result(found: [], remainder: text) }
        let scalars = ScalarLine.scalars(of: text)
        var found: [Found] = []
        var depth = 0
        var open = 0
        var index = 0
        var clauseStart = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "（" || scalar == "(" {
                if depth == 0 { open = index }
                depth += 1
            } else if scalar == "）" || scalar == ")", depth > 0 {
                depth -= 1
                if depth == 0, ResponsibilityAnnotation.mayAssign(scalars[(open + 1)..<index]) {
                    let content = String(scalars: scalars[(open + 1)..<index])
                    if let annotation = ResponsibilityAnnotation.parse(content) {
                        found.append(Found(annotation: annotation, range: open..<(index + 1)))
                    }
                }
            } else if depth == 0, index == clauseStart, index > 0,
                let annotation = labelledTail(scalars, from: index)
            {
                // Labels after the statement, without brackets, run to the end of the paragraph.
                found.append(Found(annotation: annotation, range: index..<scalars.count))
                break
            }
            if depth == 0, scalar == "。" || scalar == "；" || scalar == ";" || scalar.isLabelSpace {
                clauseStart = index + 1
            }
            index += 1
        }
        guard !found.isEmpty else { return Result(found: [], remainder: text) }
        var remainder: [Unicode.Scalar] = []
        remainder.reserveCapacity(scalars.count)
        var cursor = 0
        for item in found {
            remainder += scalars[cursor..<item.range.lowerBound]
            cursor = item.range.upperBound
        }
        remainder += scalars[cursor...]
        let after = scalars[found.last!.range.upperBound...]
        return Result(
            found: found, remainder: String(scalars: ScalarLine.singleLine(remainder)),
            endsWithAnnotation: after.allSatisfy { $0 == "。" || $0 == "；" || $0.properties.isWhitespace })
    }

    /// Whether the UTF-8 of `text` holds `(`, `:`, `（` (EF BC 88) or `：` (EF BC 9A).
    static func mayAnnotate(_ text: String) -> Bool {
        var text = text
        text.makeContiguousUTF8()
        return text.utf8.withContiguousStorageIfAvailable { bytes in
            MarkerScan.holdsMarker(bytes)
        } ?? true
    }

    /// The byte scan behind `mayAnnotate`: eight bytes at a time, for a byte that is `(`, `:`
    /// or the last byte of `（` or `：`; only a word holding one is looked at byte by byte.
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
                if holds(word, 0x28) || holds(word, 0x3A) || holds(word, 0x88) || holds(word, 0x9A),
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
                default: break
                }
                index += 1
            }
            return false
        }
    }

    /// `牵头单位：A；配合单位：B` opening at `index`, when a label with a role opens it.
    private static func labelledTail(_ scalars: [Unicode.Scalar], from index: Int) -> ResponsibilityAnnotation? {
        let window = scalars[index..<min(scalars.count, index + 9)]
        guard window.contains(where: { $0 == "：" || $0 == ":" }) else { return nil }
        let tail = String(scalars: scalars[index...])
        guard let label = ResponsibilityAnnotation.label(at: tail), label.role != nil else { return nil }
        return ResponsibilityAnnotation.parse(tail)
    }
}
