import Foundation

/// The words of a text as the search index and a query see them: split at whatever is not a
/// letter or a digit, lower-cased, and folded so that a reader who types without accents finds
/// the accented word ("detencion" finds "detención") while ñ stays apart from n ("ano" is not
/// "año"), as Spanish readers expect.
enum SearchWords {
    /// The words of `text`, in order, lower-cased but not folded (a stemmer reads the accents).
    static func words(_ text: String) -> [String] {
        var words: [String] = []
        forEachWord(text) { words.append($0) }
        return words
    }

    /// Each word of `text`, lower-cased, in order.
    static func forEachWord(_ text: String, _ body: (String) -> Void) {
        forEachWord(in: text, html: false) { body(word($0, ascii: $1)) }
    }

    /// A word as `forEachWord(in:html:_:)` gives it, as the lower-cased `String`.
    static func word(_ bytes: UnsafeBufferPointer<UInt8>, ascii: Bool) -> String {
        let text = String(decoding: bytes, as: UTF8.self)
        return ascii ? text : text.lowercased()
    }

    /// The words of a post's HTML: those of `SearchText.plain(html)`, read without making it (as
    /// the index reads them).
    static func words(html: String) -> [String] {
        var words: [String] = []
        forEachWord(in: html, html: true) { words.append(word($0, ascii: $1)) }
        return words
    }

    /// Each word of `text` (with `html`, of what `SearchText.plain` makes of it) as UTF-8 bytes,
    /// valid during `body` only: ASCII letters lower-cased, any other letter as written, when
    /// `ascii` is false, for the caller to lower-case with `lowercased()` (which knows every
    /// language's rules). A reader that has seen the bytes before needs no String at all.
    static func forEachWord(in text: String, html: Bool, _ body: (UnsafeBufferPointer<UInt8>, _ ascii: Bool) -> Void) {
        var text = text
        text.withUTF8 { bytes in
            // An entity is longer than what it decodes to, so no word is longer than the text.
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: bytes.count) { buffer in
                var scanner = WordScanner(word: buffer)
                scan(bytes, html: html, into: &scanner, body)
                scanner.end(body)
            }
        }
    }

    private static func scan(_ bytes: UnsafeBufferPointer<UInt8>, html: Bool, into scanner: inout WordScanner,
                             _ body: (UnsafeBufferPointer<UInt8>, Bool) -> Void) {
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if isASCIILetterOrDigit(byte) {
                index = scanner.takeLetters(bytes, from: index)
            } else if byte >= 128 {
                let (scalar, length) = decode(bytes, at: index)
                scanner.take(scalar, body)
                index += length
            } else if html, byte == UInt8(ascii: "<") {
                // Where `plain` puts a space.
                scanner.end(body)
                index = SearchText.end(ofTagAt: index, in: bytes)
            } else if html, byte == UInt8(ascii: "&"), let (scalar, next) = SearchText.entity(at: index, in: bytes) {
                if scalar.isASCII { scanner.take(UInt8(scalar.value), body) } else { scanner.take(scalar, body) }
                index = next
            } else {
                scanner.take(byte, body)
                index += 1
            }
        }
    }

    private static func isASCIILetterOrDigit(_ byte: UInt8) -> Bool {
        byte &- UInt8(ascii: "a") < 26 || byte &- UInt8(ascii: "A") < 26 || byte &- UInt8(ascii: "0") < 10
    }

    /// The scalar that starts at `index` of valid UTF-8 (a String's), and its length in bytes.
    private static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (Unicode.Scalar, Int) {
        let lead = UInt32(bytes[index])
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
        var value = lead & (0x7F >> length)
        for offset in 1..<length { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
    }

    /// A word being read: letters and digits, and an apostrophe between two of them.
    private struct WordScanner {
        let word: UnsafeMutableBufferPointer<UInt8>
        var count = 0
        var ascii = true
        var previousIsWord = false

        /// Takes ASCII letters and digits from `index` on, most of any word, in one loop; returns
        /// the index after them.
        mutating func takeLetters(_ bytes: UnsafeBufferPointer<UInt8>, from index: Int) -> Int {
            var index = index
            while index < bytes.count, SearchWords.isASCIILetterOrDigit(bytes[index]) {
                let byte = bytes[index]
                append(byte &- UInt8(ascii: "A") < 26 ? byte + 32 : byte)
                index += 1
            }
            return index
        }

        mutating func take(_ byte: UInt8, _ body: (UnsafeBufferPointer<UInt8>, Bool) -> Void) {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): append(byte)
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): append(byte + 32)
            case UInt8(ascii: "'"): apostrophe(body)
            default: end(body)
            }
        }

        mutating func take(_ scalar: Unicode.Scalar, _ body: (UnsafeBufferPointer<UInt8>, Bool) -> Void) {
            if SearchWords.isWordScalar(scalar) {
                for byte in scalar.utf8 { append(byte) }
                ascii = false
            } else if scalar == "\u{2019}" {
                apostrophe(body)
            } else {
                end(body)
            }
        }

        private mutating func append(_ byte: UInt8) {
            word[count] = byte
            count += 1
            previousIsWord = true
        }

        /// "it's", "l’eau": kept inside the word (as '), so the stemmer sees what it expects.
        private mutating func apostrophe(_ body: (UnsafeBufferPointer<UInt8>, Bool) -> Void) {
            guard previousIsWord else { return end(body) }
            word[count] = UInt8(ascii: "'")
            count += 1
            previousIsWord = false
        }

        mutating func end(_ body: (UnsafeBufferPointer<UInt8>, Bool) -> Void) {
            if count > 0, word[count - 1] == UInt8(ascii: "'") { count -= 1 }
            if count > 0 { body(UnsafeBufferPointer(rebasing: word[..<count]), ascii) }
            count = 0
            ascii = true
            previousIsWord = false
        }
    }

    /// `word` without accents or other marks, but with ñ kept: "Detención" → "detencion",
    /// "pingüino" → "pinguino", "año" → "año". Lower-cases too.
    static func folded(_ word: String) -> String {
        var out = String.UnicodeScalarView()
        var changed = false
        for scalar in word.lowercased().decomposedStringWithCanonicalMapping.unicodeScalars {
            if isMark(scalar) {
                // The tilde of ñ is the one mark kept: "año" and "ano" are different words.
                if scalar == "\u{303}", out.last == "n" {
                    out.removeLast()
                    out.append("ñ")
                }
                changed = true
                continue
            }
            out.append(scalar)
        }
        return changed ? String(out) : word.lowercased()
    }

    private static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || scalar.properties.numericType != nil || isMark(scalar)
    }

    private static func isMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: true
        default: false
        }
    }

}
