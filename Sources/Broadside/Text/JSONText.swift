/// Text as the contents of a JSON string (RFC 8259), for JSON Feed and JSON-LD.
///
/// `<`, `>`, `&`, `"` and `'` are written `\u003c`, `\u003e`, `\u0026`, `\u0022`, `\u0027`: JSON-LD
/// sits in a `<script>` block, which a `</script>` in a title would otherwise close, and HTML
/// escaping there would show readers `&amp;`; no quote of the page's text is left raw, so a
/// quote followed by a combining mark is never next to markup anywhere in a page. U+2028 and U+2029 are escaped for the scripts that read JSON as
/// JavaScript. Like every escaper of the site, direction controls are balanced first.
enum JSONText {
    static func escaped(_ text: String) -> String {
        var text = Escaping.balancingDirection(text)
        return text.withUTF8 { bytes in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + 16)
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                switch byte {
                case UInt8(ascii: "\\"): out += [0x5C, 0x5C]
                case UInt8(ascii: "\n"): out += [0x5C, UInt8(ascii: "n")]
                case UInt8(ascii: "\r"): out += [0x5C, UInt8(ascii: "r")]
                case UInt8(ascii: "\t"): out += [0x5C, UInt8(ascii: "t")]
                case 0..<0x20, UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "&"), UInt8(ascii: "\""), UInt8(ascii: "'"):
                    out += unicodeEscape(UInt32(byte))
                // U+2028 and U+2029 are E2 80 A8 and E2 80 A9 in UTF-8.
                case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80 && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
                    out += unicodeEscape(bytes[index + 2] == 0xA8 ? 0x2028 : 0x2029)
                    index += 2
                default: out.append(byte)
                }
                index += 1
            }
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// A whole JSON string, quotes included.
    static func string(_ text: String) -> String { "\"" + escaped(text) + "\"" }

    private static func unicodeEscape(_ value: UInt32) -> [UInt8] {
        let digits = Array("0123456789abcdef".utf8)
        return [0x5C, UInt8(ascii: "u")] + [12, 8, 4, 0].map { digits[Int((value >> UInt32($0)) & 0xF)] }
    }
}
