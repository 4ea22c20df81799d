/// The one escaper of every format Broadside writes: HTML text and attributes (through the
/// theme's content type, `MarkupContentType`), and RSS.
///
/// It works on UTF-8 bytes, never on `Character`s: a grapheme cluster such as `"` followed by
/// U+0301 is one `Character` that is not equal to `"`, so an escaper that compares characters
/// lets the quote through and a title can close an attribute. The five bytes it replaces are
/// ASCII and never occur inside a multi-byte UTF-8 sequence, so byte-wise escaping is exact.
enum Escaping {
    /// `& < > " '` as entities; every other byte as it is. Direction controls are balanced first.
    static func markup(_ text: String) -> String {
        var text = balancingDirection(text)
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

    /// A value's direction controls end with the value: an unclosed right-to-left override
    /// (U+202E) in an author or a title reversed the theme's own words after it ("Posted by … on
    /// 3 May" read backwards). Embeddings, overrides and isolates left open are closed at the
    /// end (PDF, PDI), and a closer with nothing to close is dropped, as the Unicode bidirectional
    /// algorithm pairs them (a PDI also closes the embeddings opened inside its isolate).
    static func balancingDirection(_ text: String) -> String {
        guard hasDirectionControl(text) else { return text }
        var out = String.UnicodeScalarView()
        var open: [Unicode.Scalar] = []
        for scalar in text.unicodeScalars {
            if isEmbedding(scalar) || isIsolate(scalar) {
                open.append(scalar)
            } else if scalar == pdf {
                guard let last = open.last, isEmbedding(last) else { continue }
                open.removeLast()
            } else if scalar == pdi {
                guard let opener = open.lastIndex(where: isIsolate) else { continue }
                open.removeSubrange(opener...)
            }
            out.append(scalar)
        }
        for opener in open.reversed() { out.append(isIsolate(opener) ? pdi : pdf) }
        return String(out)
    }

    /// Whether `text` holds U+202A…U+202E (E2 80 AA…AE in UTF-8) or U+2066…U+2069 (E2 81 A6…A9),
    /// found by their bytes: curly quotes and dashes also start with 0xE2, and decoding every value
    /// that holds one made ordinary text pay for the rare case.
    static func hasDirectionControl(_ text: String) -> Bool {
        var text = text
        return text.withUTF8(hasDirectionControl)
    }

    static func hasDirectionControl(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        while index + 2 < bytes.count {
            if bytes[index] == 0xE2 {
                let (second, third) = (bytes[index + 1], bytes[index + 2])
                if (second == 0x80 && (0xAA...0xAE).contains(third)) || (second == 0x81 && (0xA6...0xA9).contains(third)) { return true }
            }
            index += 1
        }
        return false
    }

    private static let pdf: Unicode.Scalar = "\u{202C}"
    private static let pdi: Unicode.Scalar = "\u{2069}"
    /// LRE, RLE, LRO, RLO.
    private static func isEmbedding(_ scalar: Unicode.Scalar) -> Bool { (0x202A...0x202E).contains(scalar.value) && scalar != pdf }
    /// LRI, RLI, FSI.
    private static func isIsolate(_ scalar: Unicode.Scalar) -> Bool { (0x2066...0x2068).contains(scalar.value) }

    /// Removes characters XML 1.0 forbids (control characters other than tab and newlines),
    /// which would make a feed reader reject the whole feed.
    static func xmlSafe(_ text: String) -> String {
        // Bytes first: a control character is one byte below 0x20, U+FFFE and U+FFFF start with
        // 0xEF; most text has neither, and is returned without decoding a scalar.
        guard text.utf8.contains(where: { ($0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D) || $0 == 0xEF }),
            text.unicodeScalars.contains(where: isForbidden)
        else { return text }
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: text.unicodeScalars.filter { !isForbidden($0) })
        return String(scalars)
    }

    private static func isForbidden(_ s: Unicode.Scalar) -> Bool {
        (s.value < 0x20 && s != "\t" && s != "\n" && s != "\r") || s.value == 0xFFFE || s.value == 0xFFFF
    }
}
