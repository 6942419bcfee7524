import Benchmark
import Foundation
import Normalize

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// Script conversion throughput on ~20 MB corpora built from the sample documents, beside the
// `opencc` command-line tool run on the same bytes. Run from Benchmarks/:
//   swift package --allow-writing-to-package-directory benchmark --target ScriptConversion
// `OPENCC=/path/to/opencc` picks another opencc binary (default: Debian's /usr/bin/opencc).
//
// Throughput is reported twice: per wall-clock second, and per second of CPU time spent by the
// converting thread (or by the opencc process), which is what to compare on a shared machine
// where other jobs take turns on the cores.

/// The sample documents, from the test data beside the package (this file's path, not a bundle).
private let seedsDirectory = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appending(path: "Tests/NormalizeTests/Data/seeds")

private func seed(_ prefix: String) -> [UInt8] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: seedsDirectory.path)) ?? []
    guard let name = names.sorted().first(where: { $0.hasPrefix(prefix) && $0.hasSuffix(".txt") }),
          let data = FileManager.default.contents(atPath: seedsDirectory.appending(path: name).path)
    else { fatalError("seed \(prefix) not found under \(seedsDirectory.path)") }
    return Array(data)
}

/// `unit` repeated until the corpus reaches `size` bytes (whole copies, so it stays valid UTF-8).
private func corpus(repeating unit: [UInt8], toAtLeast size: Int) -> [UInt8] {
    var corpus: [UInt8] = []
    corpus.reserveCapacity(size + unit.count)
    while corpus.count < size { corpus.append(contentsOf: unit) }
    return corpus
}

private let corpusSize = 20_000_000
/// Seed 004 (mainland text a site converter turned traditional), repeated.
private let traditionalCorpus = corpus(repeating: seed("004"), toAtLeast: corpusSize)
/// Seeds 000–004 in order, repeated: mostly simplified text with one traditional document.
private let mixedCorpus = corpus(
    repeating: ["000", "001", "002", "003", "004"].flatMap(seed), toAtLeast: corpusSize)

private let megabytesPerSecond = BenchmarkMetric.custom("MB/s", polarity: .prefersLarger, useScalingFactor: false)
private let megabytesPerCPUSecond = BenchmarkMetric.custom(
    "MB/s of CPU time", polarity: .prefersLarger, useScalingFactor: false)
private let kilobytesPerSecond = BenchmarkMetric.custom("kB/s", polarity: .prefersLarger, useScalingFactor: false)
private let kilobytesPerCPUSecond = BenchmarkMetric.custom(
    "kB/s of CPU time", polarity: .prefersLarger, useScalingFactor: false)
private let differingCharacters = BenchmarkMetric.custom(
    "chars differing from opencc", polarity: .prefersSmaller, useScalingFactor: false)

/// CPU time of the calling thread, in seconds.
private func threadCPUSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

/// CPU time (user + system) of terminated, waited-for child processes, in seconds.
private func childrenCPUSeconds() -> Double {
    var usage = rusage()
    #if canImport(Glibc)
    getrusage(RUSAGE_CHILDREN.rawValue, &usage)
    #else
    getrusage(RUSAGE_CHILDREN, &usage)
    #endif
    func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
    return seconds(usage.ru_utime) + seconds(usage.ru_stime)
}

/// Wall-clock and CPU-time start of a measured stretch.
private struct Stopwatch {
    let wall = ContinuousClock.now
    let cpu: Double

    func record(_ benchmark: Benchmark, bytes: Int, cpuNow: Double, perSecond: BenchmarkMetric,
                perCPUSecond: BenchmarkMetric, unit: Double) {
        let wallSeconds = (ContinuousClock.now - wall) / .seconds(1)
        benchmark.measurement(perSecond, Int((Double(bytes) / unit / wallSeconds).rounded()))
        benchmark.measurement(perCPUSecond, Int((Double(bytes) / unit / max(cpuNow - cpu, 1e-9)).rounded()))
    }
}

private func measureConversion(_ benchmark: Benchmark, bytes: Int, _ work: () -> Void) {
    benchmark.startMeasurement()
    let stopwatch = Stopwatch(cpu: threadCPUSeconds())
    work()
    let cpu = threadCPUSeconds()
    benchmark.stopMeasurement()
    stopwatch.record(benchmark, bytes: bytes, cpuNow: cpu, perSecond: megabytesPerSecond,
                     perCPUSecond: megabytesPerCPUSecond, unit: 1_000_000)
}

/// Runs `opencc -c CONFIG -i INPUT -o OUTPUT` and returns the output bytes.
private func runOpenCC(config: String, input: URL, output: URL) -> [UInt8] {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: ProcessInfo.processInfo.environment["OPENCC"] ?? "/usr/bin/opencc")
    process.arguments = ["-c", config, "-i", input.path, "-o", output.path]
    do { try process.run() } catch { fatalError("cannot run \(process.executableURL!.path): \(error)") }
    process.waitUntilExit()
    precondition(process.terminationStatus == 0, "opencc exited with \(process.terminationStatus)")
    return Array(FileManager.default.contents(atPath: output.path) ?? Data())
}

/// Characters at which two texts differ, position by position (t2s never changes lengths).
private func differingCharacterCount(_ left: [UInt8], _ right: [UInt8]) -> Int {
    let left = String(decoding: left, as: UTF8.self).unicodeScalars
    let right = String(decoding: right, as: UTF8.self).unicodeScalars
    return zip(left, right).reduce(abs(left.count - right.count)) { $0 + ($1.0 == $1.1 ? 0 : 1) }
}

let benchmarks: @Sendable () -> Void = {
    let converterConfiguration = Benchmark.Configuration(
        metrics: [.wallClock, .mallocCountTotal, megabytesPerSecond, megabytesPerCPUSecond],
        timeUnits: .milliseconds, warmupIterations: 1, maxDuration: .seconds(10), maxIterations: 20)

    for (corpusName, corpus) in [("seed 004", traditionalCorpus), ("seeds 000-004", mixedCorpus)] {
        for profile in [ScriptConverter.Profile.t2s, .tw2s] {
            Benchmark("convert(utf8:) \(profile), \(corpusName), \(corpus.count / 1_000_000) MB",
                      configuration: converterConfiguration) { benchmark in
                let converter = ScriptConverter(profile: profile)
                var output: [UInt8] = []
                output.reserveCapacity(corpus.count + corpus.count / 8)
                measureConversion(benchmark, bytes: corpus.count) {
                    corpus.withUnsafeBufferPointer { converter.convert(utf8: $0, into: &output) }
                }
                blackHole(output)
            }
        }
    }

    // The pipeline converts cells, titles and unit names one String at a time: per-call cost.
    let lines = String(decoding: traditionalCorpus, as: UTF8.self)
        .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    Benchmark("convert(String) tw2s per line, seed 004, \(lines.count) lines",
              configuration: converterConfiguration) { benchmark in
        let converter = ScriptConverter(profile: .tw2s)
        measureConversion(benchmark, bytes: traditionalCorpus.count) {
            for line in lines { blackHole(converter.convert(line)) }
        }
    }

    Benchmark("ScriptDetector.detect, seeds 000-004, \(mixedCorpus.count / 1_000_000) MB",
              configuration: converterConfiguration) { benchmark in
        let text = String(decoding: mixedCorpus, as: UTF8.self)
        measureConversion(benchmark, bytes: mixedCorpus.count) { blackHole(ScriptDetector.detect(text)) }
    }

    // opencc on the same bytes: the CLI reads a temporary file and writes another; process start
    // and file I/O are included (they are small beside the conversion at these sizes).
    let openCCConfiguration = Benchmark.Configuration(
        metrics: [.wallClock, kilobytesPerSecond, kilobytesPerCPUSecond, differingCharacters],
        timeUnits: .milliseconds, warmupIterations: 0, maxDuration: .seconds(30), maxIterations: 3)
    for (corpusName, corpus) in [("seed 004", traditionalCorpus), ("seeds 000-004", mixedCorpus)] {
        Benchmark("opencc -c t2s, \(corpusName), \(corpus.count / 1_000_000) MB",
                  configuration: openCCConfiguration) { benchmark in
            let directory = FileManager.default.temporaryDirectory
                .appending(path: "plan2json-bench-\(ProcessInfo.processInfo.processIdentifier)")
            try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: directory) }
            let input = directory.appending(path: "input.txt"), output = directory.appending(path: "output.txt")
            precondition(FileManager.default.createFile(atPath: input.path, contents: Data(corpus)))
            benchmark.startMeasurement()
            let stopwatch = Stopwatch(cpu: childrenCPUSeconds())
            let converted = runOpenCC(config: "t2s", input: input, output: output)
            let cpu = childrenCPUSeconds()
            benchmark.stopMeasurement()
            stopwatch.record(benchmark, bytes: corpus.count, cpuNow: cpu, perSecond: kilobytesPerSecond,
                             perCPUSecond: kilobytesPerCPUSecond, unit: 1_000)
            // Agreement with our t2s on the same bytes, outside the timing.
            var ours: [UInt8] = []
            corpus.withUnsafeBufferPointer { ScriptConverter(profile: .t2s).convert(utf8: $0, into: &ours) }
            benchmark.measurement(differingCharacters, differingCharacterCount(ours, converted))
        }
    }
}
