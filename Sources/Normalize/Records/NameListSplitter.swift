/// Splits a leader cell into names: `黎  军` → [黎军]; `乔  雷\n李延振` → [乔雷, 李延振];
/// `罗英、李永强` → [罗英, 李永强].
///
/// Word pads two-character names with spaces to align them with three-character ones, so
/// spaces inside a short name are padding, not separators. Spaces separate names only when
/// every part is itself a plausible name (two characters or more).
enum NameListSplitter {
    static func split(_ text: some StringProtocol) -> [String] {
        var names: [String] = []
        for part in text.split(whereSeparator: { "\n、，,；;/".contains($0) }) {
            let words = part.split(whereSeparator: \.isCollapsibleSpace)
            if words.isEmpty { continue }
            let joined = words.joined()
            if words.count > 1, words.allSatisfy({ $0.count >= 2 }), joined.count > 4 {
                names += words.map { String($0) }
            } else {
                names.append(joined)
            }
        }
        return names.filter { !NoneMarker.matches($0) }
    }
}

/// What a cell says when it means "none": `/`, `无`, `—`.
enum NoneMarker {
    static let words = ScalarWords(["/", "／", "无", "無", "-", "—", "——", "－", "暂无", "無", "\\"])

    static func matches(_ text: some StringProtocol) -> Bool {
        matches(scalars: Array(text.unicodeScalars))
    }

    static func matches(scalars: [Unicode.Scalar]) -> Bool {
        // No marker is longer than two scalars: anything with more text is none, uncleaned.
        var textCount = 0
        for scalar in scalars where !scalar.isLineSpace {
            textCount += 1
            if textCount > 2 { return false }
        }
        let trimmed = ScalarLine.singleLine(scalars)
        return trimmed.isEmpty || words.contains(trimmed)
    }
}

extension Unicode.Scalar {
    /// A collapsible space or a line break: what `TextCleanup.singleLine` trims.
    var isLineSpace: Bool { self == "\n" || self == "\r" || isCollapsibleSpace }
}
