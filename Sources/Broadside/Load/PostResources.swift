/// A file a post publishes or links to: one of its attachments, its featured image, or a file
/// beside its `index.md`. Pages, feeds and a link checker read these values; none of them
/// looks at the disk again.
public struct PostResource: Sendable, Equatable, Codable {
    public enum Place: String, Sendable, Equatable, Codable {
        /// Beside the post's `index.md`, published at `/posts/<slug>/<name>`.
        case postFolder
        /// Under the site's `static/`, published there by every build.
        case staticFolder
        /// On another host: nothing is read or published, and the size is unknown.
        case remote
    }

    /// As the front matter wrote it (`report.pdf`, `/files/report.pdf`, `https://…`), or the
    /// file's name for a file beside `index.md` that nothing names.
    public var written: String
    public var place: Place
    /// Relative to the site folder, for messages: `content/posts/report/report.pdf`; nil when remote.
    public var source: String?
    /// Where the bytes are read from, links resolved; nil when remote.
    var real: String?
    /// Relative to the output folder, `/`-separated: `posts/report/report.pdf`; nil when remote.
    public var outputPath: String?
    /// The `http(s)` URL of a remote resource.
    public var remoteURL: String?
    /// In bytes, from the file when it was loaded; nil when remote.
    public var size: Int?
    public var mediaType: String
}

/// `attachments:` item: a file readers download, named in their words.
public struct Attachment: Sendable, Equatable, Codable {
    public var label: String
    public var file: PostResource
}

/// `image:` with its text alternative and credit.
public struct FeaturedImage: Sendable, Equatable, Codable {
    public var file: PostResource
    /// Empty only for an image marked `image_decorative: true`.
    public var alt: String
    public var credit: String?
    /// `image_caption:`, what the image shows in words for every reader, under it.
    public var caption: String? = nil
}

/// Everything a post brings besides its text.
public struct PostResources: Sendable, Equatable, Codable {
    /// Every file beside the post's `index.md` (named in front matter or not), copied with its
    /// page; empty for a post that is a single `.md` file.
    public var files: [PostResource] = []
    public var attachments: [Attachment] = []
    public var image: FeaturedImage?

    public init() {}
}
