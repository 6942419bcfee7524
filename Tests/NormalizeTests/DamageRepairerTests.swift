import Foundation
import Normalize
import PlanModel
import TestSupport
import Testing

/// The byte-slip runs of seed 004 (fixtures/damage/gbk-slip-004.tsv, copied from the shared
/// conformance data) and the clean seeds 000–003.
struct DamageRepairerTests {
    static let root = URL(filePath: #filePath).deletingLastPathComponent().appending(path: "../..").standardized
    static let damagedSeed = "004_47e54a3ae338958b"
    static let cleanSeeds = ["000_05daa77793e29e3a", "001_50f398a6d3333d86", "002_46bf5b37c8c739ad", "003_326e39b38b9b275e"]

    struct DamagedRun {
        let line: Int
        let observed: String
        let reconstructed: String
    }

    static func seed(_ name: String) throws -> String {
        try String(contentsOf: root.appending(path: "fixtures/encodings/\(name)/utf-8.txt"), encoding: .utf8)
    }

    static func damagedRuns() throws -> [DamagedRun] {
        let text = Array(try seed(damagedSeed).unicodeScalars)
        let table = try String(contentsOf: root.appending(path: "fixtures/damage/gbk-slip-004.tsv"), encoding: .utf8)
        return table.split(separator: "\n").dropFirst().map { row in
            let fields = row.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            let offset = Int(fields[0])!
            let line = 1 + text[..<offset].filter { $0 == "\n" }.count
            return DamagedRun(line: line, observed: fields[1], reconstructed: fields[2])
        }
    }

    /// Every line of a document repaired as its own unit.
    static func repairLines(of text: String) -> [(line: Int, before: String, after: String, repairs: [Repair])] {
        text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map { index, line in
            let (after, repairs) = DamageRepairer.repair(String(line), firstLine: index + 1)
            return (index + 1, String(line), after, repairs)
        }
    }

    @Test func allSevenRunsOfSeed004AreRepaired() throws {
        let runs = try Self.damagedRuns()
        #expect(runs.count == 7)
        let repaired = Self.repairLines(of: try Self.seed(Self.damagedSeed))
        let slips = repaired.flatMap { $0.repairs }.filter { $0.kind == .gbkByteSlip }
        #expect(slips.count == 7)

        var recoveredFromBytes = 0
        var guessedAsReconstructed = 0
        for run in runs {
            let line = try #require(repaired.first { $0.line == run.line })
            let repair = try #require(
                line.repairs.first { $0.kind == .gbkByteSlip && run.observed.contains($0.before) },
                "no repair of \(run.observed) on line \(run.line)")
            // Align: observed = prefix + before + suffix; reconstructed = prefix + X + suffix.
            let observed = Array(run.observed.unicodeScalars)
            let before = Array(repair.before.unicodeScalars)
            let start = try #require((0...(observed.count - before.count)).first {
                Array(observed[$0..<($0 + before.count)]) == before
            })
            let suffixCount = observed.count - start - before.count
            let reconstructed = Array(run.reconstructed.unicodeScalars)
            let expected = Array(reconstructed[start..<(reconstructed.count - suffixCount)])
            let after = Array(repair.after.unicodeScalars)
            try #require(after.count == expected.count, "\(repair.after) vs \(String(String.UnicodeScalarView(expected)))")
            // Lost bytes: the first character's lead byte, and the last one's trail byte when
            // the run ends with `?`. Every other character comes from the bytes alone.
            let lostLast = repair.before.hasSuffix("?")
            for position in after.indices {
                let guessed = position == 0 || (lostLast && position == after.count - 1)
                if guessed {
                    if after[position] == expected[position] { guessedAsReconstructed += 1 } else { #expect(!repair.isCertain) }
                } else {
                    #expect(after[position] == expected[position], "line \(run.line): \(repair.after)")
                    if after[position] == expected[position] { recoveredFromBytes += 1 }
                }
            }
            #expect(repair.line == run.line)
        }
        #expect(recoveredFromBytes == 16)
        // The phrase model's choices: all 12 lost characters as the fixture reconstructs them
        // (保…本 ×2, 保…務, 模, 專科 ×2, 。); a regression here is a worse guess, still flagged.
        #expect(guessedAsReconstructed == 12)
    }

    @Test func seed004HasNoOtherRepairsThanItsRunsAndPlaceholders() throws {
        let runs = try Self.damagedRuns()
        let repaired = Self.repairLines(of: try Self.seed(Self.damagedSeed))
        var placeholderLines: [Int] = []
        for line in repaired {
            for repair in line.repairs {
                switch repair.kind {
                case .gbkByteSlip:
                    #expect(runs.contains { $0.line == repair.line && $0.observed.contains(repair.before) })
                case .placeholder:
                    #expect(repair.before == "?" && repair.after.isEmpty && !repair.isCertain)
                    placeholderLines.append(repair.line)
                case .invalidBytes, .misreadEncoding:
                    Issue.record("DamageRepairer made a decoding repair: \(repair)")
                }
            }
            if line.repairs.isEmpty { #expect(line.after == line.before) }
        }
        // Two title lines (機制? 建設) and three lines holding only `?`.
        #expect(placeholderLines == [8, 13, 25, 135, 137])
        let title = try #require(repaired.first { $0.line == 8 })
        #expect(title.after.contains("機制 建設"))
        #expect(!title.after.contains("?"))
    }

    @Test(arguments: cleanSeeds)
    func cleanSeedsAreNotTouched(seed: String) throws {
        let text = try Self.seed(seed)
        for line in Self.repairLines(of: text) {
            #expect(line.repairs.isEmpty, "line \(line.line)")
            #expect(line.after == line.before)
        }
        // The whole document as one unit, as a reader may pass a multi-line cell.
        let whole = DamageRepairer.repair(text, firstLine: 1)
        #expect(whole.repairs.isEmpty)
        #expect(whole.text == text)
    }

    @Test(arguments: [
        "为什么?我们要这样做",
        "是否需要提交材料? 请咨询窗口",
        "详见 http://www.dg.gov.cn/index.php?id=3&page=2",
        "What? 这是英文问句",
        "这件事该如何处理?",
        "难道不是吗?",
        "共有多少人参加?",
        "全角问号？照常保留",
        "完成率为95%?左右",
    ])
    func realQuestionMarksAreKept(text: String) {
        let result = DamageRepairer.repair(text, firstLine: 1)
        #expect(result.text == text)
        #expect(result.repairs.isEmpty)
    }

    @Test(arguments: [
        ("民生保障机制?建设", "民生保障机制建设"),
        ("民生保障机制? 建设", "民生保障机制 建设"),
        ("?", ""),
        ("  ?  ", "    "),
        ("东莞\u{FFFD}市", "东莞市"),
        ("各镇人民政府??市府直属各单位", "各镇人民政府市府直属各单位"),
    ])
    func placeholdersAreRemovedAndFlagged(text: String, expected: String) throws {
        let result = DamageRepairer.repair(text, firstLine: 3)
        #expect(result.text == expected)
        let repair = try #require(result.repairs.first)
        #expect(result.repairs.count == 1)
        #expect(repair.kind == .placeholder)
        #expect(repair.line == 3)
        #expect(!repair.isCertain)
    }

    @Test func repairsReportTheLineTheyAreOnInAMultiLineUnit() throws {
        let unit = "第一行没有问题\n第二行也没有\n堅持?;\u{E2A2}?、保兜底,更加關注重點群體"
        let result = DamageRepairer.repair(unit, firstLine: 40)
        let repair = try #require(result.repairs.first)
        #expect(repair.line == 42)
        #expect(repair.before == "?;\u{E2A2}?")
        #expect(repair.after == "保基本")
        #expect(result.text == "第一行没有问题\n第二行也没有\n堅持保基本、保兜底,更加關注重點群體")
    }

    @Test func textWithoutLostBytesIsReturnedAsIs() {
        // Private-use icon-font characters alone are not a slip: cleanup removes them later.
        let text = "\u{E7E3} 無障礙 長者助手 €100 ā ㄍ"
        let result = DamageRepairer.repair(text, firstLine: 1)
        #expect(result.text == text)
        #expect(result.repairs.isEmpty)
    }
}

/// Whatever a unit holds, the repairer returns: no trap, and text without `?` or U+FFFD in
/// comes back unchanged.
struct DamageRepairerRobustnessTests {
    @Test func randomUnitsNeverTrap() {
        let pool: [Unicode.Scalar] = [
            "?", "?", "\u{FFFD}", "\u{E2A2}", "\u{E848}", "€", "ā", "ㄍ", "A", "z", "1", ";", ",", " ", "\n",
            "堅", "持", "保", "基", "本", "、", "。", "，", "社", "卡", "“", "”", "專", "科", "的", "𠀀", "\u{0}",
        ]
        var generator = SplitMix64(seed: 42)
        for _ in 0..<400 {
            let count = Int.random(in: 0...40, using: &generator)
            var view = String.UnicodeScalarView()
            for _ in 0..<count { view.append(pool.randomElement(using: &generator)!) }
            let text = String(view)
            let (repaired, repairs) = DamageRepairer.repair(text, firstLine: 1)
            if !text.contains("?") && !text.contains("\u{FFFD}") {
                #expect(repaired == text && repairs.isEmpty)
            }
            for repair in repairs { #expect(repair.line >= 1 && repair.line <= 1 + text.filter { $0 == "\n" }.count) }
        }
    }
}
