import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

@testable import Broadside

/// A Q&A in English and Spanish, linked by `translation_key`, and a Spanish post with no English version.
@Suite struct TranslationTests {
    let site: TemporarySite

    init() throws {
        site = try TemporarySite(files: [
            "content/posts/qa-clinic.md": post("title: \"Q&A: The clinic\"\ndate: 2026-10-08T18:00:00-05:00\nkind: qa\ntranslation_key: \"clinic\""),
            "content/posts/preguntas-clinica.md": post(
                "title: \"Preguntas: la clínica\"\ndate: 2026-10-08T18:30:00-05:00\nkind: qa\nlang: es\ntranslation_key: \"clinic\""),
            "content/posts/solo-es.md": post("title: \"Solo en español\"\ndate: 2026-10-02\nlang: es"),
        ])
        try site.build()
    }

    @Test func hreflangLinksBothWaysIncludingItself() throws {
        let alternates = """
            <link rel="alternate" hreflang="en" href="https://example.org/posts/qa-clinic/">
            <link rel="alternate" hreflang="es" href="https://example.org/posts/preguntas-clinica/">
            """
        #expect(try site.read("posts/qa-clinic/index.html").contains(alternates))
        #expect(try site.read("posts/preguntas-clinica/index.html").contains(alternates))
        // No translation: no alternates (its language switch leads to the English home, not to a version).
        let solo = try site.read("posts/solo-es/index.html")
        #expect(!solo.contains("<link rel=\"alternate\" hreflang") && !solo.contains("rel=\"alternate\">"))
        #expect(solo.contains("<li><a href=\"/\" hreflang=\"en\" lang=\"en\">English</a></li>"))
    }

    @Test func eachVersionLinksToTheOthersInTheirLanguage() throws {
        let english = try site.read("posts/qa-clinic/index.html")
        #expect(english.contains("""
            <nav class="translations" aria-label="Also in">
            <ul>
            <li><a rel="alternate" href="/posts/preguntas-clinica/" hreflang="es" lang="es">Leer en español</a></li>
            </ul>
            </nav>
            """))
        let spanish = try site.read("posts/preguntas-clinica/index.html")
        #expect(spanish.contains("""
            <nav class="translations" aria-label="También en">
            <ul>
            <li><a rel="alternate" href="/posts/qa-clinic/" hreflang="en" lang="en">Read in English</a></li>
            </ul>
            </nav>
            """))
    }

    @Test func theSpanishPageIsInSpanish() throws {
        let spanish = try site.read("posts/preguntas-clinica/index.html")
        #expect(spanish.hasPrefix("<!DOCTYPE html>\n<html lang=\"es\">"))
        #expect(spanish.contains("<p class=\"meta\"><time datetime=\"2026-10-08T18:30:00-05:00\">8 de octubre de 2026</time> · Preguntas y respuestas</p>"))
        #expect(spanish.contains("<a class=\"skip-link\" href=\"#main-content\">Saltar al contenido</a>"))
        #expect(try site.read("posts/qa-clinic/index.html").hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
        #expect(try site.read("es/index.html").hasPrefix("<!DOCTYPE html>\n<html lang=\"es\">"))
    }

    /// Issue 15: `/`, the site language's home, leads to the other languages' homes, and back.
    @Test func eachHomeLinksToTheOtherLanguagesHome() throws {
        #expect(try site.read("index.html").contains("""
            <nav class="language-switch" aria-label="Languages">
            <ul>
            <li><a href="/es/" hreflang="es" lang="es" rel="alternate">Español</a></li>
            </ul>
            </nav>
            """))
        #expect(try site.read("es/index.html").contains("""
            <nav class="language-switch" aria-label="Idiomas">
            <ul>
            <li><a href="/" hreflang="en" lang="en" rel="alternate">English</a></li>
            </ul>
            </nav>
            """))
    }

    /// Issue 15: each language has its own kind lists; the site's language keeps `/kinds/…`.
    @Test func eachLanguageHasItsOwnKindLists() throws {
        let english = try site.read("kinds/qa/index.html")
        #expect(english.contains("<h2><a href=\"/posts/qa-clinic/\" dir=\"auto\">Q&amp;A: The clinic</a></h2>"))
        #expect(!english.contains("/posts/preguntas-clinica/"))
        let spanish = try site.read("es/kinds/qa/index.html")
        #expect(spanish.hasPrefix("<!DOCTYPE html>\n<html lang=\"es\">"))
        #expect(spanish.contains("<h1 dir=\"auto\">Preguntas y respuestas</h1>"))
        #expect(spanish.contains("<h2><a href=\"/posts/preguntas-clinica/\" dir=\"auto\">Preguntas: la clínica</a></h2>"))
        #expect(!spanish.contains("/posts/qa-clinic/\" dir"))
        #expect(try site.read("es/kinds/qa/feed.xml").contains("<link>https://example.org/es/kinds/qa/</link>"))
        #expect(try site.read("es/kinds/dispatch/index.html").contains("/posts/solo-es/"))
        // `/kinds/` lists the site language's kinds only: the Spanish dispatch is not counted there.
        #expect(!(try site.read("kinds/index.html")).contains("/kinds/dispatch/"))
        let spanishIndex = try site.read("es/kinds/index.html")
        #expect(spanishIndex.contains("<li><a href=\"/es/kinds/qa/\" dir=\"auto\">Preguntas y respuestas</a> <span class=\"count\">(1)</span></li>"))
        #expect(spanishIndex.contains("<li><a href=\"/es/kinds/\">Tipos de publicación</a></li>"))
    }

    /// Issue 15: each language has its own events list; the site's keeps `/events/`, and each
    /// home shows its own language's upcoming events.
    @Test func eachLanguageHasItsOwnEvents() throws {
        let site = try TemporarySite(files: [
            "content/posts/vigil.md": post("title: \"Vigil\"\ndate: 2026-10-01\nevent:\n  start: 2026-11-30T18:00:00-06:00\n  location: \"Main Street\""),
            "content/posts/vigilia.md": post("title: \"Vigilia\"\ndate: 2026-10-01\nlang: es\nevent:\n  start: 2026-11-30T18:00:00-06:00\n  location: \"Calle Mayor\""),
        ])
        defer { site.remove() }
        try site.build()
        let english = try site.read("events/index.html")
        #expect(english.contains("/posts/vigil/") && !english.contains("/posts/vigilia/"))
        let spanish = try site.read("es/events/index.html")
        #expect(spanish.hasPrefix("<!DOCTYPE html>\n<html lang=\"es\">"))
        #expect(spanish.contains("/posts/vigilia/") && !spanish.contains("/posts/vigil/\""))
        #expect(spanish.contains("<a href=\"/es/events/\">Eventos</a>"))
        let spanishHome = try site.read("es/index.html")
        #expect(spanishHome.contains("<p><a href=\"/es/events/\">Todos los eventos</a></p>"))
        #expect(!spanishHome.contains("<h3><a href=\"/posts/vigil/\""))
        #expect(try site.read("index.html").contains("<p><a href=\"/events/\">All events</a></p>"))
    }

    /// An English subscriber gets the Q&A once; a Spanish one gets the Spanish version.
    @Test func eachFeedHoldsATextOnce() throws {
        let english = try FeedItems(site.read("feed.xml"))
        #expect(english.links == ["https://example.org/posts/qa-clinic/", "https://example.org/posts/solo-es/"])
        let spanish = try FeedItems(site.read("es/feed.xml"))
        #expect(spanish.links == ["https://example.org/posts/preguntas-clinica/", "https://example.org/posts/solo-es/"])
        let home = try site.read("index.html")
        #expect(home.contains("href=\"/posts/qa-clinic/\"") && !home.contains("href=\"/posts/preguntas-clinica/\""))
        #expect(try site.read("es/index.html").contains("href=\"/posts/preguntas-clinica/\""))
    }
}

/// The `<link>` of each `<item>` of an RSS feed, read with Foundation's XML parser.
final class FeedItems: NSObject, XMLParserDelegate {
    private(set) var links: [String] = []
    private var inItem = false
    private var text: String?

    init(_ xml: String) throws {
        super.init()
        let parser = XMLParser(data: Data(xml.utf8))
        parser.delegate = self
        guard parser.parse() else { throw parser.parserError ?? CocoaError(.fileReadCorruptFile) }
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        if name == "item" { inItem = true }
        if name == "link" && inItem { text = "" }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { text? += string }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "item" { inItem = false }
        if name == "link", let found = text { links.append(found) }
        text = nil
    }
}
