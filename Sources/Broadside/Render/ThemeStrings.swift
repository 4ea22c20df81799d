/// The words a theme writes around posts, per language, from `themes/NAME/i18n/LANG.yml` and the
/// site's own `i18n/LANG.yml`. Dates, lists and sizes are written from these words and patterns,
/// never through the machine's locale, so output is the same on every machine.
struct ThemeStrings: Sendable, Equatable {
    struct Language: Sendable, Equatable {
        /// Key → text. Keys of nested groups are joined with dots: `kind.qa`.
        var texts: [String: String] = [:]
        /// January first; empty only when the file lacked them (an error at load).
        var months: [String] = []
    }

    /// Language code (the file's name) → its strings.
    var languages: [String: Language]
    /// Asked for when a page's language has no strings, and for missing keys.
    var siteLanguage: String
    /// Where the theme is, for messages.
    var theme: ThemeLocation

    /// The languages pages may be written in, sorted.
    var codes: [String] { languages.keys.sorted() }

    /// An error for a post whose `lang` has no strings (`file`, `line` and `column` are where `lang:` is):
    /// its page would be written in the words of another language.
    func languageProblem(_ lang: String, file: String, line: Int?, column: Int?) -> Diagnostic? {
        guard languages[lang] == nil else { return nil }
        return .error(file, line: line, column: column, "the theme has no strings in `\(lang)`, so no page can be written in it",
            hint: "add \(theme.place("i18n/\(lang).yml"))\(theme == .builtIn ? "" : " or the site's own i18n/\(lang).yml"), translated from "
                + "\(theme.copySource("i18n/\(siteLanguage).yml")), or use one of \(codes.joined(separator: ", "))")
    }

    /// The text of `key` with its `{placeholders}` filled from `values`; the key itself if no
    /// language has it, so a missing string shows on the page instead of vanishing.
    func text(_ key: String, lang: String, _ values: [String: String] = [:]) -> String {
        guard let text = languages[lang]?.texts[key] ?? languages[siteLanguage]?.texts[key] else { return key }
        return Placeholders.fill(text, values)
    }

    /// `March 9, 2020`, `9 de marzo de 2020`: the `date` pattern, in the date's own offset.
    func date(_ date: PostDate, lang: String) -> String {
        let civil = date.civil
        return text("date", lang: lang, ["month": month(civil.month, lang: lang), "day": "\(civil.day)", "year": "\(civil.year)"])
    }

    /// `6:30 pm`, `18:30`: the `time` pattern. Midnight is 12:00 am and noon 12:00 pm on a 12-hour clock.
    func time(_ date: PostDate, lang: String) -> String {
        let civil = date.civil
        let minute = civil.minute < 10 ? "0\(civil.minute)" : "\(civil.minute)"
        return text("time", lang: lang, [
            "hour12": "\(civil.hour % 12 == 0 ? 12 : civil.hour % 12)", "hour24": "\(civil.hour)", "minute": minute,
            "ampm": text(civil.hour < 12 ? "am" : "pm", lang: lang),
        ])
    }

    /// `March 9, 2020, 6:30 pm`, `9 de marzo de 2020, 18:30`: the `date_time` pattern, for events.
    func dateTime(_ date: PostDate, lang: String) -> String {
        text("date_time", lang: lang, ["date": self.date(date, lang: lang), "time": time(date, lang: lang)])
    }

    /// `Ana Ruiz, Luis Pérez and Mo Chen`: commas, then the language's `and` before the last.
    func list(_ items: [String], lang: String) -> String {
        guard let last = items.last else { return "" }
        guard items.count > 1 else { return last }
        return items.dropLast().joined(separator: ", ") + " \(text("and", lang: lang)) " + last
    }

    /// The name of the language `code` as `lang`'s file gives it (`language.CODE`), else as the
    /// language names itself (its `language_name`: "Español"), else the code.
    func languageName(_ code: String, in lang: String) -> String {
        languages[lang]?.texts["language.\(code)"] ?? languages[code]?.texts["language_name"] ?? code
    }

    /// `940 KB`, `2.3 MB`, `2,3 MB`: decimal units (1 KB is 1,000 bytes, as file managers count them),
    /// one decimal below 10 and whole numbers from 10, rounded half up; the `bytes` text below 1 KB.
    func size(_ bytes: Int, lang: String) -> String {
        guard bytes >= 1000 else { return text("bytes", lang: lang, ["size": "\(max(0, bytes))"]) }
        let units = ["KB", "MB", "GB", "TB", "PB"]
        var unit = 0
        var scale = 1000
        // 999,600 bytes round to 1,000 KB: that is 1 MB.
        while unit < units.count - 1, Self.rounded(bytes, scale) >= 1000 {
            unit += 1
            scale *= 1000
        }
        let tenths = Self.rounded(bytes, scale / 10)
        guard tenths < 100 else { return "\(Self.rounded(bytes, scale)) \(units[unit])" }
        let decimal = tenths % 10 == 0 ? "" : text("decimal_separator", lang: lang) + "\(tenths % 10)"
        return "\(tenths / 10)\(decimal) \(units[unit])"
    }

    /// `value / divisor` rounded half up, without the overflow of adding first.
    private static func rounded(_ value: Int, _ divisor: Int) -> Int {
        value / divisor + (value % divisor >= divisor - divisor / 2 ? 1 : 0)
    }

    /// `PDF`, `Word document`, `Hoja de cálculo`: the `type.NAME` label for the file's extension.
    func typeName(ofFile fileName: String, lang: String) -> String {
        text("type.\(AttachmentType.of(fileName: fileName).name)", lang: lang)
    }

    /// `NOV`, `DIC`: a month's first three letters, for an event's date badge.
    func shortMonth(_ date: PostDate, lang: String) -> String {
        String(month(date.civil.month, lang: lang).prefix(3)).uppercased()
    }

    private func month(_ number: Int, lang: String) -> String {
        let months = languages[lang]?.months ?? languages[siteLanguage]?.months ?? []
        return months.indices.contains(number - 1) ? months[number - 1] : "\(number)"
    }
}

extension ThemeStrings {
    /// `{{t.read_more}}`, `{{t.kind.action-day}}`, `{{#t.months}}{{.}}{{/t.months}}`: the strings of `lang`
    /// as nested maps, since Mustache reads a dot as a step into a group. Keys `lang` lacks come from
    /// the site's language. Placeholders are left as written: only Broadside fills them.
    func templateValues(lang: String) -> TemplateMap {
        var texts = languages[siteLanguage]?.texts ?? [:]
        texts.merge(languages[lang]?.texts ?? [:]) { _, own in own }
        var words = Self.nest(texts.map { (path: $0.key.split(separator: ".")[...], text: $0.value) })
        words[StringKeys.months] = .texts(languages[lang]?.months ?? languages[siteLanguage]?.months ?? [])
        return words
    }

    private static func nest(_ entries: [(path: ArraySlice<Substring>, text: String)]) -> TemplateMap {
        var values: [String: TemplateValue] = [:]
        var groups: [String: [(path: ArraySlice<Substring>, text: String)]] = [:]
        for (path, text) in entries {
            guard let head = path.first else { continue }
            if path.count == 1 {
                values[String(head)] = .text(text)
            } else {
                groups[String(head), default: []].append((path.dropFirst(), text))
            }
        }
        // Loading refuses a key that is both text and a group; text would win here.
        for (name, members) in groups where values[name] == nil {
            values[name] = .map(nest(members))
        }
        return TemplateMap(values)
    }
}
