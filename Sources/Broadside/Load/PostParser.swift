import Foundation
import Yams

/// Turns the text of one Markdown file into a `Post`, or says everything wrong with it.
struct PostParser: Sendable {
    var config: SiteConfig
    var rootPath: String
    /// The theme's strings, when the theme loaded: a post's `lang` must be one they have.
    var strings: ThemeStrings? = nil

    /// Whether a post whose front matter is valid should be built at all (drafts, future posts);
    /// bodies of posts left out are never converted.
    var include: @Sendable (_ draft: Bool, _ date: PostDate) -> Bool

    /// Seconds since 1970 after which a post's date is likely a typo (`check`: 30 days after now).
    var farAhead: Double? = nil

    /// `finder` looks up the files the post names; nil only where no site folder is at hand.
    func parse(_ contents: String, file: String, fileStem: String, finder: ResourceFinder? = nil) -> (Post?, [Diagnostic]) {
        let (post, _, diagnostics, _) = read(contents, file: file, fileStem: fileStem, finder: finder)
        return (post, diagnostics)
    }

    /// The post, or what series need of it when it is left out for its date (see `ScheduledDay`).
    /// `page`: for a file of `content/pages/`, its path there without `.md` (`get-help/rights`).
    func read(_ contents: String, file: String, fileStem: String, finder: ResourceFinder? = nil, page: String? = nil) -> (Post?, ScheduledDay?, [Diagnostic], LeftOutPost?) {
        guard let parts = FrontMatter.split(contents) else {
            if contents.drop(while: { $0 == "\u{FEFF}" }).hasPrefix("---") {
                return (nil, nil, [.error(file, line: 1, column: 1, "the front matter that starts here never ends",
                    hint: "add a line with only `---` after the last front-matter line, before the text of the post")], nil)
            }
            return (nil, nil, [.error(file, line: 1, column: 1, "the file does not start with front matter",
                hint: "begin the file with a `---` line, then title: and date:, then another `---` line")], nil)
        }
        var diagnostics: [Diagnostic] = []
        let root: Node?
        switch YAMLDocument.parse(String(parts.yaml), file: file, lineOffset: 1) {
        case .failure(let diagnostic): return (nil, nil, [diagnostic], nil)
        case .success(let node): root = node
        }
        var fields: [String: Node] = [:]
        var keys: [String: Node] = [:]
        var keyOrder: [String] = []
        if let root {
            guard let mapping = root.mapping else {
                return (nil, nil, [.error(file, line: (root.line ?? 0) + 1, column: root.column,
                    "the front matter must be `key: value` lines", hint: "for example title: \"Day 1: Pack the court\"")], nil)
            }
            // Yams has already refused a key set twice (see YAMLDocument).
            for (key, value) in mapping {
                guard let name = key.text else { continue }
                fields[name] = value
                keys[name] = key
                keyOrder.append(name)
            }
        }

        let errors = FieldErrors(file: file)
        func fail(_ node: Node, _ message: String, hint: String) {
            diagnostics.append(errors.error(at: node, message, hint: hint))
        }
        func text(_ key: String, hint: String) -> String? {
            errors.text(key, in: fields, hint: hint, diagnostics: &diagnostics)
        }
        func list(_ key: String) -> [String] {
            guard let node = fields[key] else { return [] }
            if let single = node.text {
                // `categories: Detention, Legal aid` is one category named with a comma.
                if node.isPlainScalar, single.contains(", ") {
                    let names = single.split(separator: ",").map { "\"\($0.trimmed)\"" }.joined(separator: ", ")
                    diagnostics.append(.warning(file, line: node.line.map { $0 + 1 }, column: node.column,
                        "`\(key)` is one name with a comma in it: \"\(single)\"",
                        hint: "for several \(key), write a list: \(key): [\(names)]; to keep one name with a comma, write \(key): [\"\(single)\"]"))
                }
                return single.isEmpty ? [] : [single]
            }
            guard let items = node.sequence else {
                fail(node, "`\(key)` must be a list of names", hint: "write \(key): [\"Detention\", \"Legal Aid\"] or one `- name` per line")
                return []
            }
            // Each term gets pages of its own: 10,000 tags on one post made 7 GB of output.
            guard items.count <= Self.maximumTerms else {
                let keyNode = keys[key] ?? node
                diagnostics.append(.error(file, line: keyNode.line.map { $0 + 1 }, column: keyNode.column,
                    "the post has \(items.count) \(key); at most \(Self.maximumTerms) are allowed",
                    hint: "keep the \(key) readers will look for, and remove the others"))
                return []
            }
            return items.compactMap { item in
                guard let name = item.text?.trimmed, !name.isEmpty else {
                    fail(item, "each of `\(key)` must be a name", hint: "write one name per `- ` line")
                    return nil
                }
                return name
            }
        }

        // A required key that is missing because it was misspelt: its error points at the
        // misspelling, and the misspelling gets no second message of its own.
        var misspellings: Set<String> = []
        func missing(_ key: String, hint: String) -> Diagnostic {
            let known = Self.knownKeys.sorted()
            guard let typo = keyOrder.first(where: { !Self.knownKeys.contains($0) && NearestName.nearest(to: $0, in: known) == key }),
                  let node = keys[typo] else {
                return .error(file, line: 1, column: 1, "the post has no \(key)", hint: "add a line such as \(hint) to the front matter")
            }
            misspellings.insert(typo)
            return .error(file, line: node.line.map { $0 + 1 }, column: node.column,
                "the post has no \(key): this key is written `\(typo)`", hint: "correct it to `\(key)`, as in \(hint)")
        }

        let title = text("title", hint: "title: \"Your title\"")
        if let node = fields["title"], title?.trimmed.isEmpty == true {
            diagnostics.append(.error(file, line: node.line.map { $0 + 1 }, column: node.column,
                "the post has no title", hint: "add a line such as title: \"Day 1: Pack the courtroom\" to the front matter"))
        } else if fields["title"] == nil {
            diagnostics.append(missing("title", hint: "title: \"Day 1: Pack the courtroom\""))
        }

        // `title: Vigil tonight #FreeThemAll` is valid YAML whose title is "Vigil tonight".
        // `\r\n` is one Character: splitting on "\n" would leave a CRLF file one long line.
        let yamlLines = parts.yaml.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        for key in ["title", "summary"] {
            guard let node = fields[key], node.isPlainScalar, let line = node.line, let column = node.column,
                line <= yamlLines.count
            else { continue }
            let written = yamlLines[line - 1].dropFirst(column - 1)
            if let hash = written.range(of: " #") ?? written.range(of: "\t#") {
                diagnostics.append(.warning(file, line: line + 1, column: column + written.distance(from: written.startIndex, to: hash.lowerBound) + 1,
                    "the \(key) stops before ` #`: YAML reads the rest of the line as a comment",
                    hint: "put the \(key) in double quotes to keep it whole: \(key): \"\(written.trimmed)\""))
            }
        }

        var date: PostDate?
        if let node = fields["date"] {
            if let value = node.text {
                date = PostDate.parse(value, timeZone: config.timeZone)
                if date == nil, PostDate.isAfterLatestYear(value, timeZone: config.timeZone) {
                    fail(node, "`date` is after the year \(PostDate.latestYear), the last a feed or calendar can hold: \"\(value)\"",
                        hint: "check the year; a post is dated when it is published, such as 2026-05-01")
                } else if date == nil {
                    fail(node, "`date` is not a date: \"\(value)\"",
                        hint: "write the date as 2026-05-01, or with a time and UTC offset as 2026-05-01T09:30:00-05:00")
                }
            } else {
                fail(node, "`date` must be a single date", hint: "date: 2026-05-01")
            }
        } else if page != nil {
            // A page is not news: it needs no date, and sorts after every post.
            date = PostDate.parse("1970-01-01T00:00:00Z", timeZone: config.timeZone)
        } else {
            diagnostics.append(missing("date", hint: "date: 2026-05-01 or date: 2026-05-01T09:30:00-05:00"))
        }
        if page != nil {
            for key in keyOrder where Self.postOnlyKeys.contains(key) {
                let node = keys[key] ?? fields[key]!
                diagnostics.append(.error(file, line: node.line.map { $0 + 1 }, column: node.column,
                    "`\(key)` belongs to posts: a page is never in a list, a feed or a series",
                    hint: "remove the line; to publish news, write a post in \(ContentLoader.postsFolder)/"))
            }
        }

        // `updated:`, when a post was last changed: the sitemap's lastmod and JSON-LD's dateModified.
        var updated: PostDate?
        if let node = fields["updated"] {
            updated = node.text.flatMap { PostDate.parse($0, timeZone: config.timeZone) }
            if updated == nil {
                fail(node, "`updated` is not a date: \"\(Excerpt.short(node.text ?? ""))\"",
                    hint: "write the day the post last changed, as 2026-05-02 or 2026-05-02T10:00:00-05:00")
            } else if let date, let changed = updated, changed.secondsSince1970 < date.secondsSince1970 {
                fail(node, "`updated` is before `date`: a post cannot change before it is published",
                    hint: "write the day the post last changed, on or after its date, or remove `updated`")
                updated = nil
            }
        }

        var kind: Kind?
        if let value = text("kind", hint: "kind: dispatch") {
            kind = Kind(rawValue: value.lowercased())
            if kind == nil, let node = fields["kind"] {
                fail(node, "unknown kind \"\(value)\"",
                    hint: KeySuggestions.hint("use one of \(Kind.allCases.map(\.rawValue).joined(separator: ", "))",
                        near: value.lowercased(), in: Kind.allCases.map(\.rawValue)))
            }
        }

        // `featured: true`: the lead story of the home page, while it is the newest so marked.
        var featured = false
        if let value = text("featured", hint: "featured: true"), let node = fields["featured"] {
            if let flag = SiteConfig.bool(value) { featured = flag } else {
                fail(node, "`featured` must be true or false", hint: "write featured: true to lead the home page with this post")
            }
        }
        // `search: false`: left out of the site's search (a thank-you page, an old notice).
        var searchable = true
        if let value = text("search", hint: "search: false"), let node = fields["search"] {
            if let flag = SiteConfig.bool(value) { searchable = flag } else {
                fail(node, "`search` must be true or false", hint: "write search: false to keep this out of the site's search")
            }
        }
        var draft = false
        if let value = text("draft", hint: "draft: true"), let node = fields["draft"] {
            if let flag = SiteConfig.bool(value) { draft = flag } else {
                fail(node, "`draft` must be true or false", hint: "write draft: true to keep the post off the site for now, or draft: false to publish it")
            }
        }

        var seriesDay: Int?
        if let value = text("series_day", hint: "series_day: 3"), let node = fields["series_day"] {
            seriesDay = Int(value)
            // Bounded, as every input: a series' page and each day's list hold every day up to it.
            if seriesDay == nil || !(1...Self.maximumSeriesDay).contains(seriesDay!) {
                seriesDay = nil
                fail(node, "`series_day` must be a whole number from 1 to \(Self.maximumSeriesDay)", hint: "write which day of the series this post is, such as series_day: 3 for its third day")
            }
        }

        var lang: String?
        if let value = text("lang", hint: "lang: es"), let node = fields["lang"] {
            if SiteConfig.isLanguageTag(value) { lang = SiteConfig.canonicalLanguageTag(value) } else {
                fail(node, "`lang` is not a language code: \"\(value)\"", hint: "use a code such as en, es or pt-BR")
            }
            if let lang, let problem = strings?.languageProblem(lang, file: file, line: node.line.map { $0 + 1 }, column: node.column) {
                diagnostics.append(problem)
            }
        }

        var slug = Slug.make(fileStem)
        if let value = text("slug", hint: "slug: day-1-pack-the-court"), let node = fields["slug"] {
            slug = Slug.make(value)
            if slug.isEmpty {
                fail(node, "`slug` has no letters or digits: \"\(value)\"", hint: "slug: day-1-pack-the-court")
            }
        } else if slug.isEmpty {
            diagnostics.append(.error(file, "the file name gives an empty slug",
                hint: "rename the file with letters or digits, or set slug: in the front matter"))
        }

        let authors = list("author")
        let categories = list("categories")
        let tags = list("tags")
        var summaryField = text("summary", hint: "summary: \"One sentence.\"")
        // `summary: ""` left by a copied post would give empty list entries and feed descriptions.
        if let summary = summaryField, summary.trimmed.isEmpty, let node = fields["summary"] {
            diagnostics.append(.warning(file, line: node.line.map { $0 + 1 }, column: node.column,
                "`summary` is empty, so the post's first paragraph is used instead",
                hint: "write one sentence in it, or remove the line"))
            summaryField = nil
        }
        let series = text("series", hint: "series: \"Week of Action\"")
        let translationKey = text("translation_key", hint: "translation_key: \"qa-clinic\"")
        let seriesKey = keys["series_day"] ?? keys["series"]
        // A `series_day` that is not a number already has its error.
        if fields["series_day"] == nil || seriesDay != nil, let problem = SeriesFrontMatter.pairing(seriesWritten: fields["series"] != nil, dayWritten: fields["series_day"] != nil,
            file: file, line: seriesKey?.line.map { $0 + 1 }, column: seriesKey?.column)
        {
            diagnostics.append(problem)
        }
        let event = EventFrontMatter.read(fields: fields, keys: keys, kind: kind, timeZone: config.timeZone, file: file, diagnostics: &diagnostics)

        for (key, value) in root?.mapping.map(Array.init) ?? [] where !Self.knownKeys.contains(key.text ?? "") {
            if !misspellings.contains(key.text ?? ""), let typo = KeySuggestions.warning(for: key, known: Self.knownKeys, written: Set(keyOrder), file: file) {
                diagnostics.append(typo)
            }
            diagnostics += ExtraKeys.check(key: key, value: value, file: file)
        }

        let (resourceFields, resourceDiagnostics) = ResourceFields.read(fields, keys: keys, file: file)
        diagnostics += resourceDiagnostics
        let (aliases, aliasDiagnostics) = AliasField.read(fields["aliases"], key: keys["aliases"], file: file, baseURL: config.baseURL)
        diagnostics += aliasDiagnostics

        let mistakes = PostMistakes(file: file, fields: fields)
        if let farAhead, let date, !draft, date.secondsSince1970 > farAhead, let node = fields["date"] {
            diagnostics.append(.warning(file, line: node.line.map { $0 + 1 }, column: node.column,
                "the post is dated \(DateText.day(date)), more than 30 days after now, so it is left out of the site until then",
                hint: "if the year or month is a typo, correct the date; a post meant for later can stay as it is"))
        }
        diagnostics += mistakes.controlCharacters() + mistakes.curlyQuotes() + (title.map(mistakes.title) ?? [])
        guard !diagnostics.hasErrors, let title, let date else { return (nil, nil, diagnostics, nil) }
        guard include(draft, date) else {
            // A future day of a series still counts in "Day 2 of 5"; a draft is not yet planned.
            let scheduled = draft ? nil : series.flatMap { series in seriesDay.map { day in
                ScheduledDay(source: file, title: title, date: date, lang: lang ?? config.language, series: series, day: day,
                    dayLine: fields["series_day"]?.line.map { $0 + 1 })
            } }
            return (nil, scheduled, diagnostics, LeftOutPost(source: file, date: date, draft: draft))
        }
        let pageFolder = page.map { Self.pageFolder($0, slug: slug, lang: lang ?? config.language, siteLanguage: config.language) }
        let (resources, resourceProblems) = resourceFields.resolve(with: finder, folder: pageFolder.map { $0 + "/" } ?? "posts/\(slug)/", file: file)
        diagnostics += resourceProblems
        guard !diagnostics.hasErrors else { return (nil, nil, diagnostics, nil) }

        var params: [String: FrontMatterValue] = [:]
        for key in keyOrder where !Self.knownKeys.contains(key) {
            if let node = fields[key] { params[key] = FrontMatterValue(node) }
        }
        // A draft is unfinished by definition: only what goes out with the post's name on it must be its own.
        if !draft { diagnostics += mistakes.placeholders(body: parts.body, bodyLineOffset: parts.bodyLineOffset) }
        guard !diagnostics.hasErrors else { return (nil, nil, diagnostics, nil) }
        let body = Markdown.render(String(parts.body), unsafe: config.unsafe, rootPath: rootPath)
        diagnostics += mistakes.emptyBody(html: body.html, summaryWritten: summaryField != nil, bodyLineOffset: parts.bodyLineOffset)
        for note in body.notes {
            diagnostics.append(.warning(file, line: note.line > 0 ? note.line + parts.bodyLineOffset : nil,
                column: note.line > 0 && note.column > 0 ? note.column : nil, note.message, hint: note.hint))
        }
        let (blocks, blockLinks, blockDiagnostics) = BlockParser(file: file, bodyLineOffset: parts.bodyLineOffset, unsafe: config.unsafe,
            rootPath: rootPath, timeZone: config.timeZone).parse(body.blocks)
        diagnostics += blockDiagnostics
        guard !blockDiagnostics.hasErrors else { return (nil, nil, diagnostics, nil) }
        var post = Post(
            source: file, slug: slug, title: title, date: date, kind: kind ?? .dispatch,
            authors: authors, categories: categories, tags: tags,
            summary: summaryField ?? Self.shortened(body.firstParagraph),
            lang: lang ?? config.language, series: series, seriesDay: seriesDay, translationKey: translationKey,
            draft: draft, body: PostHTML(body.html), params: params, slugLine: fields["slug"]?.line.map { $0 + 1 },
            blocks: blocks, seriesDayLine: fields["series_day"]?.line.map { $0 + 1 },
            translationKeyLine: fields["translation_key"]?.line.map { $0 + 1 }, event: event)
        post.resources = resources
        post.page = pageFolder
        post.titleLine = fields["title"]?.line.map { $0 + 1 }
        post.seriesLine = fields["series"]?.line.map { $0 + 1 }
        post.titleColumn = fields["title"]?.column
        post.seriesColumn = fields["series"]?.column
        post.translationKeyColumn = fields["translation_key"]?.column
        post.aliases = aliases
        post.updated = updated
        post.isDated = fields["date"] != nil
        post.featured = featured
        post.searchable = searchable
        post.links = body.links.map { $0.down(parts.bodyLineOffset) }
        post.images = body.images
        if !blockLinks.isEmpty { post.links = (post.links + blockLinks).sorted { ($0.line, $0.column) < ($1.line, $1.column) } }
        let embedded = post.links.filter(\.isEmbeddedImage).map { link in
            Diagnostic.error(file, line: link.line, column: link.column,
                "this image is written into the text as a data: URL, so Broadside cannot remove its metadata (a photo's GPS position) nor make sizes of it",
                hint: "save the image as a file beside index.md, or in static/, and write its name: ![What it shows](photo.jpg)")
        }
        guard embedded.isEmpty else { return (nil, nil, diagnostics + embedded, nil) }
        // Kept for the checks only: a link to another host is not theirs to judge (an image of
        // one is, for its alt text). Most links of a post lead elsewhere: 60 MB at 100,000 posts.
        post.links = post.links.filter { !LinkTargets.leadsElsewhere($0.url) || ($0.kind == .image && $0.missingAlt) }
        return (post, nil, diagnostics, nil)
    }

    /// A first paragraph used as the summary stops after `words` words, as Hugo's does,
    /// so one long opening paragraph does not fill a list page or a feed reader's preview.
    static func shortened(_ text: String, words: Int = 60) -> String {
        var count = 0
        var inWord = false
        for index in text.indices {
            let isSpace = text[index].isWhitespace
            if !isSpace && !inWord {
                count += 1
                if count > words { return text[..<index].trimmed + "…" }
            }
            inWord = !isSpace
        }
        return text
    }

    static let maximumTerms = 100

    /// What only a post may say: where it is listed, and what it announces.
    static let postOnlyKeys = ["kind", "categories", "tags", "series", "series_day", "event", "featured"]

    /// A page's folder: its path's folders as slugs, then its own slug (`slug:` or its name),
    /// below its language's folder when that is not the site's (`es/acerca-de`), as the
    /// language's home is. Pages kept in a folder named after their language
    /// (`content/pages/es/acerca-de.md`) are not put in it twice.
    static func pageFolder(_ path: String, slug: String, lang: String, siteLanguage: String) -> String {
        var parents = path.split(separator: "/").dropLast().map { Slug.make(String($0)) }.filter { !$0.isEmpty }
        guard lang != siteLanguage else { return (parents + [slug]).joined(separator: "/") }
        if parents.first == Slug.make(lang) { parents.removeFirst() }
        return ([lang] + parents + [slug]).joined(separator: "/")
    }

    /// The longest series a site may have: more days than any week, month or year of action.
    static let maximumSeriesDay = 1000

    static let knownKeys: Set<String> = Set<String>([
        "title", "date", "kind", "categories", "tags", "summary", "lang", "series", "series_day",
        "translation_key", "draft", "slug", "author", "event", "aliases", "updated", "featured",
        "search",
    ]).union(ResourceFields.keys)
}
