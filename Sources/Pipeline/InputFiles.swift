import Foundation

/// The files a batch converts: files as given, folders walked recursively, hidden files and
/// folders skipped, sorted by path so that output order never depends on the file system.
public enum InputFiles {
    public struct Missing: Error, Hashable, Sendable, CustomStringConvertible {
        public var path: String
        public var description: String { "\(path): error: no such file or folder" }
    }

    public static func collect(_ paths: [String]) throws(Missing) -> [String] {
        var files: [String] = []
        let manager = FileManager.default
        for path in paths {
            var isFolder: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isFolder) else { throw Missing(path: path) }
            guard isFolder.boolValue else {
                files.append(path)
                continue
            }
            guard let enumerator = manager.enumerator(atPath: path) else { continue }
            while let relative = enumerator.nextObject() as? String {
                let components = relative.split(separator: "/")
                if components.contains(where: { $0.hasPrefix(".") }) {
                    enumerator.skipDescendants()
                    continue
                }
                let full = path.hasSuffix("/") ? path + relative : path + "/" + relative
                var isSubfolder: ObjCBool = false
                if manager.fileExists(atPath: full, isDirectory: &isSubfolder), !isSubfolder.boolValue {
                    files.append(full)
                }
            }
        }
        // Sorted by path, each path once (a file named twice, or inside a named folder too).
        var seen: Set<String> = []
        return files.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }.filter { seen.insert($0).inserted }
    }
}
