import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The site folder as a build may read it: links are followed only while they stay inside it,
/// only plain files and folders are read, and anything that cannot be read is an error, never
/// taken for missing. A link such as `static/x.txt → /etc/shadow` would otherwise publish the file.
struct SiteFolder {
    /// The site folder as given, for messages relative to it.
    let root: String
    /// Where the site folder really is, links resolved.
    let realRoot: String

    init(_ source: URL) {
        root = source.path
        realRoot = Self.realPath(root) ?? root
    }

    /// A file found below a folder: where it is for messages and output, and where to read it.
    struct File: Equatable {
        /// Relative to the folder that was listed.
        var path: String
        /// Links resolved; read from here, so a link changed during the build is not followed again.
        var real: String
    }

    /// Real paths a link may lead into, and how to name them in a message.
    struct Bounds {
        var realPaths: [String]
        var name: String

        func contain(_ real: String) -> Bool {
            realPaths.contains { real == $0 || real.hasPrefix($0.hasSuffix("/") ? $0 : $0 + "/") }
        }
    }

    var bounds: Bounds { Bounds(realPaths: [realRoot], name: "the site folder") }

    /// The theme folder may itself be a link (to a shared checkout of themes): what its
    /// templates and static files link to is judged against where the theme really is.
    func themeBounds(_ themeFolder: String) -> Bounds {
        guard let real = Self.realPath(root + "/" + themeFolder), !bounds.contain(real) else { return bounds }
        return Bounds(realPaths: [realRoot, real], name: "the site folder and \(themeFolder)")
    }

    enum Lookup: Equatable {
        case missing
        case file(real: String)
        case folder(real: String)
    }

    /// What `relative` (below the site folder) is, links followed within `bounds`.
    func look(at relative: String, within bounds: Bounds) -> Result<Lookup, Diagnostic> {
        let path = root + "/" + relative
        var status = stat()
        guard lstat(path, &status) == 0 else {
            if errno == ENOENT { return .success(.missing) }
            return .failure(.error(relative, "this cannot be read (\(Self.reason(errno)))", hint: Self.permissionHint))
        }
        guard let real = Self.realPath(path) else {
            return .failure(Self.brokenLink(relative, errno))
        }
        guard bounds.contain(real) else {
            return .failure(Self.outside(relative, real, bounds))
        }
        guard stat(real, &status) == 0 else {
            return .failure(.error(relative, "this cannot be read (\(Self.reason(errno)))", hint: Self.permissionHint))
        }
        switch status.st_mode & S_IFMT {
        case S_IFDIR: return .success(.folder(real: real))
        case S_IFREG: return .success(.file(real: real))
        default: return .failure(Self.notAFile(relative))
        }
    }

    /// The bytes of a file below the site folder; nil when there is no such file.
    func read(_ relative: String, limit: TextLimit) -> Result<Data?, Diagnostic> {
        switch look(at: relative, within: bounds) {
        case .failure(let diagnostic): return .failure(diagnostic)
        case .success(.missing): return .success(nil)
        case .success(.folder):
            return .failure(.error(relative, "this is a folder, not a file", hint: "remove or rename the folder"))
        case .success(.file(let real)):
            return FileBytes.read(real, limit: limit.bytes).map { Optional($0) }
                .mapError { $0.diagnostic(relative, limit) { Self.unreadableFile(relative, $0) } }
        }
    }

    /// Every file below the folder `relative` whose name `keep` accepts, sorted by the bytes of their
    /// paths (never the file system's order). `skip` sees each name first: skipped files and folders
    /// are never looked at. Links are checked whatever their name, since one may lead to a folder.
    /// `checkReadable`: open each file once to report one that cannot be read now; a caller that
    /// reads every file right away (posts, on every core) says why itself and skips the extra open.
    func files(
        in relative: String, within bounds: Bounds, skip: (String) -> Bool, keep: (String) -> Bool = { _ in true },
        checkReadable: Bool = true
    ) -> (files: [File], diagnostics: [Diagnostic]) {
        var found: [File] = []
        var diagnostics: [Diagnostic] = []
        switch look(at: relative, within: bounds) {
        case .failure(let diagnostic): return ([], [diagnostic])
        case .success(.missing): return ([], [])
        case .success(.file):
            return ([], [.error(relative, "this is a file, not a folder", hint: "make \(relative) a folder, or remove the file")])
        case .success(.folder(let real)):
            walk(real: real, shown: relative, below: "", ancestors: [real], bounds: bounds, skip: skip, keep: keep,
                checkReadable: checkReadable, found: &found, diagnostics: &diagnostics)
        }
        found.sort { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
        diagnostics.sort { ($0.file ?? "").utf8.lexicographicallyPrecedes(($1.file ?? "").utf8) }
        return (found, diagnostics)
    }

    private func walk(
        real folder: String, shown: String, below prefix: String, ancestors: Set<String>, bounds: Bounds,
        skip: (String) -> Bool, keep: (String) -> Bool, checkReadable: Bool, found: inout [File], diagnostics: inout [Diagnostic]
    ) {
        guard let names = Self.entries(of: folder) else {
            diagnostics.append(.error(shown, "this folder cannot be read (\(Self.reason(errno)))", hint: Self.permissionHint))
            return
        }
        let clashing = Self.clashingNames(names.filter { !skip($0) })
        for group in clashing.groups {
            diagnostics.append(Self.namesClash(group.map { shown + "/" + $0 }))
        }
        for name in names where !skip(name) && !clashing.names.contains(name) {
            let path = folder + "/" + name
            let relative = prefix + name
            let display = shown + "/" + name
            var status = stat()
            guard lstat(path, &status) == 0 else {
                diagnostics.append(.error(display, "this cannot be read (\(Self.reason(errno)))", hint: Self.permissionHint))
                continue
            }
            var real = path
            if status.st_mode & S_IFMT == S_IFLNK {
                guard let target = Self.realPath(path) else {
                    diagnostics.append(Self.brokenLink(display, errno))
                    continue
                }
                guard bounds.contain(target) else {
                    diagnostics.append(Self.outside(display, target, bounds))
                    continue
                }
                guard stat(target, &status) == 0 else {
                    diagnostics.append(.error(display, "this cannot be read (\(Self.reason(errno)))", hint: Self.permissionHint))
                    continue
                }
                real = target
            }
            switch status.st_mode & S_IFMT {
            case S_IFDIR:
                guard !ancestors.contains(real) else {
                    diagnostics.append(.error(display, "this link leads back to a folder that holds it, so following it would never end",
                        hint: "remove the link"))
                    continue
                }
                walk(real: real, shown: display, below: relative + "/", ancestors: ancestors.union([real]), bounds: bounds,
                    skip: skip, keep: keep, checkReadable: checkReadable, found: &found, diagnostics: &diagnostics)
            case _ where !keep(name):
                continue
            case S_IFREG:
                if checkReadable, let code = Self.openError(real) {
                    diagnostics.append(Self.unreadableFile(display, code))
                    continue
                }
                found.append(File(path: relative, real: real))
            default:
                diagnostics.append(Self.notAFile(display))
            }
        }
    }

    /// Names that differ in their bytes but not as text: `café` with é as one character (NFC, as
    /// Windows and Linux write it) and as e and an accent (NFD, as macOS wrote it), `Å` as U+212B
    /// and U+00C5, or two names whose bytes are not UTF-8. Swift compares them as equal, so one
    /// would be published with the other's name; browsers and hosts differ on which one a link
    /// finds. Each group is in byte order, and `names` holds every name of every group.
    static func clashingNames(_ names: [String]) -> (groups: [[String]], names: Set<String>) {
        // ASCII names are equal only when their bytes are: most folders end here.
        guard names.contains(where: { !$0.utf8.allSatisfy { $0 < 0x80 } }) else { return ([], []) }
        var byText: [String: [String]] = [:]
        for name in names { byText[name, default: []].append(name) }
        let groups = byText.values.filter { $0.count > 1 }
            .map { $0.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) } }
            .sorted { $0[0].utf8.lexicographicallyPrecedes($1[0].utf8) }
        return (groups, Set(groups.joined()))
    }

    static func namesClash(_ shown: [String]) -> Diagnostic {
        .error(shown[0], "this name and \(shown.dropFirst().joined(separator: " and ")) are the same text written with different bytes (an accented letter made of one character or of a letter and an accent, or bytes that are not UTF-8), so they would be published as one file",
            hint: "rename one of them, or remove the copy you do not need; none of them is published until then")
    }

    /// The names in `folder`, or nil with `errno` set.
    static func entries(of folder: String) -> [String]? {
        guard let directory = opendir(folder) else { return nil }
        defer { closedir(directory) }
        return entries(in: directory)
    }

    /// The names in an open folder (`opendir`, `fdopendir`), but `.` and `..`.
    static func entries(in directory: OpaquePointer) -> [String] {
        var links: [String] = []
        return entries(in: directory, mayBeLinks: &links)
    }

    /// The same; those that may be symbolic links added to `mayBeLinks` (the folder says so, or
    /// does not say what they are).
    static func entries(in directory: OpaquePointer, mayBeLinks: inout [String]) -> [String] {
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { bytes in
                String(decoding: bytes.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            guard name != "." && name != ".." else { continue }
            names.append(name)
            if entry.pointee.d_type == UInt8(DT_LNK) || entry.pointee.d_type == UInt8(DT_UNKNOWN) { mayBeLinks.append(name) }
        }
        return names
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// Whether the file can be opened for reading now, so a file the build cannot read is
    /// reported while loading, with every other error, instead of halfway through writing.
    static func openError(_ real: String) -> Int32? {
        let descriptor = open(real, O_RDONLY | O_NONBLOCK)
        guard descriptor >= 0 else { return errno }
        close(descriptor)
        return nil
    }

    static let permissionHint = "check its permissions: the user running broadside must be able to read it"

    /// The reason in fixed English words, whatever the machine's locale.
    static func reason(_ code: Int32) -> String {
        switch code {
        case EACCES, EPERM: "permission denied"
        case ELOOP: "links lead in a circle"
        case ENOENT: "it does not exist"
        case ENOTDIR: "a part of its path is not a folder"
        case EIO: "input/output error"
        default: "error \(code)"
        }
    }

    static func unreadableFile(_ shown: String, _ code: Int32) -> Diagnostic {
        .error(shown, "this file cannot be read (\(reason(code)))", hint: permissionHint)
    }

    static func brokenLink(_ shown: String, _ code: Int32) -> Diagnostic {
        .error(shown, "this link leads nowhere (\(reason(code)))", hint: "point the link at a file inside the site folder, or remove it")
    }

    static func outside(_ shown: String, _ target: String, _ bounds: Bounds) -> Diagnostic {
        .error(shown, "this link leads outside \(bounds.name), to \(Excerpt.short(target)), and is not followed",
            hint: "copy what it points to into the site folder instead of linking to it, or remove the link")
    }

    static func notAFile(_ shown: String) -> Diagnostic {
        .error(shown, "this is not a regular file or folder (a pipe, socket or device), so it is not read",
            hint: "remove it, or replace it with a regular file")
    }
}
