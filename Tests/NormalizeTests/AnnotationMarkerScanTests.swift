@testable import Normalize
import Testing

/// The byte pre-scan that tells a paragraph holding no annotation marker, and the word-table
/// helpers the annotation reader uses.
@Suite struct AnnotationMarkerScanTests {
    /// The scan agrees with a plain byte-by-byte reading, for markers at every position around
    /// the eight-byte steps, and for bytes of other characters that share a marker's last byte.
    @Test func agreesWithAPlainScan() {
        let fillers = ["", "a", "甲乙", "推进工作", "，", "ab", "宋体", "乙局负责"]
        let markers = ["(", ":", "（", "：", "）", "，", "、", "x"]
        for before in fillers {
            for marker in markers {
                for after in fillers {
                    for repeats in 0..<4 {
                        let text = String(repeating: before, count: repeats) + marker + after
                        let plain = text.contains("(") || text.contains(":") || text.contains("（") || text.contains("：")
                        #expect(AnnotationFinder.mayAnnotate(text) == plain, "\(text)")
                    }
                }
            }
        }
    }

    @Test func textsWithoutMarkers() {
        #expect(!AnnotationFinder.mayAnnotate(""))
        #expect(!AnnotationFinder.mayAnnotate("一二三四五六七八九十，甲局乙局丙委。"))
        // 瀚 is E7 80 9A: a 9A byte that is not the last byte of `：`.
        #expect(!AnnotationFinder.mayAnnotate("浩瀚浩瀚浩瀚浩瀚"))
        #expect(AnnotationFinder.mayAnnotate("浩瀚浩瀚浩瀚浩瀚："))
    }

    @Test func wordOpenings() {
        let words = ScalarWords(["相关", "全"])
        #expect(words.opensOne(of: Array("相关部门".unicodeScalars)))
        #expect(words.opensOne(of: Array("全市".unicodeScalars)))
        #expect(!words.opensOne(of: Array("相邻".unicodeScalars)))
        #expect(!words.opensOne(of: [Unicode.Scalar]()))
    }

    @Test func clausesCutOutsideBrackets() {
        let scalars = Array(" 甲局（乙，丙）牵头 ，  丁局配合，,".unicodeScalars)
        #expect(ScalarLine.clauses(of: scalars, separators: "，,") == ["甲局（乙，丙）牵头", "丁局配合"])
        #expect(ScalarLine.clauseScalars(of: scalars, separators: "；").map { String(scalars: $0) }
            == ["甲局（乙，丙）牵头 ， 丁局配合，,"])
    }
}
