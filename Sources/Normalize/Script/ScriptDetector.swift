import PlanModel

/// Decides whether a text is simplified, traditional or mixed, and which conversion profile
/// suits it. Call it once per document (or per run of short strings) and convert every string of
/// the document with the profile it returns: a lone cell says too little on its own.
///
/// How it decides:
/// - It counts *traditional-only* characters (keys of OpenCC's TSCharacters that are not also a
///   simplified form of anything: 國, 務, 後 — but not 瞭, 乾, 於, which simplified text uses too)
///   against *simplified-side* characters (TSCharacters targets that are not keys: 国, 务, and
///   also 局, 面, which traditional text shares). Traditional text scores about 0.85, simplified
///   text about 0: under 0.2 the text is simplified and passes through unchanged, so a few names
///   or rare characters in a simplified document change nothing; from 0.6 it is traditional;
///   in between mixed (and converted).
/// - Traditional or mixed text is then checked for regional variants whose simplified form
///   differs from what t2s would make of them. Taiwan's 著 for 着 (著力, 接著), which mainland text
///   put through a site converter writes too, and 么 for 幺 send it to tw2s; Hong Kong's 衞, 敍,
///   衹, 枱 (which t2s leaves as they are) to hk2s; whichever occurs more wins, Taiwan on a tie.
///   Text with neither goes to t2s. Variants that simplify the same either way (為/爲, 説/說)
///   count for nothing, so the choice only matters where the regional profile is right.
public enum ScriptDetector {
    public static func detect(_ text: String) -> ScriptDetection {
        detect { count in count(text) }
    }

    /// The same decision for many strings — a document's paragraphs and cells — as for them
    /// joined by line feeds, without joining them: `eachText` hands each string to the counter it
    /// is given (it is called again if regional variants must be counted). No count crosses a
    /// line feed, so the sums are the same.
    public static func detect(eachText: ((String) -> Void) -> Void) -> ScriptDetection {
        var traditional = 0, simplified = 0
        eachText { text in
            var text = text
            text.withUTF8 { source in
                let counts = characterCounts(source)
                traditional += counts.traditional
                simplified += counts.simplified
            }
        }
        guard traditional > 0 else { return ScriptDetection(detected: .simplified, profile: nil) }
        // Shares as integer ratios: traditional / (traditional + simplified) < 1/5, >= 3/5.
        let total = traditional + simplified
        if traditional * 5 < total { return ScriptDetection(detected: .simplified, profile: nil) }
        let detected: ScriptInfo.DetectedScript = traditional * 5 >= total * 3 ? .traditional : .mixed
        var taiwan = 0, hongKong = 0
        let taiwanVariants = OpenCCTables.taiwanVariants, hongKongVariants = OpenCCTables.hongKongVariants
        eachText { text in
            var text = text
            text.withUTF8 { source in
                let counts = variantCounts(source, taiwan: taiwanVariants, hongKong: hongKongVariants)
                taiwan += counts.taiwan
                hongKong += counts.hongKong
            }
        }
        let profile: ScriptConverter.Profile = taiwan == 0 && hongKong == 0 ? .t2s : taiwan >= hongKong ? .tw2s : .hk2s
        return ScriptDetection(detected: detected, profile: profile)
    }

    private static func characterCounts(_ source: UnsafeBufferPointer<UInt8>) -> (traditional: Int, simplified: Int) {
        var traditional = 0, simplified = 0
        // Read once: a `static let` touched in the loop costs its once-check per character.
        let classes = Self.classes
        let bmpClasses = Self.bmpClasses
        guard let base = UnsafeRawPointer(source.baseAddress) else { return (0, 0) }
        var index = 0
        let count = source.count
        while index < count {
            // Eight bytes read at once where there are eight: opening two three-byte characters
            // (U+0800–U+FFFF, all of common Chinese text), both are counted from the one read;
            // all ASCII (in neither class), they are passed together.
            if index &+ 8 <= count {
                let word = UTF8Word.load(base, at: index)
                if UTF8Word.opensWithTwoThreeByteCharacters(word) {
                    let (first, second) = UTF8Word.threeByteValues(word)
                    let marks = Int(bmpClasses[first] &+ bmpClasses[second])
                    traditional &+= marks & 3
                    simplified &+= marks >> 2
                    index &+= 6
                    continue
                }
                if UTF8Word.isASCII(word) {
                    index &+= 8
                    continue
                }
            }
            let lead = source[index]
            // ASCII (markup, digits, line breaks) is in neither class.
            if lead < 0x80 {
                index &+= 1
                continue
            }
            // Three bytes (U+0800–U+FFFF, all of common Chinese text): one read of the flat table.
            if lead >= 0xE0, lead < 0xF0, index &+ 2 < count {
                let value = Int(lead & 0x0F) << 12 | Int(source[index &+ 1] & 0x3F) << 6 | Int(source[index &+ 2] & 0x3F)
                let mark = bmpClasses[value]
                traditional &+= Int(mark & 3)
                simplified &+= Int(mark >> 2)
                index &+= 3
                continue
            }
            let scalar = UTF8Scalar.decode(source, at: index)
            index &+= scalar.length
            switch classes[scalar.value] {
            case traditionalOnly: traditional += 1
            case simplifiedSide: simplified += 1
            default: break
            }
        }
        return (traditional, simplified)
    }

    /// Characters that each regional variant step replaces with one that simplifies differently
    /// (著 → 着, 衞 → 衛), as opposed to variants that end up the same either way (為 → 爲, both 为).
    /// One walk for both steps, each scalar decoded once; each step goes on from where its own
    /// matches end, as if it walked the text alone.
    private static func variantCounts(
        _ source: UnsafeBufferPointer<UInt8>, taiwan: PhraseMatcher, hongKong: PhraseMatcher
    ) -> (taiwan: Int, hongKong: Int) {
        var taiwanCount = 0, hongKongCount = 0
        let fold = CharacterFold.table
        @inline(__always) func simplifiesDifferently(_ original: UInt32, _ variant: UInt32?) -> Bool {
            guard let variant else { return false }
            let simplifiedOriginal = fold[original] == 0 ? original : fold[original]
            let simplifiedVariant = fold[variant] == 0 ? variant : fold[variant]
            return simplifiedOriginal != simplifiedVariant
        }
        var nextTaiwan = 0, nextHongKong = 0
        var index = 0
        while index < source.count {
            let first = UTF8Scalar.decode(source, at: index)
            let next = index &+ first.length
            if index == nextTaiwan {
                nextTaiwan = !taiwan.mayStart(first.value) ? next
                    : taiwan.forEachReplacedScalar(in: source, at: index, first: first) { original, variant in
                        if simplifiesDifferently(original, variant) { taiwanCount += 1 }
                    }
            }
            if index == nextHongKong {
                nextHongKong = !hongKong.mayStart(first.value) ? next
                    : hongKong.forEachReplacedScalar(in: source, at: index, first: first) { original, variant in
                        if simplifiesDifferently(original, variant) { hongKongCount += 1 }
                    }
            }
            index = next
        }
        return (taiwanCount, hongKongCount)
    }

    private static let traditionalOnly: UInt32 = 1
    private static let simplifiedSide: UInt32 = 2

    /// `classes` of every BMP scalar as one byte each, in process-lifetime memory: the counting
    /// loop's table. `traditionalOnly` is 1 and `simplifiedSide` 4, so that the marks of two
    /// characters added up still hold both counts: traditional in the low two bits, the rest above.
    nonisolated(unsafe) private static let bmpClasses: UnsafeBufferPointer<UInt8> = {
        let classes = Self.classes
        var table = [UInt8](repeating: 0, count: 0x1_0000)
        for value in 0..<UInt32(0x1_0000) {
            switch classes[value] {
            case traditionalOnly: table[Int(value)] = 1
            case simplifiedSide: table[Int(value)] = 4
            default: break
            }
        }
        return ImmortalStorage.copy(table)
    }()

    /// Scalar → `traditionalOnly`, `simplifiedSide` or 0, from TSCharacters.
    private static let classes: ScalarTable.Frozen = {
        let characters = OpenCCDictionary(named: "TSCharacters")
        // Every candidate, not just the first: 瞭 (瞭 → 了 瞭) is a simplified character too.
        // Membership as bits of one scalar table rather than three sets.
        let isKey: UInt32 = 1, isCandidate: UInt32 = 2, isFirstCandidate: UInt32 = 4
        var marks = ScalarTable()
        var keys: [UInt32] = [], firstCandidates: [UInt32] = []
        for entry in characters.entries {
            guard let key = OpenCCDictionary.singleScalar(entry.key) else { continue }
            keys.append(key)
            marks[key] |= isKey
            if let first = OpenCCDictionary.singleScalar(entry.value) {
                firstCandidates.append(first)
                marks[first] |= isFirstCandidate
            }
            entry.forEachCandidate { candidate in
                if let value = OpenCCDictionary.singleScalar(candidate) { marks[value] |= isCandidate }
            }
        }
        var table = ScalarTable()
        for key in keys where marks[key] & isCandidate == 0 { table[key] = traditionalOnly }
        for value in firstCandidates where marks[value] & isKey == 0 { table[value] = simplifiedSide }
        return table.frozen()
    }()
}
