import Benchmark
import Foundation
import Normalize

// The quantity and time parsers over text from the seeds: every schedule line of seeds
// 000–002 and the steps of seed 003, as kept in the test data (schedule-lines.tsv), plus the
// phrases of the quantity and time case tables. One iteration parses the whole corpus, so
// MB/s = corpus bytes / wall-clock time of one iteration (see BENCHMARKS.md).

/// The phrases of a case table: the given column of every row that is not a comment.
private func column(_ index: Int, of file: String) -> [String] {
    let url = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Tests/NormalizeTests/Data").appendingPathComponent(file)
    guard let content = try? String(contentsOf: url, encoding: .utf8) else { fatalError("missing \(url.path)") }
    return content.split(separator: "\n").compactMap { line in
        if line.hasPrefix("#") { return nil }
        let cells = line.split(separator: "\t", omittingEmptySubsequences: false)
        return index < cells.count ? String(cells[index]) : nil
    }
}

private let lines = column(2, of: "schedule-lines.tsv") + column(0, of: "quantities.tsv")
    + column(0, of: "non-quantities.tsv") + column(1, of: "times.tsv")
private let document = lines.joined(separator: "\n")
private let kilobytes = document.utf8.count / 1000

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .cpuTotal, .mallocCountTotal, .throughput],
        timeUnits: .microseconds,
        warmupIterations: 3,
        maxDuration: .seconds(3),
        maxIterations: 200)

    Benchmark("QuantityParser.parse, \(lines.count) lines, \(kilobytes) kB") { benchmark in
        for _ in benchmark.scaledIterations {
            for line in lines { blackHole(QuantityParser.parse(line)) }
        }
    }

    Benchmark("TimeParser.parse, \(lines.count) lines, \(kilobytes) kB") { benchmark in
        for _ in benchmark.scaledIterations {
            for line in lines { blackHole(TimeParser.parse(line, year: 2023)) }
        }
    }

    Benchmark("ScheduleSplitter.split, \(lines.count) lines, \(kilobytes) kB") { benchmark in
        for _ in benchmark.scaledIterations {
            for line in lines { blackHole(ScheduleSplitter.split(line, year: 2023)) }
        }
    }

    Benchmark("QuantityParser.parse, one text of \(kilobytes) kB") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(QuantityParser.parse(document)) }
    }

    Benchmark("TimeParser.parse, one text of \(kilobytes) kB") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(TimeParser.parse(document, year: 2023)) }
    }
}
