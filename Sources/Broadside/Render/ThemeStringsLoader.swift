import Foundation

extension ThemeStrings {
    /// Reads `THEME/i18n/*.yml`, then the site's own `i18n/*.yml`, whose keys replace the theme's
    /// in the language of the same name. Every language must have the keys of the theme's file in
    /// the site's language (else its `en.yml`) and those Broadside reads itself (`StringKeys`).
    static func load(source: URL, theme: ThemeLocation, siteLanguage: String,
                     languageAt: SourcePosition? = nil) -> (ThemeStrings, [Diagnostic]) {
        let site = SiteFolder(source)
        var diagnostics: [Diagnostic] = []
        var themeFiles: [String: StringsFile] = [:]
        var siteFiles: [String: StringsFile] = [:]
        let skip = { (name: String) in name.hasPrefix(".") }
        let keep = { (name: String) in name.hasSuffix(".yml") || name.hasSuffix(".yaml") }
        for (listed, isTheme) in [(theme.files(in: "i18n", of: site, skip: skip, keep: keep), true),
                                  (ThemeFile.list("i18n", of: site, within: site.bounds, skip: skip, keep: keep), false)] {
            diagnostics += listed.diagnostics
            for found in listed.files {
                let (code, strings, problems) = read(found)
                diagnostics += problems
                if let code, let strings {
                    if isTheme { themeFiles[code] = strings } else { siteFiles[code] = strings }
                }
            }
        }

        let wanted = theme.place("i18n/\(siteLanguage).yml")
        if themeFiles[siteLanguage] == nil && siteFiles[siteLanguage] == nil {
            let known = themeFiles.keys.sorted()
            // Shown where the editor chose the language, when site.yml chose it.
            diagnostics.append(.error(languageAt == nil ? wanted : SiteConfig.fileName, line: languageAt?.line, column: languageAt?.column,
                "the theme has no strings in the site's language (\(siteLanguage)): there is no \(wanted)",
                hint: known.isEmpty
                    ? "add \(wanted), copied from the built-in theme's i18n/\(defaultLanguages.contains(siteLanguage) ? "\(siteLanguage).yml" : "en.yml and translated")"
                    : "add \(wanted), translated from \(theme.copySource("i18n/\(known.contains("en") ? "en" : known[0]).yml")), or set language: in site.yml to one the theme has: \(known.joined(separator: ", "))"))
        }
        let reference = themeFiles[siteLanguage] ?? themeFiles["en"]
        let expected = (reference?.keys ?? []).union(StringKeys.required)

        var languages: [String: Language] = [:]
        for code in Set(themeFiles.keys).union(siteFiles.keys).sorted() {
            let files = [themeFiles[code], siteFiles[code]].compactMap { $0 }
            var clashing: Set<String> = []
            if let theme = themeFiles[code], let own = siteFiles[code] {
                let found = conflicts(of: own, with: theme)
                clashing = Set(found.map(\.key))
                diagnostics += found.map(\.diagnostic)
            }
            var language = Language()
            for file in files {
                language.texts.merge(file.entries.mapValues(\.text)) { _, own in own }
                language.months = file.months ?? language.months
            }
            languages[code] = language
            if files.allSatisfy(\.isWhole) {
                let missing = expected.subtracting(files.reduce(into: Set<String>()) { $0.formUnion($1.keys) })
                diagnostics += missingKeys(missing.sorted(), in: files[0], reference: reference, theme: theme)
            }
            for file in files where reference != nil && file.file != reference?.file {
                diagnostics += unknownKeys(of: file, expected: expected.union(clashing), reference: reference!)
            }
        }
        return (ThemeStrings(languages: languages, siteLanguage: siteLanguage, theme: theme), diagnostics)
    }

    /// The languages of Broadside's own default theme, to copy from.
    private static let defaultLanguages = ["en", "es"]

    /// The language code a file is named after and what it holds.
    private static func read(_ found: ThemeFile) -> (String?, StringsFile?, [Diagnostic]) {
        let shown = found.shown
        if found.path.hasSuffix(".yaml") {
            let renamed = String(shown.dropLast(".yaml".count)) + ".yml"
            return (nil, nil, [.warning(shown, "Broadside reads i18n files named .yml; this file is ignored",
                hint: "rename it to \(renamed)")])
        }
        let code = String(found.path.dropLast(".yml".count))
        guard SiteConfig.isLanguageTag(code) else {
            return (nil, nil, [.error(shown, "`\(Excerpt.short(code))` is not a language code, so the language of this file is unknown",
                hint: "name the file after its language code, such as en.yml, es.yml or pt-BR.yml, directly in i18n/")])
        }
        let text: String
        switch found.text(.strings, else: .error(shown, "this file cannot be read as UTF-8 text", hint: "save it as UTF-8")) {
        case .failure(let diagnostic): return (nil, nil, [diagnostic])
        case .success(let read): text = read
        }
        let (strings, problems) = StringsFile.parse(text, file: shown)
        // `pt-br.yml` holds the strings of `lang: pt-BR`: tags are the same whatever their case.
        return (SiteConfig.canonicalLanguageTag(code), strings, problems)
    }

    private static func missingKeys(_ missing: [String], in file: StringsFile, reference: StringsFile?, theme: ThemeLocation) -> [Diagnostic] {
        guard !missing.isEmpty else { return [] }
        let fromReference = reference.map { reference in file.file != reference.file && missing.allSatisfy(reference.keys.contains) } ?? false
        let source = fromReference ? "that \(reference!.file) has" : "that Broadside needs"
        // The reference is the theme's file (when it is the site's own, it has the same name here).
        let builtInPrefix = "\(ThemeLocation.builtIn.shown)/"
        let copyFrom = reference.map { $0.file.hasPrefix(builtInPrefix) ? theme.copySource(String($0.file.dropFirst(builtInPrefix.count))) : $0.file }
        let hint = fromReference
            ? "copy them from \(copyFrom!) and translate them"
            : "copy them from the built-in theme's i18n/en.yml (broadside theme eject writes a copy) and translate them"
        let what = missing.count == 1 ? "the key \(missing[0])" : "\(missing.count) keys"
        return [.error(file.file, line: file.line, column: file.column,
            "this file lacks \(what) \(source)\(missing.count == 1 ? "" : ": " + missing.joined(separator: ", "))", hint: hint)]
    }

    /// Keys no other language has: a misspelt key, or one the other languages lack.
    private static func unknownKeys(of file: StringsFile, expected: Set<String>, reference: StringsFile) -> [Diagnostic] {
        // `language.CODE` names another language (`languageName`): a site may add names its theme lacks.
        let unknown = file.keys.subtracting(expected).filter { !$0.hasPrefix("language.") }.sorted()
        guard !unknown.isEmpty else { return [] }
        let first = unknown.compactMap { file.entries[$0] }.min { ($0.line ?? 0, $0.column ?? 0) < ($1.line ?? 0, $1.column ?? 0) }
        return [.warning(file.file, line: first?.line, column: first?.column,
            "\(reference.file) has no \(unknown.count == 1 ? "key" : "keys") \(unknown.joined(separator: ", ")), so \(unknown.count == 1 ? "it" : "they") may be misspelt or missing there",
            hint: "fix the spelling, or add \(unknown.count == 1 ? "it" : "them") to \(reference.file) and every other language")]
    }

    /// A site key that is text where the theme has a group of keys, or the other way round: merged,
    /// one of them would hide the other from templates.
    private static func conflicts(of own: StringsFile, with theme: StringsFile) -> [(key: String, diagnostic: Diagnostic)] {
        var found: [(key: String, diagnostic: Diagnostic)] = []
        for (key, entry) in own.entries.sorted(by: { $0.key < $1.key }) {
            let parts = key.split(separator: ".")
            if let group = (1..<parts.count).map({ parts.prefix($0).joined(separator: ".") }).first(where: { theme.entries[$0] != nil }) {
                found.append((key, .error(own.file, line: entry.line, column: entry.column,
                    "`\(group)` is text in \(theme.file), so it cannot hold `\(key)` here",
                    hint: "write \(group): \"…\" as one text, as \(theme.file) does")))
            } else if theme.entries.keys.contains(where: { $0.hasPrefix(key + ".") }) {
                found.append((key, .error(own.file, line: entry.line, column: entry.column,
                    "`\(key)` is a group of keys in \(theme.file), so it cannot be text here",
                    hint: "set the keys of the group one by one: `\(key):` on one line, then each key indented below it")))
            }
        }
        return found
    }
}

extension ThemeStrings {
    /// The strings of the theme in the site's folder `themeFolder` (`themes/NAME`) and of the site.
    static func load(source: URL, themeFolder: String, siteLanguage: String) -> (ThemeStrings, [Diagnostic]) {
        load(source: source, theme: .folder(themeFolder), siteLanguage: siteLanguage)
    }
}
