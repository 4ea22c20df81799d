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
    /// SHA-256 of every entry's relative path and stamp, in the order of the paths: a record
    /// keeps 64 characters, not a line for each of 30,000 files.
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
        walk.hash.update(walk.text)
        walk.othersHash?.update(walk.othersText)
        return FileStamps(digest: walk.hash.finish(), newest: walk.newest, others: walk.othersHash?.finish())
    }

    /// Entries in the order of their names in each folder, one line each: path, NUL, stamp.
    private struct Walk {
        let follow: Bool
        let skip: (String) -> Bool
        let apart: ((String) -> Bool)?
        /// Entries not yet hashed: given to `hash` a megabyte at a time (all the text of an
        /// output of 200,000 files was 30 MB where a build ends, at its peak).
        var text: [UInt8] = []
        let hash = SHA256Stream()
        var othersText: [UInt8] = []
        let othersHash: SHA256Stream?
        var newest: Int64 = 0
        var folders: Set<[UInt64]> = []

        init(follow: Bool, skip: @escaping (String) -> Bool, apart: ((String) -> Bool)?) {
            (self.follow, self.skip, self.apart) = (follow, skip, apart)
            othersHash = apart == nil ? nil : SHA256Stream()
        }

        /// False when the entry cannot be read: the caller then knows nothing of the folder.
        /// `name` is looked up in the open folder `parent`: by whole paths, the kernel's walks of
        /// them were a third of the time (20,000 files of an output stamped twice a rebuild).
        mutating func visit(_ name: String, in parent: Int32, relative: String) -> Bool {
            var info = stat()
            guard fstatat(parent, name, &info, follow ? 0 : AT_SYMLINK_NOFOLLOW) == 0 else { return false }
            guard (info.st_mode & S_IFMT) == S_IFDIR else {
                let modified = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
                let changed = Int64(info.st_ctim.tv_sec) * 1_000_000_000 + Int64(info.st_ctim.tv_nsec)
                newest = max(newest, modified, changed)
                add(relative, [Int64(info.st_size), modified, changed, Int64(info.st_ino), Int64(info.st_mode)])
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
            for child in SiteFolder.entries(in: directory).sorted() {
                let path = relative.isEmpty ? child : relative + "/" + child
                if skip(path) { continue }
                guard visit(child, in: descriptor, relative: path) else { return false }
            }
            return true
        }

        private mutating func add(_ relative: String, _ numbers: [Int64]) {
            let start = text.count
            text.append(contentsOf: relative.utf8)
            text.append(0)
            for number in numbers {
                withUnsafeBytes(of: number.littleEndian) { text.append(contentsOf: $0) }
            }
            text.append(0x0A)
            if let apart, let othersHash, !apart(relative) {
                othersText += text[start...]
                if othersText.count >= 1 << 20 {
                    othersHash.update(othersText)
                    othersText.removeAll(keepingCapacity: true)
                }
            }
            if text.count >= 1 << 20 {
                hash.update(text)
                text.removeAll(keepingCapacity: true)
            }
        }
    }
}
