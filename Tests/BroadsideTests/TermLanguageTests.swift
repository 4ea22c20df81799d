import Foundation
import Testing
@testable import Broadside

/// Issue 15: categories and tags belong to a language. A Spanish post's `México` is listed at
/// `/es/categories/méxico/`, in Spanish, apart from the English posts' `Mexico`; site.yml pairs
/// the two (`term_pairs`) so each page's language switch leads to the other.
@Suite struct TermLanguageTests {
    static let settings = """
        title: "Puentes"
        base_url: "https://example.org/"
        term_pairs:
          - en: Mexico
            es: México
          - en: Detention
            es: Detencíon

        """
    static let files = [
        "site.yml": settings,
        "content/posts/vigil.md": post("title: \"Vigil\"\ndate: 2026-10-01\ncategories: [Mexico, Detention]\ntags: [TPS]"),
        "content/posts/vigilia.md": post("title: \"Vigilia\"\ndate: 2026-10-02\nlang: es\ncategories: [\"México\", \"Detención\"]\ntags: [TPS]"),
    ]

    func switchOf(_ html: String) -> String? {
        guard let start = html.range(of: "<nav class=\"language-switch\""),
              let end = html.range(of: "</nav>", range: start.upperBound..<html.endIndex) else { return nil }
        return String(html[start.lowerBound..<end.upperBound])
    }

    @Test func eachLanguageHasItsOwnTermsAndIndexes() throws {
        let site = try TemporarySite(files: Self.files)
        defer { site.remove() }
        try site.build()
        let english = try site.read("categories/index.html")
        #expect(english.contains("<li><a href=\"/categories/mexico/\" dir=\"auto\">Mexico</a> <span class=\"count\">(1)</span></li>"))
        #expect(!english.contains("México") && !english.contains("Detención"))
        let spanish = try site.read("es/categories/index.html")
        #expect(spanish.hasPrefix("<!DOCTYPE html>\n<html lang=\"es\">"))
        #expect(spanish.contains("<h1 dir=\"auto\">Categorías</h1>"))
        #expect(spanish.contains("<li><a href=\"/es/categories/m%C3%A9xico/\" dir=\"auto\">México</a> <span class=\"count\">(1)</span></li>"))
        #expect(!spanish.contains(">Mexico<"))
        let mexico = try site.read("es/categories/méxico/index.html")
        #expect(mexico.hasPrefix("<!DOCTYPE html>\n<html lang=\"es\">"))
        #expect(mexico.contains("<h1 dir=\"auto\">Categoría: México</h1>"))
        #expect(mexico.contains("/posts/vigilia/") && !mexico.contains("/posts/vigil/"))
        // A Spanish page's header leads to the Spanish indexes; the post links its Spanish terms.
        let vigilia = try site.read("posts/vigilia/index.html")
        #expect(vigilia.contains("<li><a href=\"/es/categories/\">Categorías</a></li>"))
        #expect(vigilia.contains("<li><a href=\"/es/tags/\">Etiquetas</a></li>"))
        #expect(vigilia.contains("<li class=\"category\"><a href=\"/es/categories/m%C3%A9xico/\" dir=\"auto\">México</a></li>"))
        #expect(try site.read("posts/vigil/index.html").contains("<li><a href=\"/categories/\">Categories</a></li>"))
        // Each term has its own feeds, in its language.
        #expect(try site.read("es/categories/méxico/feed.xml").contains("<language>es</language>"))
    }

    @Test func pairedTermsSwitchToEachOther() throws {
        let site = try TemporarySite(files: Self.files)
        defer { site.remove() }
        try site.build()
        let mexico = try site.read("categories/mexico/index.html")
        #expect(switchOf(mexico) == "<nav class=\"language-switch\" aria-label=\"Languages\">\n<ul>\n<li><a href=\"/es/categories/m%C3%A9xico/\" hreflang=\"es\" lang=\"es\" rel=\"alternate\">Español</a></li>\n</ul>\n</nav>")
        #expect(mexico.contains("<link rel=\"alternate\" hreflang=\"es\" href=\"https://example.org/es/categories/m%C3%A9xico/\">"))
        #expect(mexico.contains("<link rel=\"alternate\" hreflang=\"en\" href=\"https://example.org/categories/mexico/\">"))
        #expect(switchOf(try site.read("es/categories/méxico/index.html"))?.contains("<li><a href=\"/categories/mexico/\" hreflang=\"en\" lang=\"en\" rel=\"alternate\">English</a></li>") == true)
        // One slug in both languages is a pair without an entry.
        #expect(switchOf(try site.read("tags/tps/index.html"))?.contains("<li><a href=\"/es/tags/tps/\" hreflang=\"es\" lang=\"es\" rel=\"alternate\">Español</a></li>") == true)
        // A term without a twin leads to the other language's home; an index to the other index.
        #expect(switchOf(try site.read("categories/detention/index.html"))?.contains("<li><a href=\"/es/\" hreflang=\"es\" lang=\"es\">Español</a></li>") == true)
        #expect(switchOf(try site.read("categories/index.html"))?.contains("<li><a href=\"/es/categories/\" hreflang=\"es\" lang=\"es\" rel=\"alternate\">Español</a></li>") == true)
        // The sitemap says the same to search engines, both ways.
        let sitemap = try site.read("sitemap.xml")
        #expect(sitemap.contains("""
            <loc>https://example.org/categories/mexico/</loc>
            <xhtml:link rel="alternate" hreflang="en" href="https://example.org/categories/mexico/"/>
            <xhtml:link rel="alternate" hreflang="es" href="https://example.org/es/categories/m%C3%A9xico/"/>
            <xhtml:link rel="alternate" hreflang="x-default" href="https://example.org/categories/mexico/"/>
            </url>
            """))
        #expect(sitemap.contains("<loc>https://example.org/es/categories/</loc>"))
    }

    @Test func aPairNamingNoTermIsAWarningWithTheNearestName() throws {
        let site = try TemporarySite(files: Self.files)
        defer { site.remove() }
        let report = try site.build()
        #expect(report.warnings == [.warning("site.yml", line: 7, column: 9,
            "`term_pairs` names \"Detencíon\" in es, but no published post in es has that category or tag",
            hint: "did you mean \"Detención\"? write the name as the posts of that language write it; until one has it, its twin's page leads to the es home")])
    }

    @Test func termsOfTwoLanguagesAreNotLookAlikes() throws {
        let site = try TemporarySite(files: [
            "content/posts/a.md": post("title: \"A\"\ndate: 2026-10-01\ncategories: [Mexico]"),
            "content/posts/b.md": post("title: \"B\"\ndate: 2026-10-02\nlang: es\ncategories: [\"Мexico\"]"),
        ])
        defer { site.remove() }
        let report = try site.build()
        // Not "looks the same as Mexico" (a Spanish term is not an English one's double), only
        // the word of mixed scripts that it is in any language.
        #expect(report.warnings.map(\.message) == [
            "the category \"Мexico\" mixes Latin letters with Cyrillic ones drawn alike (М in \"Мexico\"), so it is another word to searches and links"])
        #expect(site.exists("es/categories/мexico/index.html"))
    }

    @Test func badPairsAreErrorsAtTheirLine() throws {
        for (yaml, expected) in [
            ("term_pairs: Mexico\n", Diagnostic.error("site.yml", line: 1, column: 13, "`term_pairs` must be a list of terms that translate each other",
                hint: "write term_pairs:\n  - en: Mexico\n    es: México")),
            ("term_pairs:\n  - en: Mexico\n", .error("site.yml", line: 2, column: 5,
                "an entry of `term_pairs` names one term, and a pair needs one in each of two languages",
                hint: "write term_pairs:\n  - en: Mexico\n    es: México")),
            ("term_pairs:\n  - en: Mexico\n    spanish: México\n", .error("site.yml", line: 3, column: 5,
                "`term_pairs` names a term for \"spanish\", which is not a language code", hint: "name each term by its language: en: Mexico, es: México")),
        ] {
            let site = try TemporarySite(files: ["site.yml": yaml, "content/posts/a.md": post("title: \"A\"\ndate: 2026-10-01")])
            defer { site.remove() }
            #expect(site.failure().contains(expected), "\(yaml)")
        }
    }
}

/// Issue 15: the other lists' twins. A series' twin is the series its days translate.
@Suite struct ListTwinTests {
    @Test func aSeriesSwitchesToTheSeriesItsDaysTranslate() throws {
        let site = try TemporarySite(files: [
            "content/posts/day-1.md": post("title: \"Day 1\"\ndate: 2026-10-01\nseries: \"Week of Action\"\nseries_day: 1\ntranslation_key: d1"),
            "content/posts/dia-1.md": post("title: \"Día 1\"\ndate: 2026-10-01\nlang: es\nseries: \"Semana de Acción\"\nseries_day: 1\ntranslation_key: d1"),
            "content/posts/vigil.md": post("title: \"Vigil\"\ndate: 2026-10-02\nkind: qa\nseries: \"Other\"\nseries_day: 1"),
            "content/posts/vigilia.md": post("title: \"Vigilia\"\ndate: 2026-10-02\nkind: qa\nlang: es"),
        ])
        defer { site.remove() }
        try site.build()
        #expect(try site.read("series/week-of-action/index.html").contains(
            "<li><a href=\"/es/series/semana-de-acci%C3%B3n/\" hreflang=\"es\" lang=\"es\" rel=\"alternate\">Español</a></li>"))
        #expect(try site.read("es/series/semana-de-acción/index.html").contains(
            "<li><a href=\"/series/week-of-action/\" hreflang=\"en\" lang=\"en\" rel=\"alternate\">English</a></li>"))
        // A series with no translated day leads to the other home.
        #expect(try site.read("series/other/index.html").contains("<li><a href=\"/es/\" hreflang=\"es\" lang=\"es\">Español</a></li>"))
        // A kind's list and the index of kinds lead to the other language's.
        #expect(try site.read("kinds/qa/index.html").contains("<li><a href=\"/es/kinds/qa/\" hreflang=\"es\" lang=\"es\" rel=\"alternate\">Español</a></li>"))
        #expect(try site.read("es/kinds/index.html").contains("<li><a href=\"/kinds/\" hreflang=\"en\" lang=\"en\" rel=\"alternate\">English</a></li>"))
    }
}
