import Foundation
import Yams

/// `site.yml` at the site root. Every key is optional: with no file at all the
/// defaults give the benchmark's URL layout (10 posts a page, 20 feed items).
public struct SiteConfig: Sendable, Equatable {
    public var title = "Broadside"
    public var description = ""
    /// Absolute, with a trailing slash: `https://example.org/news/`.
    public var baseURL: String?
    public var language = "en"
    /// Where site.yml sets `language`, so a problem with the language is shown at that line.
    var languageAt: SourcePosition?
    public var timeZone = TimeZone(identifier: "UTC")!
    public var theme = "default"
    public var postsPerPage = 10
    public var feedSize = 20
    /// `share_image:`, the card of pages without an image of their own, and `logo:`, the
    /// organisation's in structured data: files of `static/`, by their published path.
    var shareImage: SiteImage?
    var logo: SiteImage?
    /// `search_engines: false` (a staging copy): robots.txt keeps crawlers out and every page says noindex.
    public var searchEngines = true
    /// `search: false`: no search page and no index (`/search/`, `search-index/`).
    public var search = true
    /// The feeds every list has (`feeds: [rss, atom, json]`), in the order pages link them.
    var feeds = OutputFormat.feeds
    /// Keep raw HTML and `javascript:` links in Markdown.
    public var unsafe = false
    public var images = ImageSettings()
    /// The links of every page's header and footer, per language.
    public var menus = SiteMenus()
    /// The footer's line about the organisation (address, registration number), per language;
    /// `""` for the text written without a language.
    public var footerText: [String: String] = [:]
    /// The organisation's colours, checked for contrast.
    public var brand = BrandColours()
    /// Categories and tags that translate each other (see `TermPair`).
    public var termPairs: [TermPair] = []
    /// The e-mail editions (see `Edition`).
    public var newsletter = NewsletterSettings()

    public init() {}

    public static let fileName = "site.yml"
    static let keys = [
        "title", "description", "base_url", "language", "time_zone", "theme", "posts_per_page", "feed_size", "feeds", "share_image", "logo", "search_engines", "search", "unsafe", "images",
        "menu", "footer_menu", "footer_text", "social", "donate", "brand", "term_pairs", "newsletter",
        // Read by `broadside publish` (BroadsidePublish), not by the build.
        "publish",
    ]

    /// Reads `site.yml` from `source`; a missing file is the defaults, not an error.
    public static func load(from source: URL, baseURLOverride: String?) -> (SiteConfig, [Diagnostic]) {
        var config = SiteConfig()
        var diagnostics: [Diagnostic] = []
        let file = fileName
        // Whether the settings were read whole, so that a missing base_url is really missing.
        var settingsRead = true
        var baseURLGiven = baseURLOverride != nil
        switch SiteFolder(source).read(file, limit: .settings) {
        case .failure(let diagnostic):
            diagnostics.append(diagnostic)
            settingsRead = false
        case .success(let data?):
            if let text = String(validatingUTF8: data) {
                switch YAMLDocument.parse(text, file: file, lineOffset: 0) {
                case .failure(let diagnostic):
                    diagnostics.append(diagnostic)
                    settingsRead = false
                case .success(let root):
                    settingsRead = config.apply(root, file: file, diagnostics: &diagnostics)
                    baseURLGiven = baseURLGiven || root?.mapping?.keys.contains { $0.text == "base_url" } == true
                }
            } else {
                diagnostics.append(UTF8Text.problem(in: data, file: file))
                settingsRead = false
            }
        case .success(nil):
            if FileManager.default.fileExists(atPath: source.appendingPathComponent("site.yaml").path) {
                diagnostics.append(
                    .warning("site.yaml", "Broadside reads its settings from site.yml; this file is ignored",
                        hint: "rename site.yaml to site.yml"))
            }
        }
        if let baseURLOverride {
            if let problem = BaseURL.optionProblem(baseURLOverride) {
                diagnostics.append(problem)
            } else if case .success(let url) = BaseURL.check(baseURLOverride) {
                config.baseURL = url
            }
        }
        // Not in a folder that is no site at all, where the missing content/posts/ is what matters.
        let isSite = FileManager.default.fileExists(atPath: source.appendingPathComponent(fileName).path)
            || FileManager.default.fileExists(atPath: source.appendingPathComponent("content").path)
        if config.baseURL == nil && settingsRead && !baseURLGiven && isSite {
            let newsletter = config.newsletter.enabled ? " (so do its newsletter's e-mails)" : ""
            diagnostics.append(.warning(fileName,
                "the site has no base_url, so its feeds link to http://localhost/\(newsletter), its pages have no share cards and it has no sitemap",
                hint: "set base_url: \"https://your.org/\" in site.yml, or pass --base-url"))
        }
        return (config, diagnostics)
    }

    /// Applies the settings of `root`; false when it is not a list of settings at all.
    private mutating func apply(_ root: Node?, file: String, diagnostics: inout [Diagnostic]) -> Bool {
        guard let root else { return true }
        guard let mapping = root.mapping else {
            diagnostics.append(
                .error(file, line: root.line, column: root.column, "site.yml must be a list of `key: value` settings",
                    hint: "for example title: \"My newsletter\""))
            return false
        }
        for (keyNode, value) in mapping {
            let key = keyNode.text ?? ""
            let text = value.text
            func fail(_ message: String, _ hint: String) {
                diagnostics.append(.error(file, line: value.line, column: value.column, message, hint: hint))
            }
            switch key {
            case "title": if let text { title = text } else { fail("`title` must be text", "title: \"My newsletter\"") }
            case "description":
                if let text { description = text } else { fail("`description` must be text", "description: \"News from…\"") }
            case "base_url":
                switch text.map(BaseURL.check) ?? .failure(.notAbsolute) {
                case .success(let url): baseURL = url
                case .failure(let problem): fail("`base_url` \(problem.rule)", problem.hint)
                }
            case "language":
                if let text, Self.isLanguageTag(text) {
                    language = Self.canonicalLanguageTag(text)
                    if let line = value.line { languageAt = SourcePosition(line: line, column: value.column ?? 1) }
                } else {
                    fail("`language` must be a language code", "language: en (or es, fr, pt-BR …)")
                }
            case "time_zone":
                if let text, let zone = TimeZone(identifier: text) { timeZone = zone } else {
                    fail("`time_zone` is not a time zone name: \(text ?? "")",
                        "use a name from the tz database, such as America/Chicago, Europe/Madrid or UTC")
                }
            case "theme":
                if let text, Slug.isSafeName(text) { theme = text } else {
                    fail("`theme` must be the name of a folder in themes/", "theme: default")
                }
            case "posts_per_page":
                if let n = text.flatMap(Int.init), Self.countRange.contains(n) { postsPerPage = n } else {
                    fail("`posts_per_page` must be a whole number from 1 to \(Self.countRange.upperBound)", "posts_per_page: 10")
                }
            case "feed_size":
                if let n = text.flatMap(Int.init), Self.countRange.contains(n) { feedSize = n } else {
                    fail("`feed_size` must be a whole number from 1 to \(Self.countRange.upperBound)", "feed_size: 20")
                }
            case "share_image", "logo":
                guard let image = SiteImage(value) else {
                    fail("`\(key)` must be the path of an image in static/", "\(key): img/\(key == "logo" ? "logo.png" : "share-card.jpg")")
                    continue
                }
                if key == "logo" { logo = image } else { shareImage = image }
            case "feeds":
                feeds = Self.feeds(value, file: file, diagnostics: &diagnostics) ?? feeds
            case "search_engines":
                if let text, let flag = Self.bool(text) { searchEngines = flag } else {
                    fail("`search_engines` must be true or false", "search_engines: false")
                }
            case "search":
                if let text, let flag = Self.bool(text) { search = flag } else {
                    fail("`search` must be true or false", "search: false")
                }
            case "unsafe":
                if let text, let flag = Self.bool(text) { unsafe = flag } else {
                    fail("`unsafe` must be true or false", "unsafe: false")
                }
            case "images":
                images.apply(value, file: file, diagnostics: &diagnostics)
            case "menu":
                menus.main = SiteMenus.read(value, key: key, file: file, diagnostics: &diagnostics)
            case "footer_menu":
                menus.footer = SiteMenus.read(value, key: key, file: file, diagnostics: &diagnostics)
            case "social":
                menus.social = SiteMenus.read(value, key: key, file: file, diagnostics: &diagnostics)
            case "donate":
                menus.donate = SiteMenus.readLink(value, key: key, file: file, diagnostics: &diagnostics)
            case "footer_text":
                if let text { footerText = ["": text] } else if let mapping = value.mapping {
                    for (langNode, textNode) in mapping {
                        guard let lang = langNode.text, Self.isLanguageTag(lang), let line = textNode.text else {
                            diagnostics.append(.error(file, line: langNode.line, column: langNode.column, "`footer_text` must be text, or one text per language",
                                hint: "footer_text: \"Puentes · PO Box 118, Millbrook\", or en: … and es: … below it"))
                            continue
                        }
                        footerText[Self.canonicalLanguageTag(lang)] = line
                    }
                } else {
                    fail("`footer_text` must be text, or one text per language", "footer_text: \"Puentes · PO Box 118, Millbrook\"")
                }
            case "brand":
                brand.apply(value, file: file, diagnostics: &diagnostics)
            case "newsletter":
                newsletter.apply(value, file: file, diagnostics: &diagnostics)
            case "term_pairs":
                termPairs = TermPair.read(value, file: file, diagnostics: &diagnostics)
            default:
                diagnostics.append(
                    .warning(file, line: keyNode.line, column: keyNode.column, "unknown setting `\(key)` is ignored",
                        hint: KeySuggestions.hint("the settings are \(Self.keys.joined(separator: ", "))", near: key, in: Self.keys)))
            }
        }
        return true
    }

    /// `feeds: [rss, atom]`: the named formats in the order written, each once; `feeds: []` for none.
    static func feeds(_ node: Node, file: String, diagnostics: inout [Diagnostic]) -> [OutputFormat]? {
        let names = OutputFormat.feeds.map(\.name)
        let hint = "feeds: [\(names.joined(separator: ", "))], or a few of them"
        guard let items = node.sequence else {
            diagnostics.append(.error(file, line: node.line, column: node.column, "`feeds` must be a list of feed formats", hint: hint))
            return nil
        }
        var chosen: [OutputFormat] = []
        for item in items {
            guard let name = item.text?.lowercased(), let format = OutputFormat.feeds.first(where: { $0.name == name }) else {
                diagnostics.append(.error(file, line: item.line, column: item.column,
                    "`feeds` has \(item.text.map { "\"\(Excerpt.short($0))\"" } ?? "a value") that is not a feed format: write \(names.joined(separator: ", ")) or several",
                    hint: KeySuggestions.hint(hint, near: item.text ?? "", in: names)))
                continue
            }
            if !chosen.contains(format) { chosen.append(format) }
        }
        return chosen
    }

    /// Posts a page and items a feed: pages are counted with these, so a huge value would overflow.
    static let countRange = 1...1000

    /// A language tag in its usual case (`EN` → `en`, `pt-br` → `pt-BR`, `zh-hant` → `zh-Hant`):
    /// tags are the same whatever their case, and one spelling keeps `lang: ES` with the `es.yml`
    /// strings, the `/es/` pages and the hreflang links.
    static func canonicalLanguageTag(_ tag: String) -> String {
        tag.split(separator: "-", omittingEmptySubsequences: false).enumerated().map { index, part in
            guard index > 0, part.allSatisfy({ $0.isASCII && $0.isLetter }) else { return part.lowercased() }
            switch part.count {
            case 2: return part.uppercased()
            case 4: return part.prefix(1).uppercased() + part.dropFirst().lowercased()
            default: return part.lowercased()
            }
        }.joined(separator: "-")
    }

    static func isLanguageTag(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, (2...3).contains(first.count), first.allSatisfy({ $0.isASCII && $0.isLetter })
        else { return false }
        return parts.dropFirst().allSatisfy { (1...8).contains($0.count) && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } }
    }

    /// YAML's spellings of true and false.
    static func bool(_ text: String) -> Bool? {
        switch text.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: return nil
        }
    }
}
