/// `TextCleanup.singleLine` on a scalar array, for the record builders that split and test
/// text scalar by scalar and make a `String` only of what they keep.
///
/// The same rule: each line trimmed, runs of collapsible spaces inside a line collapsed to one
/// ASCII space, line breaks removed (the lines joined with nothing).
enum ScalarLine {
    static func singleLine(_ scalars: some Collection<Unicode.Scalar>) -> [Unicode.Scalar] {
        var output: [Unicode.Scalar] = []
        output.reserveCapacity(scalars.count)
        var lineHasText = false
        var pendingSpace = false
        var pendingBreak = false
        for scalar in scalars {
            if scalar == "\n" || scalar == "\r" {
                if lineHasText { pendingBreak = true }
                lineHasText = false
                pendingSpace = false
                continue
            }
            if scalar.isCollapsibleSpace {
                pendingSpace = lineHasText
                continue
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
        return output
    }

    /// Whether `singleLine` would leave `scalars` as they are.
    static func isSingleLine(_ scalars: some Collection<Unicode.Scalar>) -> Bool {
        var previousIsSpace = true
        for scalar in scalars {
            if scalar == "\n" || scalar == "\r" { return false }
            if scalar.isCollapsibleSpace {
                if previousIsSpace || scalar != " " { return false }
                previousIsSpace = true
            } else {
                previousIsSpace = false
            }
        }
        return !previousIsSpace || scalars.isEmpty
    }
}

extension String {
    /// A string of the given scalars.
    init(scalars: some Sequence<Unicode.Scalar>) {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        self = String(view)
    }
}
