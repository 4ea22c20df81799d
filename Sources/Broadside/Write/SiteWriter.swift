import Foundation

#if canImport(Glibc)
import Glibc
private let posixWrite = Glibc.write
#elseif canImport(Darwin)
import Darwin
private let posixWrite = Darwin.write
#endif

/// Writes the finished site into a fresh folder beside the output, then swaps it in,
/// so a build that fails, or is stopped, leaves the previous site as it was. An output the
/// last build left untouched gets only its changed files, moved in once all are made.
struct SiteWriter {
    var folder: OutputFolder
    /// The output is as the last build left it (`BuildRecord.untouched`): the files that
    /// changed are moved into it once all are made (`SiteUpdate`), the others left alone.
    var inPlace = false
    static let failuresShown = 20

    /// Writes the planned files, asking `file(index)` for each on every core just before writing
    /// it: rendering overlaps the file system's work, and no page is held longer than that.
    /// `problems`, asked once every file is written: what went wrong making them that the files
    /// cannot tell (the site is then left as it was).
    func write(_ plan: [PlannedFile], problems: () -> [Diagnostic] = { [] }, file: @escaping @Sendable (Int) -> OutputFile) -> [Diagnostic] {
        writing(plan, problems: problems, file: file).diagnostics
    }

    /// What a write did: its diagnostics and, for an update in place, the output's entries it
    /// changed (nil when the output was replaced whole).
    struct Written {
        var diagnostics: [Diagnostic]
        var touched: FileStamps.Touched?
    }

    /// As `write`, with the entries an update in place changed, for the build record (`FileStamps.updating`).
    func writing(_ plan: [PlannedFile], problems: () -> [Diagnostic] = { [] }, file: @escaping @Sendable (Int) -> OutputFile) -> Written {
        if inPlace, let update = SiteUpdate(folder: folder, plan: plan) {
            return update.write(problems: problems, file: file)
        }
        return Written(diagnostics: swapping(plan, problems: problems, file: file))
    }

    private func swapping(_ plan: [PlannedFile], problems: () -> [Diagnostic], file: @escaping @Sendable (Int) -> OutputFile) -> [Diagnostic] {
        let output = folder.path
        let (staging, problem) = Self.makeStaging(beside: output)
        if let problem { return [problem] }

        let root = staging + "/"
        // The previous site, whose unchanged files are kept (PreviousFile); none on a first build.
        let previous: String? = folder.exists ? output + "/" : nil
        // An array a file, empty but for a failure: a diagnostic inline for each of 200,000 files was 17 MB.
        let failures = parallelMap(Array(plan.indices)) { index -> [Diagnostic] in
            let file = file(index)
            let path = root + file.path
            guard Self.makeParent(of: path, below: root) else {
                return [WritePlan.failure(plan[index], code: errno, reading: false)]
            }
            return Self.put(file.contents, at: path, keeping: previous.map { $0 + file.path }, planned: plan[index]).map { [$0] } ?? []
        }.flatMap { $0 }
        var diagnostics = Self.shown(failures) + problems()
        var manifest = Manifest.text(of: plan.map(\.path))
        if diagnostics.isEmpty && !manifest.withUTF8({ Self.writeFile(root + Manifest.fileName, $0) }) {
            diagnostics.append(.error(nil, "cannot write \(staging)/\(Manifest.fileName): \(String(cString: strerror(errno)))",
                hint: "check that the folder around \(output) can be written to and has room"))
        }
        guard diagnostics.isEmpty else {
            try? FileManager.default.removeItem(atPath: staging)
            return diagnostics
        }
        return Swap.install(staging, as: output, writing: Set(plan.map { OutputFolder.topLevelName($0.path) }))
    }

    /// This build's folder beside the output, made empty.
    static func makeStaging(beside output: String) -> (String, Diagnostic?) {
        let fileManager = FileManager.default
        let staging = Leftovers.path(.staging, of: output, pid: getpid())
        do {
            try fileManager.createDirectory(atPath: (output as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try fileManager.createDirectory(atPath: staging, withIntermediateDirectories: false)
        } catch {
            return (staging, .error(nil, "cannot create \(staging): \(error.localizedDescription)",
                hint: "check that the folder around \(output) exists and can be written to"))
        }
        return (staging, nil)
    }

    /// Writes `contents` at `path`, or links the previous site's file `old` there when it holds
    /// the same bytes; the error, naming the planned file, when neither can be done.
    static func put(_ contents: OutputFile.Contents, at path: String, keeping old: String?, planned: PlannedFile) -> Diagnostic? {
        let written = contents.withBytes { bytes in
            (old.map { PreviousFile.keep($0, at: path, ifItHolds: bytes) } ?? false) || writeFile(path, bytes)
        }
        if let written { return written ? nil : WritePlan.failure(planned, code: errno, reading: false) }
        switch contents {
        case .link(let source) where link(source.path, path) == 0:
            return nil
        case .copy(let source) where old.map({ PreviousFile.keep($0, at: path, ifItHoldsFile: source.path) }) == true:
            return nil
        case .copy(let source), .link(let source):
            return copy(source.path, to: path, planned: planned)
        case .unchanged:
            // The output is as the last build left it, but is swapped whole (a new top-level dot
            // folder): the live file holds these bytes, and is linked, or copied, into the new site.
            guard let old else { return WritePlan.failure(planned, code: ENOENT, reading: false) }
            return link(old, path) == 0 ? nil : copy(old, to: path, planned: planned)
        case .text, .bytes, .data, .stored:
            return nil  // written above
        }
    }

    /// Streamed, never held: a file of any size takes the same memory.
    private static func copy(_ source: String, to path: String, planned: PlannedFile) -> Diagnostic? {
        switch FileCopy.copy(from: source, to: path) {
        case .success: nil
        case .failure(.reading(let code)): WritePlan.failure(planned, code: code, reading: true)
        case .failure(.writing(let code)): WritePlan.failure(planned, code: code, reading: false)
        }
    }

    /// One error for each cause (a term's pages all fail alike), and not thousands when the disk is full.
    static func shown(_ failures: [Diagnostic]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for failure in failures where !diagnostics.contains(where: { $0.file == failure.file }) {
            diagnostics.append(failure)
        }
        if diagnostics.count > Self.failuresShown {
            let more = diagnostics.count - Self.failuresShown
            diagnostics.removeLast(more)
            diagnostics.append(.error(nil, "\(more) more files could not be written", hint: "fix the errors above first"))
        }
        return diagnostics
    }

    /// Creates the folder `path` sits in, and the folders above it up to `root`, as needed.
    /// Another core may be creating the same folder: one that already exists is fine.
    static func makeParent(of path: String, below root: String) -> Bool {
        guard let slash = path.lastIndex(of: "/") else { return true }
        let folder = String(path[..<slash])
        if folder.count < root.count || mkdir(folder, 0o755) == 0 || errno == EEXIST { return true }
        guard errno == ENOENT, makeParent(of: folder, below: root) else { return false }
        return mkdir(folder, 0o755) == 0 || errno == EEXIST
    }

    /// POSIX `open`/`write`: measured about a third faster than `Data.write` for thousands of small files.
    static func writeFile(_ path: String, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var offset = 0
        while offset < bytes.count {
            let written = posixWrite(fd, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                return false
            }
            offset += written
        }
        return true
    }
}
