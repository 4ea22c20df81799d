import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The state of everything a build reads, cheap to take and compare: each file's path,
/// size and modification time. Polling it is portable and needs no file-system events;
/// the server compares one snapshot with the next to know when to build again.
public struct SourceSnapshot: Sendable, Equatable {
    struct Entry: Sendable, Equatable {
        var path: String
        var size: Int64
        var modified: Int64
    }

    var entries: [Entry]

    /// The folders and files of a site that a build reads.
    public static let watched = ["content", "themes", "templates", "static", "i18n", SiteConfig.fileName]

    /// Hidden files and editors' backups (`.post.md.swp`, `post.md~`) are left out: saving a
    /// post must cause one build, not one per file the editor touches on the way.
    public static func take(of source: URL) -> SourceSnapshot {
        var entries: [Entry] = []
        for name in watched {
            walk(source.path + "/" + name, relative: name, into: &entries, depth: 0)
        }
        return SourceSnapshot(entries: entries)
    }

    /// What changed between two snapshots, for the terminal: `content/posts/a.md` or `3 files`.
    public func changes(since earlier: SourceSnapshot) -> String {
        let before = Dictionary(earlier.entries.map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a })
        let after = Dictionary(entries.map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a })
        let changed = Set(before.keys).union(after.keys).filter { before[$0] != after[$0] }.sorted()
        return changed.count == 1 ? changed[0] : "\(changed.count) files"
    }

    private static func walk(_ path: String, relative: String, into entries: inout [Entry], depth: Int) {
        var info = stat()
        // stat, not lstat: a linked theme folder is watched where it points.
        guard depth < 32, stat(path, &info) == 0 else { return }
        #if os(Linux)
        let modified = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
        #else
        let modified = Int64(info.st_mtimespec.tv_sec) * 1_000_000_000 + Int64(info.st_mtimespec.tv_nsec)
        #endif
        entries.append(Entry(path: relative, size: Int64(info.st_size), modified: modified))
        guard info.st_mode & S_IFMT == S_IFDIR,
              let names = try? FileManager.default.contentsOfDirectory(atPath: path) else { return }
        for name in names.sorted() where !name.hasPrefix(".") && !name.hasSuffix("~") {
            walk(path + "/" + name, relative: relative + "/" + name, into: &entries, depth: depth + 1)
        }
    }
}
