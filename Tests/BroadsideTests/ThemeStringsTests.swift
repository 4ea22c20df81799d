import Foundation
import Mustache
import Testing

@testable import Broadside

/// The default theme's strings, read as a build reads them; loading them must say nothing.
private func defaultStrings(siteLanguage: String = "en") -> ThemeStrings {
    let (strings, diagnostics) = ThemeStrings.load(source: repositoryRoot, themeFolder: "themes/default", siteLanguage: siteLanguage)
    #expect(diagnostics == [])
    return strings
}

private func at(_ text: String) -> PostDate {
    PostDate.parse(text, timeZone: TimeZone(identifier: "UTC")!)!
}

@Suite struct ThemeStringsFormattingTests {
    let strings = defaultStrings()

    @Test func datesInEnglishAndSpanish() {
        let date = at("2020-03-09T18:30:00-05:00")
        #expect(strings.date(date, lang: "en") == "March 9, 2020")
        #expect(strings.date(date, lang: "es") == "9 de marzo de 2020")
        #expect(strings.dateTime(date, lang: "en") == "March 9, 2020, 6:30 pm")
        #expect(strings.dateTime(date, lang: "es") == "9 de marzo de 2020, 18:30")
        // The post's own offset decides the day, not UTC (where it is already March 10).
        #expect(strings.date(at("2020-12-31T23:59:00-08:00"), lang: "es") == "31 de diciembre de 2020")
    }

    @Test func midnightAndNoonOnBothClocks() {
        #expect(strings.time(at("2020-03-09T00:00:00Z"), lang: "en") == "12:00 am")
        #expect(strings.time(at("2020-03-09T00:05:00Z"), lang: "es") == "0:05")
        #expect(strings.time(at("2020-03-09T11:59:00Z"), lang: "en") == "11:59 am")
        #expect(strings.time(at("2020-03-09T12:00:00Z"), lang: "en") == "12:00 pm")
        #expect(strings.time(at("2020-03-09T12:00:00Z"), lang: "es") == "12:00")
        #expect(strings.time(at("2020-03-09T13:07:00Z"), lang: "en") == "1:07 pm")
        #expect(strings.time(at("2020-03-09T09:05:00Z"), lang: "es") == "9:05")
    }

    @Test func namesAreJoinedAsEachLanguageDoes() {
        #expect(strings.list([], lang: "en") == "")
        #expect(strings.list(["Ana Ruiz"], lang: "es") == "Ana Ruiz")
        #expect(strings.list(["Ana Ruiz", "Luis Pérez"], lang: "en") == "Ana Ruiz and Luis Pérez")
        #expect(strings.list(["Ana Ruiz", "Luis Pérez"], lang: "es") == "Ana Ruiz y Luis Pérez")
        #expect(strings.list(["Ana Ruiz", "Luis Pérez", "Mo Chen"], lang: "en") == "Ana Ruiz, Luis Pérez and Mo Chen")
        #expect(strings.list(["Ana Ruiz", "Luis Pérez", "Mo Chen"], lang: "es") == "Ana Ruiz, Luis Pérez y Mo Chen")
    }

    @Test func placeholdersAreFilledOnce() {
        #expect(strings.text("page_of", lang: "en", ["page": "2", "pages": "7"]) == "Page 2 of 7")
        #expect(strings.text("page_of", lang: "es", ["page": "2", "pages": "7"]) == "Página 2 de 7")
        let authors = strings.list(["Ana Ruiz"], lang: "en")
        #expect(strings.text("by_authors", lang: "en", ["kind": strings.text("kind.perspective", lang: "en"), "authors": authors])
            == "Perspective by Ana Ruiz")
        // A value holding a placeholder is written as it is; a placeholder without a value stays visible.
        #expect(strings.text("category_heading", lang: "en", ["name": "{page}"]) == "Category: {page}")
        #expect(strings.text("page_of", lang: "en", ["page": "2"]) == "Page 2 of {pages}")
        #expect(Placeholders.fill("{a} { b} {c-d} {} {", ["a": "x"]) == "x { b} {c-d} {} {")
    }

    @Test func aLanguageOrKeyWithoutStrings() {
        #expect(strings.text("read_more", lang: "fr") == "Read more")
        #expect(strings.text("no_such_key", lang: "es") == "no_such_key")
        #expect(strings.codes == ["en", "es"])
    }

    @Test func aPostInALanguageTheThemeLacks() {
        #expect(strings.languageProblem("es", file: "content/posts/a.md", line: 4, column: 7) == nil)
        #expect(strings.languageProblem("fr", file: "content/posts/a.md", line: 4, column: 7)
            == .error("content/posts/a.md", line: 4, column: 7, "the theme has no strings in `fr`, so no page can be written in it",
                hint: "add themes/default/i18n/fr.yml or the site's own i18n/fr.yml, translated from themes/default/i18n/en.yml, or use one of en, es"))
    }

    @Test func languageNames() {
        #expect(strings.languageName("es", in: "en") == "Español")
        #expect(strings.languageName("en", in: "es") == "English")
        #expect(strings.languageName("fr", in: "en") == "fr")
    }

    @Test func sizesRoundToWhatAReaderNeeds() {
        #expect(strings.size(0, lang: "en") == "0 bytes")
        #expect(strings.size(999, lang: "en") == "999 bytes")
        #expect(strings.size(1000, lang: "en") == "1 KB")
        #expect(strings.size(1449, lang: "en") == "1.4 KB")
        #expect(strings.size(1450, lang: "es") == "1,5 KB")
        #expect(strings.size(9_949, lang: "en") == "9.9 KB")
        #expect(strings.size(9_950, lang: "en") == "10 KB")
        #expect(strings.size(940_000, lang: "en") == "940 KB")
        #expect(strings.size(999_499, lang: "en") == "999 KB")
        #expect(strings.size(999_500, lang: "en") == "1 MB")
        #expect(strings.size(2_345_678, lang: "en") == "2.3 MB")
        #expect(strings.size(2_345_678, lang: "es") == "2,3 MB")
        #expect(strings.size(2_000_000, lang: "es") == "2 MB")
        #expect(strings.size(15_500_000, lang: "en") == "16 MB")
        #expect(strings.size(1_250_000_000, lang: "en") == "1.3 GB")
        #expect(strings.size(Int.max, lang: "en") == "9223 PB")
    }

    @Test func attachmentTypesByExtension() {
        #expect(strings.typeName(ofFile: "Know Your Rights.PDF", lang: "en") == "PDF")
        #expect(strings.typeName(ofFile: "budget.xlsx", lang: "es") == "Hoja de cálculo")
        #expect(strings.typeName(ofFile: "letter.docx", lang: "en") == "Word document")
        #expect(strings.typeName(ofFile: "photo.jpeg", lang: "es") == "Imagen")
        #expect(strings.typeName(ofFile: "notes", lang: "en") == "File")
        #expect(strings.typeName(ofFile: "v1.2/notes", lang: "es") == "Archivo")
        #expect(AttachmentType.of(fileName: "a.docx")
            == AttachmentType(mediaType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", name: "word"))
        #expect(AttachmentType.of(fileName: "a.tar.gz") == AttachmentType(mediaType: "application/octet-stream", name: "file"))
    }

    /// Templates reach groups with dots and hyphenated kinds as they are: `{{t.kind.action-day}}`.
    @Test func templatesSeeTheStringsAsNestedMaps() throws {
        let template = try MustacheTemplate(string: "{{t.read_more}} · {{t.kind.action-day}} · {{t.page_of}} · {{#t.months}}{{.}},{{/t.months}}")
        let spanish = template.render(TemplateMap(["t": .map(strings.templateValues(lang: "es"))]))
        #expect(spanish == "Leer más · Día de acción · Página {page} de {pages} · "
            + "enero,febrero,marzo,abril,mayo,junio,julio,agosto,septiembre,octubre,noviembre,diciembre,")
    }
}

@Suite struct ThemeStringsFileTests {
    /// Both languages of the default theme have the same keys, and so every label Broadside needs.
    @Test func englishAndSpanishHaveTheSameKeys() throws {
        func keys(_ name: String) throws -> Set<String> {
            let text = try String(contentsOf: repositoryRoot.appendingPathComponent("themes/default/i18n/\(name)"), encoding: .utf8)
            let (file, diagnostics) = StringsFile.parse(text, file: name)
            #expect(diagnostics == [])
            return file.keys
        }
        let english = try keys("en.yml")
        #expect(english == (try keys("es.yml")))
        #expect(StringKeys.required.isSubset(of: english))
        let templateKeys = [
            "skip_to_content", "home", "categories", "tags", "kinds", "series", "events", "rss", "follow_rss", "built_with",
            "read_more", "no_posts", "page_of", "newer", "older", "page_title_suffix", "category_heading", "tag_heading",
            "by_authors", "series_day", "series_all_days", "previous_day", "next_day", "upcoming_events", "past_events",
            "event_when", "event_where", "event_online", "event_rsvp", "add_to_calendar", "attachments", "attachment_label",
            "image_credit", "translations", "read_in", "take_action",
        ]
        #expect(Set(templateKeys).subtracting(english) == [])
    }

    @Test func aSiteReplacesOneKey() throws {
        let site = try TemporarySite(files: ["i18n/es.yml": "read_more: \"Siga leyendo\"\n"])
        defer { site.remove() }
        let (strings, diagnostics) = ThemeStrings.load(source: site.root, themeFolder: "themes/default", siteLanguage: "en")
        #expect(diagnostics == [])
        #expect(strings.text("read_more", lang: "es") == "Siga leyendo")
        #expect(strings.text("older", lang: "es") == "Publicaciones anteriores")
        #expect(strings.text("read_more", lang: "en") == "Read more")
    }

    @Test func aSiteNamesALanguageInAnother() throws {
        let site = try TemporarySite(files: ["i18n/en.yml": "language:\n  es: \"Spanish\"\n"])
        defer { site.remove() }
        let (strings, diagnostics) = ThemeStrings.load(source: site.root, themeFolder: "themes/default", siteLanguage: "en")
        #expect(diagnostics == [])
        #expect(strings.languageName("es", in: "en") == "Spanish")
        #expect(strings.languageName("es", in: "es") == "Español")
    }

    @Test func theThemeCarriesItsStrings() throws {
        let site = try TemporarySite()
        defer { site.remove() }
        let (theme, diagnostics) = Theme.load(source: site.root, name: "default", language: "es")
        #expect(diagnostics == [])
        #expect(theme?.strings.text("kind.qa", lang: "es") == "Preguntas y respuestas")
        #expect(theme?.strings.siteLanguage == "es")
    }

    /// The diagnostics of loading the default theme with the site's own `i18n/` files.
    private func problems(_ files: [String: String], siteLanguage: String = "en") throws -> [Diagnostic] {
        let site = try TemporarySite(files: files)
        defer { site.remove() }
        return ThemeStrings.load(source: site.root, themeFolder: "themes/default", siteLanguage: siteLanguage).1
    }

    @Test func aFileThatIsNotAMap() throws {
        #expect(try problems(["i18n/es.yml": "# Spanish\n- Leer más\n"]) == [
            .error("i18n/es.yml", line: 2, column: 1, "this file must be a map of `key: text` lines",
                hint: "for example read_more: \"Read more\"; see the built-in theme's i18n/en.yml (broadside theme eject writes a copy)")
        ])
    }

    @Test func aValueThatIsNotText() throws {
        #expect(try problems(["i18n/es.yml": "kind:\n  qa: [Preguntas, respuestas]\n"]) == [
            .error("i18n/es.yml", line: 2, column: 7, "`kind.qa` must be text, not a list",
                hint: "write one text, in double quotes if it holds `: ` or starts with [ { & *: qa: \"…\"")
        ])
    }

    @Test func monthsThatAreNotTwelveTexts() throws {
        let hint = "months: [January, February, March, April, May, June, July, August, September, October, November, December]"
        #expect(try problems(["i18n/es.yml": "months: [enero, febrero]\n"]) == [
            .error("i18n/es.yml", line: 1, column: 9, "`months` has 2 names, not 12", hint: hint)
        ])
        #expect(try problems(["i18n/es.yml": "months: enero\n"]) == [
            .error("i18n/es.yml", line: 1, column: 9, "`months` must be a list of the 12 month names, January first", hint: hint)
        ])
        let eleven = (1...11).map { "m\($0)" }.joined(separator: ", ")
        #expect(try problems(["i18n/en.yml": "months: [\(eleven), [December]]\n"]) == [
            .error("i18n/en.yml", line: 1, column: 56, "a month name must be text, not a list or map", hint: hint)
        ])
    }

    @Test func aFileNameThatIsNotALanguageCode() throws {
        #expect(try problems(["i18n/spanish.yml": "read_more: \"Leer más\"\n", "i18n/es.yaml": "x: y\n"]) == [
            .warning("i18n/es.yaml", "Broadside reads i18n files named .yml; this file is ignored", hint: "rename it to i18n/es.yml"),
            .error("i18n/spanish.yml", "`spanish` is not a language code, so the language of this file is unknown",
                hint: "name the file after its language code, such as en.yml, es.yml or pt-BR.yml, directly in i18n/"),
        ])
    }

    @Test func aLinkOutsideTheSiteIsNotRead() throws {
        let secret = try Secret()
        defer { secret.remove() }
        let site = try TemporarySite()
        defer { site.remove() }
        try site.link("i18n/es.yml", to: secret.file.path)
        #expect(ThemeStrings.load(source: site.root, themeFolder: "themes/default", siteLanguage: "en").1 == [
            .error("i18n/es.yml", "this link leads outside the site folder, to \(Excerpt.short(secret.real)), and is not followed",
                hint: outsideHint)
        ])
    }

    @Test func aKeyWithADot() throws {
        #expect(try problems(["i18n/es.yml": "read_more: \"Siga leyendo\"\nkind.qa: \"P y R\"\n"]) == [
            .error("i18n/es.yml", line: 2, column: 1, "`kind.qa` cannot be a key: keys are made of letters, digits, - and _",
                hint: "write a group instead of dots: `kind:` on one line, then `  qa: \"Q&A\"` indented below it")
        ])
    }

    @Test func aPlaceholderTheKeyCannotHold() throws {
        #expect(try problems(["i18n/en.yml": "page_of: \"Page {page} of {total}, {total}\"\nread_more: \"Read {title}\"\n"]) == [
            .error("i18n/en.yml", line: 1, column: 10, "`{total}` is not a placeholder `page_of` can hold",
                hint: "`page_of` can hold {page}, {pages}"),
            .error("i18n/en.yml", line: 2, column: 12, "`{title}` is not a placeholder `read_more` can hold",
                hint: "`read_more` takes no placeholders: write the text without {title}"),
        ])
    }

    @Test func aMisspeltKeyAndATextWhereTheThemeHasAGroup() throws {
        #expect(try problems(["i18n/es.yml": "kind: \"Tipo\"\nraed_more: \"Siga leyendo\"\n"]) == [
            .error("i18n/es.yml", line: 1, column: 7, "`kind` is a group of keys in themes/default/i18n/es.yml, so it cannot be text here",
                hint: "set the keys of the group one by one: `kind:` on one line, then each key indented below it"),
            .warning("i18n/es.yml", line: 2, column: 12,
                "themes/default/i18n/en.yml has no key raed_more, so it may be misspelt or missing there",
                hint: "fix the spelling, or add it to themes/default/i18n/en.yml and every other language"),
        ])
    }

    @Test func aLanguageOnlyTheSiteHasNeedsEveryKey() throws {
        let site = try TemporarySite(files: [:])
        defer { site.remove() }
        let english = try String(contentsOf: repositoryRoot.appendingPathComponent("themes/default/i18n/en.yml"), encoding: .utf8)
        // A French file made from the English one, less two keys.
        let french = english.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.hasPrefix("read_more:") && !$0.hasPrefix("older:") }.joined(separator: "\n")
        try site.write("i18n/fr.yml", french)
        let (strings, diagnostics) = ThemeStrings.load(source: site.root, themeFolder: "themes/default", siteLanguage: "en")
        #expect(diagnostics == [
            .error("i18n/fr.yml", line: 3, column: 1, "this file lacks 2 keys that themes/default/i18n/en.yml has: older, read_more",
                hint: "copy them from themes/default/i18n/en.yml and translate them")
        ])
        #expect(strings.codes == ["en", "es", "fr"])
    }

    @Test func aThemeWhoseLanguagesDiffer() throws {
        let site = try TemporarySite()
        defer { site.remove() }
        let folder = repositoryRoot.appendingPathComponent("themes/default/i18n")
        let english = try String(contentsOf: folder.appendingPathComponent("en.yml"), encoding: .utf8)
        let spanish = try String(contentsOf: folder.appendingPathComponent("es.yml"), encoding: .utf8)
        // `themes` links to the repository's: a theme of the test's own goes in a folder of its own.
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("themes"))
        try site.write("themes/mini/i18n/en.yml", english.replacingOccurrences(of: "\nmonths:", with: "\n# months:"))
        try site.write("themes/mini/i18n/es.yml", spanish.replacingOccurrences(of: "\nread_more:", with: "\n# read_more:"))
        let (_, diagnostics) = ThemeStrings.load(source: site.root, themeFolder: "themes/mini", siteLanguage: "en")
        #expect(diagnostics == [
            .error("themes/mini/i18n/en.yml", line: 3, column: 1, "this file lacks the key months that Broadside needs",
                hint: "copy them from the built-in theme's i18n/en.yml (broadside theme eject writes a copy) and translate them"),
            .error("themes/mini/i18n/es.yml", line: 3, column: 1, "this file lacks the key read_more that themes/mini/i18n/en.yml has",
                hint: "copy them from themes/mini/i18n/en.yml and translate them"),
        ])
    }

    @Test func theSitesLanguageMissingFromTheTheme() throws {
        #expect(try problems([:], siteLanguage: "fr") == [
            .error("themes/default/i18n/fr.yml", "the theme has no strings in the site's language (fr): there is no themes/default/i18n/fr.yml",
                hint: "add themes/default/i18n/fr.yml, translated from themes/default/i18n/en.yml, or set language: in site.yml to one the theme has: en, es")
        ])
        // The site's own file is enough.
        let site = try TemporarySite()
        defer { site.remove() }
        let english = try String(contentsOf: repositoryRoot.appendingPathComponent("themes/default/i18n/en.yml"), encoding: .utf8)
        try site.write("i18n/fr.yml", english.replacingOccurrences(of: "\"Read more\"", with: "\"Lire la suite\""))
        let (strings, diagnostics) = ThemeStrings.load(source: site.root, themeFolder: "themes/default", siteLanguage: "fr")
        #expect(diagnostics == [])
        #expect(strings.text("read_more", lang: "fr") == "Lire la suite")
    }
}
