import Foundation

/// Chooses the characters whose bytes a slip lost, by context: each assignment of candidates
/// is placed between the text before and after the run, and the one whose window segments
/// into the most probable words (`PhraseModel`) wins.
struct LostCharacterChooser {
    let text: [Unicode.Scalar]
    let run: Range<Int>
    /// Characters recovered exactly from the bytes, between the two lost ones.
    let inner: [Unicode.Scalar]
    let firstCandidates: [Unicode.Scalar]
    /// Nil when the run's last character was completed by a lone byte.
    let lastCandidates: [Unicode.Scalar]?
    let context: RepairContext

    /// Context on each side; words are at most four characters long.
    static let contextLength = 6
    /// Candidates per lost character kept for the joint choice, after scoring each alone.
    static let shortlistLength = 16
    /// A clause-ending candidate after fewer than `ByteSlipRun.shortestClause` characters.
    static let shortClausePenalty = log(1e-3)

    struct Choice {
        let score: Double
        let first: Unicode.Scalar
        let last: Unicode.Scalar?
        /// Each chosen character is part of a word of two or more characters.
        let formsWords: Bool
    }

    func best() -> Choice? {
        let model = PhraseModel.shared
        let left = neighbours(before: run.lowerBound)
        let right = neighbours(after: run.upperBound)
        let clauseBefore = clauseLength(before: run.lowerBound)

        // Windows differ only in a candidate's place: the words before it are weighed once
        // (`prefix`), and the words that do not cover it once (`HoleWindow`), for every candidate.
        func score(_ window: [Unicode.Scalar], segmented: Double, firstAt: Int?, lastAt: Int?) -> Double {
            var probability = segmented
            if let firstAt { probability += context.sharedPairScore(at: firstAt, in: window, model: model) }
            if let lastAt { probability += context.sharedPairScore(at: lastAt, in: window, model: model) }
            if let firstAt, CharacterKinds.isClauseEnd(window[firstAt]), clauseBefore < ByteSlipRun.shortestClause {
                probability += Self.shortClausePenalty
            }
            if let lastAt, CharacterKinds.isClauseEnd(window[lastAt]),
                clauseBefore + 1 + inner.count < ByteSlipRun.shortestClause
            {
                probability += Self.shortClausePenalty
            }
            return probability
        }

        // Each lost character alone first, in as much context as is known around it. One
        // window per pass, its candidate's place rewritten: no array built per candidate.
        var firstWindow = left + ["?"] + inner + (lastCandidates == nil ? right : [])
        let leftPrefix = model.prefix(of: firstWindow, length: left.count)
        let firstHole = HoleWindow(firstWindow, hole: left.count, after: leftPrefix, model: model)
        var firsts = shortlist(firstCandidates) { candidate in
            firstWindow[left.count] = candidate
            return score(
                firstWindow, segmented: firstHole.logProbability(with: candidate, model: model), firstAt: left.count,
                lastAt: nil)
        }
        var lasts: [Unicode.Scalar?] = [nil]
        var wordPairs: [(Unicode.Scalar, Unicode.Scalar)] = []
        if let lastCandidates {
            var lastWindow = inner + ["?"] + right
            let innerPrefix = model.prefix(of: lastWindow, length: inner.count)
            let lastHole = HoleWindow(lastWindow, hole: inner.count, after: innerPrefix, model: model)
            lasts = shortlist(lastCandidates) { candidate in
                lastWindow[inner.count] = candidate
                return score(
                    lastWindow, segmented: lastHole.logProbability(with: candidate, model: model), firstAt: nil,
                    lastAt: inner.count)
            }
            if inner.count >= PhraseModel.longestWord - 1 {
                // With three or more recovered characters between them, no word (four
                // characters at most) holds both lost ones: each choice stands on its own.
                firsts = Array(firsts.prefix(1))
                lasts = Array(lasts.prefix(1))
            } else if inner.isEmpty {
                // Adjacent lost characters are judged alone on weak context: keep every pair
                // that is a word by itself (專科) in the running too.
                wordPairs = model.wordPairs(firstCandidates, lastCandidates)
            }
        }

        var best: (score: Double, choice: Choice)?
        let pairs = firsts.flatMap { first in lasts.map { (first, $0) } } + wordPairs.map { ($0.0, Optional($0.1)) }
        // Every pair's window has the same shape (a last character in all or in none): one
        // window, its two places rewritten a pair.
        let lastAt = lastCandidates == nil ? nil : left.count + 1 + inner.count
        var window = left + ["?"] + inner + (lastAt == nil ? [] : ["?"]) + right
        // Pairs come grouped by their first character: the window up to the last one, and
        // the words that do not cover the last one, are weighed once a group.
        var firstGroup: (first: Unicode.Scalar, hole: HoleWindow)?
        for (first, last) in pairs {
            window[left.count] = first
            if let lastAt, let last { window[lastAt] = last }
            let segmented: Double
            if let lastAt, let last {
                let hole: HoleWindow
                if let firstGroup, firstGroup.first == first {
                    hole = firstGroup.hole
                } else {
                    let prefix = model.prefix(of: window, length: lastAt, after: leftPrefix)
                    hole = HoleWindow(window, hole: lastAt, after: prefix, model: model)
                    firstGroup = (first, hole)
                }
                segmented = hole.logProbability(with: last, model: model)
            } else {
                // No last character: the window is the one the first candidates were weighed in.
                segmented = firstHole.logProbability(with: first, model: model)
            }
            let probability = score(window, segmented: segmented, firstAt: left.count, lastAt: lastAt)
            if best == nil || probability > best!.score {
                let covering = model.segment(window).coveringWordLength
                let formsWords = covering[left.count] >= 2 && (lastAt.map { covering[$0] >= 2 } ?? true)
                best = (probability, Choice(score: probability, first: first, last: last, formsWords: formsWords))
            }
        }
        return best?.choice
    }

    /// The same window's score with the observed characters in place of the repair.
    func score(ofObserved observed: [Unicode.Scalar]) -> Double {
        PhraseModel.shared.logProbability(of: neighbours(before: run.lowerBound) + observed + neighbours(after: run.upperBound))
    }

    private func shortlist(_ candidates: [Unicode.Scalar], by score: (Unicode.Scalar) -> Double) -> [Unicode.Scalar] {
        candidates.map { ($0, score($0)) }
            .sorted { $0.1 > $1.1 }
            .prefix(Self.shortlistLength)
            .map(\.0)
    }

    private func neighbours(before index: Int) -> [Unicode.Scalar] {
        var start = index
        while start > 0, index - start < Self.contextLength, text[start - 1] != "\n" { start -= 1 }
        return Array(text[start..<index])
    }

    private func neighbours(after index: Int) -> [Unicode.Scalar] {
        var end = index
        while end < text.count, end - index < Self.contextLength, text[end] != "\n" { end += 1 }
        return Array(text[index..<end])
    }

    /// Letters and digits since the last punctuation or line start before `index`.
    private func clauseLength(before index: Int) -> Int {
        var count = 0
        var position = index - 1
        while position >= 0, CharacterKinds.isWordCharacter(text[position]) {
            count += 1
            position -= 1
        }
        return count
    }
}
