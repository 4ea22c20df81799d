import Foundation
import Yams

/// `broadside new <kind> "Title"`: a post file with the front matter its kind needs, dated
/// now in the site's time zone and marked as a draft, so it builds at once and is published
/// only when the editor removes `draft: true`.
public enum NewPost {
    public struct Request: Sendable {
        public var kind: Kind
        public var title: String
        /// The file's name instead of the title's slug.
        public var slug: String?
        /// For an action day: the series it is a day of (else the newest action day's).
        public var series: String?
        public var lang: String?
        /// The slug of the post this one translates: its `translation_key` is shared.
        public var translationOf: String?
        public var now: Date

        public init(kind: Kind, title: String, slug: String? = nil, series: String? = nil, lang: String? = nil,
            translationOf: String? = nil, now: Date)
        {
            (self.kind, self.title, self.slug, self.series, self.lang, self.now) = (kind, title, slug, series, lang, now)
            self.translationOf = translationOf
        }
    }

    /// Why no post was written: `usage` when the command was wrong (exit status 2), else the site.
    public struct Failure: Error, Sendable {
        public var diagnostics: [Diagnostic]
        public var usage: Bool
    }

    /// The kind named `name`, or a usage error that suggests the nearest.
    public static func kind(named name: String) -> Result<Kind, Diagnostic> {
        if let kind = Kind(rawValue: name.lowercased()) { return .success(kind) }
        // `page` is no kind of post, but `new page` writes one: a typo of it is suggested too.
        let names = Kind.allCases.map(\.rawValue) + ["page"]
        return .failure(.error(nil, "unknown kind \"\(Excerpt.short(name))\"",
            hint: KeySuggestions.hint("use one of \(names.joined(separator: ", "))", near: name.lowercased(), in: names)))
    }

    /// Writes the post into `source`'s `content/posts/`; its path relative to `source`.
    public static func write(_ request: Request, source: URL) -> Result<String, Failure> {
        func usage(_ message: String, hint: String) -> Result<String, Failure> {
            .failure(Failure(diagnostics: [.error(nil, message, hint: hint)], usage: true))
        }
        // A title pasted from a web page or a mis-decoded file brings control characters along.
        let title = ControlCharacters.cleaned(request.title).trimmed
        guard !title.isEmpty else {
            return usage("the title is empty", hint: "give the post's title in quotes: broadside new dispatch \"Vigil Tonight\"")
        }
        var slug = Slug.make(request.slug ?? title)
        if slug.isEmpty, let written = request.slug {
            return usage("--slug \"\(Excerpt.short(written))\" has no letters or digits", hint: "for example --slug vigil-tonight")
        }
        if let lang = request.lang, !SiteConfig.isLanguageTag(lang) {
            return usage("--lang \"\(Excerpt.short(lang))\" is not a language code", hint: "use a code such as en, es or pt-BR")
        }
        if request.series != nil && request.kind != .actionDay {
            return usage("--series is for posts of kind action-day", hint: "leave out --series, or write: broadside new action-day \"\(Excerpt.short(title))\" --series \"…\"")
        }
        if let series = request.series, series.trimmed.isEmpty {
            return usage("--series is empty", hint: "give the series' name: --series \"Week of Action for Due Process\"")
        }

        let (config, configDiagnostics) = SiteConfig.load(from: source, baseURLOverride: nil)
        if configDiagnostics.hasErrors {
            return .failure(Failure(diagnostics: configDiagnostics.filter { $0.severity == .error }, usage: false))
        }
        let folder = SiteFolder(source)
        let posts = ContentLoader.postsFolder
        switch folder.look(at: posts, within: folder.bounds) {
        case .success(.folder): break
        case .failure(let problem): return .failure(Failure(diagnostics: [problem], usage: false))
        case .success(.missing), .success(.file):
            return .failure(Failure(diagnostics: [.error(nil, "there is no \(posts)/ folder in \(source.path)",
                hint: "run broadside new in your site's folder or pass --source; to start a site, run broadside init")], usage: false))
        }
        let existing = ExistingPosts.read(folder, timeZone: config.timeZone)
        // A title of emoji or symbols alone ("🎉🎉") names the file by the day, not by nothing.
        if slug.isEmpty { slug = datedSlug(request.now, timeZone: config.timeZone, taken: Set(existing.map(\.slug)), source: source) }
        // A report's PDF goes beside its text: a post folder, published with the post.
        let path = request.kind == .report ? "\(posts)/\(slug)/index.md" : "\(posts)/\(slug).md"
        if NewFile.exists(source.path + "/" + path), NewFile.notARegularFile(source.path + "/" + path) == nil {
            return .failure(Failure(diagnostics: [.error(path, "this file already exists, and Broadside never replaces a post",
                hint: "choose another title, or give the new file another name with --slug")], usage: false))
        }
        if let other = existing.first(where: { $0.slug == slug }) {
            return .failure(Failure(diagnostics: [.error(path, "the slug \"\(slug)\" is already used by \(other.source)",
                hint: "choose another title, or give the new file another name with --slug")], usage: false))
        }
        let lang = request.lang.map(SiteConfig.canonicalLanguageTag) ?? config.language
        if request.lang != nil, let problem = languageProblem(lang, source: source, config: config) {
            return .failure(Failure(diagnostics: [problem], usage: true))
        }
        var translationKey: String?
        if let original = request.translationOf {
            guard let found = existing.first(where: { $0.slug == Slug.make(original) }) else {
                return usage("--translation-of \"\(Excerpt.short(original))\": there is no post with this slug",
                    hint: "give the slug of the post this one translates, its file's name without .md"
                        + (NearestName.nearest(to: original, in: existing.map(\.slug).sorted()).map { " (did you mean \($0)?)" } ?? ""))
            }
            // Two versions in one language with one key are an error of the build: say so before writing.
            let originalLang = found.lang.map(SiteConfig.canonicalLanguageTag) ?? config.language
            guard originalLang != lang else {
                return usage("--translation-of \(found.slug): that post is in \(lang) too, and a translation is in another language",
                    hint: "give the translation's language with --lang, such as --lang \(lang == "es" ? "en" : "es")")
            }
            translationKey = found.translationKey ?? found.slug
        }
        var seriesDay: (name: String, day: Int)?
        if request.kind == .actionDay {
            // The newest action day in the post's language: a Spanish week is a series of its own.
            let newest = existing.filter { $0.kind == .actionDay && $0.series != nil && ($0.lang ?? config.language) == lang }
                .max { ($0.date, $0.source) < ($1.date, $1.source) }
            guard let name = request.series?.trimmed ?? newest?.series else {
                return usage("there is no week of action yet to add this day to",
                    hint: "name its series: broadside new action-day \"\(Excerpt.short(title))\" --series \"Week of Action for Due Process\"")
            }
            let taken = existing.filter { $0.series == name && ($0.lang ?? config.language) == lang }.compactMap(\.seriesDay)
            let day = (taken.max() ?? 0) + 1
            guard day <= PostParser.maximumSeriesDay else {
                return usage("the series \"\(Excerpt.short(name))\" already has day \(PostParser.maximumSeriesDay), its last possible day",
                    hint: "start a new series with --series")
            }
            seriesDay = (name, day)
        }
        let text = Self.text(request, title: title, slug: slug, lang: lang == config.language ? nil : lang,
            language: lang, translationKey: translationKey, series: seriesDay, timeZone: config.timeZone)
        if request.kind == .report, let problem = makePostFolder(source.path + "/" + posts + "/" + slug, shown: path) {
            return .failure(Failure(diagnostics: [problem], usage: false))
        }
        switch NewFile.create(source.path + "/" + path, text) {
        case .written: return .success(path)
        case .exists where NewFile.notARegularFile(source.path + "/" + path) != nil:
            let what = NewFile.notARegularFile(source.path + "/" + path)!
            return .failure(Failure(diagnostics: [.error(path, "\(what) is already here, so Broadside will not write the post into it",
                hint: "choose another title, or give the new file another name with --slug")], usage: false))
        case .exists:
            return .failure(Failure(diagnostics: [.error(path, "this file already exists, and Broadside never replaces a post",
                hint: "choose another title, or give the new file another name with --slug")], usage: false))
        case .failed(let reason):
            return .failure(Failure(diagnostics: [.error(path, "the post cannot be written: \(reason)",
                hint: "check that you may write in \(posts)/")], usage: false))
        }
    }

    /// `2026-12-05`, or `2026-12-05-2` … when a post or file already has it.
    static func datedSlug(_ now: Date, timeZone: TimeZone, taken: Set<String>, source: URL) -> String {
        let seconds = now.timeIntervalSince1970.rounded(.down)
        let day = DateText.day(PostDate(secondsSince1970: seconds, offset: timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: seconds))))
        let posts = source.path + "/" + ContentLoader.postsFolder + "/"
        func free(_ slug: String) -> Bool {
            !taken.contains(slug) && !NewFile.exists(posts + slug + ".md") && !NewFile.exists(posts + slug)
        }
        if free(day) { return day }
        return (2...).lazy.map { "\(day)-\($0)" }.first(where: free)!
    }

    /// The post's text: front matter, then a placeholder saying what to write.
    static func text(_ request: Request, title: String, slug: String, lang: String?, language: String, translationKey: String? = nil,
        series: (name: String, day: Int)?, timeZone: TimeZone) -> String
    {
        let placeholderLang = language
        let seconds = request.now.timeIntervalSince1970.rounded(.down)
        let now = PostDate(secondsSince1970: seconds, offset: timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: seconds)))
        var lines = ["---", "title: \(NewFile.quoted(title))", "date: \(DateText.iso8601(now))", "kind: \(request.kind.rawValue)"]
        if let lang { lines.append("lang: \(lang)") }
        if let translationKey { lines.append("translation_key: \(NewFile.quoted(translationKey))") }
        switch request.kind {
        case .actionDay:
            if let series {
                lines += ["series: \(NewFile.quoted(series.name))", "series_day: \(series.day)"]
            }
        case .perspective:
            lines += ["# " + ScaffoldText.comment(.author, placeholderLang), "author: \(NewFile.quoted(ScaffoldText.author(placeholderLang)))"]
        case .event:
            lines += [
                "event:",
                "  # " + ScaffoldText.comment(.event, placeholderLang),
                "  start: \(DateText.iso8601(eventStart(after: now, timeZone: timeZone)))",
                "  location: \(NewFile.quoted(ScaffoldText.location(placeholderLang)))",
            ]
        case .report:
            lines += [
                "# " + ScaffoldText.comment(.attachment, placeholderLang),
                "# attachments:",
                "#   - file: \(slug).pdf",
                "#     label: \(NewFile.quoted(ScaffoldText.comment(.attachmentLabel, placeholderLang)))",
            ]
        case .dispatch, .qa, .letter:
            break
        }
        lines += ["# " + ScaffoldText.comment(.draft, placeholderLang), "draft: true", "---"]
        return lines.joined(separator: "\n") + "\n" + body(request.kind, lang: placeholderLang)
    }

    /// What the editor must add to the original of a translation that has no `translation_key` yet:
    /// `new` writes only the new file, never into another post.
    public static func keyToAddToOriginal(translationOf original: String, source: URL) -> String? {
        let (config, _) = SiteConfig.load(from: source, baseURLOverride: nil)
        guard let found = ExistingPosts.read(SiteFolder(source), timeZone: config.timeZone).first(where: { $0.slug == Slug.make(original) }),
            found.translationKey == nil
        else { return nil }
        return "Add translation_key: \(NewFile.quoted(found.slug)) to \(found.source) too, so the two are linked"
    }

    /// An error when the theme has no strings in `lang`: every page of the post would be in other words.
    private static func languageProblem(_ lang: String, source: URL, config: SiteConfig) -> Diagnostic? {
        let (theme, _) = Theme.load(source: source, name: config.theme, language: config.language, languageAt: config.languageAt)
        guard let strings = theme?.strings, strings.languages[lang] == nil else { return nil }
        return .error(nil, "--lang \(lang): the theme has no words in this language",
            hint: "use one of \(strings.codes.joined(separator: ", ")), or add i18n/\(lang).yml to the site, translated from i18n/\(config.language).yml")
    }

    /// The report's folder, made only where nothing is: never through a link or into a folder of another post.
    private static func makePostFolder(_ path: String, shown: String) -> Diagnostic? {
        if let what = NewFile.notARegularFile(path) {
            return .error((shown as NSString).deletingLastPathComponent, "\(what) is already here, so Broadside will not write the post into it",
                hint: "choose another title, or give the new post another name with --slug")
        }
        if NewFile.exists(path) {
            return .error((shown as NSString).deletingLastPathComponent, "a file is already here, so the post folder cannot be made",
                hint: "choose another title, or give the new post another name with --slug")
        }
        guard mkdir(path, 0o755) == 0 else {
            return .error((shown as NSString).deletingLastPathComponent, "the post folder cannot be made: \(SiteFolder.reason(errno))",
                hint: "check that you may write in \(ContentLoader.postsFolder)/")
        }
        return nil
    }

    /// 18:00 in the site's time zone, a week after `now`'s day there, with the offset in force then.
    static func eventStart(after now: PostDate, timeZone: TimeZone) -> PostDate {
        let today = now.civil
        let (year, month, day) = PostDate.civilFromDays(PostDate.daysFromCivil(year: today.year, month: today.month, day: today.day) + 7)
        func pad(_ value: Int, _ width: Int = 2) -> String {
            String(repeating: "0", count: max(0, width - String(value).count)) + String(value)
        }
        // Past `latestYear` (a "now" in its last week), the build refuses the date with its reason.
        return PostDate.parse("\(pad(year, 4))-\(pad(month))-\(pad(day))T18:00:00", timeZone: timeZone, latestYear: 9999)
            ?? now
    }

    private static func body(_ kind: Kind, lang: String) -> String {
        ScaffoldText.body(kind, lang: lang).joined(separator: "\n") + "\n"
    }
}

/// What `new` needs of the posts already written: their slugs, and the series and days of
/// action days. Read with the front-matter parser, even from a post whose other fields have errors.
struct ExistingPosts {
    var source: String
    var slug: String
    var kind: Kind?
    var date: PostDate
    var lang: String?
    var series: String?
    var seriesDay: Int?
    var translationKey: String? = nil

    static func read(_ folder: SiteFolder, timeZone: TimeZone) -> [ExistingPosts] {
        let posts = ContentLoader.postsFolder
        let (files, _) = folder.files(in: posts, within: folder.bounds, skip: { $0.hasPrefix(".") }, keep: { $0.hasSuffix(".md") },
            checkReadable: false)
        return files.compactMap { found in
            let source = "\(posts)/\(found.path)"
            let stem = PostFolder.stem(ofPostAt: found.path)
            guard let data = try? FileBytes.read(found.real, limit: TextLimit.post.bytes).get(), let text = String(validatingUTF8: data),
                let parts = FrontMatter.split(text),
                case .success(let root) = YAMLDocument.parse(String(parts.yaml), file: source, lineOffset: 1),
                let mapping = root?.mapping
            else {
                return ExistingPosts(source: source, slug: Slug.make(stem), date: PostDate(secondsSince1970: 0, offset: 0))
            }
            var fields: [String: String] = [:]
            for (key, value) in mapping { if let name = key.text, let text = value.text { fields[name] = text.trimmed } }
            return ExistingPosts(
                source: source, slug: Slug.make(fields["slug"] ?? stem), kind: fields["kind"].flatMap { Kind(rawValue: $0.lowercased()) },
                date: fields["date"].flatMap { PostDate.parse($0, timeZone: timeZone) } ?? PostDate(secondsSince1970: 0, offset: 0),
                lang: fields["lang"], series: fields["series"], seriesDay: fields["series_day"].flatMap { Int($0) },
                translationKey: fields["translation_key"])
        }
    }
}
