import Foundation

/// Paths inside the repository, found from this file's location (tests never use Bundle.module).
enum Repository {
    static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    static func path(_ relative: String) -> String { root + "/" + relative }

    static func bytes(_ relative: String) throws -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path(relative)) else {
            throw CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: relative])
        }
        return [UInt8](data)
    }

    /// Every fixture input (`fixtures/<format>/<case>/input.*`), relative to the root, sorted.
    static var fixtureInputs: [String] {
        let fixtures = path("fixtures")
        let enumerator = FileManager.default.enumerator(atPath: fixtures)
        var inputs: [String] = []
        while let relative = enumerator?.nextObject() as? String {
            if (relative as NSString).lastPathComponent.hasPrefix("input.") { inputs.append("fixtures/" + relative) }
        }
        return inputs.sorted()
    }

    /// The built `plan2json` binary: beside the test bundle (PipelineTests depends on the
    /// executable target, so `swift test` builds it there).
    static var binary: String {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("plan2json").path
    }
}
