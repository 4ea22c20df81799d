import Foundation

/// One file of the site that is an image, and what pages ask of it.
struct ImageJob: Sendable, Equatable {
    /// Where the bytes are read from, links resolved.
    var real: String
    /// Relative to the site folder, for messages.
    var source: String
    /// Where the file itself is published, relative to the output folder.
    var outputPath: String
    /// Shown on a page (featured or in a post's text): sizes for `srcset`.
    var sizes = false
    /// A featured image: a copy for share cards.
    var share = false
    /// The organisation's logo: square PNG copies for the browser's tab and a phone's home screen.
    var icons = false
    /// The first post that shows it, and the line, for messages: "the featured image of …".
    var usedBy: String?
}

/// Finds every image the site publishes: files beside posts, the site's and the theme's
/// `static/`; and what each is used for.
enum ImageJobs {
    static func collect(site: Site, assets: [String: ThemeFile]) -> [ImageJob] {
        var jobs: [String: ImageJob] = [:]
        // By index, field by field: a post taken whole is copied, every field of it retained.
        for index in site.posts.indices {
            for file in site.posts[index].resources.files {
                guard let path = file.outputPath, let real = file.real, let source = file.source, isImage(name: path, real: real) else { continue }
                jobs[path] = ImageJob(real: real, source: source, outputPath: path)
            }
        }
        for (path, file) in assets {
            guard case .disk(let real) = file.source, isImage(name: path, real: real) else { continue }
            jobs[path] = ImageJob(real: real, source: file.shown, outputPath: path)
        }
        // No image to publish: no post shows one (a broken one is the link check's).
        guard !jobs.isEmpty else { return [] }
        for post in site.posts {
            if let image = post.resources.image, let path = image.file.outputPath, jobs[path] != nil {
                jobs[path]!.sizes = true
                jobs[path]!.share = true
                if jobs[path]!.usedBy == nil { jobs[path]!.usedBy = "the featured image of \(post.source)" }
            }
            for image in post.images {
                guard let path = LinkTargets.sitePath(of: image.url, from: post.folder), jobs[path] != nil else { continue }
                jobs[path]!.sizes = true
                if jobs[path]!.usedBy == nil { jobs[path]!.usedBy = "shown in \(post.source)" }
            }
        }
        if let path = site.config.logo?.path, jobs[path] != nil {
            jobs[path]!.icons = true
            if jobs[path]!.usedBy == nil { jobs[path]!.usedBy = "logo in site.yml" }
        }
        // The card of pages without an image of their own gets a share-card copy too.
        if let path = site.config.shareImage?.path, jobs[path] != nil {
            jobs[path]!.share = true
            if jobs[path]!.usedBy == nil { jobs[path]!.usedBy = "share_image in site.yml" }
        }
        return jobs.values.sorted { $0.outputPath < $1.outputPath }
    }

    /// An image by its name, or by its first bytes (a photo saved without its extension).
    static func isImage(name: String, real: String) -> Bool {
        if ImageFormat.of(extension: name) != nil || ImageFormat.isRefused(extension: name) { return true }
        guard let format = ImageFormat.sniff(head(of: real)) else { return false }
        return format != .svg
    }

    private static func head(of path: String) -> [UInt8] {
        guard let handle = FileHandle(forReadingAtPath: path) else { return [] }
        defer { try? handle.close() }
        return Array((try? handle.read(upToCount: 64)) ?? Data())
    }
}
