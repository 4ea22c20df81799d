/// Reads the structure of a file Broadside is about to publish and names any part of it that
/// is metadata rather than picture. The encoders are asked to write none; this is the proof,
/// made on every file, fresh or from the cache, so nothing is published on trust.
enum MetadataScan {
    /// nil when `bytes` hold only the picture; else what was found ("an EXIF block").
    static func metadata(in bytes: [UInt8], format: ImageFormat) -> String? {
        switch format {
        case .jpeg: jpeg(bytes)
        case .png: png(bytes)
        case .webp: webp(bytes)
        case .gif: gif(bytes)
        default: "a format Broadside does not publish (\(format.rawValue))"
        }
    }

    private static func jpeg(_ bytes: [UInt8]) -> String? {
        guard bytes.count > 4, bytes[0] == 0xFF, bytes[1] == 0xD8 else { return "no JPEG structure" }
        var offset = 2
        while offset + 4 <= bytes.count {
            guard bytes[offset] == 0xFF else { return "no JPEG structure" }
            let marker = bytes[offset + 1]
            if marker == 0xD8 || marker == 0x01 || (0xD0...0xD7).contains(marker) || marker == 0xFF {
                offset += marker == 0xFF ? 1 : 2
                continue
            }
            // The image data starts: no metadata segment can follow before it ends.
            if marker == 0xDA || marker == 0xD9 { return nil }
            let length = Int(bytes[offset + 2]) << 8 | Int(bytes[offset + 3])
            let body = bytes[min(bytes.count, offset + 4)..<min(bytes.count, offset + 2 + length)]
            switch marker {
            case 0xE0:
                if !body.starts(with: Array("JFIF\0".utf8)) { return "an APP0 block that is not JFIF" }
            case 0xE2:
                if !body.starts(with: Array("ICC_PROFILE\0".utf8)) { return "an APP2 block that is not a colour profile" }
            case 0xEE:
                break  // Adobe's colour transform flag, part of decoding.
            case 0xE1: return body.starts(with: Array("Exif".utf8)) ? "an EXIF block" : "an XMP or other APP1 block"
            case 0xED: return "an IPTC block"
            case 0xFE: return "a comment"
            case 0xE3...0xEF: return "an APP\(marker - 0xE0) block"
            default: break
            }
            offset += 2 + length
        }
        return "no JPEG image data"
    }

    private static let pictureChunks: Set<String> = [
        "IHDR", "PLTE", "IDAT", "IEND", "tRNS", "gAMA", "cHRM", "sRGB", "iCCP", "bKGD", "pHYs", "sBIT", "acTL", "fcTL", "fdAT",
    ]

    private static func png(_ bytes: [UInt8]) -> String? {
        var offset = 8
        while offset + 8 <= bytes.count {
            let length = Int(bytes[offset]) << 24 | Int(bytes[offset + 1]) << 16 | Int(bytes[offset + 2]) << 8 | Int(bytes[offset + 3])
            let type = String(decoding: bytes[offset + 4..<offset + 8], as: UTF8.self)
            if !pictureChunks.contains(type) { return "a PNG \(type) chunk" }
            if type == "IEND" { return nil }
            offset += 12 + length
        }
        return "no PNG end"
    }

    private static let webpChunks: Set<String> = ["VP8 ", "VP8L", "VP8X", "ALPH", "ANIM", "ANMF"]

    private static func webp(_ bytes: [UInt8]) -> String? {
        var offset = 12
        guard bytes.count >= 20 else { return "no WebP structure" }
        while offset + 8 <= bytes.count {
            let type = String(decoding: bytes[offset..<offset + 4], as: UTF8.self)
            if !webpChunks.contains(type) { return "an \(type.trimmed) chunk" }
            let size = Int(bytes[offset + 4]) | Int(bytes[offset + 5]) << 8 | Int(bytes[offset + 6]) << 16 | Int(bytes[offset + 7]) << 24
            offset += 8 + size + (size & 1)
        }
        // A VP8X header announces EXIF (bit 3) and XMP (bit 2) chunks in its first byte.
        guard String(decoding: bytes[12..<16], as: UTF8.self) == "VP8X" else { return nil }
        guard bytes.count > 20 else { return "no WebP structure" }
        return bytes[20] & 0x0C != 0 ? "a WebP header that announces metadata" : nil
    }

    private static func gif(_ bytes: [UInt8]) -> String? {
        GIFStrip.strip(bytes)?.bytes == bytes ? nil : "a comment or application block"
    }
}
