import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The state of everything a build reads, cheap to take and compare: each file's path,
/// size and modification time. Polling it is portable and needs no file-system events;
/// the server compares one snapshot with the next to know when to build again.
///
/// Files are listed by `SiteFolder.files`, the build's own reading: a link the build refuses
/// (out of the site, to `/`, back to a folder that holds it) is not followed here either, so
/// `static/root → /` or two links to `.` cost one refusal, not an endless walk. What the build
/// refuses is kept in the snapshot by name, so adding or mending such a link builds again.
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
        let site = SiteFolder(source)
        var entries: [Entry] = []
        for name in watched where name != "themes" {
            add(name, within: site.bounds, of: site, to: &entries)
        }
        for theme in themeFolders(of: site) {
            add("themes/" + theme, within: site.themeBounds("themes/" + theme), of: site, to: &entries)
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

    static func isIgnored(_ name: String) -> Bool { name.hasPrefix(".") || name.hasSuffix("~") }

    private static func add(_ relative: String, within bounds: SiteFolder.Bounds, of site: SiteFolder, to entries: inout [Entry]) {
        switch site.look(at: relative, within: bounds) {
        case .success(.missing):
            return
        case .failure:
            entries.append(Entry(path: relative, size: -1, modified: 0))
        case .success(.file(let real)):
            entries.append(entry(relative, real: real))
        case .success(.folder):
            let (files, refused) = site.files(in: relative, within: bounds, skip: isIgnored, checkReadable: false)
            entries += files.map { entry(relative + "/" + $0.path, real: $0.real) }
            entries += refused.map { Entry(path: $0.file ?? relative, size: -1, modified: 0) }
        }
    }

    private static func entry(_ relative: String, real: String) -> Entry {
        var info = stat()
        guard stat(real, &info) == 0 else { return Entry(path: relative, size: -1, modified: 0) }
        #if os(Linux)
        let modified = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
        #else
        let modified = Int64(info.st_mtimespec.tv_sec) * 1_000_000_000 + Int64(info.st_mtimespec.tv_nsec)
        #endif
        return Entry(path: relative, size: Int64(info.st_size), modified: modified)
    }

    /// The names in `themes/`, each a theme a build may read, with its own bounds.
    private static func themeFolders(of site: SiteFolder) -> [String] {
        guard case .success(.folder(let real)) = site.look(at: "themes", within: site.bounds),
              let names = try? FileManager.default.contentsOfDirectory(atPath: real) else { return [] }
        return names.filter { !isIgnored($0) }.sorted()
    }
}
