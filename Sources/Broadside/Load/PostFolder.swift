import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A post may be a folder, `content/posts/<slug>/index.md`, with the files it publishes beside it.
enum PostFolder {
    static let indexFile = "index.md"

    /// The name a post's slug comes from: its folder's for `report/index.md`, else the file's own
    /// without `.md`. `path` is relative to `content/posts`.
    static func stem(ofPostAt path: String) -> String {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        if parts.count > 1, parts.last == Substring(indexFile) { return String(parts[parts.count - 2]) }
        let name = String(parts.last ?? "")
        return name.hasSuffix(".md") ? String(name.dropLast(3)) : name
    }

    /// The site-relative folder of a post that is a folder (`content/posts/report`); nil for a post
    /// that is a single file. `path` is relative to `content/posts`.
    static func folder(ofPostAt path: String, in root: String = ContentLoader.postsFolder) -> String? {
        guard path.hasSuffix("/" + indexFile) else { return nil }
        return root + "/" + path.dropLast(indexFile.count + 1)
    }

    /// A page's path below `content/pages`, as its address has it: `about` for `about.md` and
    /// `about/index.md`.
    static func pagePath(ofPageAt path: String) -> String {
        if path.hasSuffix("/" + indexFile) { return String(path.dropLast(indexFile.count + 1)) }
        return path.hasSuffix(".md") ? String(path.dropLast(3)) : path
    }

    /// `content/posts/index.md` has no folder to name its post: it would be the post `index`.
    static func problem(withPostAt path: String) -> Diagnostic? {
        guard path == indexFile else { return nil }
        return .error("\(ContentLoader.postsFolder)/\(indexFile)",
            "an index.md directly in \(ContentLoader.postsFolder)/ belongs to no post folder",
            hint: "move it into a folder named after the post, \(ContentLoader.postsFolder)/<slug>/index.md, or give it a name of its own such as \(ContentLoader.postsFolder)/welcome.md")
    }

    /// Whether a file beside `index.md` is left unpublished: other posts, hidden files and
    /// editors' leftovers.
    static func isNotAResource(_ name: String) -> Bool {
        name.hasSuffix(".md") || name.hasPrefix(".") || StaticFiles.isLeftover(name)
    }
}

/// Finds the files a post names (`attachments:`, `image:`) and the files beside its `index.md`,
/// through `SiteFolder`, so a link that leads outside the site is refused and never read.
struct ResourceFinder {
    var site: SiteFolder
    /// `content/posts/report` for a post that is a folder; nil for one that is a single file.
    var postFolder: String?

    /// Why a written name is not a resource, for an error at the value.
    struct Problem: Error, Equatable {
        var message: String
        var hint: String
        /// A problem `SiteFolder` already reported at the file itself.
        var reported = false
    }

    /// Every file beside `index.md`, published in the post's folder (`/posts/<slug>/<name>`). Subfolders are not
    /// looked into: they may hold posts of their own.
    func folderFiles(publishedIn folder: String) -> (files: [PostResource], diagnostics: [Diagnostic]) {
        guard let postFolder else { return ([], []) }
        let base = site.root + "/" + postFolder + "/"
        let (found, diagnostics) = site.files(in: postFolder, within: site.bounds, skip: { name in
            PostFolder.isNotAResource(name) || Self.isFolder(base + name)
        })
        let files = found.map { file in
            PostResource(
                written: file.path, place: .postFolder, source: "\(postFolder)/\(file.path)", real: file.real,
                outputPath: folder + file.path, remoteURL: nil, size: Self.size(file.real),
                mediaType: AttachmentType.of(fileName: file.path).mediaType)
        }
        return (files, diagnostics)
    }

    /// The resource `written` names: a URL on another host, `/path` under `static/`, or a name beside
    /// `index.md` (found among `besides`, the folder's files, so each is read once).
    func find(_ written: String, besides: [PostResource], reported: [Diagnostic]) -> Result<PostResource, Problem> {
        let text = written.trimmed
        if URLPolicy.scheme(of: text) != nil || text.hasPrefix("//") {
            return remote(text)
        }
        if text.hasPrefix("/") { return staticFile(text) }
        guard let postFolder else {
            return .failure(Problem(message: "\(text) would be a file beside the post, but the post is a single file, not a folder",
                hint: "make the post a folder, \(ContentLoader.postsFolder)/<slug>/index.md, with \(text) beside index.md; or put the file in static/ and write /\(text)"))
        }
        guard !text.contains("/"), !text.isEmpty, !PostFolder.isNotAResource(text) else {
            return .failure(Problem(message: "\(text) is not a file Broadside publishes beside the post",
                hint: "name a file that sits directly beside index.md (not in a subfolder, not hidden, not .md), or write a path under static/ that starts with /"))
        }
        if let file = besides.first(where: { $0.written == text }) { return .success(file) }
        let source = "\(postFolder)/\(text)"
        return .failure(Problem(message: "there is no file \(source)",
            hint: "put \(text) beside index.md, or correct the name (letter case counts)",
            reported: reported.contains { $0.file == source }))
    }

    private func remote(_ url: String) -> Result<PostResource, Problem> {
        if let problem = URLPolicy.problem(with: url) {
            return .failure(Problem(message: "\(Excerpt.short(url)) cannot be published: \(problem)",
                hint: "use an https:// URL, a file beside index.md, or a path under static/ that starts with /"))
        }
        let scheme = URLPolicy.scheme(of: url) ?? ""
        guard scheme == "http" || scheme == "https" else {
            return .failure(Problem(message: "\(Excerpt.short(url)) is a \(scheme): link, not a file",
                hint: "use an https:// URL, a file beside index.md, or a path under static/ that starts with /"))
        }
        // The type is read from the URL's path: a query or fragment names no file.
        let path = String(url.prefix { $0 != "?" && $0 != "#" })
        return .success(PostResource(
            written: url, place: .remote, source: nil, real: nil, outputPath: nil, remoteURL: url, size: nil,
            mediaType: AttachmentType.of(fileName: path).mediaType))
    }

    /// `/files/report.pdf` is `static/files/report.pdf`, published at that same path.
    private func staticFile(_ written: String) -> Result<PostResource, Problem> {
        let parts = written.dropFirst().split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard !parts.isEmpty, !parts.contains(where: { $0.isEmpty || $0 == "." || $0 == ".." || StaticFiles.isLeftover($0) }) else {
            return .failure(Problem(message: "\(Excerpt.short(written)) is not a path of a file under static/",
                hint: "write the file's path below static/ with a / in front, such as /files/report.pdf for static/files/report.pdf"))
        }
        let relative = parts.joined(separator: "/")
        let source = "static/\(relative)"
        switch site.look(at: source, within: site.bounds) {
        case .failure(let diagnostic):
            return .failure(Problem(message: "\(source): \(diagnostic.message)", hint: diagnostic.hint ?? ""))
        case .success(.missing):
            return .failure(Problem(message: "there is no file \(source)",
                hint: "a path that starts with / is looked for in static/: put the file at \(source), or correct the path (letter case counts)"))
        case .success(.folder):
            return .failure(Problem(message: "\(source) is a folder, not a file", hint: "name a file inside it"))
        case .success(.file(let real)):
            return .success(PostResource(
                written: written, place: .staticFolder, source: source, real: real, outputPath: relative, remoteURL: nil,
                size: Self.size(real), mediaType: AttachmentType.of(fileName: relative).mediaType))
        }
    }

    private static func isFolder(_ path: String) -> Bool {
        var status = stat()
        return stat(path, &status) == 0 && status.st_mode & S_IFMT == S_IFDIR
    }

    private static func size(_ real: String) -> Int {
        var status = stat()
        return stat(real, &status) == 0 ? Int(status.st_size) : 0
    }
}
