import Foundation

/// The SHA-256 of each image source, by its path and file status, kept beside the image cache
/// (`.broadside-cache/image-sources`), so a warm build does not read hundreds of megabytes of
/// photos to learn that they have not changed. A source whose size, modification time, change
/// time or inode differ is read and hashed again; the change time cannot be set back by a
/// program, so a file replaced in place is always noticed. The digest, not the status, names
/// every file made from the source.
struct SourceDigests: Sendable {
    struct Stamp: Hashable, Sendable {
        var size: Int
        var modified: Int
        var changed: Int
        var inode: UInt64

        init?(of path: String) {
            var status = stat()
            guard stat(path, &status) == 0 else { return nil }
            size = Int(status.st_size)
            modified = Int(status.st_mtim.tv_sec) &* 1_000_000_000 &+ Int(status.st_mtim.tv_nsec)
            changed = Int(status.st_ctim.tv_sec) &* 1_000_000_000 &+ Int(status.st_ctim.tv_nsec)
            inode = UInt64(status.st_ino)
        }

        init(size: Int, modified: Int, changed: Int, inode: UInt64) {
            (self.size, self.modified, self.changed, self.inode) = (size, modified, changed, inode)
        }
    }

    struct Known: Sendable, Equatable {
        var path: String
        var stamp: Stamp
        var digest: String
    }

    let file: String
    private var known: [String: Known] = [:]

    init(site: URL) {
        file = site.appendingPathComponent(".broadside-cache/image-sources").path
        guard let text = try? String(contentsOfFile: file, encoding: .utf8) else { return }
        for line in text.split(separator: "\n") {
            let fields = line.split(separator: "\t", maxSplits: 5).map(String.init)
            guard fields.count == 6, let size = Int(fields[1]), let modified = Int(fields[2]), let changed = Int(fields[3]),
                let inode = UInt64(fields[4]), fields[0].count == 64
            else { continue }
            known[fields[5]] = Known(path: fields[5], stamp: Stamp(size: size, modified: modified, changed: changed, inode: inode),
                digest: fields[0])
        }
    }

    func digest(of path: String, stamp: Stamp) -> String? {
        guard let entry = known[path], entry.stamp == stamp else { return nil }
        return entry.digest
    }

    /// A file changed this close to the save may change again within the file system's clock
    /// tick (a few milliseconds) without its times moving: as git does with its index, such a
    /// file is not remembered, and is read and hashed again by the next build.
    static let racyNanoseconds = 2_000_000_000

    /// Replaces the file with `entries` (this build's sources only), sorted by path.
    func save(_ entries: [Known]) {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        let settled = Int(now.tv_sec) &* 1_000_000_000 &+ Int(now.tv_nsec) &- Self.racyNanoseconds
        let text = entries.filter { $0.stamp.changed < settled && $0.stamp.modified < settled }.sorted { $0.path < $1.path }.map { entry in
            "\(entry.digest)\t\(entry.stamp.size)\t\(entry.stamp.modified)\t\(entry.stamp.changed)\t\(entry.stamp.inode)\t\(entry.path)\n"
        }.joined()
        try? Data(text.utf8).write(to: URL(fileURLWithPath: file), options: .atomic)
    }
}
