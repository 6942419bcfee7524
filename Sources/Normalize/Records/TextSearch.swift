/// Substring search on UTF-8 bytes. The standard `contains(_:)`/`firstRange(of:)` on strings
/// compare Characters, normalising each one: on Chinese text that is tens of times slower,
/// and these searches run over every paragraph and cell. Text here is NFC (decoded and
/// cleaned), so byte equality is text equality.
extension StringProtocol {
    func containsText(_ needle: some StringProtocol) -> Bool {
        rangeOfText(needle) != nil
    }

    func startsWithText(_ prefix: some StringProtocol) -> Bool {
        utf8.starts(with: prefix.utf8)
    }

    func endsWithText(_ suffix: some StringProtocol) -> Bool {
        utf8.reversed().starts(with: suffix.utf8.reversed())
    }

    /// The first occurrence of `needle`, as a range of this string's indices.
    func rangeOfText(_ needle: some StringProtocol) -> Range<Index>? {
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
