import Emit
import Foundation
import Pipeline
import PlanModel
import TestSupport
import Testing

/// No input crashes the converter: damaged variants of the seeds (bytes flipped, cut,
/// lines shuffled or duplicated, tabs and labels sprinkled) all give either records that
/// validate against the schema or a clean failure.
@Suite struct RobustnessTests {
    static func mutate(_ bytes: [UInt8], using generator: inout SplitMix64) -> [UInt8] {
        var bytes = bytes
        switch generator.next() % 6 {
        case 0:  // flip bytes
            for _ in 0..<8 where !bytes.isEmpty {
                bytes[Int(generator.next() % UInt64(bytes.count))] = UInt8(truncatingIfNeeded: generator.next())
            }
        case 1:  // cut anywhere, even inside a character
            bytes = Array(bytes.prefix(Int(generator.next() % UInt64(bytes.count + 1))))
        case 2:  // shuffle lines
            var lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
            lines.shuffle(using: &generator)
            bytes = Array(lines.joined(separator: [0x0A]))
        case 3:  // sprinkle structure characters
            let pieces: [[UInt8]] = [[0x09], [0x0A], [0x0A, 0x0A], Array("1.".utf8), Array("（一）".utf8), Array("(负责)".utf8), Array("?".utf8)]
            for _ in 0..<40 where !bytes.isEmpty {
                let at = Int(generator.next() % UInt64(bytes.count))
                bytes.insert(contentsOf: pieces[Int(generator.next() % UInt64(pieces.count))], at: at)
            }
        case 4:  // duplicate a stretch
            guard bytes.count > 2 else { break }
            let start = Int(generator.next() % UInt64(bytes.count / 2))
            bytes.insert(contentsOf: bytes[start..<min(bytes.count, start + 4000)], at: start)
        default:  // wrap in markup
            bytes = Array("<html><body><table><tr><td>".utf8) + bytes + Array("</td></tr></table>".utf8)
        }
        return bytes
    }

    @Test(arguments: Repository.fixtureInputs)
    func damagedVariantsNeverCrash(input: String) throws {
        let original = try Repository.bytes(input)
        var generator = SplitMix64(seed: UInt64(truncatingIfNeeded: input.utf8.reduce(0) { $0 &* 31 &+ Int($1) }))
        let validator = SchemaValidator(root: RecordSchema.json)
        for _ in 0..<12 {
            let bytes = Self.mutate(original, using: &generator)
            switch FileConverter.convert(bytes: bytes, path: input) {
            case .success(let document):
                let problems = RecordEncoder.encode(document).flatMap(validator.validate)
                #expect(problems.isEmpty, "\(input): \(problems.prefix(3))")
            case .failure(let failure):
                #expect(!failure.message.isEmpty)
            }
        }
    }

    @Test func pathologicalInputsAreHandled() {
        let inputs: [[UInt8]] = [
            Array(repeating: 0x09, count: 100_000),
            Array(repeating: 0x0A, count: 100_000),
            Array(String(repeating: "1.", count: 20_000).utf8),
            Array(String(repeating: "（", count: 20_000).utf8),
            Array(String(repeating: "一、", count: 10_000).utf8),
            Array(("\t" + String(repeating: "9", count: 5_000) + "万亿元\n").utf8),
            Array(String(repeating: "<table><tr><td rowspan=\"9999\" colspan=\"999\">", count: 50).utf8),
        ]
        for bytes in inputs {
            _ = FileConverter.convert(bytes: bytes, path: "pathological")
        }
    }
}
