import Foundation
import Testing

@testable import Broadside

/// The contract of `TemplateContract`, the theme README's table and the contexts pages really
/// get must say the same thing.
@Suite struct TemplateContractTests {
    static var contract: [String: Set<String>] {
        Dictionary(uniqueKeysWithValues: TemplateContract.contexts.map { ($0.name, Set($0.keys)) })
    }

    @Test func theReadmeListsExactlyTheContract() throws {
        let readme = try String(contentsOf: repositoryRoot.appendingPathComponent("themes/default/README.md"), encoding: .utf8)
        let section = try #require(readme.components(separatedBy: "## What templates receive").last)
        var table: [String: Set<String>] = [:]
        for line in section.split(separator: "\n") where line.hasPrefix("| ") && !line.hasPrefix("| context") {
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count == 2 else { continue }
            let keys = cells[1].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "`")) }
            table[cells[0]] = Set(keys)
        }
        #expect(table == Self.contract)
    }

    /// Every key a page gets is in the contract, and every key of the contract is given somewhere
    /// in the fixture site, which has a post of every shape the contract names.
    @Test func pagesGetWhatTheContractSays() throws {
        let site = try TemporarySite(copying: "basic")
        defer { site.remove() }
        let options = site.options()
        let (config, _) = SiteConfig.load(from: options.source, baseURLOverride: nil)
        let urls = SiteURLs(baseURL: config.baseURL)
        let (theme, _) = Theme.load(source: options.source, name: config.theme, language: config.language)
        let parser = PostParser(config: config, rootPath: urls.rootPath) { draft, date in !draft && date.date <= options.now }
        let content = ContentLoader(source: options.source, parser: parser).load()
        let (resolved, _) = SiteResolver.resolve(content, config: config, urls: urls, now: options.now.timeIntervalSince1970)
        let (images, _) = ImageStage.run(ImageJobs.collect(site: resolved, assets: try #require(theme).assets),
            settings: config.images, cache: ImageCache(site: options.source))
        let renderer = PageRenderer(site: resolved, theme: try #require(theme), images: images)

        var seen: [String: Set<String>] = [:]
        /// `name` is the contract's name of `context`; its keys that hold contexts are recorded under theirs.
        func record(_ name: String, _ context: TemplateMap) {
            seen[name, default: []].formUnion(context.keys)
            for (key, value) in zip(context.keys, context.values) {
                let child = name.hasSuffix(" page") || name == "feed content" ? (["posts", "upcoming", "past"].contains(key) ? "post" : key) : "\(name).\(key)"
                if case .map(let inner) = value, Self.contract[child] != nil {
                    record(child, inner)
                } else if case .list(let items) = value {
                    let itemName = Self.contract[child] != nil ? child : child + "[]"
                    if Self.contract[itemName] != nil { items.compactMap(\.map).forEach { record(itemName, $0) } }
                }
            }
        }
        for page in OutputPlan.pages(for: resolved, templateNames: [PageRenderer.notFoundTemplate, SearchPages.template]) where page.format == .html {
            let (_, context) = renderer.html(page.kind)
            let name: String
            switch page.kind {
            case .post: name = "post page"
            case .list(let index, _):
                if case .events = resolved.lists[index].scope { name = "events page" } else { name = "list page" }
            case .terms, .kinds, .editions: name = "index page"
            case .notFound: name = "404 page"
            case .search: name = "search page"
            case .alias, .redirects, .sitemap, .robots: continue
            }
            record(name, context)
        }
        // Each post's content in the feeds, through `partials/feed-content`.
        let feedContent = FeedContent(site: resolved, theme: try #require(theme), words: renderer.words, siteContexts: renderer.siteContexts,
            images: images, blocks: BlockRenderer(theme: try #require(theme), words: renderer.words))
        for index in resolved.posts.indices {
            let view = PostView(resolved.posts[index], in: resolved, index: index, strings: try #require(theme).strings, terms: TermValues(resolved),
                seriesDays: renderer.seriesDays, images: images).context
            if let context = feedContent.parts(of: index, body: renderer.blocks.html(of: resolved.posts[index]), view: view).context { record("feed content", context) }
        }
        // The fixture site has no blocks: theirs come from a post with every field of each.
        for (name, context) in try BlockFixture.contexts() { record(name, context) }
        for (name, keys) in seen {
            let allowed = Self.contract[name] ?? []
            #expect(keys.subtracting(allowed).isEmpty, "\(name) gets keys the contract does not name: \(keys.subtracting(allowed).sorted())")
        }
        // The fixture site is built as it is published; only the preview shows drafts and scheduled posts.
        let previewOnly: [String: Set<String>] = ["post": ["status"]]
        for (name, keys) in Self.contract {
            let missing = keys.subtracting(seen[name] ?? []).subtracting(previewOnly[name] ?? [])
            #expect(missing.isEmpty, "no page of the fixture site gets \(name).\(missing.sorted())")
        }
    }
}
