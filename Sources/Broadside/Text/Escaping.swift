/// The one escaper of every format Broadside writes: HTML text and attributes (through the
/// theme's content type, `MarkupContentType`), and RSS.
///
/// It works on UTF-8 bytes, never on `Character`s: a grapheme cluster such as `"` followed by
/// U+0301 is one `Character` that is not equal to `"`, so an escaper that compares characters
/// lets the quote through and a title can close an attribute. The five bytes it replaces are
/// ASCII and never occur inside a multi-byte UTF-8 sequence, so byte-wise escaping is exact.
enum Escaping {
    /// `& < > " '` as entities; every other byte as it is.
    static func markup(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes in
            guard let first = bytes.firstIndex(where: needsEscape) else { return nil }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + bytes.count / 8 + 16)
            out.append(contentsOf: bytes[..<first])
            for byte in bytes[first...] {
                switch byte {
                case UInt8(ascii: "&"): out.append(contentsOf: amp)
                case UInt8(ascii: "<"): out.append(contentsOf: lt)
                case UInt8(ascii: ">"): out.append(contentsOf: gt)
                case UInt8(ascii: "\""): out.append(contentsOf: quot)
                case UInt8(ascii: "'"): out.append(contentsOf: apos)
                default: out.append(byte)
                }
            }
            return String(decoding: out, as: UTF8.self)
        } ?? text
    }

    private static func needsEscape(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">")
            || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")
    }

    private static let amp = Array("&amp;".utf8)
    private static let lt = Array("&lt;".utf8)
    private static let gt = Array("&gt;".utf8)
    private static let quot = Array("&quot;".utf8)
    private static let apos = Array("&#39;".utf8)

    /// Removes characters XML 1.0 forbids (control characters other than tab and newlines),
    /// which would make a feed reader reject the whole feed.
    static func xmlSafe(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isForbidden) else { return text }
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: text.unicodeScalars.filter { !isForbidden($0) })
        return String(scalars)
    }

    private static func isForbidden(_ s: Unicode.Scalar) -> Bool {
        (s.value < 0x20 && s != "\t" && s != "\n" && s != "\r") || s.value == 0xFFFE || s.value == 0xFFFF
    }
}
