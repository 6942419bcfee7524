/// The compiled OpenCC dictionary groups, each built once per process on first use.
///
/// `static let` is lazily and thread-safely initialised, so a process that only ever converts
/// Taiwan text never builds the Hong Kong tables, and no `ScriptConverter` pays for loading.
/// Groups are shared between profiles: all four end with the same traditional→simplified group.
enum OpenCCTables {
    /// `normalization` of every profile: CJK compatibility ideographs (U+F900…) to unified ones.
    static let compatibilityIdeographs = PhraseMatcher(dictionaryNames: ["CJK_Compatibility_Ideographs"])

    /// `segmentation` of tw2s, tw2sp and hk2s: the text is cut at the phrases of TSPhrases, and
    /// no later match may cross a cut.
    static let phraseSegmentation = PhraseMatcher(dictionaryNames: ["TSPhrases"])

    /// The last step of every profile. TSCharactersExt is OpenCC's `may_output_tofu` dictionary
    /// (rare characters whose simplified form is itself rare, e.g. 㑮 → 𫝈); OpenCC applies it only
    /// with `--include-tofu-risk-dictionaries`, which is how its own test cases are run. We apply
    /// it: canonical data wants the canonical character even where fonts lag behind.
    static let traditionalToSimplified = PhraseMatcher(
        dictionaryNames: ["TSPhrases", "TSCharactersExt", "TSCharacters"])

    /// tw2s step 1: Taiwan character variants to OpenCC's standard ones (著 → 着 outside 著作 …).
    static let taiwanVariants = PhraseMatcher(dictionaryNames: ["TWVariantsRevPhrases", "TWVariantsRev"])

    /// tw2sp step 1: Taiwan phrases to mainland ones (軟體 → 軟件), then Taiwan variants.
    static let taiwanPhrasesAndVariants = PhraseMatcher(
        dictionaryNames: ["TWPhrasesRev", "TWVariantsRevPhrases", "TWVariantsRev"])

    /// hk2s step 1: Hong Kong character variants to OpenCC's standard ones (説 → 說).
    static let hongKongVariants = PhraseMatcher(dictionaryNames: ["HKVariantsRevPhrases", "HKVariantsRev"])
}
