import Foundation

#if canImport(Glibc)
import CCmark
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Puts a finished staging folder in the output's place so that, at every instant, the site
/// and the files carried over (`.git`, `.htaccess`) are whole in one place or restorable by
/// `Leftovers.recover`.
enum Swap {
    /// Carries the output's top-level dotfiles that the build did not write into the staging
    /// folder (which already holds its manifest), swaps the two, and deletes the old site.
    static func install(_ staging: String, as output: String, writing written: Set<String>) -> [Diagnostic] {
        Leftovers.whileLocked(output) {
            var diagnostics = Leftovers.recover(output, sparing: staging)
            let fileManager = FileManager.default
            guard let entries = try? fileManager.contentsOfDirectory(atPath: output) else {
                // No site yet: nothing to carry, nothing to replace.
                if rename(staging, output) != 0 {
                    diagnostics.append(failed("cannot move the new site into \(output)", hadSite: false))
                    try? fileManager.removeItem(atPath: staging)
                }
                return diagnostics
            }
            let carried = entries.filter { $0.hasPrefix(".") && $0 != Manifest.fileName && !written.contains($0) }.sorted()
            var moved: [String] = []
            for entry in carried {
                guard rename(output + "/" + entry, staging + "/" + entry) == 0 else {
                    let diagnostic = failed("cannot move \(output)/\(entry) into the new site", hadSite: true)
                    giveBack(moved, from: staging, to: output)
                    return diagnostics + [diagnostic]
                }
                moved.append(entry)
            }

            if exchange(staging, output) == 0 {
                // The staging folder's name now holds the old site, without what was carried.
                try? fileManager.removeItem(atPath: staging)
                return diagnostics
            }
            guard errno == EINVAL || errno == ENOSYS || errno == EOPNOTSUPP else {
                let diagnostic = failed("cannot swap the new site with \(output)", hadSite: true)
                giveBack(moved, from: staging, to: output)
                return diagnostics + [diagnostic]
            }
            // A file system without the exchange: two renames. Killed between them, the build
            // leaves `.site.old-PID` and no output, which the next build's `recover` puts back.
            let previous = Leftovers.path(.previous, of: output, pid: getpid())
            guard rename(output, previous) == 0 else {
                let diagnostic = failed("cannot move the previous \(output) aside", hadSite: true)
                giveBack(moved, from: staging, to: output)
                return diagnostics + [diagnostic]
            }
            guard rename(staging, output) == 0 else {
                let diagnostic = failed("cannot move the new site into \(output)", hadSite: true)
                _ = rename(previous, output)
                giveBack(moved, from: staging, to: output)
                return diagnostics + [diagnostic]
            }
            try? fileManager.removeItem(atPath: previous)
            return diagnostics
        }
    }

    /// Moves carried files back after a failed swap; the staging folder is deleted only when
    /// all of them are back, else the next build's `recover` finds them there.
    private static func giveBack(_ moved: [String], from staging: String, to output: String) {
        let back = moved.filter { rename(staging + "/" + $0, output + "/" + $0) == 0 }
        if back.count == moved.count { try? FileManager.default.removeItem(atPath: staging) }
    }

    /// Reads `errno`, so call it right after the call that failed.
    private static func failed(_ what: String, hadSite: Bool) -> Diagnostic {
        let reason = String(cString: strerror(errno))
        return .error(nil, "\(what): \(reason)",
            hint: hadSite ? "the previous site was left as it was; check that the folder around it can be written to"
                : "check that the folder around it can be written to")
    }

    private static func exchange(_ first: String, _ second: String) -> Int32 {
        #if os(Linux)
        // RENAME_EXCHANGE from <linux/fs.h>: both names stay taken at every instant.
        return renameat2(AT_FDCWD, first, AT_FDCWD, second, 1 << 1)
        #else
        errno = ENOSYS
        return -1
        #endif
    }
}
