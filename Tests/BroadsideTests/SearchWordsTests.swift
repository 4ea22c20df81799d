import Testing

@testable import Broadside

/// The words the search index is made of: a reader who types without accents finds the
/// accented word, ñ stays apart from n, and English and Spanish words meet their stems.
@Suite struct SearchWordsTests {
    @Test func wordsSplitAtWhatIsNotALetterOrADigitAndKeepApostrophesInside() {
        #expect(SearchWords.words("Detención: ¿qué sigue? It's 2026—families' rights, TPS/DACA.")
            == ["detención", "qué", "sigue", "it's", "2026", "families", "rights", "tps", "daca"])
        #expect(SearchWords.words("  ") == [])
        #expect(SearchWords.words("l’eau «año»") == ["l'eau", "año"])
    }

    @Test func foldingDropsAccentsButKeepsEnye() {
        #expect(SearchWords.folded("Detención") == "detencion")
        #expect(SearchWords.folded("PINGÜINO") == "pinguino")
        #expect(SearchWords.folded("año") == "año")
        #expect(SearchWords.folded("Año") == "año")
        #expect(SearchWords.folded("ano") == "ano")
        #expect(SearchWords.folded("año") != SearchWords.folded("ano"))
        // Decomposed input (n and a combining tilde) is the same word as the composed one.
        #expect(SearchWords.folded("an\u{303}o") == "año")
        #expect(SearchWords.folded("façade") == "facade")
    }

    @Test func englishAndSpanishWordsMeetTheirStems() throws {
        let english = try #require(Stemmer(language: "en"))
        #expect(english.stem("families") == english.stem("family"))
        #expect(english.stem("detained") == english.stem("detaining"))
        let spanish = try #require(Stemmer(language: "es-MX"))
        #expect(spanish.stem("detenciones") == spanish.stem("detención"))
        #expect(spanish.stem("derechos") == spanish.stem("derecho"))
        #expect(spanish.stem("año") != spanish.stem("ano"))
        // A language without a Snowball stemmer here is folded only.
        #expect(Stemmer(language: "fr") == nil)
        #expect(Stemmer(language: "") == nil)
    }
}
