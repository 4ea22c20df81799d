/// A GIF published as it is, animation and palette untouched, less what is not a picture:
/// comments, and application blocks other than the looping instruction (XMP, ICC and
/// editors' data). Rewritten block by block: a GIF re-encoded by an image library loses
/// colours and timing.
enum GIFStrip {
    struct Result: Equatable {
        var bytes: [UInt8]
        var width: Int
        var height: Int
        var frames: Int
    }

    /// Application blocks kept: both say how often an animation loops.
    private static let loopBlocks: Set<String> = ["NETSCAPE2.0", "ANIMEXTS1.0"]

    /// nil when the file is not a whole GIF (cut short, or a block that is no GIF block).
    static func strip(_ input: [UInt8]) -> Result? {
        var reader = ByteReader(input)
        guard let header = reader.take(13), ImageFormat.sniff(header) == .gif else { return nil }
        var out = header
        let width = Int(header[6]) | Int(header[7]) << 8
        let height = Int(header[8]) | Int(header[9]) << 8
        if header[10] & 0x80 != 0 {
            guard let table = reader.take(3 << ((Int(header[10]) & 7) + 1)) else { return nil }
            out += table
        }
        var frames = 0
        while let introducer = reader.take(1)?.first {
            switch introducer {
            case 0x21:
                guard let label = reader.take(1)?.first, let blocks = reader.subBlocks() else { return nil }
                if keeps(label: label, blocks: blocks) { out += [0x21, label] + blocks }
            case 0x2C:
                guard let descriptor = reader.take(9) else { return nil }
                out += [0x2C] + descriptor
                if descriptor[8] & 0x80 != 0 {
                    guard let table = reader.take(3 << ((Int(descriptor[8]) & 7) + 1)) else { return nil }
                    out += table
                }
                guard let codeSize = reader.take(1), let data = reader.subBlocks() else { return nil }
                out += codeSize + data
                frames += 1
            case 0x3B:
                out.append(0x3B)
                return frames > 0 && width > 0 && height > 0 ? Result(bytes: out, width: width, height: height, frames: frames) : nil
            default:
                return nil
            }
        }
        return nil
    }

    /// Graphic control (timing, transparency) and plain-text blocks are part of the picture.
    private static func keeps(label: UInt8, blocks: [UInt8]) -> Bool {
        switch label {
        case 0xF9, 0x01: return true
        case 0xFF:
            guard blocks.count >= 12, blocks[0] == 11 else { return false }
            return loopBlocks.contains(String(decoding: blocks[1...11], as: UTF8.self))
        default: return false
        }
    }
}

private struct ByteReader {
    let bytes: [UInt8]
    var offset = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    mutating func take(_ count: Int) -> [UInt8]? {
        guard count >= 0, offset + count <= bytes.count else { return nil }
        defer { offset += count }
        return Array(bytes[offset..<offset + count])
    }

    /// Data sub-blocks up to and with the empty one that ends them.
    mutating func subBlocks() -> [UInt8]? {
        let start = offset
        while true {
            guard offset < bytes.count else { return nil }
            let size = Int(bytes[offset])
            offset += 1 + size
            guard offset <= bytes.count else { return nil }
            if size == 0 { return Array(bytes[start..<offset]) }
        }
    }
}
