import Foundation

/// Everything read from the site folder's `content/posts/`.
public struct LoadedContent: Sendable {
    /// Posts to build, in source path order.
    public var posts: [Post]
    public var diagnostics: [Diagnostic]
}

/// Finds `content/posts/**/*.md`, reads each file once and parses it on every core.
struct ContentLoader {
    var source: URL
    var parser: PostParser

    static let postsFolder = "content/posts"

    func load() -> LoadedContent {
        let folder = source.appendingPathComponent(Self.postsFolder)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            return LoadedContent(posts: [], diagnostics: [
                .error(Self.postsFolder, "there is no \(Self.postsFolder)/ folder in \(source.path)",
                    hint: "run broadside in your site's folder, pass --source, or create \(Self.postsFolder)/ with Markdown files")
            ])
        }
        let files = Self.markdownFiles(in: folder)
        let results = parallelMap(files) { relative -> (Post?, [Diagnostic]) in
            let file = "\(Self.postsFolder)/\(relative)"
            guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(relative).path) else {
                return (nil, [.error(file, "the file cannot be read", hint: "check its permissions")])
            }
            guard let text = String(validatingUTF8: data) else {
                return (nil, [.error(file, "the file is not UTF-8 text", hint: "save it as UTF-8 in your editor")])
            }
            let stem = (relative as NSString).lastPathComponent.replacingOccurrences(of: ".md", with: "", options: .anchored.union(.backwards))
            return parser.parse(text, file: file, fileStem: stem)
        }
        var diagnostics = results.flatMap(\.1)
        let posts = results.compactMap(\.0)
        if files.isEmpty {
            diagnostics.append(.warning(Self.postsFolder, "there are no Markdown posts yet",
                hint: "add a file such as \(Self.postsFolder)/first-post.md"))
        }
        return LoadedContent(posts: posts, diagnostics: diagnostics)
    }

    /// Relative paths of `.md` files below `folder`, sorted by their bytes (not by the file system's order);
    /// hidden files and folders are skipped.
    static func markdownFiles(in folder: URL) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: folder.path) else { return [] }
        var files: [String] = []
        while let path = enumerator.nextObject() as? String {
            let name = (path as NSString).lastPathComponent
            if name.hasPrefix(".") {
                enumerator.skipDescendants()
                continue
            }
            if name.hasSuffix(".md") { files.append(path) }
        }
        return files.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }
}

extension String {
    /// Strict UTF-8 decoding: nil for bytes that are not UTF-8 instead of replacement characters.
    init?(validatingUTF8 data: Data) {
        guard let text = data.withUnsafeBytes({ String(validating: $0, as: UTF8.self) }) else { return nil }
        self = text
    }
}
