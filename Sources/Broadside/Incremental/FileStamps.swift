import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What a folder holds, as the file system describes each file: its size, its modification and
/// change times to the nanosecond, its inode and mode. Equal stamps mean the same bytes unless
/// something rewrote a file and set its times back, which the change time (no tool can set it)
/// gives away; git's index trusts the same fields. A folder is stamped as one, without its
/// times (a build's own staging folder beside the output changes them): a file added or removed
/// below it adds or removes an entry.
struct FileStamps: Codable, Equatable, Sendable {
    /// The sum of every entry's digest (its relative path and stamp) and their number, in hex:
    /// a record keeps 48 characters, not a line for each of 30,000 files. A sum, so that a build
    /// that knows which entries it changed brings the stamps of its output up to date from
    /// those alone (`updating`): a walk of an output of 20,000 pages, each in a folder of its
    /// own, took the kernel 0.2 s.
    var digest: String
    /// The newest modification or change time among the files, in nanoseconds.
    var newest: Int64
    /// The same digest without the entries `apart` accepted (`PageInputs`: the posts' Markdown,
    /// which pages see as the loaded posts); nil for a walk not asked for it.
    var others: String? = nil

    /// Every entry below `root`. `follow`: links are followed as a build's reads follow them (a
    /// linked theme folder), each folder once; else a link is stamped as a link. Entries whose
    /// relative path `skip` accepts are left out with what is below them.
    static func of(_ root: String, follow: Bool, skip: @escaping (String) -> Bool = { _ in false },
                   apart: ((String) -> Bool)? = nil) -> FileStamps? {
        var walk = Walk(follow: follow, skip: skip, apart: apart)
        guard walk.visit(root, in: AT_FDCWD, relative: "") else { return nil }
        // Links to folders once every folder they are in is walked, in the order of their paths
        // (those met below them in turn): which of two ways to a folder is walked into must not
        // depend on the order the kernel lists folders in, and sorting every folder's names
        // (10,000 posts) was 7 ms of each walk of a site.
        while !walk.links.isEmpty {
            let links = walk.links.sorted()
            walk.links = []
            for relative in links {
                guard walk.visit(root + "/" + relative, in: AT_FDCWD, relative: relative) else { return nil }
            }
        }
        return FileStamps(digest: walk.sum.hex, newest: walk.newest, others: walk.others?.hex)
    }

    /// A file's stamp as a walk takes it; empty for a folder.
    static func numbers(_ info: stat) -> [Int64] {
        guard (info.st_mode & S_IFMT) != S_IFDIR else { return [] }
        return [Int64(info.st_size), modified(info), changed(info), Int64(info.st_ino), Int64(info.st_mode)]
    }

    private static func modified(_ info: stat) -> Int64 { Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec) }
    private static func changed(_ info: stat) -> Int64 { Int64(info.st_ctim.tv_sec) * 1_000_000_000 + Int64(info.st_ctim.tv_nsec) }

    /// The entry at `relative` below `root` as a walk that does not follow links stamps it; nil when there is none.
    static func entry(_ relative: String, below root: String) -> [Int64]? {
        var info = stat()
        guard lstat(relative.isEmpty ? root : root + "/" + relative, &info) == 0 else { return nil }
        return numbers(info)
    }

    /// Entries a build changed, each as it was before (nil: there was none), by relative path.
    typealias Touched = [(path: String, before: [Int64]?)]

    /// These stamps of `root` (walked without following links) once the entries at `touched`,
    /// each as it was then (nil: there was none), are as they are now: each is stamped again,
    /// the others are taken as they were. Nil when these stamps are not a sum.
    func updating(_ touched: Touched, root: String) -> FileStamps? {
        guard var sum = Sum(hex: digest) else { return nil }
        var newest = self.newest
        for (path, before) in touched {
            if let before { sum.remove(Self.digest(path, before)) }
            guard let now = Self.entry(path, below: root) else { continue }
            sum.add(Self.digest(path, now))
            if now.count == 5 { newest = max(newest, now[1], now[2]) }
        }
        return FileStamps(digest: sum.hex, newest: newest, others: others)
    }

    private static func digest(_ relative: String, _ numbers: [Int64]) -> PageDigest {
        var digest = ValueDigest()
        digest.add(relative)
        digest.add(word: UInt64(numbers.count))
        for number in numbers { digest.add(word: UInt64(bitPattern: number)) }
        return digest.digest
    }

    /// Entries' digests added up, two 64-bit lanes apart, and counted.
    private struct Sum {
        var high: UInt64 = 0
        var low: UInt64 = 0
        var count: UInt64 = 0

        init() {}

        init?(hex: String) {
            let text = Array(hex.utf8)
            guard text.count == 48, let high = UInt64(String(decoding: text[0..<16], as: UTF8.self), radix: 16),
                let low = UInt64(String(decoding: text[16..<32], as: UTF8.self), radix: 16),
                let count = UInt64(String(decoding: text[32..<48], as: UTF8.self), radix: 16)
            else { return nil }
            (self.high, self.low, self.count) = (high, low, count)
        }

        mutating func add(_ digest: PageDigest) { (high, low, count) = (high &+ digest.high, low &+ digest.low, count &+ 1) }
        mutating func remove(_ digest: PageDigest) { (high, low, count) = (high &- digest.high, low &- digest.low, count &- 1) }

        var hex: String {
            [high, low, count].map { let digits = String($0, radix: 16); return String(repeating: "0", count: 16 - digits.count) + digits }.joined()
        }
    }

    /// Entries in the order the kernel lists them (the digest is a sum); in a walk that follows
    /// links, links to folders are left in `links` for later (see `of`).
    private struct Walk {
        let follow: Bool
        let skip: (String) -> Bool
        let apart: ((String) -> Bool)?
        var sum = Sum()
        var others: Sum?
        var newest: Int64 = 0
        var folders: Set<[UInt64]> = []
        /// Links to folders met and not yet walked into, by relative path.
        var links: [String] = []

        init(follow: Bool, skip: @escaping (String) -> Bool, apart: ((String) -> Bool)?) {
            (self.follow, self.skip, self.apart) = (follow, skip, apart)
            others = apart == nil ? nil : Sum()
        }

        /// False when the entry cannot be read: the caller then knows nothing of the folder.
        /// `name` is looked up in the open folder `parent`: by whole paths, the kernel's walks of
        /// them were a third of the time (20,000 files of an output stamped twice a rebuild).
        mutating func visit(_ name: String, in parent: Int32, relative: String) -> Bool {
            var info = stat()
            guard fstatat(parent, name, &info, follow ? 0 : AT_SYMLINK_NOFOLLOW) == 0 else { return false }
            guard (info.st_mode & S_IFMT) == S_IFDIR else {
                newest = max(newest, FileStamps.modified(info), FileStamps.changed(info))
                add(relative, FileStamps.numbers(info))
                return true
            }
            add(relative, [])
            // A folder reached twice through links is read once: no loop, however they point.
            guard folders.insert([UInt64(info.st_dev), UInt64(info.st_ino)]).inserted else { return true }
            let descriptor = openat(parent, name, O_RDONLY | O_DIRECTORY | O_CLOEXEC | (follow ? 0 : O_NOFOLLOW))
            guard descriptor >= 0 else { return false }
            guard let directory = fdopendir(descriptor) else {
                close(descriptor)
                return false
            }
            // The descriptor is the folder's until it is closed with it.
            defer { closedir(directory) }
            var mayBeLinks: [String] = []
            let children = SiteFolder.entries(in: directory, mayBeLinks: &mayBeLinks)
            let later = follow ? Set(mayBeLinks.filter { Self.isLinkToFolder($0, in: descriptor) }) : []
            for child in children {
                let path = relative.isEmpty ? child : relative + "/" + child
                if skip(path) { continue }
                if later.contains(child) {
                    links.append(path)
                    continue
                }
                guard visit(child, in: descriptor, relative: path) else { return false }
            }
            return true
        }

        private static func isLinkToFolder(_ name: String, in folder: Int32) -> Bool {
            var info = stat()
            guard fstatat(folder, name, &info, AT_SYMLINK_NOFOLLOW) == 0, (info.st_mode & S_IFMT) == S_IFLNK else { return false }
            return fstatat(folder, name, &info, 0) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
        }

        private mutating func add(_ relative: String, _ numbers: [Int64]) {
            let digest = FileStamps.digest(relative, numbers)
            sum.add(digest)
            if let apart, !apart(relative) { others?.add(digest) }
        }
    }
}
