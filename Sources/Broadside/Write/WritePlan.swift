import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One file the build will write, and what it is made from, so that a file that cannot be
/// written is reported at its cause: the post, the term or the static file.
struct PlannedFile: Sendable {
    enum Origin: Sendable, Equatable {
        /// `source` is the post's file, `content/posts/a.md`.
        case post(source: String)
        /// `source` is the newest post that has the term.
        case term(TaxonomyKind, name: String, source: String)
        /// Relative to the site folder: `static/CNAME`, `themes/default/static/css/site.css`.
        case staticFile(String)
        /// Home pages, term indexes, the feed: made from the whole site.
        case site
        /// A file beside a post folder's `index.md`: `post` is the post's file, `resource` this one.
        case postResource(post: String, resource: String)
        /// The redirect page of an old address (`aliases:`): `source` is the post's file, where
        /// the alias is written at `line`, `column`.
        case alias(source: String, address: String, line: Int?, column: Int?)
    }

    var path: String
    var origin: Origin

    var file: String? {
        switch origin {
        case .post(let source), .term(_, _, let source), .staticFile(let source), .postResource(let source, _),
            .alias(let source, _, _, _): source
        case .site: nil
        }
    }

    /// Where in `file` the cause is written, for an alias.
    var line: Int? { if case .alias(_, _, let line, _) = origin { line } else { nil } }
    var column: Int? { if case .alias(_, _, _, let column) = origin { column } else { nil } }
}

/// Problems with the list of files found before anything is written, so that every one of
/// them is reported, in the plan's order, instead of whichever a core happened to hit first.
enum WritePlan {
    static func problems(in plan: [PlannedFile], output: String) -> [Diagnostic] {
        let nameMax = longestName(near: output)
        // Files are written into the staging folder, whose path is a little longer than the output's.
        let root = Leftovers.path(.staging, of: output, pid: Int32.max)
        // Each path's first file, keyed by the path as a slice: a folder of another path is then
        // looked up with no string made for it (made and hashed as strings, the folders of 20,000
        // files took 40 ms of an edit's rebuild).
        var firstAt: [Substring: Int] = [:]
        firstAt.reserveCapacity(plan.count)
        // Backwards, so that the first of a path's files is the one kept, each path hashed once.
        for index in plan.indices.reversed() { firstAt[Substring(plan[index].path)] = index }
        var diagnostics: [Diagnostic] = []
        var tooLongOrigins: [PlannedFile.Origin] = []
        func report(_ diagnostic: Diagnostic) {
            if !diagnostics.contains(diagnostic) { diagnostics.append(diagnostic) }
        }
        // By number: a planned file taken whole is copied, its path and origin retained.
        for index in plan.indices {
            let folders = folders(of: plan[index].path)
            if folders.longestName > nameMax || root.utf8.count + 1 + plan[index].path.utf8.count >= Int(PATH_MAX) {
                // Once for a post or term, not for each of its page's feeds.
                if !tooLongOrigins.contains(plan[index].origin) { report(tooLong(plan[index], nameMax: nameMax)) }
                tooLongOrigins.append(plan[index].origin)
            }
            for folder in folders.paths {
                guard let blocker = firstAt[folder] else { continue }
                report(clash(file: plan[blocker], folder: String(folder), page: plan[index]))
            }
        }
        return diagnostics
    }

    /// The folders `path` is in (`a`, `a/b` for `a/b/c`), and the length in bytes of its longest
    /// name. Empty names are left out (`a//b/c` is in `a` and `a/b`), though no planned path has them.
    static func folders(of path: String) -> (paths: [Substring], longestName: Int) {
        let bytes = path.utf8
        let slash = UInt8(ascii: "/")
        var paths: [Substring] = []
        var longest = 0
        var nameStart = bytes.startIndex
        var noEmptyName = true
        for index in bytes.indices where bytes[index] == slash {
            let length = bytes.distance(from: nameStart, to: index)
            longest = max(longest, length)
            if length == 0 { noEmptyName = false } else if noEmptyName { paths.append(Substring(bytes[..<index])) }
            nameStart = bytes.index(after: index)
        }
        let last = bytes.distance(from: nameStart, to: bytes.endIndex)
        longest = max(longest, last)
        guard noEmptyName, last > 0 else {
            let names = bytes.split(separator: slash).map { String(Substring($0)) }
            return (names.indices.dropLast().map { Substring(names[...$0].joined(separator: "/")) }, longest)
        }
        return (paths, longest)
    }

    /// A file that could not be written or read, reported at its cause.
    static func failure(_ file: PlannedFile, code: Int32, reading: Bool) -> Diagnostic {
        let reason: String
        switch code {
        case ENAMETOOLONG: reason = "a name in its path is too long for the file system"
        case EACCES, EPERM: reason = "permission denied"
        case ENOSPC, EDQUOT: reason = "the disk is full"
        default: reason = String(cString: strerror(code)).lowercased()
        }
        if reading, case .postResource(_, let resource) = file.origin {
            return .error(resource, "this file of the post cannot be read: \(reason)",
                hint: code == EACCES ? "make it readable (chmod a+r), or remove it" : "check the file, or remove it")
        }
        if reading {
            return .error(file.file, "this static file cannot be read: \(reason)",
                hint: code == EACCES ? "make it readable (chmod a+r), or remove it" : "check the file, or remove it")
        }
        let hint = code == ENAMETOOLONG ? shorten(file.origin, limit: "the file system's limit")
            : "check that the folder around the output can be written to and has room"
        return .error(file.file, line: file.line, column: file.column, "\(what(file)) cannot be written to \(file.path): \(reason)", hint: hint)
    }

    private static func tooLong(_ file: PlannedFile, nameMax: Int) -> Diagnostic {
        .error(file.file, line: file.line, column: file.column, "\(what(file)) cannot be written: its path \(file.path) has a name longer than the file system allows (\(nameMax) bytes)",
            hint: shorten(file.origin, limit: "\(nameMax) bytes"))
    }

    private static func clash(file blocker: PlannedFile, folder: String, page: PlannedFile) -> Diagnostic {
        // An alias is reported at its own line, whichever side of the clash it is on: it is the
        // editor's line to change, and the other file is the site's own.
        if case .alias = blocker.origin {
            return .error(blocker.file, line: blocker.line, column: blocker.column,
                "\(what(blocker)) would be written to /\(folder), where the folder /\(folder)/ of \(what(page)) must go",
                hint: "remove or change this alias")
        }
        if case .alias = page.origin {
            return .error(page.file, line: page.line, column: page.column,
                "\(what(page)) needs a folder /\(folder)/, where \(what(blocker)) is published as /\(folder)",
                hint: "remove or change this alias")
        }
        if case .staticFile = blocker.origin {
            return .error(blocker.file, "this static file is written to /\(folder), where the folder /\(folder)/ of \(what(page)) must go",
                hint: "rename or move the file")
        }
        return .error(page.file, "\(what(page)) needs a folder /\(folder)/, where \(what(blocker)) /\(folder) is written",
            hint: "rename or move the file")
    }

    private static func what(_ file: PlannedFile) -> String {
        switch file.origin {
        case .post: "the post's page"
        case .term(let kind, let name, _): "the page of the \(kind.singular) \"\(name)\""
        case .staticFile(let source): "the static file \(source)"
        case .site: file.path.hasSuffix(".html") ? "the page" : "the site's file"
        case .postResource(_, let resource): "the post's file \(resource)"
        case .alias(_, let address, _, _): "the redirect page of the alias \(address)"
        }
    }

    private static func shorten(_ origin: PlannedFile.Origin, limit: String) -> String {
        switch origin {
        case .post: "give the post a shorter slug: in its front matter, or a shorter file name (at most \(limit))"
        case .term(let kind, _, _): "give the \(kind.singular) a shorter name (its slug may be at most \(limit))"
        case .staticFile: "give the file a shorter name, or put it in a folder nearer static/"
        case .site: "write the site to a folder with a shorter path (--output)"
        case .postResource: "give the file a shorter name, or the post a shorter slug:"
        case .alias: "shorten the alias, or remove it"
        }
    }

    /// The longest file name the file system under the output takes, asked of its nearest existing folder.
    private static func longestName(near output: String) -> Int {
        var folder = output
        while true {
            let limit = pathconf(folder, Int32(_PC_NAME_MAX))
            if limit > 0 { return limit }
            let parent = (folder as NSString).deletingLastPathComponent
            if parent == folder || parent.isEmpty { return Int(NAME_MAX) }
            folder = parent
        }
    }
}
