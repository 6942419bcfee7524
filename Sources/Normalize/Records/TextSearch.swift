/// Substring search on UTF-8 bytes. The standard `contains(_:)`/`firstRange(of:)` on strings
/// compare Characters, normalising each one: on Chinese text that is tens of times slower,
/// and these searches run over every paragraph and cell. Text here is NFC (decoded and
/// cleaned), so byte equality is text equality.
///
/// Native strings hand their bytes over as one buffer (small ones from the stack), so a search
/// is a byte loop over two buffers with no allocation; the index walk below is only the fallback
/// for bridged storage.
extension StringProtocol {
    func containsText(_ needle: some StringProtocol) -> Bool {
        if let found = utf8.withContiguousStorageIfAvailable({ haystack in
            needle.utf8.withContiguousStorageIfAvailable { ByteSearch.firstOffset(of: $0, in: haystack) != nil }
        }), let found {
            return found
        }
        return rangeOfText(needle) != nil
    }

    func startsWithText(_ prefix: some StringProtocol) -> Bool {
        if let found = utf8.withContiguousStorageIfAvailable({ text in
            prefix.utf8.withContiguousStorageIfAvailable { ByteSearch.starts(text, with: $0) }
        }), let found {
            return found
        }
        return utf8.starts(with: prefix.utf8)
    }

    func endsWithText(_ suffix: some StringProtocol) -> Bool {
        if let found = utf8.withContiguousStorageIfAvailable({ text in
            suffix.utf8.withContiguousStorageIfAvailable { ByteSearch.ends(text, with: $0) }
        }), let found {
            return found
        }
        return utf8.reversed().starts(with: suffix.utf8.reversed())
    }

    /// The first occurrence of `needle`, as a range of this string's indices.
    func rangeOfText(_ needle: some StringProtocol) -> Range<Index>? {
        if let found = utf8.withContiguousStorageIfAvailable({ haystack in
            needle.utf8.withContiguousStorageIfAvailable { pattern in
                ByteSearch.firstOffset(of: pattern, in: haystack).map { $0..<($0 + pattern.count) }
            }
        }), let found {
            guard let found else { return nil }
            let lower = utf8.index(utf8.startIndex, offsetBy: found.lowerBound)
            return lower..<utf8.index(lower, offsetBy: found.count)
        }
        let pattern = Array(needle.utf8)
        guard let first = pattern.first else { return startIndex..<startIndex }
        let bytes = utf8
        var start = bytes.startIndex
        while let candidate = bytes[start...].firstIndex(of: first) {
            var cursor = candidate
            var matched = 0
            while matched < pattern.count, cursor < bytes.endIndex, bytes[cursor] == pattern[matched] {
                bytes.formIndex(after: &cursor)
                matched += 1
            }
            if matched == pattern.count { return candidate..<cursor }
            start = bytes.index(after: candidate)
        }
        return nil
    }

    /// The last occurrence of `needle`.
    func lastRangeOfText(_ needle: some StringProtocol) -> Range<Index>? {
        var found: Range<Index>?
        var rest = self[...]
        while let range = rest.rangeOfText(needle) {
            found = range
            rest = self[range.upperBound...]
        }
        return found
    }
}

/// Byte-buffer primitives behind the `…Text` searches.
enum ByteSearch {
    /// Offset of the first occurrence of `pattern` in `text`; 0 for an empty pattern.
    ///
    /// Candidates are found by the pattern's last byte, eight bytes at a time: in Chinese text a
    /// continuation byte is rarer than a lead byte.
    static func firstOffset(of pattern: UnsafeBufferPointer<UInt8>, in text: UnsafeBufferPointer<UInt8>) -> Int? {
        let count = pattern.count
        guard count > 0 else { return 0 }
        guard count <= text.count, let textBase = text.baseAddress, let patternBase = pattern.baseAddress else { return nil }
        let last = patternBase[count - 1]
        var end = count - 1
        while let found = firstIndex(of: last, in: text, from: end) {
            let start = found - (count - 1)
            var matched = 0
            while matched < count - 1, textBase[start + matched] == patternBase[matched] { matched += 1 }
            if matched == count - 1 { return start }
            end = found + 1
        }
        return nil
    }

    /// Whether two byte buffers hold the same bytes, compared eight at a time.
    static func equal(_ first: UnsafeBufferPointer<UInt8>, _ second: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = first.count
        guard count == second.count else { return false }
        guard count > 0, let one = first.baseAddress, let other = second.baseAddress else { return true }
        if one == other { return true }
        var index = 0
        while index + 8 <= count {
            if UnsafeRawPointer(one + index).loadUnaligned(as: UInt64.self)
                != UnsafeRawPointer(other + index).loadUnaligned(as: UInt64.self)
            {
                return false
            }
            index += 8
        }
        while index < count {
            if one[index] != other[index] { return false }
            index += 1
        }
        return true
    }

    /// The first index at or after `start` holding `byte`.
    static func firstIndex(of byte: UInt8, in text: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard let base = text.baseAddress else { return nil }
        let count = text.count
        var index = start
        let ones: UInt64 = 0x0101_0101_0101_0101
        let spread = UInt64(byte) &* ones
        while index + 8 <= count {
            // A zero byte of `word` is a match; the lowest flagged byte is always a true one.
            let word = UInt64(littleEndian: UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)) ^ spread
            let flags = (word &- ones) & ~word & 0x8080_8080_8080_8080
            if flags != 0 { return index + flags.trailingZeroBitCount / 8 }
            index += 8
        }
        while index < count {
            if base[index] == byte { return index }
            index += 1
        }
        return nil
    }

    @inline(__always)
    static func starts(_ text: UnsafeBufferPointer<UInt8>, with prefix: UnsafeBufferPointer<UInt8>) -> Bool {
        guard prefix.count <= text.count else { return false }
        var index = 0
        while index < prefix.count {
            if text[index] != prefix[index] { return false }
            index += 1
        }
        return true
    }

    @inline(__always)
    static func ends(_ text: UnsafeBufferPointer<UInt8>, with suffix: UnsafeBufferPointer<UInt8>) -> Bool {
        guard suffix.count <= text.count else { return false }
        let offset = text.count - suffix.count
        var index = 0
        while index < suffix.count {
            if text[offset + index] != suffix[index] { return false }
            index += 1
        }
        return true
    }
}
