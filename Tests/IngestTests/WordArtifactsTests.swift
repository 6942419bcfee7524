import Testing

@testable import Ingest

/// The bookmark markers cut on bytes must leave what the `Character` reading leaves.
@Suite struct WordArtifactsTests {
    @Test(arguments: [
        "",
        "无标记",
        "[bookmark: _GoBack]推进工作",
        "推进[bookmark: _GoBack]工作[bookmark: x]。",
        "推进[bookmark: 未闭合",
        "a[bookmark:]b",
        "[bookmark: x]\u{301}后",
        "e\u{301}[bookmark: x]后",
        "[bookmark\u{301}: x]后",
        "前[bookmark: x]\u{300}]后",
        "[[bookmark: x]]",
        "（一）[bookmark: _GoBack]甲，乙[bookmark: y]\n丙",
    ])
    func bookmarksAreRemovedAsCharactersRemoveThem(text: String) {
        #expect(WordArtifacts.removingBookmarks(from: text) == WordArtifacts.removingBookmarksByCharacters(from: text))
        #expect(
            WordArtifacts.removingBookmarks(from: text).utf8.elementsEqual(
                WordArtifacts.removingBookmarksByCharacters(from: text).utf8))
    }

    @Test func markersAreCut() {
        #expect(WordArtifacts.removingBookmarks(from: "推进[bookmark: _GoBack]工作") == "推进工作")
    }
}
