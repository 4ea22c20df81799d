import Foundation

/// Text an editor wrote as a post that Broadside would pass over in silence: a post saved as
/// `.markdown`, `.MD` or `.txt`, or written in `content/` beside `content/posts/` (`content/post/`,
/// `content/about.md`). Each is a warning naming the file and where it should be.
enum UnreadFiles {
    /// Extensions an editor may give a post, which are not `.md` (compared without case).
    static let postLike: Set<String> = ["md", "markdown", "mdown", "mkd", "mkdn", "mdwn", "txt", "text"]

    /// A file name that looks like a post's but does not end in `.md`.
    static func isMisnamedPost(_ name: String) -> Bool {
        guard !name.hasSuffix(".md"), let dot = name.lastIndex(of: "."), dot != name.startIndex else { return false }
        return postLike.contains(name[name.index(after: dot)...].lowercased())
    }

    /// Warnings for the misnamed files of `content/posts/` (`misnamed`, relative to it) that are
    /// not beside a post folder's `index.md`, where other files are the post's own.
    static func misnamed(_ misnamed: [String], posts: [String]) -> [Diagnostic] {
        let postFolders = Set(posts.compactMap { PostFolder.folder(ofPostAt: $0) })
        return misnamed.compactMap { path in
            let file = "\(ContentLoader.postsFolder)/\(path)"
            let folder = (file as NSString).deletingLastPathComponent
            guard !postFolders.contains(folder) else { return nil }
            return .warning(file, "this file is not read: a post's file name must end in .md",
                hint: "rename it to \(mdName((path as NSString).lastPathComponent))")
        }
    }

    /// Warnings for Markdown files in `content/` outside `content/posts/`.
    static func outsidePosts(in folder: SiteFolder) -> [Diagnostic] {
        let content = "content"
        guard case .success(.folder(let real)) = folder.look(at: content, within: folder.bounds),
              let names = try? FileManager.default.contentsOfDirectory(atPath: real) else { return [] }
        var found: [Diagnostic] = []
        for name in names.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) where !["posts", "pages", "series"].contains(name) && !name.hasPrefix(".") {
            let relative = "\(content)/\(name)"
            let (files, _) = folder.files(in: relative, within: folder.bounds, skip: { $0.hasPrefix(".") },
                keep: { $0.hasSuffix(".md") || isMisnamedPost($0) }, checkReadable: false)
            // A file is listed by itself; a folder by its files.
            let paths = files.map { $0.path.isEmpty ? relative : "\(relative)/\($0.path)" }
            guard let first = paths.first else {
                if name.hasSuffix(".md") || isMisnamedPost(name) { found.append(outside(relative, files: [relative])) }
                continue
            }
            found.append(outside(first, files: paths))
        }
        return found
    }

    /// `b.markdown` → `b.md`, `d.md.txt` → `d.md`.
    private static func mdName(_ name: String) -> String {
        if name.hasSuffix(".md") { return name }
        let stem = (name as NSString).deletingPathExtension
        return stem.hasSuffix(".md") ? stem : stem + ".md"
    }

    private static func outside(_ file: String, files: [String]) -> Diagnostic {
        let name = (file as NSString).lastPathComponent
        let more = files.count > 1 ? " (and \(files.count - 1) more file\(files.count == 2 ? "" : "s") beside it)" : ""
        let target = mdName(name)
        guard files.count == 1 else {
            return .warning(file, "this file is not read\(more): Broadside reads posts from \(ContentLoader.postsFolder)/ and pages from \(ContentLoader.pagesFolder)/ only",
                hint: "move the posts into \(ContentLoader.postsFolder)/, and pages such as About us into \(ContentLoader.pagesFolder)/")
        }
        // Most often a page (About us, Donate): as a post it would be mailed to every subscriber.
        return .warning(file, "this file is not read: Broadside reads posts from \(ContentLoader.postsFolder)/ and pages from \(ContentLoader.pagesFolder)/",
            hint: "a page such as About us goes in \(ContentLoader.pagesFolder)/\(target) (at /\(target.dropLast(3))/, in no list or feed); "
                + "news goes in \(ContentLoader.postsFolder)/\(target), and to every subscriber's feed and email")
    }
}
