import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What a stopped build leaves beside the output, `.site.tmp-PID` (its staging folder) and
/// `.site.old-PID` (the previous site, moved aside), and how the next build puts it right.
///
/// A build is killed at some instant between its steps; whatever that instant, one of
/// these holds: the output is in place and a leftover holds only generated files, the
/// deploy repository and other carried dotfiles being either in the output or in a leftover
/// with a manifest; or the output is gone and `.site.old-PID` holds it. `recover` undoes
/// both before anything is deleted.
enum Leftovers {
    enum Kind: String {
        case staging = "tmp"
        case previous = "old"
    }

    static func path(_ kind: Kind, of output: String, pid: Int32) -> String {
        (output as NSString).deletingLastPathComponent + "/" + marker(kind, of: output) + "\(pid)"
    }

    /// How the name of a leftover of `output` begins, up to its PID: `.site.tmp-`.
    static func marker(_ kind: Kind, of output: String) -> String {
        ".\((output as NSString).lastPathComponent).\(kind.rawValue)-"
    }

    /// Whether `entry`, a name in the output's parent folder, is a leftover of `output` of any kind.
    static func isLeftover(_ entry: String, of output: String) -> Bool {
        [Kind.staging, .previous].contains { entry.hasPrefix(marker($0, of: output)) }
    }

    /// Holds an exclusive lock on the folder around the output while `body` runs, so that two
    /// builds at once never move each other's carried files or leftovers.
    static func whileLocked<T>(_ output: String, _ body: () -> T) -> T {
        let parent = (output as NSString).deletingLastPathComponent
        let fd = open(parent, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if fd >= 0 { _ = flock(fd, LOCK_EX) }
        defer {
            if fd >= 0 {
                _ = flock(fd, LOCK_UN)
                close(fd)
            }
        }
        return body()
    }

    /// Puts back what dead builds left, then deletes their leftovers; a leftover that still
    /// holds something that could not be put back is kept, with a warning. Call while locked;
    /// `sparing` is this build's own staging folder, once it has one.
    static func recover(_ output: String, sparing: String? = nil) -> [Diagnostic] {
        let fileManager = FileManager.default
        let parent = (output as NSString).deletingLastPathComponent
        var dead: [(path: String, kind: Kind)] = []
        for entry in ((try? fileManager.contentsOfDirectory(atPath: parent)) ?? []).sorted() {
            for kind in [Kind.previous, .staging] {
                let marker = marker(kind, of: output)
                guard entry.hasPrefix(marker), let pid = Int32(entry.dropFirst(marker.count)) else { continue }
                // A running build's folders are its own; this process's PID can only be a dead one's.
                let alive = pid != getpid() && (kill(pid, 0) == 0 || errno == EPERM)
                if !alive && parent + "/" + entry != sparing { dead.append((parent + "/" + entry, kind)) }
            }
        }
        // Killed between its two renames, a build left no output: the site it moved aside is put back.
        if !exists(output), let index = dead.firstIndex(where: { $0.kind == .previous }),
            rename(dead[index].path, output) == 0
        {
            dead.remove(at: index)
        }

        var warnings: [Diagnostic] = []
        for leftover in dead {
            var kept: [String] = []
            for entry in carried(in: leftover.path) {
                let target = output + "/" + entry
                if !(exists(output) && !exists(target) && rename(leftover.path + "/" + entry, target) == 0) {
                    kept.append(entry)
                }
            }
            if kept.isEmpty {
                try? fileManager.removeItem(atPath: leftover.path)
            } else {
                warnings.append(.warning(nil,
                    "\(leftover.path), left by a build that was stopped, holds \(kept.joined(separator: ", ")) from \(output), which could not be put back",
                    hint: "move \(kept.count == 1 ? "it" : "them") into \(output) yourself, then delete \(leftover.path)"))
            }
        }
        return warnings
    }

    /// The files a build carried into its staging folder from the output: the top-level
    /// dotfiles its manifest does not list. A staging folder gets its manifest before anything
    /// is carried in, so one without a manifest holds nothing carried.
    private static func carried(in folder: String) -> [String] {
        guard let manifest = Manifest.read(in: folder) else { return [] }
        let written = Set(manifest.map { String($0.prefix { $0 != "/" }) })
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return entries.filter { $0.hasPrefix(".") && $0 != Manifest.fileName && !written.contains($0) }.sorted()
    }

    private static func exists(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0
    }
}
