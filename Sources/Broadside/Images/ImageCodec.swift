import CImage
import Foundation

/// libvips through the C target `CImage`: read a header, decode with the orientation baked
/// in and in sRGB, reduce, and encode with no metadata. Every call works on bytes in memory,
/// so a photo is read from disk once.
enum ImageCodec {
    struct Header {
        var width: Int
        var height: Int
        var pages: Int
        var loader: String
        var hasGPS: Bool
    }

    /// A decoded image held by libvips, released when the value goes.
    final class Pixels {
        fileprivate let handle: UnsafeMutableRawPointer
        fileprivate init(_ handle: UnsafeMutableRawPointer) { self.handle = handle }
        deinit { bs_image_release(handle) }
        var width: Int { Int(bs_image_width(handle)) }
        var height: Int { Int(bs_image_height(handle)) }
    }

    /// Whether libvips started; nil when it did, else why not.
    static let startProblem: String? = bs_image_start() == 0 ? nil : "the image library libvips could not start"

    static func header(_ bytes: [UInt8]) -> Header? {
        var info = bs_image_info()
        let status = bytes.withUnsafeBytes { buffer in
            bs_image_probe_buffer(buffer.baseAddress, buffer.count, &info, nil, 0)
        }
        guard status == 0 else { return nil }
        let loader = withUnsafeBytes(of: info.loader) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        return Header(width: Int(info.width), height: Int(info.height), pages: Int(info.pages), loader: loader,
            hasGPS: info.has_gps != 0)
    }

    /// The whole image at `width` pixels wide at most; nil when it cannot be decoded (damaged, cut short).
    /// `jpegShrink`: 1, 2, 4 or 8, for a JPEG at least that many times wider than `width`.
    static func decode(_ bytes: [UInt8], width: Int, jpegShrink: Int = 1) -> Pixels? {
        let handle = bytes.withUnsafeBytes { buffer in
            bs_image_decode_buffer(buffer.baseAddress, buffer.count, Int32(width), Int32(jpegShrink), nil, 0)
        }
        return handle.map(Pixels.init)
    }

    static func resize(_ pixels: Pixels, width: Int) -> Pixels? {
        guard width != pixels.width else { return pixels }
        return bs_image_resize(pixels.handle, Int32(width), nil, 0).map(Pixels.init)
    }

    static func encode(_ pixels: Pixels, as format: ImageFormat, quality: Int) -> [UInt8]? {
        let code: Int32 = switch format {
        case .png: Int32(BS_FORMAT_PNG)
        case .webp: Int32(BS_FORMAT_WEBP)
        default: Int32(BS_FORMAT_JPEG)
        }
        var size = 0
        guard let buffer = bs_image_encode(pixels.handle, code, Int32(quality), &size, nil, 0) else { return nil }
        defer { bs_image_free_buffer(buffer) }
        let bytes = Array(UnsafeRawBufferPointer(start: buffer, count: size))
        return format == .webp ? WebPStrip.strip(bytes) : bytes
    }

    static func sha256<Bytes: ContiguousBytes>(_ bytes: Bytes) -> String {
        var out = [CChar](repeating: 0, count: 65)
        bytes.withUnsafeBytes { buffer in bs_sha256(buffer.baseAddress, buffer.count, &out) }
        return String(decoding: out.prefix(64).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}

/// `ImageCodec.sha256` of bytes given in parts, so that they need not be held together.
final class SHA256Stream {
    private var state: UnsafeMutableRawPointer?

    init() { state = bs_sha256_begin() }

    func update(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { bs_sha256_update(state, $0.baseAddress, $0.count) }
    }

    /// The digits of every part given; the stream takes no more.
    func finish() -> String {
        var out = [CChar](repeating: 0, count: 65)
        bs_sha256_end(state, &out)
        state = nil
        return String(decoding: out.prefix(64).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    deinit {
        guard let state else { return }
        var out = [CChar](repeating: 0, count: 65)
        bs_sha256_end(state, &out)
    }
}
