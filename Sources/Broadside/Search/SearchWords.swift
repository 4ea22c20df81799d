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

    /// Each word of `text`, lower-cased, in order. ASCII letters and digits, most of any text,
    /// are told apart without Unicode's tables.
    static func forEachWord(_ text: String, _ body: (String) -> Void) {
        var word: [UInt8] = []
        word.reserveCapacity(32)
        var plain = true
        func end() {
            if word.last == 39 { word.removeLast() }
            if !word.isEmpty {
                let text = String(decoding: word, as: UTF8.self)
                body(plain ? text : text.lowercased())
            }
            word.removeAll(keepingCapacity: true)
            plain = true
        }
        var previousIsWord = false
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if (value >= 97 && value <= 122) || (value >= 48 && value <= 57) {
                word.append(UInt8(value))
            } else if value >= 65 && value <= 90 {
                word.append(UInt8(value + 32))
            } else if value >= 128, isWordScalar(scalar) {
                UTF8.encode(scalar) { word.append($0) }
                plain = false
            } else if value == 39 || value == 0x2019, previousIsWord {
                // "it's", "l’eau": kept inside the word (as '), so the stemmer sees what it expects.
                word.append(39)
                previousIsWord = false
                continue
            } else {
                end()
                previousIsWord = false
                continue
            }
            previousIsWord = true
        }
        end()
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
