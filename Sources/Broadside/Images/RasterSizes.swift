/// The files made from one photo: itself at its own address (no wider than the largest width),
/// and, when a page shows it, each width in WebP and in a format every mail client shows, and a
/// share-card copy for a featured image. Decoded once, at the largest width needed; each
/// smaller size is reduced from those pixels.
struct RasterSizes {
    var job: ImageJob
    var format: ImageFormat
    var header: ImageCodec.Header
    var settings: ImageSettings

    /// The widths served for `srcset`: the settings' widths narrower than the photo, and the
    /// photo's own width when it is narrower than the largest. Never wider than the photo.
    var widths: [Int] {
        let widest = min(header.width, settings.largest)
        return settings.widths.filter { $0 < widest } + [widest]
    }

    /// The tab icon's width and the touch icon's (Apple's 180 × 180).
    static let iconWidths = [32, 180]

    func make(_ bytes: [UInt8]) -> Result<(ImageCache.Entry, [String: [UInt8]]), ImageProblem> {
        let largest = min(header.width, settings.largest)
        let shareWidth = min(header.width, settings.shareWidth)
        let decodeWidth = job.share ? max(largest, shareWidth) : largest
        let shrink = format == .jpeg ? [8, 4, 2].first { header.width / $0 >= decodeWidth } ?? 1 : 1
        guard let pixels = ImageCodec.decode(bytes, width: decodeWidth, jpegShrink: shrink) else { return .failure(.damaged) }
        var items: [ImageCache.Item] = []
        var files: [String: [UInt8]] = [:]
        // The own copy is the widest size's pixels in the same format: encoded once, for both.
        var encodings: [String: (bytes: [UInt8], digest: String)] = [:]
        func add(_ name: String, _ source: ImageCodec.Pixels, as format: ImageFormat) -> ImageProblem? {
            let size = "\(source.width) \(format.rawValue)"
            if encodings[size] == nil {
                guard let encoded = ImageCodec.encode(source, as: format, quality: settings.quality) else { return .damaged }
                if let found = MetadataScan.metadata(in: encoded, format: format) { return .unstrippable(found) }
                encodings[size] = (encoded, ImageCodec.sha256(encoded))
            }
            guard let (encoded, digest) = encodings[size] else { return .damaged }
            files[name] = encoded
            items.append(ImageCache.Item(name: name, width: source.width, height: source.height, format: format,
                size: encoded.count, digest: digest))
            return nil
        }
        let sized = { (width: Int) in ImageCodec.resize(pixels, width: width) }
        guard let own = sized(largest) else { return .failure(.damaged) }
        if format.isWebFormat, let problem = add("own.\(format.fileExtension)", own, as: format.fallback) { return .failure(problem) }
        if job.sizes {
            for width in widths {
                guard let size = sized(width) else { return .failure(.damaged) }
                if let problem = add("\(width).webp", size, as: .webp) { return .failure(problem) }
                if format.fallback != .webp, let problem = add("\(width).\(format.fallback.fileExtension)", size, as: format.fallback) {
                    return .failure(problem)
                }
            }
        }
        // A JPEG size of the share card's width is the share card already.
        let shareIsASize = job.sizes && format.fallback == .jpeg && widths.contains(shareWidth)
        if job.share && !shareIsASize {
            guard let share = sized(shareWidth) else { return .failure(.damaged) }
            if let problem = add("share.jpg", share, as: .jpeg) { return .failure(problem) }
        }
        // A logo as the browser's tab icon and a phone's home-screen icon: PNG, never wider than the logo.
        if job.icons {
            for width in Self.iconWidths where width <= header.width {
                guard let icon = sized(width) else { return .failure(.damaged) }
                if let problem = add("icon-\(width).png", icon, as: .png) { return .failure(problem) }
            }
        }
        let entry = ImageCache.Entry(format: format, width: own.width, height: own.height, sourceWidth: header.width,
            sourceHeight: header.height, hadGPS: header.hasGPS, items: items)
        return .success((entry, files))
    }
}
