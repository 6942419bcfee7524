/// One OpenCC configuration (t2s.json, tw2s.json, …) as compiled matchers, applied the way
/// OpenCC applies it: normalise the whole text; cut it into segments (the phrases of the
/// segmentation dictionary, and the runs between them), or keep it whole when the profile has no
/// segmentation; then run every segment through each step of the chain in turn. The four
/// profiles' chains are at most two steps: an optional regional-variant step, then
/// traditional → simplified.
struct ConversionPlan: Sendable {
    let normalization: PhraseMatcher
    let segmentation: PhraseMatcher?
    let variantStep: PhraseMatcher?
    let finalStep: PhraseMatcher

    static let t2s = ConversionPlan(
        normalization: OpenCCTables.compatibilityIdeographs, segmentation: nil,
        variantStep: nil, finalStep: OpenCCTables.traditionalToSimplified)
    static let tw2s = ConversionPlan(
        normalization: OpenCCTables.compatibilityIdeographs, segmentation: OpenCCTables.phraseSegmentation,
        variantStep: OpenCCTables.taiwanVariants, finalStep: OpenCCTables.traditionalToSimplified)
    static let tw2sp = ConversionPlan(
        normalization: OpenCCTables.compatibilityIdeographs, segmentation: OpenCCTables.phraseSegmentation,
        variantStep: OpenCCTables.taiwanPhrasesAndVariants, finalStep: OpenCCTables.traditionalToSimplified)
    static let hk2s = ConversionPlan(
        normalization: OpenCCTables.compatibilityIdeographs, segmentation: OpenCCTables.phraseSegmentation,
        variantStep: OpenCCTables.hongKongVariants, finalStep: OpenCCTables.traditionalToSimplified)

    var steps: [PhraseMatcher] {
        [variantStep, finalStep].compactMap { $0 }
    }

    /// Appends the converted `source` to `output` only if conversion changes it; returns whether
    /// it did.
    func convert(_ source: UnsafeBufferPointer<UInt8>, into output: inout ByteWriter) -> Bool {
        var normalized = ByteWriter()
        guard Self.mayContainCompatibilityIdeographs(source), normalization.rewrite(source, into: &normalized) else {
            return convertNormalized(source, into: &output)
        }
        // Compatibility ideographs are rare; when present, everything after works on the
        // normalised copy, and the text has changed whatever the chain does.
        let normalizedSource = normalized.bytes
        if !convertNormalized(normalizedSource, into: &output) {
            output.append(normalizedSource)
        }
        return true
    }

    /// Whether `source` has a byte sequence of the compatibility-ideograph blocks that
    /// normalisation maps (U+F900–U+FAFF: EF A4…AB; U+2F800–U+2FA1F: F0 AF A0…A8). A byte scan,
    /// several times faster than decoding, that lets almost every text skip the normalisation pass.
    static func mayContainCompatibilityIdeographs(_ source: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = source.baseAddress, source.count >= 3 else { return false }
        let raw = UnsafeRawPointer(base)
        /// Whether any byte of `word` equals the byte repeated in `pattern` (the classic SWAR test).
        @inline(__always) func hasByte(_ word: UInt64, _ pattern: UInt64) -> Bool {
            let difference = word ^ pattern
            return (difference &- 0x0101_0101_0101_0101) & ~difference & 0x8080_8080_8080_8080 != 0
        }
        @inline(__always) func startsIdeograph(_ index: Int) -> Bool {
            let lead = source[index], next = source[index + 1]
            return lead == 0xEF && (0xA4...0xAB).contains(next) || lead == 0xF0 && next == 0xAF
        }
        // Eight lead bytes at a time: most words hold neither EF nor F0 and are passed at once.
        var index = 0
        while index + 9 <= source.count {
            let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
            if hasByte(word, 0xEFEF_EFEF_EFEF_EFEF) || hasByte(word, 0xF0F0_F0F0_F0F0_F0F0) {
                for offset in 0..<8 where startsIdeograph(index + offset) { return true }
            }
            index += 8
        }
        while index + 1 < source.count {
            if startsIdeograph(index) { return true }
            index += 1
        }
        return false
    }

    private func convertNormalized(_ source: UnsafeBufferPointer<UInt8>, into output: inout ByteWriter) -> Bool {
        var scratch = ByteWriter()
        guard let segmentation else {
            // One segment, the whole text: steps can write straight into `output`.
            return applySteps(to: source, into: &output, scratch: &scratch)
        }
        guard let sourceBase = source.baseAddress else { return false }
        var segmentOutput = ByteWriter()
        var copiedUpTo = 0
        var changed = false
        // Converts one segment and splices it into `output` if it changed. Until the first change
        // a segment is converted aside (unchanged text must cost no copy); after it, straight
        // into `output`.
        func convertSegment(_ segmentStart: Int, _ segmentEnd: Int) {
            let segment = UnsafeBufferPointer(rebasing: source[segmentStart..<segmentEnd])
            if changed {
                output.append(sourceBase + copiedUpTo, count: segmentStart - copiedUpTo)
                if !applySteps(to: segment, into: &output, scratch: &scratch) { output.append(segment) }
                copiedUpTo = segmentEnd
                return
            }
            segmentOutput.removeAll()
            guard applySteps(to: segment, into: &segmentOutput, scratch: &scratch) else { return }
            changed = true
            output.reserve(source.count + source.count / 8)
            output.append(sourceBase, count: segmentStart)
            output.append(segmentOutput.bytes)
            copiedUpTo = segmentEnd
        }
        var runStart = 0
        var index = 0
        while index < source.count {
            let first = UTF8Scalar.decode(source, at: index)
            guard let match = segmentation.match(in: source, at: index, first: first) else {
                index += first.length
                continue
            }
            if runStart < index { convertSegment(runStart, index) }
            convertSegment(index, index + match.length)
            index += match.length
            runStart = index
        }
        if runStart < source.count { convertSegment(runStart, source.count) }
        if changed {
            output.append(sourceBase + copiedUpTo, count: source.count - copiedUpTo)
        }
        return changed
    }

    /// Runs `segment` through the steps; appends the outcome to `output` only if it differs.
    private func applySteps(
        to segment: UnsafeBufferPointer<UInt8>, into output: inout ByteWriter, scratch: inout ByteWriter
    ) -> Bool {
        guard let variantStep else { return finalStep.rewrite(segment, into: &output) }
        scratch.removeAll()
        guard variantStep.rewrite(segment, into: &scratch) else { return finalStep.rewrite(segment, into: &output) }
        if !finalStep.rewrite(scratch.bytes, into: &output) { output.append(scratch.bytes) }
        return true
    }
}
