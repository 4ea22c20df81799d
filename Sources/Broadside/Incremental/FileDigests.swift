import Foundation

/// The SHA-256 of files by their path and file status, kept in `.broadside-cache/`: the image
/// sources (`image-sources`), so a warm build does not read hundreds of megabytes of photos to
/// learn that they have not changed, and the built files (`built-digests`), so a publish hashes
/// only those a build changed (a rebuild into an untouched output leaves the others as they
/// were, `SiteUpdate`). A file whose size, modification time, change time or inode differ is
/// read and hashed again; the change time cannot be set back by a program, so a file replaced
/// in place is always noticed. Deleting the file is always safe: every file is hashed again.
public struct FileDigests: Sendable {
    public static let imageSources = ".broadside-cache/image-sources"
    public static let builtFiles = ".broadside-cache/built-digests"

    public struct Stamp: Hashable, Sendable {
        public var size: Int
        var modified: Int
        var changed: Int
        var inode: UInt64

        public init?(of path: String) {
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

    public struct Known: Sendable, Equatable {
        public var path: String
        public var stamp: Stamp
        public var digest: String

        public init(path: String, stamp: Stamp, digest: String) {
            (self.path, self.stamp, self.digest) = (path, stamp, digest)
        }
    }

    let file: String
    private var known: [String: Known] = [:]

    /// The digests kept in `name` (`imageSources`, `builtFiles`) below the site.
    public init(site: URL, _ name: String) {
        file = site.appendingPathComponent(name).path
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

    public func digest(of path: String, stamp: Stamp) -> String? {
        guard let entry = known[path], entry.stamp == stamp else { return nil }
        return entry.digest
    }

    /// A file changed this close to the save may change again within the file system's clock
    /// tick (a few milliseconds) without its times moving: as git does with its index, such a
    /// file is not remembered, and is read and hashed again by the next build.
    static let racyNanoseconds = 2_000_000_000

    /// Replaces the file with `entries` (this build's files only), sorted by path. `now`, in
    /// nanoseconds since 1970, is the clock's unless a test gives a later one.
    public func save(_ entries: [Known], now: Int? = nil) {
        var clock = timespec()
        clock_gettime(CLOCK_REALTIME, &clock)
        let settled = (now ?? Int(clock.tv_sec) &* 1_000_000_000 &+ Int(clock.tv_nsec)) &- Self.racyNanoseconds
        let text = entries.filter { $0.stamp.changed < settled && $0.stamp.modified < settled }.sorted { $0.path < $1.path }.map { entry in
            "\(entry.digest)\t\(entry.stamp.size)\t\(entry.stamp.modified)\t\(entry.stamp.changed)\t\(entry.stamp.inode)\t\(entry.path)\n"
        }.joined()
        guard CacheFolder.isWritable(holding: file) else { return }
        try? Data(text.utf8).write(to: URL(fileURLWithPath: file), options: .atomic)
    }
}
