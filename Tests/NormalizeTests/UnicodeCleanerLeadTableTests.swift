@testable import Normalize
import Testing

/// `UnicodeCleaner.plainLeadLengths` is written by lead byte; the cleanup rules are written by
/// scalar (`action(for:)`). A lead byte the table passes must open only scalars the rules keep
/// and that open no pinyin annotation: otherwise a new rule would be skipped by the fast scan.
@Suite("UnicodeCleaner lead table")
struct UnicodeCleanerLeadTableTests {
    @Test func everyScalarOfAPassedLeadIsKeptAsItIs() {
        var passedWrongly: [UInt32] = []
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let utf8 = Array(String(Character(scalar)).utf8)
            let length = Int(UnicodeCleaner.plainLeadLengths[Int(utf8[0])])
            guard length != 0 else { continue }
            if length != utf8.count || UnicodeCleaner.action(for: scalar) != .keep || PinyinAnnotation.opens(scalar) {
                passedWrongly.append(value)
            }
        }
        #expect(passedWrongly.isEmpty, "passed by lead byte but changed by cleanup: \(passedWrongly.prefix(8).map { String($0, radix: 16) })")
    }

    @Test func leadsOfChangedScalarsAreNotPassed() {
        // One scalar per kind of rule: a space replaced, an invisible removed, private use, full-width.
        for scalar: Unicode.Scalar in ["\u{00A0}", "\u{200B}", "\u{E000}", "\u{FF11}", "\u{3000}", "\u{F0000}"] {
            let lead = Array(String(Character(scalar)).utf8)[0]
            #expect(UnicodeCleaner.plainLeadLengths[Int(lead)] == 0)
        }
    }
}
