import Ingest
import PlanModel
import TestSupport
import Testing

@Suite struct FormatDetectorTests {
    @Test(arguments: [
        (Array("%PDF-1.7\n".utf8), "PDF"),
        ([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00], "zip"),
        ([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0x00], "OLE2"),
        ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A], "PNG"),
        ([0x00, 0x01, 0x02, 0x03, 0xFF, 0x10, 0x00, 0x00, 0x41, 0x00, 0x00, 0x07], "binary"),
    ] as [([UInt8], String)])
    func binaryFilesAreNamed(bytes: [UInt8], kind: String) throws {
        let found = try #require(FormatDetector.binaryKind(of: bytes))
        #expect(found.contains(kind))
    }

    @Test func utf16TextIsNotBinary() {
        let utf16 = Array("一季度，完成".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        #expect(FormatDetector.binaryKind(of: [0xFF, 0xFE] + utf16) == nil)
        let ascii: [UInt8] = Array("plan text".utf8).flatMap { [$0, UInt8(0)] }
        #expect(FormatDetector.binaryKind(of: ascii) == nil)
    }

    @Test func damagedTextWithAFewNULsIsNotBinary() {
        let text = Array("一、总体要求\n（一）推进民生实事，完成学位建设\n".utf8)
        // A stray NUL near the start, a zero-filled end (a download cut off), UTF-16 without a
        // byte-order mark whose 一 (U+4E00) puts a NUL on the other side of a pair.
        #expect(FormatDetector.binaryKind(of: text + [0] + text) == nil)
        #expect(FormatDetector.binaryKind(of: text + [UInt8](repeating: 0, count: 3000)) == nil)
        let utf16 = Array("一季度一、二季度\n完成A".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        #expect(FormatDetector.binaryKind(of: utf16) == nil)
        // Control bytes throughout, NULs on both sides: binary, even before a zero-filled end.
        var generator = SplitMix64(seed: 7)
        let noise = (0..<2048).map { _ in UInt8.random(in: 0...255, using: &generator) }
        #expect(FormatDetector.binaryKind(of: noise + [0, 0, 0]) == "binary data")
    }

    @Test func formatsAreToldApartByContent() {
        #expect(FormatDetector.format(of: "<!DOCTYPE html><html><body><table></table></body></html>") == .html)
        #expect(FormatDetector.format(of: "\n  <html lang=\"zh\">") == .html)
        #expect(FormatDetector.format(of: "标题\n\tA\n\tB\n\n\t1.甲\n\t市局\n一季度\n") == .tableDump)
        #expect(FormatDetector.format(of: "标题\n一、总则\n1.甲项目（市局负责）\n") == .text)
    }

    @Test(arguments: [
        "<p>\n\t一、总体目标</p><p align=\"left\">\n\t1.目标。</p>",
        "  <tbody>\n<tr><td>序号</td><td>任务</td></tr>\n<tr><td>1</td><td>甲</td></tr>\n</tbody>",
        "<span style=\"font-size:14pt\">一、总则</span><br/>\n1.甲项目</p>",
        "说明如下\n<p>一、总则</p>\n<p>二、任务</p>\n<p>1.甲</p>",
    ])
    func savedContentAreasAreHTML(text: String) {
        #expect(FormatDetector.format(of: text) == .html)
    }

    @Test(arguments: [
        "指标≥90%，且<p>值在合理区间\n二、任务\n",
        "一、总则\n当 a<b 且 b>c 时\n1.甲项目（市局负责）\n",
        "<报告>一、总则\n1.甲项目</报告>\n",
        "标题\n<p>\n一、总则\n",
    ])
    func proseWithAngleBracketsStaysText(text: String) {
        #expect(FormatDetector.format(of: text) == .text)
    }
}
