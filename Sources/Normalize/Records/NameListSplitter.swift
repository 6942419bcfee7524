/// Splits a leader cell into names: `黎  军` → [黎军]; `乔  雷\n李延振` → [乔雷, 李延振];
/// `罗英、李永强` → [罗英, 李永强].
///
/// Word pads two-character names with spaces to align them with three-character ones, so
/// spaces inside a short name are padding, not separators. Spaces separate names only when
/// every part is itself a plausible name (two characters or more).
enum NameListSplitter {
    static func split(_ text: some StringProtocol) -> [String] {
        let scalars = ScalarLine.scalars(of: text)
        var names: [String] = []
        // The words of the current part, as ranges of `scalars`.
        var words: [Range<Int>] = []
        var wordStart: Int?
        func endWord(at end: Int) {
            if let start = wordStart { words.append(start..<end) }
            wordStart = nil
        }
        func endPart() {
            defer { words.removeAll(keepingCapacity: true) }
            guard !words.isEmpty else { return }
            let joinedCount = words.reduce(0) { $0 + $1.count }
            if words.count > 1, words.allSatisfy({ $0.count >= 2 }), joinedCount > 4 {
                for word in words where !NoneMarker.matches(scalars: Array(scalars[word])) {
                    names.append(String(scalars: scalars[word]))
                }
            } else {
                let joined = words.flatMap { scalars[$0] }
                if !NoneMarker.matches(scalars: joined) { names.append(String(scalars: joined)) }
            }
        }
        for index in scalars.indices {
            let scalar = scalars[index]
            switch scalar {
            // `\r\n` is one character, and no separator.
            case "\n" where index == 0 || scalars[index - 1] != "\r", "、", "，", ",", "；", ";", "/":
                endWord(at: index)
                endPart()
            default:
                if scalar.isCollapsibleSpace {
                    endWord(at: index)
                } else if wordStart == nil {
                    wordStart = index
                }
            }
        }
        endWord(at: scalars.count)
        endPart()
        return names
    }
}

/// What a cell says when it means "none": `/`, `无`, `—`.
enum NoneMarker {
    static let words = ScalarWords(["/", "／", "无", "無", "-", "—", "——", "－", "暂无", "無", "\\"])

    static func matches(_ text: some StringProtocol) -> Bool {
        matches(scalars: ScalarLine.scalars(of: text))
    }

    static func matches(scalars: some Collection<Unicode.Scalar>) -> Bool {
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
