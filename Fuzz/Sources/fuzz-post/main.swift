// One post file, loaded and rendered the way a build does (PostParser, SiteResolver, the real
// default theme through PageRenderer, the feed), in memory: nothing is written.
import Foundation
import FuzzSupport

@testable import Broadside

let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()
let file = "content/posts/fuzz.md"

var config = SiteConfig()
config.baseURL = "https://example.org/news/"
config.title = "Fuzz <&> \"site\""
let urls = SiteURLs(baseURL: config.baseURL)
let (loadedTheme, themeDiagnostics) = Theme.load(source: repository, name: "default", language: config.language)
guard let theme = loadedTheme else { fatalError("themes/default does not load: \(themeDiagnostics)") }
let parser = PostParser(config: config, rootPath: urls.rootPath) { _, _ in true }

/// Tags a page may hold: the theme's own and those cmark writes for Markdown.
let pageTags: Set<String> = {
    var names: Set<String> = ["p", "h1", "h2", "h3", "h4", "h5", "h6", "a", "img", "em", "strong", "code", "pre",
        "blockquote", "ul", "ol", "li", "hr", "br", "!--"]
    let templates = repository.appendingPathComponent("themes/default/templates")
    let files = (FileManager.default.enumerator(atPath: templates.path)?.allObjects as? [String] ?? []).filter { $0.hasSuffix(".mustache") }
    for name in files.sorted() {
        let text = (try? String(contentsOf: templates.appendingPathComponent(name), encoding: .utf8)) ?? ""
        // `{{<base}}` is Mustache, not a tag.
        let html = text.split(separator: "{{").map { $0.split(separator: "}}", maxSplits: 1).last ?? "" }.joined()
        names.formUnion(tags(in: String(html)).map(\.name).filter { !$0.isEmpty })
    }
    return names
}()
let feedTags: Set<String> = [
    "?xml", "rss", "channel", "title", "link", "description", "language", "generator", "lastbuilddate", "atom:link",
    "item", "guid", "pubdate", "category", "content:encoded", "dc:creator", "enclosure", "media:content", "media:description",
]

runFuzzer { bytes in
    guard let text = String(validating: bytes, as: UTF8.self) else { return }
    let (post, diagnostics) = parser.parse(text, file: file, fileStem: "fuzz")
    for diagnostic in diagnostics {
        require(diagnostic.file == file && !diagnostic.message.isEmpty && diagnostic.hint?.isEmpty == false,
            "a diagnostic without file, message or hint: \(diagnostic)")
        require((diagnostic.line ?? 1) >= 1 && (diagnostic.column ?? 1) >= 1, "a diagnostic before the file's start: \(diagnostic)")
    }
    require((post == nil) == diagnostics.hasErrors, "a post came with errors, or none came without: \(diagnostics)")
    guard let post else { return }

    let (site, siteDiagnostics) = SiteResolver.resolve(LoadedContent(posts: [post], diagnostics: []), config: config, urls: urls,
        now: post.date.secondsSince1970)
    guard !siteDiagnostics.hasErrors else { return }
    let renderer = PageRenderer(site: site, theme: theme)
    for page in OutputPlan.pages(for: site) {
        let output = renderer.render(page)
        require(!output.path.hasPrefix("/") && !output.path.split(separator: "/").contains { $0 == ".." || $0 == "." || $0.isEmpty },
            "the page \(page) would be written to \(output.path)")
        let markup: String
        switch output.contents {
        case .text(let text): markup = text
        // Pages and feeds come as the bytes the engine and the feed writer wrote.
        case .bytes(let bytes): markup = String(decoding: bytes, as: UTF8.self)
        case .copy, .link, .data, .stored: fatalError("the page \(output.path) is not text")
        case .unchanged: fatalError("the page \(output.path) was kept without a previous build")
        }
        guard !markup.isEmpty else { fatalError("the page \(output.path) is empty") }
        switch page.format.writer {
        case .calendar:
            require(markup.hasPrefix("BEGIN:VCALENDAR\r\n") && markup.hasSuffix("END:VCALENDAR\r\n"), "\(output.path) is not a calendar")
            continue
        case .feed(.json):
            let parsed = try? JSONSerialization.jsonObject(with: Data(markup.utf8)) as? [String: Any]
            require((parsed?["items"] as? [Any])?.count == 1, "\(output.path) is not a JSON Feed holding the post once")
            continue
        case .feed(.atom), .sitemap:
            require(!markup.unicodeScalars.contains(where: isForbiddenInXML), "\(output.path) holds a character XML forbids")
            require(page.format != .atom || markup.components(separatedBy: "<entry ").count == 2, "atom.xml does not hold the post once")
            continue
        case .robots:
            require(markup.hasPrefix("User-agent: *\n"), "robots.txt does not start with its user agent")
            continue
        default:
            break
        }
        // The one script a page has is its JSON-LD, whose text holds no `<`.
        require(markup.components(separatedBy: "<script").count <= 2, "\(output.path) has more than one script")
        let isFeed = page.format == .rss
        let allowed = isFeed ? feedTags : pageTags
        for tag in tags(in: markup) where !allowed.contains(tag.name) {
            fatalError("\(output.path) has a <\(tag.name)> tag nobody wrote on purpose:\n\(markup)")
        }
        if isFeed {
            require(!markup.unicodeScalars.contains(where: isForbiddenInXML), "feed.xml holds a character XML forbids")
            require(markup.components(separatedBy: "<item>").count == 2, "feed.xml does not hold the post once")
        }
    }
}
