import Yams

/// `images:` in site.yml: the widths served to phones and screens, and the encoders' quality.
/// Removing metadata is not a setting: a photo's GPS position can put the people in it in danger.
public struct ImageSettings: Sendable, Equatable {
    /// Ascending, each from 16 to 4096 pixels.
    public var widths = [480, 960, 1600]
    /// JPEG and WebP quality, 1 to 100.
    public var quality = 80
    /// The share card's width (Open Graph's recommended 1200 px).
    public var shareWidth = 1200
    /// Larger images are refused (decompression bombs); above `warnPixels` the editor is told.
    public var maxPixels = 100_000_000
    public var warnPixels = 20_000_000
    /// Larger files are refused before they are read: a source is held whole while libvips
    /// decodes it, on every core. A 100-megapixel JPEG (`maxPixels`) is about 50 MB; a PNG of
    /// as many pixels can be larger, and is then refused here first, with the same advice.
    static let maxFileBytes = 200_000_000

    public init() {}

    static let keys = ["widths", "quality"]
    static let widthRange = 16...4096

    /// The largest width served; the file at the image's own address is this wide at most.
    var largest: Int { widths.last ?? 1600 }

    /// What decides the bytes of every derived file, for the cache key: changing a width or the
    /// quality makes new files under new names.
    var fingerprint: String { "widths=\(widths.map(String.init).joined(separator: ",")) quality=\(quality) share=\(shareWidth)" }

    mutating func apply(_ node: Node, file: String, diagnostics: inout [Diagnostic]) {
        guard let mapping = node.mapping else {
            diagnostics.append(.error(file, line: node.line, column: node.column, "`images` must be a list of settings",
                hint: "for example:\nimages:\n  widths: [480, 960, 1600]\n  quality: 80"))
            return
        }
        for (keyNode, value) in mapping {
            let key = keyNode.text ?? ""
            func fail(_ message: String, _ hint: String) {
                diagnostics.append(.error(file, line: value.line, column: value.column, message, hint: hint))
            }
            switch key {
            case "widths":
                let numbers = (value.sequence.map(Array.init) ?? [value]).map { $0.text.flatMap(Int.init) }
                let found = numbers.compactMap { $0 }
                guard found.count == numbers.count, (1...6).contains(found.count), found.allSatisfy(Self.widthRange.contains) else {
                    fail("`images.widths` must be one to six widths in pixels, each from \(Self.widthRange.lowerBound) to \(Self.widthRange.upperBound)",
                        "widths: [480, 960, 1600]")
                    continue
                }
                widths = Array(Set(found)).sorted()
            case "quality":
                if let n = value.text.flatMap(Int.init), (1...100).contains(n) { quality = n } else {
                    fail("`images.quality` must be a whole number from 1 to 100", "quality: 80")
                }
            case "strip", "keep_metadata", "metadata":
                diagnostics.append(.error(file, line: keyNode.line, column: keyNode.column,
                    "removing photos' metadata cannot be switched off",
                    hint: "Broadside always removes GPS positions, camera details and dates from published images; delete this line"))
            default:
                diagnostics.append(.warning(file, line: keyNode.line, column: keyNode.column, "unknown setting `images.\(key)` is ignored",
                    hint: KeySuggestions.hint("the image settings are \(Self.keys.joined(separator: ", "))", near: key, in: Self.keys)))
            }
        }
    }
}
