import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A rebuild into an output that is exactly as the last build left it (its files' stamps are
/// the record's): every file is made and compared with the live one, only those whose bytes
/// differ are written, into the staging folder beside the output, and once every file is made
/// without an error the changed ones are moved into place and the files no longer planned are
/// deleted. An edit to one post then costs its few files, where a staging copy of the whole
/// site cost a link and a folder for each of its 20,000 files, and as many deletions after.
///
/// The result is the folder a swap would leave (`SiteWriter`, `Swap`): the same files, the
/// top-level dotfiles the build does not write carried as they are. Nothing of the live site
/// changes while files are made; a failure then leaves it as it was. A build stopped while it
/// moves files leaves a site part old, part new, until the next build, which finds the output
/// no longer as recorded and replaces it whole.
struct SiteUpdate {
    let output: String
    let plan: [PlannedFile]
    /// What the last build wrote, from its manifest.
    let previous: Set<String>

    /// Nil when only a whole swap gives a clean build's result: no manifest, or a top-level dot
    /// folder the build now writes into that the last build did not (a swap replaces it whole).
    init?(folder: OutputFolder, plan: [PlannedFile]) {
        guard folder.exists, let previous = folder.manifest else { return nil }
        let before = Set(previous.map(OutputFolder.topLevelName))
        guard !plan.contains(where: { $0.path.hasPrefix(".") && !before.contains(OutputFolder.topLevelName($0.path)) }) else { return nil }
        (output, self.plan, self.previous) = (folder.path, plan, previous)
    }

    private enum Outcome: Sendable {
        // Boxed: one outcome per planned file, held together (a diagnostic inline was 17 MB at 100,000 posts).
        case same, staged
        indirect case failed(Diagnostic)
    }

    /// The diagnostics, and the entries of the output it changed (`SiteWriter.Written`).
    func write(problems: () -> [Diagnostic], file: @escaping @Sendable (Int) -> OutputFile) -> SiteWriter.Written {
        let (staging, problem) = SiteWriter.makeStaging(beside: output)
        if let problem { return SiteWriter.Written(diagnostics: [problem]) }
        let live = output + "/"
        let outcomes = parallelMap(Array(plan.indices)) { [plan] index -> Outcome in
            let file = file(index)
            if case .unchanged = file.contents { return .same }
            if Self.holds(live + file.path, file.contents) { return .same }
            return SiteWriter.put(file.contents, at: "\(staging)/\(index)", keeping: nil, planned: plan[index]).map(Outcome.failed) ?? .staged
        }
        let failures = outcomes.compactMap { if case .failed(let diagnostic) = $0 { diagnostic } else { nil } }
        var diagnostics = SiteWriter.shown(failures) + problems()
        var manifest = Manifest.text(of: plan.map(\.path))
        let manifestChanged = manifest.withUTF8 { !PreviousFile.keep(live + Manifest.fileName, at: nil, ifItHolds: $0) }
        if diagnostics.isEmpty, manifestChanged, !manifest.withUTF8({ SiteWriter.writeFile(staging + "/manifest", $0) }) {
            diagnostics.append(.error(nil, "cannot write \(staging)/manifest: \(String(cString: strerror(errno)))",
                hint: "check that the folder around \(output) can be written to and has room"))
        }
        guard diagnostics.isEmpty else {
            try? FileManager.default.removeItem(atPath: staging)
            return SiteWriter.Written(diagnostics: diagnostics)
        }
        let staged = outcomes.indices.filter { if case .staged = outcomes[$0] { true } else { false } }
        return Leftovers.whileLocked(output) {
            var diagnostics = Leftovers.recover(output, sparing: staging)
            let unplanned = unplanned()
            let touched = Self.touched(staged.map { plan[$0].path } + unplanned + (manifestChanged ? [Manifest.fileName] : []), below: output)
            diagnostics += delete(unplanned) + move(staged, from: staging)
            if diagnostics.hasErrors {
                // The files of both builds are Broadside's to replace: the next build must not take any for a user's.
                var both = Manifest.text(of: Array(previous.union(plan.map(\.path))))
                _ = both.withUTF8 { SiteWriter.writeFile(live + Manifest.fileName, $0) }
            } else if manifestChanged, rename(staging + "/manifest", live + Manifest.fileName) != 0 {
                diagnostics.append(failed("cannot move the new \(Manifest.fileName) into \(output)"))
            }
            try? FileManager.default.removeItem(atPath: staging)
            return SiteWriter.Written(diagnostics: diagnostics, touched: touched)
        }
    }

    /// `paths` and every folder above them, each as it is now: what an update may change.
    private static func touched(_ paths: [String], below output: String) -> FileStamps.Touched {
        var all = Set(paths)
        for path in paths {
            var folder = (path as NSString).deletingLastPathComponent
            while !folder.isEmpty, all.insert(folder).inserted { folder = (folder as NSString).deletingLastPathComponent }
        }
        return all.sorted().map { ($0, FileStamps.entry($0, below: output)) }
    }

    /// Whether the live file at `path` is a regular file that already holds `contents`.
    private static func holds(_ path: String, _ contents: OutputFile.Contents) -> Bool {
        if let same = contents.withBytes({ PreviousFile.keep(path, at: nil, ifItHolds: $0) }) { return same }
        switch contents {
        case .copy(let source): return PreviousFile.keep(path, at: nil, ifItHoldsFile: source.path)
        case .link(let source):
            // A swap links the cached file afresh: the live file must be that very file, or, on
            // another file system (where a swap copies it), a file with its bytes.
            var (mine, theirs) = (stat(), stat())
            guard lstat(path, &mine) == 0, stat(source.path, &theirs) == 0, (mine.st_mode & S_IFMT) == S_IFREG else { return false }
            if mine.st_dev != theirs.st_dev { return PreviousFile.keep(path, at: nil, ifItHoldsFile: source.path) }
            return mine.st_ino == theirs.st_ino
        case .text, .bytes, .data, .stored, .unchanged: return false  // compared above, or never asked
        }
    }

    /// What the last build wrote and this one does not, but the top-level dotfiles a swap would
    /// carry (those in a top-level entry nothing is written into now).
    private func unplanned() -> [String] {
        let planned = Set(plan.map(\.path))
        let gone = previous.subtracting(planned)
        // Most rebuilds delete nothing: the top-level names are not needed then.
        guard !gone.isEmpty else { return [] }
        let written = Set(plan.map { OutputFolder.topLevelName($0.path) })
        return gone.sorted().filter { path in
            let top = OutputFolder.topLevelName(path)
            return !(top.hasPrefix(".") && !written.contains(top))
        }
    }

    /// Deletes `paths`, with the folders left empty.
    private func delete(_ paths: [String]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for path in paths {
            guard unlink(output + "/" + path) == 0 || errno == ENOENT else {
                diagnostics.append(failed("cannot delete \(output)/\(path)"))
                continue
            }
            var folder = (path as NSString).deletingLastPathComponent
            while !folder.isEmpty, rmdir(output + "/" + folder) == 0 {
                folder = (folder as NSString).deletingLastPathComponent
            }
        }
        return diagnostics
    }

    private func move(_ staged: [Int], from staging: String) -> [Diagnostic] {
        let root = output + "/"
        var diagnostics: [Diagnostic] = []
        for index in staged {
            let path = root + plan[index].path
            guard SiteWriter.makeParent(of: path, below: root), rename("\(staging)/\(index)", path) == 0 else {
                diagnostics.append(failed("cannot move the new \(plan[index].path) into \(output)"))
                continue
            }
        }
        return diagnostics
    }

    /// Reads `errno`, so call it right after the call that failed.
    private func failed(_ what: String) -> Diagnostic {
        .error(nil, "\(what): \(String(cString: strerror(errno)))",
            hint: "the site in \(output) is part old, part new: check that it can be written to and build again, which replaces it whole")
    }
}
