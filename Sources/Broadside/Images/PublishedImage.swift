/// One file the image stage made, at its place in the site.
public struct ImageFile: Sendable, Equatable {
    /// Relative to the output folder: `posts/vigil/crowd-960.3f9a1c2b7d.webp`.
    public var path: String
    public var width: Int
    public var height: Int
    public var format: ImageFormat
    /// Where its bytes are: a file of the cache, or the source itself (an SVG).
    var contents: String
}

/// An image of the site as it is published: stripped at its own address, and, when a page shows
/// it, in sizes for phones and screens, each named by its content.
public struct PublishedImage: Sendable, Equatable {
    /// Relative to the site folder, for messages: `content/posts/vigil/crowd.jpg`.
    public var source: String
    public var format: ImageFormat
    /// The file at the image's own address; nil when browsers cannot show its format (HEIC, TIFF),
    /// which is published only in the sizes below.
    public var own: ImageFile?
    /// WebP, then the same sizes in a format every mail client shows, narrowest first.
    public var webp: [ImageFile] = []
    public var fallback: [ImageFile] = []
    /// 1200 pixels wide (or the photo's own width), for share cards.
    public var share: ImageFile?
    /// A logo's icons, 32 and 180 pixels wide, narrowest first (`RasterSizes.iconWidths`).
    public var icons: [ImageFile] = []
    /// The source carried a GPS position (removed).
    public var hadGPS = false
    /// Width and height as readers see them, orientation applied: the largest size published.
    public var width: Int
    public var height: Int
    /// The source's own size, orientation applied.
    public var sourceWidth: Int
    public var sourceHeight: Int

    /// Every file this image puts in the site.
    var files: [ImageFile] { [own].compactMap { $0 } + webp + fallback + [share].compactMap { $0 } + icons }

    /// The fallback size nearest `width` from above (else the widest).
    func fallback(near width: Int) -> ImageFile? {
        fallback.first { $0.width >= width } ?? fallback.last ?? own
    }
}

