import Foundation
import Testing

@testable import Broadside

/// Partials rendered once per language must be exactly those whose output cannot differ between
/// pages of a language; the golden site shows the output is byte for byte the same.
@Suite struct SiteConstantPartialsTests {
    static let base = "<html>{{>partials/header}}{{$main}}{{/main}}{{>partials/footer}}</html>"
    static let page = "{{<base}}{{$main}}{{#post}}{{title}}{{/post}}{{/main}}{{/base}}"

    @Test func theDefaultThemesHeaderAndFooter() throws {
        let folder = repositoryRoot.appendingPathComponent("themes/default/templates")
        var sources: [String: String] = [:]
        for path in (FileManager.default.enumerator(atPath: folder.path)?.allObjects as? [String] ?? []) where path.hasSuffix(".mustache") {
            sources[String(path.dropLast(".mustache".count))] = try String(contentsOf: folder.appendingPathComponent(path), encoding: .utf8)
        }
        #expect(SiteConstantPartials.find(in: sources) == ["partials/header", "partials/footer"])
    }

    @Test func onlyPartialsThatReadSiteAndWordsAtThePagesTop() {
        let sources = [
            "base": Self.base + "{{#page.kind}}{{>partials/inside}}{{/page.kind}}",
            "post": Self.page,
            "list": "{{<base}}{{/base}}{{>partials/on-a-page}}",
            "partials/header": "<p>{{site.title}} {{#t.home}}{{t.home}}{{/t.home}}{{! a note }}</p>",
            "partials/footer": "<p>{{page.title}}</p>",  // reads the page
            "partials/inside": "<p>{{site.title}}</p>",  // inside a section
            "partials/on-a-page": "<p>{{site.title}}</p>",  // included by a page, not a layout
            "partials/raw": "{{{site.title}}}",
        ]
        #expect(SiteConstantPartials.find(in: sources) == ["partials/header"])
    }

    /// Inside `{{#site.menu}}` a menu item's own keys are read: always found in the item. Any
    /// other name there could be the page's, found further up.
    @Test func aMenuItemsKeysStayConstantAndNoOtherName() {
        let sources = [
            "base": Self.base, "post": Self.page,
            "partials/header": "<ul>{{#site.menu}}<li><a href=\"{{url}}\">{{label}}</a></li>{{/site.menu}}</ul>",
            "partials/footer": "<ul>{{#site.menu}}<li>{{title}}</li>{{/site.menu}}</ul>",
        ]
        #expect(SiteConstantPartials.find(in: sources) == ["partials/header"])
    }

    @Test func aLayoutUsedInsideASectionIsNotThePagesTop() {
        let sources = [
            "base": Self.base,
            "post": "{{#post}}{{<base}}{{/base}}{{/post}}",
            "partials/header": "<p>{{site.title}}</p>",
            "partials/footer": "<p>{{t.built_with}}</p>",
        ]
        #expect(SiteConstantPartials.find(in: sources) == [])
    }

    /// A Spanish page's header is the Spanish one, made once for Spanish.
    @Test func eachLanguageGetsItsOwn() throws {
        let site = try TemporarySite(files: [
            "content/posts/a.md": post("title: \"A\"\ndate: 2026-10-01"),
            "content/posts/b.md": post("title: \"B\"\ndate: 2026-10-01\nlang: es"),
        ])
        defer { site.remove() }
        try site.build()
        #expect(try site.read("posts/a/index.html").contains("<li><a href=\"/\">Home</a></li>"))
        #expect(try site.read("posts/b/index.html").contains("<li><a href=\"/es/\">Inicio</a></li>"))
        #expect(try site.read("posts/b/index.html").contains("<a href=\"/es/feed.xml\">Suscríbase por RSS</a>"))
    }
}
