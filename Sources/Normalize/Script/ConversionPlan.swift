/// One OpenCC configuration (t2s.json, tw2s.json, …) as compiled matchers, applied the way
/// OpenCC applies it: normalise the whole text; cut it into segments (the phrases of the
/// segmentation dictionary, and the runs between them), or keep it whole when the profile has no
/// segmentation; then run every segment through each step of the chain in turn.
struct ConversionPlan: Sendable {
    let normalization: PhraseMatcher
    let segmentation: PhraseMatcher?
    let steps: [PhraseMatcher]

    static let t2s = ConversionPlan(
        normalization: OpenCCTables.compatibilityIdeographs, segmentation: nil,
        steps: [OpenCCTables.traditionalToSimplified])
    static let tw2s = ConversionPlan(
        normalization: OpenCCTables.compatibilityIdeographs, segmentation: OpenCCTables.phraseSegmentation,
        steps: [OpenCCTables.taiwanVariants, OpenCCTables.traditionalToSimplified])
    static let tw2sp = ConversionPlan(
        normalization: OpenCCTables.compatibilityIdeographs, segmentation: OpenCCTables.phraseSegmentation,
        steps: [OpenCCTables.taiwanPhrasesAndVariants, OpenCCTables.traditionalToSimplified])
    static let hk2s = ConversionPlan(
        normalization: OpenCCTables.compatibilityIdeographs, segmentation: OpenCCTables.phraseSegmentation,
        steps: [OpenCCTables.hongKongVariants, OpenCCTables.traditionalToSimplified])

    /// Appends the converted `source` to `output` only if conversion changes it; returns whether
    /// it did.
    func convert(_ source: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) -> Bool {
        var normalized: [UInt8] = []
        if normalization.withView({ $0.rewrite(source, into: &normalized) }) {
            // Compatibility ideographs are rare; when present, everything after works on the
            // normalised copy, and the text has changed whatever the chain does.
            normalized.withUnsafeBufferPointer { normalizedSource in
                if !convertNormalized(normalizedSource, into: &output) {
                    output.append(contentsOf: normalizedSource)
                }
            }
            return true
        }
        return convertNormalized(source, into: &output)
    }

    private func convertNormalized(_ source: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) -> Bool {
        guard let segmentation else {
            // One segment: OpenCC's configs without segmentation have a one-step chain, but
            // apply the chain generally anyway.
            var scratch = ChainScratch()
            guard applySteps(to: source, scratch: &scratch) else { return false }
            output.append(contentsOf: scratch.result)
            return true
        }
        return segmentation.withView { segmenter in
            var scratch = ChainScratch()
            var copiedUpTo = 0
            var changed = false
            // Converts one segment and splices it into `output` if it changed.
            func emit(_ segmentStart: Int, _ segmentEnd: Int) {
                let segment = UnsafeBufferPointer(rebasing: source[segmentStart..<segmentEnd])
                guard applySteps(to: segment, scratch: &scratch) else { return }
                if !changed {
                    changed = true
                    output.reserveCapacity(output.count + source.count + source.count / 8)
                }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: source[copiedUpTo..<segmentStart]))
                output.append(contentsOf: scratch.result)
                copiedUpTo = segmentEnd
            }
            var runStart = 0
            var index = 0
            while index < source.count {
                let first = UTF8Scalar.decode(source, at: index)
                guard let match = segmenter.match(in: source, at: index, first: first) else {
                    index += first.length
                    continue
                }
                if runStart < index { emit(runStart, index) }
                emit(index, index + match.length)
                index += match.length
                runStart = index
            }
            if runStart < source.count { emit(runStart, source.count) }
            if changed {
                output.append(contentsOf: UnsafeBufferPointer(rebasing: source[copiedUpTo..<source.count]))
            }
            return changed
        }
    }

    /// Two buffers that the steps of a chain write into alternately, reused across segments.
    private struct ChainScratch {
        var result: [UInt8] = []
        var next: [UInt8] = []
    }

    /// Runs `segment` through every step; when the outcome differs, it is in `scratch.result`.
    private func applySteps(to segment: UnsafeBufferPointer<UInt8>, scratch: inout ChainScratch) -> Bool {
        var haveResult = false
        var result = scratch.result, next = scratch.next
        scratch = ChainScratch()  // so that `result` and `next` are uniquely referenced
        defer { scratch = ChainScratch(result: result, next: next) }
        for step in steps {
            next.removeAll(keepingCapacity: true)
            let changed = step.withView { step in
                haveResult
                    ? result.withUnsafeBufferPointer { step.rewrite($0, into: &next) }
                    : step.rewrite(segment, into: &next)
            }
            if changed {
                swap(&result, &next)
                haveResult = true
            }
        }
        return haveResult
    }
}
