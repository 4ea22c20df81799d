/// Text as the contents of a JSON string (RFC 8259), for JSON Feed and JSON-LD.
///
/// `<`, `>`, `&`, `"` and `'` are written `\u003c`, `\u003e`, `\u0026`, `\u0022`, `\u0027`: JSON-LD
/// sits in a `<script>` block, which a `</script>` in a title would otherwise close, and HTML
/// escaping there would show readers `&amp;`; no quote of the page's text is left raw, so a
/// quote followed by a combining mark is never next to markup anywhere in a page. U+2028 and
/// U+2029 are escaped for the scripts that read JSON as JavaScript. Like every escaper of the
/// site, direction controls are balanced first.
enum JSONText {
    static func escaped(_ text: String) -> String {
        var text = Escaping.balancingDirection(text)
        return text.withUTF8 { bytes in
            // Most text needs nothing: itself, not a copy.
            guard let first = bytes.firstIndex(where: { escapes[Int($0)] != nil || $0 == 0xE2 }) else { return nil }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + bytes.count / 8 + 16)
            out.append(contentsOf: bytes[..<first])
            append(UnsafeBufferPointer(rebasing: bytes[first...]), to: &out)
            return String(decoding: out, as: UTF8.self)
        } ?? text
    }

    /// `bytes` escaped, appended to `out`, copied in runs between the bytes that need escaping.
    /// The caller balances direction controls first, over the whole text.
    static func append(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        var index = 0
        var run = 0
        while index < bytes.count {
            let byte = bytes[index]
            if let escape = escapes[Int(byte)] {
                out.append(contentsOf: bytes[run..<index])
                out.append(contentsOf: escape)
                index += 1
                run = index
            } else if byte == 0xE2, index + 2 < bytes.count, bytes[index + 1] == 0x80, bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9 {
                // U+2028 and U+2029, E2 80 A8 and E2 80 A9 in UTF-8.
                out.append(contentsOf: bytes[run..<index])
                out.append(contentsOf: bytes[index + 2] == 0xA8 ? lineSeparator : paragraphSeparator)
                index += 3
                run = index
            } else {
                index += 1
            }
        }
        out.append(contentsOf: bytes[run...])
    }

    /// A whole JSON string, quotes included.
    static func string(_ text: String) -> String { "\"" + escaped(text) + "\"" }

    /// Each byte's escape, nil for a byte written as it is.
    private static let escapes: [[UInt8]?] = (0..<256).map { value -> [UInt8]? in
        switch value {
        case 0x0A: Array("\\n".utf8)
        case 0x0D: Array("\\r".utf8)
        case 0x09: Array("\\t".utf8)
        case 0x5C: Array("\\\\".utf8)
        case 0..<0x20, 0x22, 0x26, 0x27, 0x3C, 0x3E: unicodeEscape(UInt32(value))
        default: nil
        }
    }
    private static let lineSeparator = unicodeEscape(0x2028)
    private static let paragraphSeparator = unicodeEscape(0x2029)

    private static func unicodeEscape(_ value: UInt32) -> [UInt8] {
        let digits = Array("0123456789abcdef".utf8)
        return [0x5C, UInt8(ascii: "u")] + [12, 8, 4, 0].map { digits[Int((value >> UInt32($0)) & 0xF)] }
    }
}
