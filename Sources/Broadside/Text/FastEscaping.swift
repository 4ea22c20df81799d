/// `Escaping.markup` and XML's escaping in one pass over the bytes, for the text that is most of
/// what a build escapes (post content in feeds, every value of every page). Text holding a
/// direction control (U+202A…U+202E, U+2066…U+2069) or, for XML, a character XML forbids takes
/// the general path, so the result is always exactly `TextEscaping.escape`'s.
enum FastEscaping {
    /// `text` escaped for HTML (`xml` false) or XML, appended to `out`.
    static func append(_ text: String, xml: Bool, to out: inout [UInt8]) {
        var text = text
        let done = text.withUTF8 { bytes in write(bytes, xml: xml, to: &out) }
        if !done { out.append(contentsOf: general(text, xml: xml).utf8) }
    }

    /// `text` escaped for HTML or XML as a string: itself when nothing in it needs escaping.
    static func escaped(_ text: String, xml: Bool) -> String {
        var bytesOf = text
        let result: String? = bytesOf.withUTF8 { bytes in
            guard let first = bytes.firstIndex(where: { kinds[Int($0)] != plain }) else { return text }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + bytes.count / 8 + 16)
            out.append(contentsOf: bytes[..<first])
            guard write(UnsafeBufferPointer(rebasing: bytes[first...]), xml: xml, to: &out) else { return nil }
            return String(decoding: out, as: UTF8.self)
        }
        return result ?? general(text, xml: xml)
    }

    /// The escapers this one stands in for, for the text they alone handle.
    static func general(_ text: String, xml: Bool) -> String {
        xml ? Escaping.markup(Escaping.xmlSafe(text)) : Escaping.markup(text)
    }

    /// `bytes` escaped, appended to `out`; false, with `out` as it was, when the text needs the
    /// general path.
    static func write(_ bytes: UnsafeBufferPointer<UInt8>, xml: Bool, to out: inout [UInt8]) -> Bool {
        let start = out.count
        var run = 0, index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            let kind = kinds[Int(byte)]
            if kind == plain {
                index += 1
                continue
            }
            if kind == entity {
                out.append(contentsOf: bytes[run..<index])
                out.append(contentsOf: entities[Int(byte)])
                index += 1
                run = index
                continue
            }
            // A byte that may begin what the general path handles.
            if byte < 0x20 {
                if xml && byte != 0x09 && byte != 0x0A && byte != 0x0D { out.removeSubrange(start...); return false }
            } else if byte == 0xE2, index + 2 < count {
                let (second, third) = (bytes[index + 1], bytes[index + 2])
                if (second == 0x80 && (0xAA...0xAE).contains(third)) || (second == 0x81 && (0xA6...0xA9).contains(third)) {
                    out.removeSubrange(start...)
                    return false
                }
            } else if byte == 0xEF, xml, index + 2 < count, bytes[index + 1] == 0xBF, bytes[index + 2] == 0xBE || bytes[index + 2] == 0xBF {
                out.removeSubrange(start...)
                return false
            }
            index += 1
        }
        out.append(contentsOf: bytes[run..<count])
        return true
    }

    private static let plain: UInt8 = 0, entity: UInt8 = 1, check: UInt8 = 2

    private static let kinds: [UInt8] = (0..<256).map { value in
        switch value {
        case 0x26, 0x3C, 0x3E, 0x22, 0x27: entity
        case 0..<0x20, 0xE2, 0xEF: check
        default: plain
        }
    }

    private static let entities: [[UInt8]] = (0..<256).map { value in
        switch value {
        case 0x26: Array("&amp;".utf8)
        case 0x3C: Array("&lt;".utf8)
        case 0x3E: Array("&gt;".utf8)
        case 0x22: Array("&quot;".utf8)
        case 0x27: Array("&#39;".utf8)
        default: []
        }
    }
}
