import Foundation
import PackagePlugin

/// Compiles every file under a target's `Resources/` folder into a generated Swift source of
/// static string literals (`EmbeddedResources`), so the built binary carries its data and
/// works when copied alone: SwiftPM's `Bundle.module` would kill the process on Linux
/// once the resource folder beside the build is gone.
@main
struct EmbedResources: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: any Target) throws -> [Command] {
        guard let target = target as? SourceModuleTarget else { return [] }
        let resources = target.directoryURL.appending(path: "Resources")
        let files = Self.files(under: resources)
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedResources.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(files.count) resource file(s) into \(target.name)",
                executable: try context.tool(named: "resource-embedder").url,
                arguments: [output.path(percentEncoded: false), resources.path(percentEncoded: false)]
                    + files.map { $0.path(percentEncoded: false) },
                inputFiles: files,
                outputFiles: [output])
        ]
    }

    /// Regular files below `folder`, sorted so the generated source is deterministic.
    static func files(under folder: URL) -> [URL] {
        guard let enumerator = FileManager.default.enumerator(
            at: folder, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles])
        else { return [] }
        var files: [URL] = []
        for case let url as URL in enumerator {
            if (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
                files.append(url)
            }
        }
        return files.sorted { $0.path < $1.path }
    }
}
