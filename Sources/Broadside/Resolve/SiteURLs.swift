/// Every URL and output path of the site, in one place, so pages and the writer agree.
/// Pages link with root-relative URLs (`/news/posts/a/`); feeds use absolute ones.
public struct SiteURLs: Sendable, Equatable {
    /// The base URL's path with slashes at both ends: `/` or `/news/`.
    public let rootPath: String
    /// `https://example.org/news/`; `http://localhost/` when the site has no base URL.
    public let absoluteRoot: String
    /// `example.org`, lower-cased: what makes an identifier (a calendar UID) the site's own.
    public let host: String

    public init(baseURL: String?) {
        let base = baseURL ?? "http://localhost/"
        absoluteRoot = base
        // "https://host/news/" → "/news/": the path is what follows the host. By bytes, as a
        // browser reads it: "/\u{301}news/" is a path although its first Character is not "/".
        let bytes = Array(base.utf8)
        let slash = UInt8(ascii: "/")
        let hostStart = (0..<max(0, bytes.count - 2)).first { bytes[$0] == UInt8(ascii: ":") && bytes[$0 + 1] == slash && bytes[$0 + 2] == slash }
            .map { $0 + 3 } ?? 0
        let pathStart = bytes[hostStart...].firstIndex(of: slash)
        host = String(decoding: bytes[hostStart..<(pathStart ?? bytes.endIndex)], as: UTF8.self).lowercased()
        let path = pathStart.map { String(decoding: bytes[$0...], as: UTF8.self) } ?? "/"
        rootPath = path.utf8.last == slash ? path : path + "/"
    }

    public func post(_ slug: String) -> String { rootPath + "posts/" + PercentEncoding.segment(slug) + "/" }

    /// A post's or a page's address.
    public func address(of post: Post) -> String {
        guard let page = post.page else { return self.post(post.slug) }
        return rootPath + page.split(separator: "/").map { PercentEncoding.segment(String($0)) + "/" }.joined()
    }

    /// A file of the site (`posts/a/crowd.jpg`), root-relative, each segment percent-encoded (a
    /// comma would split a `srcset`), so the folder works on any host.
    public func file(_ path: String) -> String {
        rootPath + path.split(separator: "/", omittingEmptySubsequences: false).map { PercentEncoding.segment(String($0)) }
            .joined(separator: "/")
    }

    public var home: String { rootPath }

    public var feed: String { rootPath + "feed.xml" }

    /// Page `page` of a list in `folder` (see `PostList.folder`).
    public func list(_ folder: [String], page: Pagination.Page = .first) -> String {
        rootPath + folder.map { PercentEncoding.segment($0) + "/" }.joined() + Self.pageFolder(page)
    }

    /// A list's feed in `format`: `/categories/detention/atom.xml`.
    func listFeed(_ folder: [String], _ format: OutputFormat = .rss) -> String { list(folder) + format.fileName }

    public func kinds() -> String { rootPath + "kinds/" }

    /// A root-relative URL of this site made absolute.
    public func absolute(_ url: String) -> String {
        guard url.hasPrefix(rootPath) else { return url }
        return absoluteRoot + url.dropFirst(rootPath.count)
    }

    // Output paths, relative to the output folder; slugs stay UTF-8 on disk. A folder ends with
    // `/` (or is empty): a format's file name (`index.html`, `feed.xml`) follows it.
    static func postFolder(_ slug: String) -> String { "posts/\(slug)/" }
    static func postFile(_ slug: String) -> String { postFolder(slug) + "index.html" }
    static let homeFile = "index.html"
    static func taxonomyFolder(_ kind: TaxonomyKind) -> String { "\(kind.rawValue)/" }
    static func taxonomyFile(_ kind: TaxonomyKind) -> String { taxonomyFolder(kind) + "index.html" }
    static let feedFile = "feed.xml"
    static func listFolder(_ folder: [String], page: Pagination.Page) -> String {
        folder.map { $0 + "/" }.joined() + pageFolder(page)
    }
    static func pageFolder(_ page: Pagination.Page) -> String {
        switch page {
        case .first: ""
        case .numbered(let number): "page/\(number)/"
        }
    }
    static let kindsFolder = "kinds/"
    static let kindsFile = kindsFolder + "index.html"
}
