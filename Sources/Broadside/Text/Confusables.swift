/// Letters of other scripts drawn like Latin ones: a Cyrillic `А` in "Аdvocacy" reads as
/// "Advocacy" but is another word to search, to links and to the category list. A short table of
/// the common Cyrillic and Greek look-alikes (after Unicode's confusables data), not all of it.
enum Confusables {
    private static let latinOf: [Unicode.Scalar: Unicode.Scalar] = {
        let pairs: [(String, String)] = [
            // Cyrillic
            ("А", "A"), ("В", "B"), ("Е", "E"), ("К", "K"), ("М", "M"), ("Н", "H"), ("О", "O"), ("Р", "P"), ("С", "C"),
            ("Т", "T"), ("Х", "X"), ("У", "Y"), ("Ү", "Y"), ("І", "I"), ("Ј", "J"), ("Ѕ", "S"), ("Ԛ", "Q"), ("Ԝ", "W"),
            ("а", "a"), ("е", "e"), ("о", "o"), ("р", "p"), ("с", "c"), ("у", "y"), ("х", "x"), ("і", "i"), ("ј", "j"),
            ("ѕ", "s"), ("ԁ", "d"), ("һ", "h"), ("ԛ", "q"), ("ԝ", "w"), ("ӏ", "l"),
            // Greek
            ("Α", "A"), ("Β", "B"), ("Ε", "E"), ("Ζ", "Z"), ("Η", "H"), ("Ι", "I"), ("Κ", "K"), ("Μ", "M"), ("Ν", "N"),
            ("Ο", "O"), ("Ρ", "P"), ("Τ", "T"), ("Υ", "Y"), ("Χ", "X"), ("ο", "o"), ("ν", "v"), ("ι", "i"), ("ρ", "p"),
        ]
        return Dictionary(uniqueKeysWithValues: pairs.map { ($0.0.unicodeScalars.first!, $0.1.unicodeScalars.first!) })
    }()

    /// The text with each look-alike replaced by the Latin letter it is drawn like.
    static func skeleton(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: text.unicodeScalars.map { latinOf[$0] ?? $0 })
        return String(scalars)
    }

    /// The first word that holds both Latin letters and look-alikes of another script, with the
    /// first look-alike and its script: "Аdvocacy", "А", "Cyrillic". A word wholly in Cyrillic
    /// or Greek ("Москва") is its language's, and not named.
    static func mixedWord(in text: String) -> (word: Substring, letter: Unicode.Scalar, script: String)? {
        for word in text.split(whereSeparator: { !$0.isLetter }) {
            guard word.unicodeScalars.contains(where: isLatin),
                let letter = word.unicodeScalars.first(where: { latinOf[$0] != nil })
            else { continue }
            return (word, letter, (0x0370...0x03FF).contains(letter.value) ? "Greek" : "Cyrillic")
        }
        return nil
    }

    private static func isLatin(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value < 0x0250 && scalar.properties.isAlphabetic) || (0x1E00...0x1EFF).contains(scalar.value)
    }
}
