#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `--include` / `--exclude` globs. A pattern without `/` matches a file's name (`*.html`);
/// a pattern with `/` matches the whole path as reported (`in/drafts/*`, where `*` also
/// crosses `/`). A file is taken when it matches an include (or there are none) and no exclude;
/// a folder whose name or path matches an exclude is not walked.
public struct InputFilter: Hashable, Sendable {
    public var include: [String]
    public var exclude: [String]

    public init(include: [String] = [], exclude: [String] = []) {
        self.include = include
        self.exclude = exclude
    }

    public func accepts(file path: String) -> Bool {
        (include.isEmpty || include.contains { Self.matches($0, path) }) && !exclude.contains { Self.matches($0, path) }
    }

    public func prunes(folder path: String) -> Bool {
        exclude.contains { Self.matches($0, path) }
    }

    static func matches(_ pattern: String, _ path: String) -> Bool {
        let subject = pattern.contains("/") ? path : String(path.split(separator: "/").last ?? "")
        return fnmatch(pattern, subject, 0) == 0
    }
}
