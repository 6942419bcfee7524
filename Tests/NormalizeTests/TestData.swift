import Foundation
import Testing

/// Files under `Tests/NormalizeTests/Data/`, found from this source file's path (not
/// Bundle.module), so tests read the checked-in copies in any clone.
enum TestData {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appending(path: "Data")
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func text(_ relativePath: String) throws -> String {
        try String(contentsOf: directory.appending(path: relativePath), encoding: .utf8)
    }

    /// A shipped OpenCC dictionary, read straight from the package's resources: tests use it as
    /// an oracle independent of the converter's own parsing.
    static func openCCDictionary(_ name: String) throws -> [(key: String, candidates: [String])] {
        let url = repositoryRoot.appending(path: "Sources/Normalize/Resources/OpenCC/\(name).txt")
        return try String(contentsOf: url, encoding: .utf8)
            .split(separator: "\n")
            .filter { !$0.hasPrefix("#") && $0.contains("\t") }
            .map { line in
                let parts = line.split(separator: "\t", maxSplits: 1)
                return (String(parts[0]), parts[1].split(separator: " ").map(String.init))
            }
    }

    /// One OpenCC test case from a `id<TAB>input<TAB>expected` file.
    struct ConversionCase: CustomTestStringConvertible, Sendable {
        var profile: String
        var id: String
        var input: String
        var expected: String
        var testDescription: String { "\(profile) \(id)" }
    }

    static func conversionCases(_ profile: String) -> [ConversionCase] {
        // Arguments are built before tests run, so a missing file must surface as a failing
        // test (the empty-list guard in each suite), not as a crash here.
        guard let table = try? text("opencc/\(profile).tsv") else { return [] }
        return table.split(separator: "\n").dropFirst().compactMap { line in
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 3 else { return nil }
            return ConversionCase(profile: profile, id: fields[0], input: fields[1], expected: fields[2])
        }
    }

    static let seedNames = [
        "000_05daa77793e29e3a", "001_50f398a6d3333d86", "002_46bf5b37c8c739ad", "003_326e39b38b9b275e",
    ]
    static let traditionalSeedName = "004_47e54a3ae338958b"

    static func seed(_ name: String) throws -> String {
        try text("seeds/\(name).txt")
    }
}
