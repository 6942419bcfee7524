/// Task ids unique within a document: the first task with a path keeps it as its id, later
/// ones get `-2`, `-3`, … (the lowest suffix no task has yet). Each base remembers where its
/// suffixes got to, so a path printed many times costs one lookup per task, not a walk over
/// every suffix taken before.
struct TaskIDAllocator {
    private var used: Set<String> = []
    /// For a base that has been taken: the suffix to try first next time.
    private var nextSuffix: [String: Int] = [:]

    mutating func id(for base: String) -> String {
        if used.insert(base).inserted { return base }
        // Suffixes below nextSuffix[base] are all taken (ids are only ever added), so the
        // lowest free one is at or above it.
        var counter = nextSuffix[base] ?? 2
        while !used.insert("\(base)-\(counter)").inserted { counter += 1 }
        nextSuffix[base] = counter + 1
        return "\(base)-\(counter)"
    }
}
