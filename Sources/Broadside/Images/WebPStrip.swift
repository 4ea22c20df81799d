/// libvips 8.14's WebP saver writes an EXIF chunk (the resolution) even when told to strip, so
/// every WebP it makes is rewritten without it: only the chunks of the picture are kept, and
/// the extended header no longer announces metadata.
enum WebPStrip {
    /// Chunks of the picture; EXIF, XMP, ICC and anything unknown go.
    private static let kept: Set<String> = ["VP8X", "VP8 ", "VP8L", "ALPH", "ANIM", "ANMF"]

    static func strip(_ bytes: [UInt8]) -> [UInt8]? {
        guard bytes.count >= 20, ImageFormat.sniff(bytes) == .webp else { return nil }
        var chunks: [UInt8] = []
        var offset = 12
        while offset + 8 <= bytes.count {
            let type = String(decoding: bytes[offset..<offset + 4], as: UTF8.self)
            let size = Int(bytes[offset + 4]) | Int(bytes[offset + 5]) << 8 | Int(bytes[offset + 6]) << 16 | Int(bytes[offset + 7]) << 24
            let end = offset + 8 + size + (size & 1)
            guard end <= bytes.count || (size & 1 == 1 && end == bytes.count + 1) else { return nil }
            if kept.contains(type) {
                var chunk = Array(bytes[offset..<min(end, bytes.count)])
                if chunk.count < end - offset { chunk.append(0) }
                // VP8X flags: ICC (0x20), EXIF (0x08) and XMP (0x04) are gone.
                if type == "VP8X", chunk.count > 8 { chunk[8] &= ~UInt8(0x2C) }
                chunks += chunk
            }
            offset = end
        }
        let size = UInt32(4 + chunks.count)
        let header = Array("RIFF".utf8) + [UInt8(size & 0xFF), UInt8(size >> 8 & 0xFF), UInt8(size >> 16 & 0xFF), UInt8(size >> 24)]
            + Array("WEBP".utf8)
        return header + chunks
    }
}
