import Foundation

/// The words of a text as the search index and a query see them: split at whatever is not a
/// letter or a digit, lower-cased, and folded so that a reader who types without accents finds
/// the accented word ("detencion" finds "detención") while ñ stays apart from n ("ano" is not
/// "año"), as Spanish readers expect.
enum SearchWords {
    /// The words of `text`, in order, lower-cased but not folded (a stemmer reads the accents).
    static func words(_ text: String) -> [String] {
        var words: [String] = []
        var word = String.UnicodeScalarView()
        func end() {
            if !word.isEmpty { words.append(String(word).lowercased()) }
            word.removeAll()
        }
        var previous: Unicode.Scalar?
        for scalar in text.unicodeScalars {
            if isWordScalar(scalar) {
                word.append(scalar)
            } else if isApostrophe(scalar), let previous, isWordScalar(previous), !word.isEmpty {
                // "it's", "l'eau": kept inside the word, so the stemmer sees what it expects.
                word.append("'")
            } else {
                if let last = word.last, isApostrophe(last) { word.removeLast() }
                end()
            }
            previous = scalar
        }
        if let last = word.last, isApostrophe(last) { word.removeLast() }
        end()
        return words
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

    private static func isApostrophe(_ scalar: Unicode.Scalar) -> Bool { scalar == "'" || scalar == "\u{2019}" }
}
