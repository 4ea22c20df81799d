import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `.broadside-cache/` in the site's folder, where every cache between builds is kept. It is
/// written only when it is a folder of the site's own: a link there (a site's repository could
/// hold one, pointing anywhere) would have builds write and delete files outside the site, so
/// then nothing is kept, and every build is a whole one.
public enum CacheFolder {
    static let name = ".broadside-cache"

    /// Whether `path`, a file or folder in a site's cache folder, can be written: the cache
    /// folder (made when missing) is a folder, and nothing from it to `path` is a link.
    static func isWritable(holding path: String) -> Bool {
        guard let chain = chain(to: path) else { return false }
        mkdir(chain[0], 0o755)
        var info = stat()
        guard lstat(chain[0], &info) == 0, info.st_mode & S_IFMT == S_IFDIR else { return false }
        return link(holding: path) == nil
    }

    /// The first link from the cache folder down to `path`, if there is one.
    public static func link(holding path: String) -> String? {
        var info = stat()
        return chain(to: path)?.first { lstat($0, &info) == 0 && info.st_mode & S_IFMT == S_IFLNK }
    }

    /// The cache folder, then each folder below it to `path`, and `path`; nil outside one.
    private static func chain(to path: String) -> [String]? {
        var chain = [path]
        while (chain[0] as NSString).lastPathComponent != name {
            let parent = (chain[0] as NSString).deletingLastPathComponent
            guard parent != chain[0], !parent.isEmpty else { return nil }
            chain.insert(parent, at: 0)
        }
        return chain
    }
}
