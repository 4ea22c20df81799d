import Foundation

/// The images of the site, made once per content and settings: every published image re-encoded
/// from its pixels with no metadata, orientation baked in, in sRGB; sizes for pages that show it.
/// Nothing of an image is published byte for byte but an SVG that was checked.
public struct ImageSet: Sendable {
    /// By the path the source is published at (`posts/vigil/crowd.jpg`).
    public var images: [String: PublishedImage] = [:]
    /// Images made in this build, and images taken from the cache.
    public var processed = 0
    public var fromCache = 0
    /// The cache entries this build used, so the rest can be removed.
    var keys: Set<String> = []

    public init() {}

    /// The files published for the file at `path`: the image's own and its sizes when it is an
    /// image (none when it failed), else `original` as it is.
    func files(publishedAt path: String, else original: OutputFile) -> [OutputFile] {
        guard let image = images[path] else { return failed.contains(path) ? [] : [original] }
        return image.files.map { file in
            // An SVG is its source, which must never be linked (an edit would change the site).
            OutputFile(path: file.path, contents: file.format == .svg ? .copy(URL(fileURLWithPath: file.contents)) : .link(URL(fileURLWithPath: file.contents)))
        }
    }

    /// Paths of images that could not be published: their errors stop the build.
    var failed: Set<String> = []

    /// The image a post's text or front matter names, resolved as a link is.
    func image(for url: String, from folder: String) -> PublishedImage? {
        LinkTargets.sitePath(of: url, from: folder).flatMap { images[$0] }
    }
}

enum ImageStage {
    /// What one job gave: the image, or what is wrong with it; and the cache key it used.
    private enum Outcome: Sendable {
        case made(PublishedImage, key: String?, cached: Bool, source: FileDigests.Known? = nil)
        case failed(Diagnostic)
    }

    /// `store: false` (for `broadside check`) reads the cache but writes nothing: every image is
    /// still decoded and checked, and what is made is let go.
    static func run(_ jobs: [ImageJob], settings: ImageSettings, cache: ImageCache, store: Bool = true) -> (ImageSet, [Diagnostic]) {
        var set = ImageSet()
        guard !jobs.isEmpty else { return (set, []) }
        if let problem = ImageCodec.startProblem {
            return (set, [.error(nil, problem, hint: "install libvips (on Debian: apt-get install libvips42)")])
        }
        var diagnostics: [Diagnostic] = []
        let digests = FileDigests(site: cache.site, FileDigests.imageSources)
        let outcomes = parallelMap(jobs) { process($0, settings: settings, cache: cache, store: store, digests: digests) }
        var sources: [FileDigests.Known] = []
        for (job, outcome) in zip(jobs, outcomes) {
            switch outcome {
            case .made(let image, let key, let cached, let source):
                set.images[job.outputPath] = image
                if let key { set.keys.insert(key) }
                if let source { sources.append(source) }
                if image.format != .svg { cached ? (set.fromCache += 1) : (set.processed += 1) }
                if image.sourceWidth * image.sourceHeight > settings.warnPixels, image.format != .svg, image.format != .gif {
                    diagnostics.append(.warning(job.source,
                        "this photo is \(image.sourceWidth) × \(image.sourceHeight) pixels, far more than the \(settings.largest) pixels wide any reader is sent",
                        hint: "it is published smaller; to save space and upload time, export it at 2000 to 3000 pixels wide"))
                }
            case .failed(let diagnostic):
                set.failed.insert(job.outputPath)
                diagnostics.append(diagnostic)
            }
        }
        if store { digests.save(sources) }
        return (set, diagnostics)
    }

    private static func process(
        _ job: ImageJob, settings: ImageSettings, cache: ImageCache, store: Bool, digests: FileDigests
    ) -> Outcome {
        let used = job.usedBy.map { " (\($0))" } ?? ""
        func fail(_ message: String, _ hint: String) -> Outcome { .failed(.error(job.source, message, hint: hint + used)) }
        if ImageFormat.isRefused(extension: job.outputPath) {
            return fail("Broadside does not publish this kind of image", "save it as JPEG, PNG or WebP")
        }
        func key(_ sourceDigest: String) -> String {
            ImageCodec.sha256(Array("\(ImageCache.version) \(sourceDigest) \(settings.fingerprint) sizes=\(job.sizes) share=\(job.share)\(job.icons ? " icons" : "")".utf8))
        }
        // Unchanged since the last build, and made then: the source is not even read.
        let stamp = FileDigests.Stamp(of: job.real)
        if let stamp, let digest = digests.digest(of: job.real, stamp: stamp) {
            let remembered = key(digest)
            if let entry = cache.entry(remembered) {
                return .made(published(job, entry: entry, key: remembered, cache: cache, shareWidth: settings.shareWidth), key: remembered,
                    cached: true, source: FileDigests.Known(path: job.real, stamp: stamp, digest: digest))
            }
        }
        let bytes: [UInt8]
        switch read(job.real) {
        case .success(let data): bytes = data
        case .failure(let failure) where failure.size != nil:
            let limit = ImageSettings.maxFileBytes
            return fail("this image is \(FileBytes.words(failure.size!, above: limit)); Broadside opens images of at most \(FileBytes.words(limit))",
                "export it smaller (at most 8000 pixels on its longest side, as JPEG) before adding it")
        case .failure(let failure):
            let reason = failure.reason
            return fail("this image cannot be read: \(reason)", reason == "permission denied" ? "make it readable (chmod a+r), or remove it" : "check the file, or remove it")
        }
        guard let format = ImageFormat.sniff(bytes) else {
            let named = (job.outputPath.split(separator: ".").last).map { ".\($0)" } ?? "an image"
            let what = ImageFormat.describeNonImage(bytes)
            return fail("this file is named \(named) but holds \(what), not an image",
                "replace it with the image itself, or give it the extension of what it is")
        }
        if format == .svg { return svg(job, bytes: bytes, fail: fail) }
        let sourceDigest = ImageCodec.sha256(bytes)
        let key = key(sourceDigest)
        let known = stamp.map { FileDigests.Known(path: job.real, stamp: $0, digest: sourceDigest) }
        if let entry = cache.entry(key) {
            return .made(published(job, entry: entry, key: key, cache: cache, shareWidth: settings.shareWidth), key: key, cached: true,
                source: known)
        }
        func tooLarge(_ width: Int, _ height: Int) -> Outcome? {
            // The sides first: a header may claim 4,294,967,295 × 4,294,967,295, whose product overflows.
            guard width > 65_000 || height > 65_000 || width * height > settings.maxPixels else { return nil }
            return fail("this image is \(width) × \(height) pixels, more than Broadside opens (\(settings.maxPixels / 1_000_000) megapixels)",
                "resize it to at most 8000 pixels on its longest side before adding it")
        }
        if let claimed = ImageFormat.claimedSize(bytes, format: format), let refused = tooLarge(claimed.width, claimed.height) { return refused }
        guard let header = ImageCodec.header(bytes), header.loader.hasPrefix(format.loaderPrefix) else {
            return fail(ImageProblem.damaged.message, ImageProblem.damaged.hint)
        }
        if let refused = tooLarge(header.width, header.height) { return refused }
        let made: Result<(ImageCache.Entry, [String: [UInt8]]), ImageProblem> = switch format {
        case .gif: gif(bytes)
        case .webp where header.pages > 1: animatedWebP(bytes, header: header)
        default: RasterSizes(job: job, format: format, header: header, settings: settings).make(bytes)
        }
        switch made {
        case .failure(let problem):
            return fail(problem.message, problem.hint)
        case .success(let (entry, files)):
            guard store else { return .made(published(job, entry: entry, key: key, cache: cache, shareWidth: settings.shareWidth), key: nil, cached: false) }
            guard cache.store(key, entry: entry, files: files) else {
                let hint = CacheFolder.link(holding: cache.root).map {
                    "\($0) is a link, which Broadside does not write through (it could lead out of the site): delete the link; the folder is made again"
                } ?? "make the site's folder writable, or free some disk space"
                return fail("the image cache \(ImageCache.folderName)/ cannot be written", hint)
            }
            return .made(published(job, entry: entry, key: key, cache: cache, shareWidth: settings.shareWidth), key: key, cached: false,
                source: known)
        }
    }

    /// An SVG is published as it is, once it is known to hold no script and load nothing.
    private static func svg(_ job: ImageJob, bytes: [UInt8], fail: (String, String) -> Outcome) -> Outcome {
        if let problem = SVGCheck.problem(in: String(decoding: bytes, as: UTF8.self)) {
            return fail("this SVG \(problem)", "export it again from the drawing program as plain SVG, without scripts, links or embedded files, or publish a PNG instead")
        }
        let file = ImageFile(path: job.outputPath, width: 0, height: 0, format: .svg, contents: job.real)
        return .made(PublishedImage(source: job.source, format: .svg, own: file, width: 0, height: 0, sourceWidth: 0, sourceHeight: 0),
            key: nil, cached: false)
    }

    /// A GIF keeps its frames and timing; only blocks that are not picture go.
    private static func gif(_ bytes: [UInt8]) -> Result<(ImageCache.Entry, [String: [UInt8]]), ImageProblem> {
        guard let stripped = GIFStrip.strip(bytes) else { return .failure(.damaged) }
        return .success(asItIs(stripped.bytes, format: .gif, width: stripped.width, height: stripped.height, hadGPS: false))
    }

    /// An animated WebP, like a GIF, keeps its frames (libvips would keep only the first in a
    /// size): its EXIF and XMP chunks go, the rest is published as it is.
    private static func animatedWebP(_ bytes: [UInt8], header: ImageCodec.Header) -> Result<(ImageCache.Entry, [String: [UInt8]]), ImageProblem> {
        guard let stripped = WebPStrip.strip(bytes) else { return .failure(.damaged) }
        if let found = MetadataScan.metadata(in: stripped, format: .webp) { return .failure(.unstrippable(found)) }
        return .success(asItIs(stripped, format: .webp, width: header.width, height: header.height, hadGPS: header.hasGPS))
    }

    private static func asItIs(_ bytes: [UInt8], format: ImageFormat, width: Int, height: Int, hadGPS: Bool)
        -> (ImageCache.Entry, [String: [UInt8]])
    {
        let name = "own.\(format.fileExtension)"
        let item = ImageCache.Item(name: name, width: width, height: height, format: format, size: bytes.count,
            digest: ImageCodec.sha256(bytes))
        let entry = ImageCache.Entry(format: format, width: width, height: height, sourceWidth: width, sourceHeight: height,
            hadGPS: hadGPS, items: [item])
        return (entry, [name: bytes])
    }

    /// The site's files for a cache entry: the own file at the source's address, the sizes beside it.
    private static func published(_ job: ImageJob, entry: ImageCache.Entry, key: String, cache: ImageCache, shareWidth: Int) -> PublishedImage {
        let slash = job.outputPath.lastIndex(of: "/").map { job.outputPath.index(after: $0) } ?? job.outputPath.startIndex
        let folder = job.outputPath[..<slash]
        let name = job.outputPath[slash...]
        let stem = name.lastIndex(of: ".").map { name[..<$0] } ?? name
        var image = PublishedImage(source: job.source, format: entry.format, width: entry.width, height: entry.height,
            sourceWidth: entry.sourceWidth, sourceHeight: entry.sourceHeight)
        image.hadGPS = entry.hadGPS
        for item in entry.items {
            let contents = cache.folder(key) + "/" + item.name
            func file(_ path: String) -> ImageFile {
                ImageFile(path: path, width: item.width, height: item.height, format: item.format, contents: contents)
            }
            let sized = "\(folder)\(stem)-\(item.width).\(key.prefix(10)).\(item.format.fileExtension)"
            if item.name.hasPrefix("own.") {
                image.own = file(job.outputPath)
            } else if item.name.hasPrefix("share.") {
                image.share = file(sized)
            } else if item.name.hasPrefix("icon-") {
                image.icons.append(file("\(folder)\(stem)-icon-\(item.width).\(key.prefix(10)).png"))
            } else if item.format == .webp {
                image.webp.append(file(sized))
            } else {
                image.fallback.append(file(sized))
            }
        }
        // A WebP photo's sizes are its fallback too: every browser that shows WebP.
        if entry.format == .webp { image.fallback = image.webp }
        if job.share, image.share == nil {
            image.share = image.fallback.last { $0.format == .jpeg && $0.width <= shareWidth }
        }
        return image
    }

    struct ReadFailure: Error {
        var reason: String
        /// Set when the file is too large to be read.
        var size: Int? = nil
    }

    /// The source whole (libvips needs it so), in a buffer reserved once at its size; a file
    /// above `ImageSettings.maxFileBytes` is refused before anything is read.
    private static func read(_ path: String) -> Result<[UInt8], ReadFailure> {
        switch FileBytes.array(path, limit: ImageSettings.maxFileBytes) {
        case .success(let bytes): return .success(bytes)
        case .failure(.unreadable(let code)): return .failure(ReadFailure(reason: code == EISDIR ? "it is a folder" : SiteFolder.reason(code)))
        case .failure(.tooLarge(let size)), .failure(.noMemory(let size)):
            return .failure(ReadFailure(reason: "", size: size))
        }
    }
}

struct ImageProblem: Error {
    var message: String
    var hint: String

    static let damaged = ImageProblem(message: "this image cannot be read: it is damaged or cut short",
        hint: "open it in an image viewer and save it again, or replace it")
    static func unstrippable(_ found: String) -> ImageProblem {
        ImageProblem(message: "the published copy of this image would still carry \(found), so it is not published",
            hint: "save the image again as JPEG or PNG from an image editor; report this to Broadside's developers")
    }
}
