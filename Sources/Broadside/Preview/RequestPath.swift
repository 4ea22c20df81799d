/// A request's path as the preview reads it: from the raw request target, as the client sent
/// it, percent-decoded once into UTF-8 segments.
///
/// Every check runs on the decoded segments, so no encoding can hide a dot segment: a server
/// that removes `..` and then decodes (FlyingFox 0.27.1's `DirectoryHTTPHandler`) serves
/// `/..%2f..%2fetc/hostname`. Whatever could name something other than a file below the
/// output folder is refused, not repaired: a browser never sends it for a link the site has.
public struct RequestPath: Sendable, Equatable {
    /// Decoded segments, without the empty one a trailing slash leaves.
    public var segments: [String]
    /// The path ended with `/`: a folder is asked for.
    public var isFolder: Bool
    /// The path as sent, still percent-encoded: safe to send back in a `Location` header,
    /// since only the characters allowed below are in it.
    public var raw: String

    /// Longer targets are refused with 414 before anything is decoded.
    public static let maximumLength = 8 * 1024

    public static func parse(target: String) -> Result<RequestPath, PreviewStatus> {
        let bytes = Array(target.utf8)
        guard bytes.count <= maximumLength else { return .failure(.uriTooLong) }
        // Origin form only (`/a/b?q`); a proxy's absolute form or `*` is not for a preview.
        guard bytes.first == UInt8(ascii: "/") else { return .failure(.badRequest) }
        let pathBytes = bytes.prefix { $0 != UInt8(ascii: "?") }
        // Not a URL at all (RFC 3986 allows only ASCII, a browser encodes the rest): 400.
        guard !pathBytes.contains(where: { $0 >= 0x80 || $0 <= 0x20 || $0 == 0x7F }) else { return .failure(.badRequest) }
        guard pathBytes.allSatisfy(isAllowedRaw) else { return .failure(.notFound) }

        var rawSegments = pathBytes.dropFirst().split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false)
        let isFolder = rawSegments.last?.isEmpty ?? true
        if isFolder { rawSegments.removeLast() }
        var segments: [String] = []
        for raw in rawSegments {
            guard let segment = decode(raw) else { return .failure(.notFound) }
            segments.append(segment)
        }
        return .success(RequestPath(segments: segments, isFolder: isFolder, raw: String(decoding: pathBytes, as: UTF8.self)))
    }

    /// One segment, decoded once: `%252e` is the three characters `%2e`, which name no file
    /// Broadside writes, so double encoding leads nowhere. Refused is only what could name
    /// something other than a file below the folder: an empty segment (`//`), `.` and `..`,
    /// a slash however written, NUL (it ends a C path), a bad escape and bytes that are not
    /// UTF-8. A backslash, a line break or another control character is an ordinary byte of
    /// a Linux file name, and the build publishes such names, so `%5C` and `%0A` find them.
    static func decode(_ raw: ArraySlice<UInt8>) -> String? {
        guard !raw.isEmpty, let bytes = PercentDecoding.bytes(raw),
              !bytes.contains(where: { $0 == 0 || $0 == UInt8(ascii: "/") })
        else { return nil }
        guard let text = String(validating: bytes, as: UTF8.self) else { return nil }
        guard text != ".", text != ".." else { return nil }
        return text
    }

    /// RFC 3986's `pchar` and `/`: unreserved, sub-delims, `:`, `@` and `%` escapes. A raw
    /// backslash, space, quote, `#`, control byte or non-ASCII byte is never in a good URL.
    private static func isAllowedRaw(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            true
        default:
            Array("-._~!$&'()*+,;=:@%/".utf8).contains(byte)
        }
    }
}
