import Foundation
import Testing

@testable import Broadside

/// Anchors, aliases and deep nesting are refused before Yams composes anything.
@Suite struct YAMLBoundsTests {
    /// Nine levels of nine: 9⁹ (387 million) copies of `x` if an alias were ever expanded.
    static func bomb(key: String = "extra") -> String {
        var lines = ["a: &a [x, x, x, x, x, x, x, x, x]"]
        for (name, previous) in zip("bcdefghi", "abcdefgh") {
            lines.append("\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ", ") + "]")
        }
        return "\(key):\n" + lines.map { "  " + $0 }.joined(separator: "\n")
    }

    static let aliasHint = "write the value out in full; text that starts with * must be in double quotes"
    static let anchorHint = "write the value out in full; text that starts with & must be in double quotes"

    // Unrefused, this bomb grows past 10 GB; the time limit keeps a regression from hanging the suite.
    @Test(.timeLimit(.minutes(1))) func anAliasBombInAnExtraKeyIsRefused() throws {
        let site = try TemporarySite(files: [
            "content/posts/a.md": post("title: \"A\"\ndate: 2026-10-01"),
        ])
        defer { site.remove() }
        try site.build()
        let before = try tree(site.output)
        try site.write("content/posts/a.md", post("title: \"A\"\ndate: 2026-10-01\n" + Self.bomb()))
        #expect(site.failure() == [
            .error("content/posts/a.md", line: 5, column: 6, "`&a` is a YAML anchor, which Broadside does not accept",
                hint: Self.anchorHint)
        ])
        #expect(try tree(site.output) == before)
    }

    // Yams composes an alias used as a mapping key very slowly: the check must run before it.
    @Test(.timeLimit(.minutes(1))) func aliasesUsedAsKeysAreRefused() throws {
        var keys = ""
        for index in 0..<2000 { keys += "  ? *k\n  : \(index)\n" }
        let site = try TemporarySite(files: [
            "content/posts/a.md": post("title: \"A\"\ndate: 2026-10-01\nk: \"plain\"\nmap:\n" + keys),
        ])
        defer { site.remove() }
        #expect(site.failure() == [
            .error("content/posts/a.md", line: 6, column: 5, "`*k` is a YAML alias, which Broadside does not accept",
                hint: Self.aliasHint)
        ])
    }

    @Test func anAliasInSiteYmlIsRefused() throws {
        let site = try TemporarySite(files: [
            "site.yml": "base_url: \"https://example.org/\"\ntitle: &t News\ndescription: *t\n",
            "content/posts/a.md": post("title: \"A\"\ndate: 2026-10-01"),
        ])
        defer { site.remove() }
        #expect(site.failure() == [
            .error("site.yml", line: 2, column: 8, "`&t` is a YAML anchor, which Broadside does not accept",
                hint: Self.anchorHint)
        ])
    }

    @Test func aLongAnchorNameIsCut() throws {
        let name = String(repeating: "n", count: 5000)
        let site = try TemporarySite(files: [
            "content/posts/a.md": post("title: \"A\"\ndate: 2026-10-01\nx: *\(name)"),
        ])
        defer { site.remove() }
        #expect(site.failure() == [
            .error("content/posts/a.md", line: 4, column: 4,
                "`*\(String(repeating: "n", count: 60))…` is a YAML alias, which Broadside does not accept",
                hint: Self.aliasHint)
        ])
    }

    @Test func ampersandsAndStarsInTextAreText() throws {
        let site = try TemporarySite(files: [
            "content/posts/a.md": post("""
                title: Q&A with *stars* & more
                date: 2026-10-01
                summary: "&quoted *text"
                note: '*single* &quoted'
                letter: |
                  &dear
                  *all*
                folded: >
                  *one* &two
                long: plain text that goes on
                  *and on* &on the next line
                # &comment *comment
                tags: ["Q&A", "*starred*"]  # &a *b
                """),
            "templates/post.mustache": "{{post.title}}|{{post.summary}}|{{post.params.note}}|{{post.params.letter}}|{{post.params.folded}}|{{post.params.long}}|{{#post.tags}}{{name}};{{/post.tags}}",
        ])
        defer { site.remove() }
        try site.build()
        #expect(try site.read("posts/a/index.html")
            == "Q&amp;A with *stars* &amp; more|&amp;quoted *text|*single* &amp;quoted|&amp;dear\n*all*\n|*one* &amp;two\n|plain text that goes on *and on* &amp;on the next line|Q&amp;A;*starred*;")
    }

    @Test func deepNestingIsRefusedWithoutLibyamlsWords() throws {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        let site = try TemporarySite(files: [
            "site.yml": "base_url: \"https://example.org/\"\nx: \(deep)\n",
            "content/posts/a.md": post("title: \"A\"\ndate: 2026-10-01\nmenu:\n" + (1...40).map {
                String(repeating: "  ", count: $0) + "level\($0):"
            }.joined(separator: "\n") + " end"),
        ])
        defer { site.remove() }
        #expect(site.failure() == [
            .error("site.yml", line: 2, column: 35, "lists and maps are nested more than 32 levels deep here",
                hint: "nest fewer lists and maps inside each other"),
            .error("content/posts/a.md", line: 36, column: 65, "lists and maps are nested more than 32 levels deep here",
                hint: "nest fewer lists and maps inside each other"),
        ])
    }

    @Test func nestingWithinTheLimitIsKept() throws {
        let nested = String(repeating: "[", count: 30) + "x" + String(repeating: "]", count: 30)
        let site = try TemporarySite(files: [
            "content/posts/a.md": post("title: \"A\"\ndate: 2026-10-01\nx: \(nested)"),
        ])
        defer { site.remove() }
        try site.build()
        #expect(site.exists("posts/a/index.html"))
    }
}
