import Foundation
import Testing

@testable import Broadside

/// Mistakes that used to pass in silence, or be reported far from where they are made.
@Suite struct MessageTests {
    static let known = "if it is meant for the theme, give it a name less like"

    @Test func aNearMissKeyIsAWarningThatNamesTheKeyMeant() throws {
        let site = try TemporarySite(files: [
            "content/posts/a.md": post("titel: \"A\"\ntitle: \"A\"\ndate: 2026-10-01\ncatgories: [Detention]\ntag: court\nSumary: \"S\"\nseris_day: 2\nauthors: [Ana]\nmood: hopeful")
        ])
        defer { site.remove() }
        let file = "content/posts/a.md"
        #expect(try site.build().warnings == [
            // `titel` is silent: the post sets `title` too (see below); the others each lose a value.
            .warning(file, line: 5, column: 1, "the key `catgories` is not one Broadside knows, so its value is not used as `categories`",
                hint: "did you mean `categories`? Correct the key; \(Self.known) `categories`"),
            .warning(file, line: 6, column: 1, "the key `tag` is not one Broadside knows, so its value is not used as `tags`",
                hint: "did you mean `tags`? Correct the key; \(Self.known) `tags`"),
            .warning(file, line: 7, column: 1, "the key `Sumary` is not one Broadside knows, so its value is not used as `summary`",
                hint: "did you mean `summary`? Correct the key; \(Self.known) `summary`"),
            .warning(file, line: 8, column: 1, "the key `seris_day` is not one Broadside knows, so its value is not used as `series_day`",
                hint: "did you mean `series_day`? Correct the key; \(Self.known) `series_day`"),
            .warning(file, line: 9, column: 1, "the key `authors` is not one Broadside knows, so its value is not used as `author`",
                hint: "did you mean `author`? Correct the key; \(Self.known) `author`"),
        ])
    }

    /// A near key beside the key it is near is the theme's (`images:` for a gallery beside `image:`).
    @Test func aNearKeyBesideTheKnownOneIsTheThemes() throws {
        let site = try TemporarySite(files: ["content/posts/a.md": post("Title: \"A\"\ntitle: \"A\"\ndate: 2026-10-01\ndata: x\nnote: y")])
        defer { site.remove() }
        #expect(try site.build().warnings == [])
    }

    @Test func aCaseDifferenceInAKeyIsNamedInACRLFFile() throws {
        let site = try TemporarySite(files: ["content/posts/a.md": "---\r\nTitle: \"A\"\r\ndate: 2026-10-01\r\n---\r\nBody.\r\n"])
        defer { site.remove() }
        #expect(site.failure() == [
            .error("content/posts/a.md", line: 2, column: 1, "the post has no title: this key is written `Title`",
                hint: "correct it to `title`, as in title: \"Day 1: Pack the courtroom\""),
        ])
    }

    @Test func aMisspeltDateIsTheMissingDatesError() throws {
        let site = try TemporarySite(files: ["content/posts/a.md": post("title: \"A\"\ndaet: 2026-10-01")])
        defer { site.remove() }
        #expect(site.failure() == [
            .error("content/posts/a.md", line: 3, column: 1, "the post has no date: this key is written `daet`",
                hint: "correct it to `date`, as in date: 2026-05-01 or date: 2026-05-01T09:30:00-05:00"),
        ])
    }

    @Test func aListWrittenWithCommasIsNamed() throws {
        let site = try TemporarySite(files: ["content/posts/a.md": post("title: \"A\"\ndate: 2026-10-01\ncategories: Detention, Legal aid\ntags: \"One, quoted\"")])
        defer { site.remove() }
        #expect(try site.build().warnings == [
            .warning("content/posts/a.md", line: 4, column: 13, "`categories` is one name with a comma in it: \"Detention, Legal aid\"",
                hint: "for several categories, write a list: categories: [\"Detention\", \"Legal aid\"]; to keep one name with a comma, write categories: [\"Detention, Legal aid\"]"),
        ])
    }

    @Test func nearMissesInsideEventAndAttachmentsAreNamed() throws {
        let site = try TemporarySite(files: [
            "content/posts/a.md": post("title: \"A\"\ndate: 2026-10-01\nevent:\n  strat: 2026-11-30T18:00:00-06:00\nattachments:\n  - flie: a.pdf\n    label: A")
        ])
        defer { site.remove() }
        #expect(site.failure() == [
            .error("content/posts/a.md", line: 5, column: 3, "`event` has no key `strat`",
                hint: "did you mean `start`? The keys of event: are start, end, location, online_url and rsvp_url"),
            .error("content/posts/a.md", line: 4, column: 1, "`event` has no `start`",
                hint: "add an indented line `start: 2026-11-30T18:00:00-06:00` below event:"),
            .error("content/posts/a.md", line: 7, column: 5, "attachment 1 has an unknown key `flie`",
                hint: "did you mean `file`? An attachment has only file: and label:"),
            .error("content/posts/a.md", line: 7, column: 5, "attachment 1 has no `file`", hint: ResourceFields.fileHint),
        ])
    }

    @Test func anUnknownKindSuggestsTheNearestAndStillListsThemAll() throws {
        let site = try TemporarySite(files: ["content/posts/a.md": post("title: \"A\"\ndate: 2026-10-01\nkind: Dispach")])
        defer { site.remove() }
        #expect(site.failure() == [
            .error("content/posts/a.md", line: 4, column: 7, "unknown kind \"Dispach\"",
                hint: "did you mean `dispatch`? Use one of dispatch, action-day, qa, perspective, report, letter, event")
        ])
    }

    @Test func aMissingPartialSuggestsTheNearestTemplate() throws {
        let site = try TemporarySite(files: [
            "content/posts/a.md": post("title: \"A\"\ndate: 2026-10-01"),
            "templates/post.mustache": "<main>\n  {{> partials/foter }}{{> header}}\n</main>\n",
        ])
        defer { site.remove() }
        let rest = "; templates are named by their path below templates/ without .mustache"
        #expect(site.failure() == [
            .error("templates/post.mustache", line: 2, column: 3, "the partial \"partials/foter\" does not exist",
                hint: "did you mean `partials/footer`? Add themes/default/templates/partials/foter.mustache, or fix the name" + rest),
            .error("templates/post.mustache", line: 2, column: 24, "the partial \"header\" does not exist",
                hint: "did you mean `partials/header`? Add themes/default/templates/header.mustache, or fix the name" + rest),
        ])
    }

    @Test func rawHTMLLeftOutIsAWarningAtItsPlace() throws {
        let body = "Intro <span class=\"x\">word</span> and <b>more</b>.\n\n<!-- a note to editors -->\n\n<div class=\"signup\">\n<form>\n</div>\n\n```callout\ntext: \"Call <b>now</b>\"\n```\n"
        let site = try TemporarySite(files: ["content/posts/a.md": post("title: \"A\"\ndate: 2026-10-01", body: body)])
        defer { site.remove() }
        let hint = DroppedHTML.hint
        #expect(try site.build().warnings == [
            .warning("content/posts/a.md", line: 5, column: 7, "the HTML `<span class=\"x\">` is left out of the page", hint: hint),
            .warning("content/posts/a.md", line: 9, column: 1, "the HTML `<div class=\"signup\">` is left out of the page", hint: hint),
            .warning("content/posts/a.md", line: 14, column: 7, "in `text`: the HTML `<b>` is left out of the page", hint: hint),
        ])
        #expect(DroppedHTML.hint.contains("unsafe: true in site.yml") && DroppedHTML.hint.contains("action block"))
    }

    /// cmark counts bytes; after "Año " the `<` is the fifth character, not the sixth byte.
    @Test func rawHTMLAfterAccentedLettersIsAtItsCharacterColumn() throws {
        let site = try TemporarySite(files: ["content/posts/a.md": post("title: \"A\"\ndate: 2026-10-01", body: "Año <b>nuevo</b> y más <i>x</i>.\n")])
        defer { site.remove() }
        #expect(try site.build().warnings == [
            .warning("content/posts/a.md", line: 5, column: 5, "the HTML `<b>` is left out of the page", hint: DroppedHTML.hint),
        ])
    }

    @Test func rawHTMLIsKeptWithoutAWordWhenTheSiteIsUnsafe() throws {
        let site = try TemporarySite(files: [
            "site.yml": "base_url: \"https://example.org/\"\nunsafe: true\n",
            "content/posts/a.md": post("title: \"A\"\ndate: 2026-10-01", body: "<div>kept</div>\n"),
        ])
        defer { site.remove() }
        #expect(try site.build().warnings == [])
        #expect(try site.read("posts/a/index.html").contains("<div>kept</div>"))
    }

    @Test(arguments: [
        // An unclosed quote: at the quote, not at the end of the front matter.
        ("title: \"Day 1: Pack the court\ndate: 2026-10-01\nkind: report", 2, 8, "the quote \" that opens here is never closed",
            "end the value with \" on the same line, for example title: \"Day 1: Pack the court\""),
        ("title: 'Day 1\r\ndate: 2026-10-01", 2, 8, "the quote ' that opens here is never closed",
            "end the value with ' on the same line, for example title: 'Day 1: Pack the court'"),
        // …and when the next quote closes it, lines later.
        ("title: \"Day 1\ndate: 2026-10-01\nsummary: \"The court\"", 2, 8,
            "the quote \" that opens here is not closed on its line, so the lines after it are read as part of the value",
            "end the value with \" on the same line, for example title: \"Day 1: Pack the court\""),
        ("title: 'It's here'\ndate: 2026-10-01", 2, 11,
            "the value in single quotes ends at this apostrophe, and YAML cannot read the rest of the line",
            "write the value in double quotes, \"It's here\", or double each apostrophe inside: 'It''s here'"),
        ("title: \"Say \"no\" today\"\ndate: 2026-10-01", 2, 13,
            "the value in double quotes ends at this quote, and YAML cannot read the rest of the line",
            "write the value in single quotes, 'Say \"no\" today', or put a backslash before each quote inside: \"Say \\\"no\\\" today\""),
        ("title: \"A\"\ndate: 2026-10-01\nevent:\n\tstart: 2026-11-30T18:00", 5, 1,
            "this line is indented with a tab, which YAML does not allow",
            "indent with spaces only: replace the tab at the start of the line with two spaces"),
        ("title: \"A\"\ntags:\n  - a\n \t- b\ndate: 2026-10-01", 5, 2,
            "this line is indented with a tab, which YAML does not allow",
            "indent with spaces only: replace the tab at the start of the line with two spaces"),
        ("event:\n    start: 2026-11-30T18:00\n  end: 2026-11-30T20:00\ntitle: \"A\"", 4, 3, "YAML expected a new `key:` line here",
            "check that the keys of one map start in the same column, and that the line above is complete"),
    ])
    func yamlMistakesAreReportedWhereTheyStart(frontMatter: String, line: Int, column: Int, message: String, hint: String) throws {
        let site = try TemporarySite(files: ["content/posts/a.md": post(frontMatter)])
        defer { site.remove() }
        #expect(site.failure() == [.error("content/posts/a.md", line: line, column: column, message, hint: hint)])
    }

    @Test func nearestName() {
        #expect(NearestName.nearest(to: "categroies", in: ["categories", "tags"]) == "categories")
        #expect(NearestName.nearest(to: "category", in: ["categories", "tags"]) == "categories")
        #expect(NearestName.nearest(to: "seires", in: ["series", "series_day"]) == "series")
        #expect(NearestName.nearest(to: "data", in: ["date"]) == "date")
        #expect(NearestName.nearest(to: "note", in: ["date", "lang", "slug", "kind", "tags"]) == nil)
        #expect(NearestName.nearest(to: "location_url", in: PostParser.knownKeys) == nil)
        #expect(NearestName.damerauLevenshtein(Array("titel"), Array("title")) == 1)
        #expect(NearestName.damerauLevenshtein(Array("kitten"), Array("sitting")) == 3)
    }

    /// The index `check` uses for thousands of broken links answers exactly as comparing with
    /// every name does: typos of every kind (swaps, plurals, case, accents, short names) of
    /// addresses drawn from a fixed seed, and addresses near none.
    @Test func theNameIndexAnswersAsComparingWithEveryName() {
        var random = SplitMix(seed: 7)
        let words = ["detention", "vigil", "día", "asylum", "court", "tps", "niñez", "family", "a", "letter", "q"]
        let names = (0..<300).map { _ in
            "/posts/" + (0..<(1 + random.next() % 4)).map { _ in words[random.next() % words.count] }.joined(separator: "-") + "/"
        } + ["category", "tags", "Series", "ab", "abcd", "abcdefgh"]
        let sorted = Array(Set(names)).sorted()
        let index = NearestNameIndex(sorted)
        var questions = ["categories", "tag", "SERIES", "ac", "abdc", "abcdefghij", "/posts/nothing-like-this/", ""]
        for _ in 0..<600 {
            var characters = Array(sorted[random.next() % sorted.count])
            for _ in 0..<(random.next() % 4) where !characters.isEmpty {
                let at = random.next() % characters.count
                switch random.next() % 5 {
                case 0: characters.remove(at: at)
                case 1: characters.insert("x", at: at)
                case 2: characters[at] = "ñ"
                case 3: if at + 1 < characters.count { characters.swapAt(at, at + 1) }
                default: characters[at] = Character(characters[at].uppercased())
                }
            }
            questions.append(String(characters))
        }
        // Addresses alone share `/posts/`, which the index leaves out of its pieces.
        let addresses = sorted.filter { $0.hasPrefix("/posts/") }
        let addressIndex = NearestNameIndex(addresses)
        for question in questions {
            #expect(index.nearest(to: question) == NearestName.nearest(to: question, in: sorted), "\(question)")
            #expect(addressIndex.nearest(to: question) == NearestName.nearest(to: question, in: addresses), "\(question)")
        }
    }
}

@Suite struct SiteLanguageMessageTests {
    /// The editor chose the language in site.yml: that is where the message points.
    @Test func aSiteLanguageWithoutWordsIsShownAtItsSiteYmlLine() throws {
        let site = try TemporarySite(files: [
            "site.yml": "title: \"X\"\nbase_url: \"https://example.org/\"\nlanguage: fr\n",
            "content/posts/a.md": post("title: \"A\"\ndate: 2026-10-01"),
        ])
        defer { site.remove() }
        let found = site.failure()
        #expect(found.count == 1)
        #expect(found.first?.location == "site.yml:3:11")
        #expect(found.first?.message == "the theme has no strings in the site's language (fr): there is no themes/default/i18n/fr.yml")
    }
}
