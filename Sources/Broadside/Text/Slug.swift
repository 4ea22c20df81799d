import Foundation

/// URL slugs of posts and terms: NFC, lower-case, Unicode letters kept as they are
/// (`Niñez Migrante` → `niñez-migrante`), every other run of characters one hyphen.
/// The result never holds `/`, `.` or `\`, so no slug can leave its folder.
public enum Slug {
    public static func make(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var pendingHyphen = false
        for scalar in text.nfc.lowercased().nfc.unicodeScalars {
            // A mark with no letter before it in its word would stand alone, invisible: a slug
            // of marks alone (`֯`) looked empty in every address bar.
            if !scalar.isASCII, pendingHyphen || out.isEmpty, scalar.properties.generalCategory == .nonspacingMark { continue }
            if isWordScalar(scalar) {
                if pendingHyphen && !out.isEmpty { out.append("-") }
                pendingHyphen = false
                out.append(scalar)
            } else {
                pendingHyphen = true
            }
        }
        return String(out)
    }

    /// A letter, digit, combining mark or `_`: what slugs and heading ids keep. ASCII is decided
    /// without Unicode's property tables, which cost as much as the rest of a slug.
    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let value = scalar.value
            return (value >= 0x61 && value <= 0x7A) || (value >= 0x41 && value <= 0x5A) || (value >= 0x30 && value <= 0x39)
                || value == 0x5F
        }
        let properties = scalar.properties
        return properties.isAlphabetic || properties.numericType != nil || properties.generalCategory == .nonspacingMark
    }

    /// A folder name that stays inside its parent: no separators, no dot segments.
    static func isSafeName(_ text: String) -> Bool {
        !text.isEmpty && text != "." && text != ".." && !text.contains("/") && !text.contains("\\")
            && !text.hasPrefix(".")
    }
}

/// Percent-encoding of one path segment for links (`niñez-migrante` → `ni%C3%B1ez-migrante`).
enum PercentEncoding {
    /// RFC 3986's unreserved characters. A test, not a set: every post page encodes its title and
    /// address several times for its share links, and hashing each byte was most of that.
    private static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
            UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"): true
        default: false
        }
    }

    private static func hex(_ value: UInt8) -> UInt8 { value < 10 ? UInt8(ascii: "0") + value : UInt8(ascii: "A") + value - 10 }

    static func segment(_ text: String) -> String {
        if text.utf8.allSatisfy(isUnreserved) { return text }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count * 3)
        for byte in text.utf8 {
            if isUnreserved(byte) {
                out.append(byte)
            } else {
                out.append(UInt8(ascii: "%"))
                out.append(hex(byte >> 4))
                out.append(hex(byte & 15))
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// An address as an editor typed it (`/es/series/semana-de-acción/`), with its non-ASCII
    /// bytes, spaces and control characters encoded and everything else (`/`, `?`, `%`) kept.
    static func typedPath(_ text: String) -> String {
        func keeps(_ byte: UInt8) -> Bool { byte > 0x20 && byte < 0x7F }
        if text.utf8.allSatisfy(keeps) { return text }
        var out: [UInt8] = []
        for byte in text.utf8 {
            if keeps(byte) { out.append(byte) } else { out += [UInt8(ascii: "%"), hex(byte >> 4), hex(byte & 15)] }
        }
        return String(decoding: out, as: UTF8.self)
    }
}

extension StringProtocol {
    /// Without leading and trailing white space. Foundation's `trimmingCharacters(in:)`
    /// goes through NSString on Linux, which showed up when loading thousands of posts.
    var trimmed: String {
        let isSpace: (Character) -> Bool = { $0.isWhitespace }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(self[first...last])
    }

    /// NFC, skipped for ASCII text, which is always NFC (Foundation's normalisation is slow on Linux).
    var nfc: String {
        utf8.allSatisfy { $0 < 0x80 } ? String(self) : String(self).precomposedStringWithCanonicalMapping
    }
}
