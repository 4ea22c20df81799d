import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `.broadside-cache/built-digests`: the SHA-256 of each built file with the stamps the file had
/// when it was hashed (size, inode, modification and change time to the nanosecond), so that a
/// publish hashes only the files a build changed since. A rebuild into an untouched output
/// leaves its unchanged files as they were (`SiteUpdate`), so after one edited post a publish of
/// 20,000 files hashes a handful. The change time is set by the kernel on every write, rename or
/// link and no tool can set it back: equal stamps mean the same bytes, the trust the build
/// record and git's index place in them. A file stamped within two seconds of the record, or
/// that changed while it was hashed, is not kept (times too close to tell apart). Deleting the
/// file is always safe: every file is hashed again.
struct BuiltDigests {
    static let fileName = ".broadside-cache/built-digests"
    private static let header = "broadside built digests 1"

    struct Stamp: Equatable {
        var size, inode, modified, changed: Int64
    }

    struct Entry {
        var stamp: Stamp
        var sha256: String
    }

    /// Of the files of this folder (absolute): a record of another folder is not used.
    let folder: String
    var entries: [String: Entry] = [:]

    /// The file's stamp, links followed as the hash reads it; nil when it cannot be read.
    static func stamp(_ path: String) -> Stamp? {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        return Stamp(
            size: Int64(info.st_size), inode: Int64(bitPattern: UInt64(info.st_ino)),
            modified: Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec),
            changed: Int64(info.st_ctim.tv_sec) * 1_000_000_000 + Int64(info.st_ctim.tv_nsec))
    }

    /// The record at `file`, or an empty one when there is none, it is damaged or of another folder.
    static func load(_ file: URL, folder: String) -> BuiltDigests {
        var digests = BuiltDigests(folder: folder)
        guard let data = FileManager.default.contents(atPath: file.path) else { return digests }
        // Records: path NUL fields NUL; a path may hold a line break but never a NUL.
        let fields = data.split(separator: 0, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
        guard fields.count >= 2, fields[0] == header, fields[1] == folder, fields.count % 2 == 1 else { return digests }
        var index = 2
        while index + 1 < fields.count {
            let numbers = fields[index + 1].split(separator: " ")
            guard numbers.count == 5, numbers[0].utf8.count == 64, let size = Int64(numbers[1]), let inode = Int64(numbers[2]),
                let modified = Int64(numbers[3]), let changed = Int64(numbers[4])
            else { return BuiltDigests(folder: folder) }
            digests.entries[fields[index]] = Entry(
                stamp: Stamp(size: size, inode: inode, modified: modified, changed: changed), sha256: String(numbers[0]))
            index += 2
        }
        return digests
    }

    /// Writes the entries stamped at least two seconds before `now` (seconds since 1970), in path order.
    func save(_ file: URL, now: Int64) {
        let limit = (now - 2) * 1_000_000_000
        var text = [UInt8](Self.header.utf8) + [0] + Array(folder.utf8) + [0]
        for (path, entry) in entries.sorted(by: { $0.key < $1.key })
        where entry.stamp.modified < limit && entry.stamp.changed < limit {
            let stamp = entry.stamp
            text += Array(path.utf8) + [0] + Array("\(entry.sha256) \(stamp.size) \(stamp.inode) \(stamp.modified) \(stamp.changed)".utf8) + [0]
        }
        try? FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try? Data(text).write(to: file, options: .atomic)
    }
}
