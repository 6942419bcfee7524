import Benchmark
import Emit
import Foundation
import Pipeline

// End to end: bytes of the five seed documents → records → JSON Lines text, as `convert`
// does for each file (decode, read, repair, clean, convert script, build tasks, quantities,
// times, serialize). Throughput is in bytes of input.

let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("fixtures")
let seedPaths = [
    "table-dump/seed-000/input.txt", "table-dump/seed-001/input.txt", "table-dump/seed-002/input.txt",
    "text/seed-003/input.txt", "text/seed-004/input.txt",
]
let seeds: [(path: String, bytes: [UInt8])] = seedPaths.map { path in
    (path, [UInt8](FileManager.default.contents(atPath: fixtures.appendingPathComponent(path).path) ?? Data()))
}
let totalBytes = seeds.reduce(0) { $0 + $1.bytes.count }

func convertAll() -> Int {
    var written = 0
    for seed in seeds {
        guard case .success(let document) = FileConverter.convert(bytes: seed.bytes, path: seed.path) else { continue }
        var text = ""
        for record in RecordEncoder.encode(document) { JSONSerializer.write(record, into: &text) }
        written += text.utf8.count
    }
    return written
}

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(metrics: [.wallClock, .throughput, .mallocCountTotal], maxDuration: .seconds(5))

    // One iteration converts all five seeds (401,061 bytes); MB/s = iterations per second × 0.401.
    Benchmark("convert five seeds to JSON Lines (401 KB per iteration)", configuration: .init(scalingFactor: .one)) { benchmark in
        for _ in benchmark.scaledIterations { blackHole(convertAll()) }
    }
}
