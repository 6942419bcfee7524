import Testing

@testable import Pipeline

@Suite struct FileStampTests {
    let second = 1_000_000_000
    func stamp(modified: Int, changed: Int) -> FileStamp {
        FileStamp(size: 10, modified: modified, changed: changed, inode: 7, device: 1)
    }

    @Test func aStampWellBeforeTheLastRunIsTrusted() {
        let old = stamp(modified: 100 * second, changed: 100 * second)
        #expect(old.isUnchanged(since: old, runStarted: 200 * second))
    }

    /// Written in the same moments the last run read it: an equal time proves nothing.
    @Test func aStampCloseToTheLastRunIsNot() {
        let racy = stamp(modified: 199 * second, changed: 100 * second)
        #expect(!racy.isUnchanged(since: racy, runStarted: 200 * second))
        let racyChange = stamp(modified: 100 * second, changed: 199 * second)
        #expect(!racyChange.isUnchanged(since: racyChange, runStarted: 200 * second))
    }

    @Test func anyDifferenceIsAChange() {
        let old = stamp(modified: 100 * second, changed: 100 * second)
        var other = old
        other.inode = 8
        #expect(!other.isUnchanged(since: old, runStarted: 200 * second))
        other = old
        other.changed += 1
        #expect(!other.isUnchanged(since: old, runStarted: 200 * second))
        other = old
        other.size += 1
        #expect(!other.isUnchanged(since: old, runStarted: 200 * second))
        // A new hard link moves only the change time: the content is the same.
        other = old
        other.changed += 5 * second
        #expect(other.hasSameContent(as: old))
    }
}
