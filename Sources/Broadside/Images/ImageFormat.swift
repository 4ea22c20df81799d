/// What a file's first bytes say it is. Images are known by their bytes, not their names: a
/// photo saved without an extension is still stripped, and a `.jpg` that holds a web page is
/// refused instead of being handed to an image library.
public enum ImageFormat: String, Sendable, Equatable {
    case jpeg, png, webp, gif, tiff, heif, avif, svg

    /// Extensions of files Broadside treats as images, whatever their bytes turn out to be.
    static let extensions: [String: ImageFormat] = [
        "jpg": .jpeg, "jpeg": .jpeg, "jpe": .jpeg, "png": .png, "webp": .webp, "gif": .gif, "tif": .tiff, "tiff": .tiff,
        "heic": .heif, "heif": .heif, "avif": .avif, "svg": .svg,
    ]
    /// Image formats browsers and mail clients do not show, or that Broadside cannot strip.
    static let refusedExtensions = ["bmp", "jxl", "jp2", "psd", "dng", "cr2", "nef", "arw", "raw"]

    /// The loader libvips must report for a file of this format, so that a file is never
    /// decoded by a loader other than the one its bytes asked for.
    var loaderPrefix: String {
        switch self {
        case .jpeg: "jpegload"
        case .png: "pngload"
        case .webp: "webpload"
        case .gif: "gifload"
        case .tiff: "tiffload"
        case .heif, .avif: "heifload"
        case .svg: "svgload"
        }
    }

    /// The format the pixels are published in beside WebP: what every mail client shows.
    var fallback: ImageFormat {
        switch self {
        case .png: .png
        case .webp: .webp
        default: .jpeg
        }
    }

    /// Whether the file may be published at its own address: browsers show it.
    var isWebFormat: Bool { [.jpeg, .png, .webp, .gif, .svg].contains(self) }

    var fileExtension: String {
        switch self {
        case .jpeg: "jpg"
        case .heif: "heic"
        default: rawValue
        }
    }

    var mediaType: String {
        switch self {
        case .svg: "image/svg+xml"
        default: "image/\(rawValue)"
        }
    }

    static func of(extension name: String) -> ImageFormat? {
        guard let dot = name.lastIndex(of: ".") else { return nil }
        return extensions[name[name.index(after: dot)...].lowercased()]
    }

    static func isRefused(extension name: String) -> Bool {
        guard let dot = name.lastIndex(of: ".") else { return false }
        return refusedExtensions.contains(name[name.index(after: dot)...].lowercased())
    }

    /// The format `bytes` start with; nil when they are no image Broadside reads.
    static func sniff<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> ImageFormat? {
        let head = Array(bytes.prefix(64))
        func starts(_ prefix: [UInt8], at offset: Int = 0) -> Bool {
            head.count >= offset + prefix.count && Array(head[offset..<offset + prefix.count]) == prefix
        }
        if starts([0xFF, 0xD8, 0xFF]) { return .jpeg }
        if starts([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .png }
        if starts(Array("GIF87a".utf8)) || starts(Array("GIF89a".utf8)) { return .gif }
        if starts(Array("RIFF".utf8)) && starts(Array("WEBP".utf8), at: 8) { return .webp }
        if starts([0x49, 0x49, 0x2A, 0x00]) || starts([0x4D, 0x4D, 0x00, 0x2A]) { return .tiff }
        if starts(Array("ftyp".utf8), at: 4), head.count >= 12 {
            let brand = String(decoding: head[8..<12], as: UTF8.self)
            if ["avif", "avis"].contains(brand) { return .avif }
            if ["heic", "heix", "heim", "heis", "hevc", "hevx", "mif1", "msf1"].contains(brand) { return .heif }
        }
        if SVGCheck.looksLikeSVG(bytes) { return .svg }
        return nil
    }

    /// The width and height a PNG or GIF header claims, read before any library sees the file,
    /// so a decompression bomb is refused by its size even when the rest of it is broken.
    static func claimedSize(_ bytes: [UInt8], format: ImageFormat) -> (width: Int, height: Int)? {
        func big(_ at: Int) -> Int { bytes[at ..< at + 4].reduce(0) { $0 << 8 | Int($1) } }
        switch format {
        case .png where bytes.count >= 24: return (big(16), big(20))
        case .gif where bytes.count >= 10: return (Int(bytes[6]) | Int(bytes[7]) << 8, Int(bytes[8]) | Int(bytes[9]) << 8)
        default: return nil
        }
    }

    /// What a file that is no image holds, in an editor's words, for the error.
    static func describeNonImage<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> String {
        let head = String(decoding: bytes.prefix(512), as: UTF8.self).lowercased()
        let trimmed = head.drop { $0.isWhitespace || $0 == "\u{FEFF}" }
        if trimmed.hasPrefix("%pdf") { return "a PDF document" }
        if trimmed.hasPrefix("<!doctype html") || trimmed.hasPrefix("<html") || head.contains("<body") || head.contains("<head") {
            return "an HTML page"
        }
        if trimmed.hasPrefix("pk\u{3}\u{4}") { return "a ZIP archive (perhaps a Word or OpenOffice document)" }
        if bytes.isEmpty { return "nothing (the file is empty)" }
        return "no image Broadside can read"
    }
}
