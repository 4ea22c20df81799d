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

    /// The words as they were read before the index read a post's HTML bytes directly: the
    /// scalars of `SearchText.plain`'s String, each word made a String and lower-cased. Kept
    /// here to hold the byte reader to the same words.
    static func scalarWords(_ text: String) -> [String] {
        var words: [String] = []
        var word: [UInt8] = []
        var plain = true
        func end() {
            if word.last == 39 { word.removeLast() }
            if !word.isEmpty {
                let text = String(decoding: word, as: UTF8.self)
                words.append(plain ? text : text.lowercased())
            }
            word.removeAll()
            plain = true
        }
        var previousIsWord = false
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if (value >= 97 && value <= 122) || (value >= 48 && value <= 57) {
                word.append(UInt8(value))
            } else if value >= 65 && value <= 90 {
                word.append(UInt8(value + 32))
            } else if value >= 128, scalar.properties.isAlphabetic || scalar.properties.numericType != nil || isMark(scalar) {
                UTF8.encode(scalar) { word.append($0) }
                plain = false
            } else if value == 39 || value == 0x2019, previousIsWord {
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
        return words
    }

    static func isMark(_ scalar: Unicode.Scalar) -> Bool {
        [.nonspacingMark, .spacingMark, .enclosingMark].contains(scalar.properties.generalCategory)
    }

    static let trickyHTML = [
        "<p>ÉTAT de l’État, L'ÉTÉ d’ÎLE-DE-FRANCE; ΣΟΦΙΑ ΟΔΟΣ; straße STRASSE; İstanbul; Ǆemal</p>",
        "<p>Tom &amp; Jerry&#39;s caf&#233; CAF&#201; &#x1F600;smile &#X41;BC &lt;b&gt;not a tag&lt;/b&gt; &quot;q&quot; a&nbsp;b &apos;x&apos;</p>",
        "<p>&bogus; &#xZZ; &#55296; &#; &amp &#1114112; &toolongentityname; &&amp;&amp;amp;</p>",
        "wo<em>rd</em>s spl<!-- a <p>comment</p> -->it <!---->x<!-- -- > y -->z <br/>done",
        "it's families' rock'n'roll ''quoted'' don’t ’tis o'' a''b 'lead l'",
        "2026 3.14 1,000 ١٢٣ Ⅻ ½ x² 42nd #7 A1B2",
        "an\u{303}o año e\u{301}te 한국어 日本語 русский ТЕКСТ 🎉emoji👍 zero\u{200B}width",
        "<a href=\"x\">link</a><img alt=\"ALT TEXT\"> unclosed <tag",
        "&#233;&#769;t&#201;",
        "",
    ]

    @Test func bytesOfHTMLGiveTheWordsOfItsPlainText() {
        for html in Self.trickyHTML {
            #expect(SearchWords.words(html: html) == Self.scalarWords(SearchText.plain(html)), "\(html)")
            #expect(SearchWords.words(html) == Self.scalarWords(html), "\(html)")
        }
    }

    @Test func bytesOfRandomHTMLGiveTheWordsOfItsPlainText() {
        let pieces = ["a", "Z", "é", "É", "Σ", "ß", "İ", "9", "'", "’", " ", "-", "<b>", "</p>", "<!--", "-->", ">", "<",
                      "&amp;", "&#39;", "&#233;", "&#x1F600;", "&", ";", "&#", "n\u{303}", "🎉", "١", "\u{301}"]
        // A fixed sequence (a linear congruential generator), so that a failure comes back on every run.
        var state: UInt64 = 2026
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(state >> 33) % bound
        }
        for _ in 0..<2000 {
            let html = (0..<next(25)).map { _ in pieces[next(pieces.count)] }.joined()
            #expect(SearchWords.words(html: html) == Self.scalarWords(SearchText.plain(html)), "\(html)")
            #expect(SearchWords.words(html) == Self.scalarWords(html), "\(html)")
        }
    }
}
