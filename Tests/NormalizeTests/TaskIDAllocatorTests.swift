import Testing

@testable import Normalize

@Suite struct TaskIDAllocatorTests {
    @Test func repeatedPathsGetTheLowestFreeSuffix() {
        var ids = TaskIDAllocator()
        #expect(ids.id(for: "d/1") == "d/1")
        #expect(ids.id(for: "d/1") == "d/1-2")
        #expect(ids.id(for: "d/2") == "d/2")
        #expect(ids.id(for: "d/1") == "d/1-3")
        #expect(ids.id(for: "d/2") == "d/2-2")
    }

    @Test func aPathThatLooksSuffixedIsNotHandedOutTwice() {
        var ids = TaskIDAllocator()
        // A printed path that happens to read like a suffixed id takes that id first.
        #expect(ids.id(for: "d/1-2") == "d/1-2")
        #expect(ids.id(for: "d/1") == "d/1")
        #expect(ids.id(for: "d/1") == "d/1-3")
        #expect(ids.id(for: "d/1-2") == "d/1-2-2")
        // and one taken after its base has started counting is skipped over.
        #expect(ids.id(for: "d/1-4") == "d/1-4")
        #expect(ids.id(for: "d/1") == "d/1-5")
    }

    @Test func manyRepeatsStayDistinct() {
        var ids = TaskIDAllocator()
        let all = (0..<2000).map { _ in ids.id(for: "d/1") }
        #expect(Set(all).count == 2000)
        #expect(all.last == "d/1-2000")
    }
}
