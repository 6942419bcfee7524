@testable import Normalize
import Testing

/// The byte pre-scan that tells a paragraph holding no annotation marker, and the word-table
/// helpers the annotation reader uses.
@Suite struct AnnotationMarkerScanTests {
    /// The scan agrees with a plain byte-by-byte reading, for markers at every position around
    /// the eight-byte steps, and for bytes of other characters that share a marker's last byte.
    @Test func agreesWithAPlainScan() {
        let fillers = ["", "a", "甲乙", "推进工作", "，", "ab", "宋体", "乙局负责"]
        let markers = ["(", ":", "（", "：", "〔", "）", "〕", "，", "、", "x"]
        for before in fillers {
            for marker in markers {
                for after in fillers {
                    for repeats in 0..<4 {
                        let text = String(repeating: before, count: repeats) + marker + after
                        let plain = text.contains("(") || text.contains(":") || text.contains("（") || text.contains("：")
                            || text.contains("〔")
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

    /// The byte kinds the annotation scan reads agree with the scalars they start.
    @Test func byteMarksAgreeWithScalars() {
        let text = "甲(乙）丙（丁)。戊；己;庚 辛\t壬\u{00A0}癸\u{3000}子、丑：寅𠀀〔卯〕「辰」"
        let bytes = Array(text.utf8)
        var kinds: [AnnotationFinder.ByteMarks.Kind] = []
        var lengths: [Int] = []
        bytes.withUnsafeBufferPointer { buffer in
            var index = 0
            while index < buffer.count {
                kinds.append(AnnotationFinder.ByteMarks.kind(buffer, at: index))
                let length = AnnotationFinder.ByteMarks.scalarLength(lead: buffer[index])
                lengths.append(length)
                index += length
            }
            #expect(AnnotationFinder.ByteMarks.scalarCount(buffer) == text.unicodeScalars.count)
        }
        #expect(lengths == text.unicodeScalars.map { String($0).utf8.count })
        let expected: [AnnotationFinder.ByteMarks.Kind] = text.unicodeScalars.map { scalar in
            switch scalar {
            case "(", "（", "〔": .open
            case ")", "）", "〕": .close
            case "。", "；", ";", " ", "\t", "\u{00A0}", "\u{3000}": .clauseEnd
            default: .other
            }
        }
        #expect(kinds == expected)
    }

    /// Annotations found in a paragraph, with the remainder made one line around them.
    @Test func findsAnnotationsFromBytes() {
        let result = AnnotationFinder.find(in: "推进改革 （甲局负责） 加快建设。（乙局、丙局负责）。")
        #expect(result.found.map(\.range) == [5..<11, 17..<26])
        #expect(result.remainder == "推进改革 加快建设。。")
        #expect(result.endsWithAnnotation)
        let tail = AnnotationFinder.find(in: "完成建设任务。牵头单位：甲局")
        #expect(tail.found.map(\.range) == [7..<14])
        #expect(tail.remainder == "完成建设任务。")
        #expect(AnnotationFinder.find(in: "推进（试点）工作").found.isEmpty)
        // Some plans print owners in tortoise-shell brackets, with round ones inside.
        let shell = AnnotationFinder.find(in: "完成建设任务。〔责任单位：甲局、各县(区)政府〕")
        #expect(shell.found.map(\.range) == [7..<24])
        #expect(shell.found.first?.annotation.assignments.flatMap(\.names) == ["甲局", "各县(区)政府"])
        #expect(shell.remainder == "完成建设任务。")
        #expect(AnnotationFinder.find(in: "依据国发〔2019〕3号文件推进。").found.isEmpty)
    }

    /// 牵 and its traditional form are found in the bytes; ASCII and other scalars are not it.
    @Test func qianIsFoundInBytes() {
        for (text, holds) in [("甲局牽頭", true), ("a牵b", true), ("甲局负责", false), ("abc", false), ("", false)] {
            let found = Array(text.utf8).withUnsafeBufferPointer { ResponsibilityVocabulary.holdsQian($0) }
            #expect(found == holds, "\(text)")
        }
        #expect(ResponsibilityAnnotation.parse(assignable: "甲局负责") == ResponsibilityAnnotation.parse("甲局负责"))
    }
}
