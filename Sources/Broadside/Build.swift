import Foundation
import CFiles

/// What a successful build made, for the CLI's closing line.
public struct BuildReport: Sendable {
    public var posts: Int
    public var pages: Int
    public var feeds: Int
    /// `.ics` files, one per event.
    public var calendars: Int
    public var assets: Int
    /// Images re-encoded without metadata in this build, and taken from the cache as they were made before.
    public var imagesProcessed: Int
    public var imagesFromCache: Int
    /// Posts taken from `.broadside-cache/posts` as an earlier build parsed them.
    public var postsFromCache = 0
    /// Files not made again (pages not rendered, the search index's files not gzipped): made
    /// from the same values as the live file the last build left (`PageDigests`).
    public var filesUnchanged = 0
    /// Of those, the theme pages and feeds made from the same inputs (`PageInputs`): their values were not made either.
    public var filesOfSameInputs = 0
    /// Posts not published: drafts without `--drafts`, posts dated after "now" without `--future`.
    public var draftsLeftOut: Int
    public var futureLeftOut: Int
    /// Each post left out, by file; `draft` false for one left out only for its date.
    public var leftOutPosts: [LeftOutPost] = []
    public var warnings: [Diagnostic]
    /// Seconds spent in each stage, for `--timings`; never part of the output.
    public var timings: [(stage: String, seconds: Double)]
    /// The newsletter's editions, newest first per language, the site's language first.
    public var editions: [EditionFiles] = []
    /// Nothing changed since the last build (`BuildRecord`): no file was read or written.
    public var unchanged = false
}

/// Everything a build knows before it writes: the resolved site and every file it will have.
/// `broadside check` stops here; `Build.run` goes on to write.
struct PreparedBuild {
    var site: Site
    var theme: Theme
    /// The folder to write into; nil when nothing will be written.
    var output: OutputFolder?
    var pages: [Page]
    var assets: [OutputFile]
    /// Each asset's digest (`PageDigests`): the search index's files have one.
    var assetDigests: [PageDigest?] = []
    var plan: [PlannedFile]
    var leftOut: LeftOutPosts
    var leftOutPosts: [LeftOutPost] = []
    var images: ImageSet
    var imageCache: ImageCache
    /// Where the posts' HTML is while the build runs (see `HTMLSpill`), or kept between builds.
    var spill: HTMLSpill?
    var cache: PostCache?
    /// Each post's HTML digested (`PageInputs.text(of:)`); empty when nothing is written.
    var texts: [PageDigest] = []
    /// Each post's fields digested as it was parsed, by its source (`LoadedContent.fields`).
    var fields: [String: PageDigest] = [:]
    /// The broken links, found on a thread of their own while the renderer and the pages'
    /// inputs are made (mostly one core's work each), and where among the diagnostics they go.
    var brokenLinks: (at: Int, found: Pending<[Diagnostic]>)?

    /// Puts the broken links among `diagnostics`, once, where they were found.
    mutating func takeBrokenLinks(into diagnostics: inout [Diagnostic]) {
        guard let (at, found) = brokenLinks else { return }
        diagnostics.insert(contentsOf: found.value, at: at)
        brokenLinks = nil
    }

    /// An error when some post's HTML could not be read back.
    var problems: [Diagnostic] { (spill?.problems ?? []) + (cache?.problems ?? []) }
}

/// Values a build leaves to the process's end (`BuildOptions.endsProcess`): held here, so
/// that they are neither freed one by one nor taken for a leak.
final class LeftToExit: @unchecked Sendable {
    private static let shared = LeftToExit()
    private let lock = NSLock()
    private var values: [Any] = []

    static func keep(_ value: Any) { shared.lock.withLock { shared.values.append(value) } }
}

/// Seconds spent in each stage, told to `BuildOptions.progress` as each ends.
struct StageClock {
    var progress: (@Sendable (BuildProgress) -> Void)?
    var timings: [(stage: String, seconds: Double)] = []
    private var lap = ContinuousClock.now

    init(progress: (@Sendable (BuildProgress) -> Void)?) { self.progress = progress }

    mutating func measure(_ stage: String, _ counts: String = "") {
        let now = ContinuousClock.now
        let seconds = (now - lap) / .seconds(1)
        timings.append((stage, seconds))
        progress?(BuildProgress(stage: stage, counts: counts, seconds: seconds))
        lap = now
        // What the stage freed goes back to the system before the next stage grows elsewhere.
        bs_release_free_memory()
    }
}

/// The pipeline: load → resolve → render → write. Each stage hands the next a plain value;
/// errors of every stage are collected, and nothing is written unless there are none.
public enum Build {
    public static func run(_ options: BuildOptions) throws(BuildFailure) -> BuildReport {
        var diagnostics: [Diagnostic] = []
        var clock = StageClock(progress: options.progress)
        let recorded = RecordedOutput(BuildRecord.previous(options), source: options.source)
        let inputs = BuildRecord.stamps(options)
        if var report = recorded.record?.unchanged(options, inputs: inputs, outputs: { recorded.stamps }) {
            clock.measure("nothing changed since the last build", "no post read, no file written")
            report.timings = clock.timings
            return report
        }
        guard var prepared = prepare(options, writing: true, recorded: recorded, diagnostics: &diagnostics, clock: &clock),
            let output = prepared.output
        else { throw BuildFailure(diagnostics) }
        let inPlace = recorded.untouched
        // What the live files were made from: a file made from the same is not made again.
        let previous = recorded.pages
        // Checked: the posts' links are not needed to make pages (80 MB at 100,000 posts).
        prepared.site.forgetLinks()
        let (site, pages, assets, plan) = (prepared.site, prepared.pages, prepared.assets, prepared.plan)
        diagnostics += output.check(writing: plan, clean: options.clean) + WritePlan.problems(in: plan, output: output.path)
        guard !diagnostics.stopBuild(strict: options.strict) else {
            prepared.takeBrokenLinks(into: &diagnostics)
            throw BuildFailure(diagnostics)
        }
        var theme = prepared.theme
        theme.templates.engine = options.templateEngine
        let digests = PageDigestSlots(count: plan.count)
        for (offset, digest) in prepared.assetDigests.enumerated() { digests[pages.count + offset] = digest }
        var siteInputs: PageDigest?
        var outputsAfter: FileStamps?
        // In a scope of its own: the renderer's list entries and feed entries (a third of the
        // heap at 100,000 posts) are gone before the record's walks of both folders below.
        do {
            var renderer = PageRenderer(site: site, theme: theme, images: prepared.images)
            renderer.inputs = PageInputs(files: inputs, options: options, site: site, leftOut: prepared.leftOutPosts, images: prepared.images,
                texts: prepared.texts, shared: renderer.sharedInputs(), fields: prepared.fields)
            // Taken into the inputs: 10 MB at 100,000 posts, not held while pages are made.
            prepared.fields = [:]
            // Every page is made again, or valued again: its entries are made at once, on every core.
            if previous == nil || previous?.site != renderer.inputs?.shape { renderer.makeEntries(escapingFeeds: previous == nil) }
            siteInputs = renderer.inputs?.shape
            prepared.takeBrokenLinks(into: &diagnostics)
            guard !diagnostics.stopBuild(strict: options.strict) else { throw BuildFailure(diagnostics) }
            clock.measure("prepare", plural(pages.count, "page") + " to render")
            let written = SiteWriter(folder: output, inPlace: inPlace).writing(plan, problems: { prepared.problems }) { [assets, renderer] index in
                guard index < pages.count else { return assets[index - pages.count] }
                var made = PageRenderer.MadeDigests()
                let file = renderer.render(pages[index], previous: previous, made: &made)
                digests[index] = made.values
                digests.setInputs(index, made.inputs)
                return file
            }
            diagnostics += written.diagnostics
            // The output's stamps as the record will keep them: those of the walk before, with
            // the entries the update changed stamped again, rather than a walk of every file.
            outputsAfter = written.touched.flatMap { touched in recorded.stamps?.updating(touched, root: output.path) }
        }
        guard !diagnostics.hasErrors else { throw BuildFailure(diagnostics) }
        let unchanged = previous.map { previous in plan.indices.count { digests[$0] != nil && digests[$0] == previous[plan[$0].path] } } ?? 0
        let sameInputs = previous.map { previous in plan.indices.count { digests.inputs($0) != nil && digests.inputs($0) == previous.inputs(plan[$0].path) } } ?? 0
        clock.measure("render and write", plural(plan.count, "file") + (unchanged > 0 ? ", \(unchanged) as they were, not made again" : "")
            + (sameInputs > 0 ? " (\(sameInputs) of the same inputs, their values not made)" : ""))
        prepared.imageCache.trim(keeping: prepared.images.keys)

        // Counted without copying: a filtered copy of 10,000 posts was 17 MB at the build's peak.
        let count = { (kept: (OutputFormat) -> Bool) in pages.reduce(0) { $0 + (kept($1.format) ? 1 : 0) } }
        let leftOut = prepared.leftOut.counts
        var report = BuildReport(
            posts: site.posts.reduce(0) { $0 + ($1.isPage ? 0 : 1) }, pages: count { $0 == .html }, feeds: count(\.isFeed), calendars: count { $0 == .calendar },
            assets: prepared.theme.assets.count, imagesProcessed: prepared.images.processed,
            imagesFromCache: prepared.images.fromCache, draftsLeftOut: leftOut.drafts, futureLeftOut: leftOut.future,
            leftOutPosts: prepared.leftOutPosts, warnings: diagnostics, timings: clock.timings)
        report.editions = EditionFiles.all(in: site)
        report.postsFromCache = prepared.cache?.postsFound ?? 0
        report.filesUnchanged = unchanged
        report.filesOfSameInputs = sameInputs
        let pageDigests = PageDigests.save(site: options.source, paths: plan.map(\.path), digests: digests, inputs: siteInputs)
        BuildRecord.save(options, inputsBefore: inputs, outputs: outputsAfter, site: site, leftOut: prepared.leftOutPosts, report: report,
            pages: pageDigests)
        if options.endsProcess { LeftToExit.keep((prepared, recorded, digests)) }
        return report
    }

    /// Load, resolve and plan every file, adding what is wrong to `diagnostics`; nil when the
    /// build cannot go on. `writing: false` leaves the output folder alone (not even looked at);
    /// `recorded`: what the last build's record says of the output (asked once the posts are loaded).
    static func prepare(
        _ options: BuildOptions, writing: Bool, recorded: RecordedOutput? = nil, diagnostics: inout [Diagnostic],
        clock: inout StageClock
    ) -> PreparedBuild? {
        // Load
        let (config, configDiagnostics) = SiteConfig.load(from: options.source, baseURLOverride: options.baseURL)
        diagnostics += configDiagnostics
        let urls = SiteURLs(baseURL: config.baseURL)
        let (theme, themeDiagnostics) = Theme.load(source: options.source, name: config.theme, language: config.language,
            languageAt: config.languageAt)
        var place: String?
        if writing {
            let (path, placeDiagnostics) = OutputFolder.place(options)
            // Inspected once the posts are loaded, its walk being under way meanwhile (`RecordedOutput`).
            place = theme == nil ? nil : path
            diagnostics += placeDiagnostics
        }
        let outputAt = diagnostics.count
        diagnostics += themeDiagnostics
        let now = options.now.timeIntervalSince1970
        let leftOut = LeftOutPosts(now: now, includeDrafts: options.includeDrafts, includeFuture: options.includeFuture)
        var parser = PostParser(config: config, rootPath: urls.rootPath, strings: theme?.strings) { draft, date in
            leftOut.admit(draft: draft, date: date)
        }
        // `check` names a post whose date looks like a typo (next year for this year); a build leaves it out.
        if !writing { parser.farAhead = now + 30 * 86_400 }
        let spill = place.flatMap { HTMLSpill(beside: $0) }
        let cache = spill.flatMap { spill in
            PostCache(site: options.source, key: PostCache.key(site: options.source, baseURL: options.baseURL,
                rootPath: urls.rootPath, languages: theme?.strings.codes ?? []), spill: spill)
        }
        var content = ContentLoader(source: options.source, parser: parser, spill: spill, cache: cache.map { ($0, leftOut) }).load()
        diagnostics += content.diagnostics + leftOut.diagnostics
        // A rebuild into the output the last build left does the following on threads of their
        // own beside work that is mostly one core's; a whole build in turn (see `Pending`).
        let aside = recorded?.untouched ?? false
        // Inspected while the posts are resolved, the output's walk being done by now (`RecordedOutput`).
        let inspected = place.flatMap { place in
            theme.map { theme in
                let assets = Set(theme.assets.keys)
                return Pending(aside: aside) { OutputFolder.inspect(place, options: options, assets: assets, asRecorded: aside) }
            }
        }
        // What the live files were made from: a file made from the same is not made again.
        let previous = recorded?.pages
        clock.measure("load", plural(content.posts.count, "post") + (content.postsFromCache > 0 ? ", \(content.postsFromCache) as the cache kept them" : ""))

        // Resolve
        let (site, siteDiagnostics) = SiteResolver.resolve(content, config: config, urls: urls, now: now,
            limit: writing ? LinkCheck.buildLimit : .max)
        // Taken now, so that the loaded posts, copied into the site in date order, can go.
        let leftOutPosts = content.leftOut.map { LeftOutPost(source: $0.source, date: $0.date, draft: $0.draft && !options.includeDrafts) }
        diagnostics += siteDiagnostics
        if let theme { diagnostics += BlockRenderer.missingPartials(in: site.posts, theme: theme) }
        var output: OutputFolder?
        if let (folder, refusal) = inspected?.value {
            output = folder
            // Where they were told before the posts were loaded: right after the output's other problems.
            diagnostics.insert(contentsOf: refusal, at: outputAt)
        }
        guard !diagnostics.stopBuild(strict: options.strict), let theme, output != nil || !writing else { return nil }
        clock.measure("resolve", plural(site.posts.count, "published post"))

        // Each post's HTML digested for the search index's blocks and the pages' inputs: as the
        // post cache keeps it, else read once.
        let texts = writing ? parallelMap(site.posts) { [known = content.texts] in known[$0.source] ?? PageInputs.text(of: $0) } : []
        content.texts = [:]
        // The search index: its files are planned like static files, below. `check` writes
        // nothing and no page links into the index: it is not made there. Kept only by the build
        // that holds the post cache: one build at a time writes the cache folder.
        let searching = writing && !SearchPages.languages(site, templateNames: theme.templateNames).isEmpty
        let blocks = searching && cache != nil ? SearchBlocks(site: options.source) : nil
        let searchFiles = { @Sendable [site] in SearchPages.files(site, previous: previous, spill: spill, blocks: blocks, texts: texts) }
        // A rebuild in place begins it here, while the images and the plan are made (mostly one
        // core's work); a whole build makes it after the plan: begun before, it raised the peak at
        // 100,000 posts (see `Pending`).
        let search = searching && aside ? Pending(searchFiles) : nil

        // Images: every image the site publishes, stripped, in the sizes its pages show.
        let imageCache = ImageCache(site: options.source)
        let imageJobs = ImageJobs.collect(site: site, assets: theme.assets)
        let (images, imageDiagnostics) = ImageStage.run(imageJobs, settings: config.images, cache: imageCache, store: writing)
        diagnostics += imageDiagnostics
        if !imageJobs.isEmpty { clock.measure("images", plural(images.processed, "image") + " made, \(images.fromCache) from the cache") }

        // Plan: every file the site will have, pages rendered later.
        let pages = OutputPlan.pages(for: site, templateNames: theme.templateNames)
        let paths = pages.map { OutputPlan.path(of: $0, in: site) }
        diagnostics += PageAddresses.clashes(pages, paths: paths, in: site)
        // Redirect pages take no address from another file: their clashes are errors of their own, below.
        var taken = Set(zip(pages, paths).filter { !$0.0.format.isRedirect }.map(\.1))
        var plan = zip(pages, paths).map { PlannedFile(path: $0.1, origin: OutputPlan.origin(of: $0.0, in: site)) }
        var assets: [OutputFile] = []
        var assetDigests: [PageDigest?] = []
        if searching {
            for (file, digest) in search?.value ?? searchFiles() where taken.insert(file.path).inserted {
                assets.append(file)
                assetDigests.append(digest)
                plan.append(PlannedFile(path: file.path, origin: .site))
            }
            let found = blocks.map(\.counts).map { $0.found == 0 ? "" : ", \($0.found) of \(plural($0.found + $0.read, "block")) as the cache kept them" } ?? ""
            clock.measure("search index", plural(assets.count, "file") + found)
        }
        for (path, source) in theme.assets.sorted(by: { $0.key < $1.key }) {
            guard taken.insert(path).inserted else {
                // robots.txt was the site's own before Broadside wrote one: say how to get what it did.
                let hint = path == OutputFormat.robots.fileName
                    ? "remove the file: Broadside writes robots.txt; to keep search engines out, set search_engines: false in site.yml"
                    : "rename or remove the file"
                diagnostics.append(.error(source.shown, "this static file would replace the generated page /\(path)", hint: hint))
                continue
            }
            for file in images.files(publishedAt: path, else: OutputFile(path: path, contents: source.outputContents)) {
                guard file.path == path || taken.insert(file.path).inserted else { continue }
                assets.append(file)
                plan.append(PlannedFile(path: file.path, origin: .staticFile(source.shown)))
            }
        }
        for (file, planned) in ResourceFiles.planned(for: site) {
            guard taken.insert(file.path).inserted else {
                diagnostics.append(ResourceFiles.clash(planned, with: plan.first { $0.path == file.path }))
                continue
            }
            for made in images.files(publishedAt: file.path, else: file) where made.path == file.path || taken.insert(made.path).inserted {
                assets.append(made)
                plan.append(PlannedFile(path: made.path, origin: planned.origin))
            }
        }
        diagnostics += RedirectPage.clashes(pages: pages, plan: plan, in: site)
        diagnostics += SiteImage.problems(config, images: images, assets: Set(theme.assets.keys))
        // Every address the site will have, redirect pages of old addresses (`aliases:`) too.
        // An image that failed has its own error; a link to it is not broken besides. A HEIC or TIFF
        // photo is shown in its sizes, so its own address counts though no file is written there.
        let planned = Set(plan.map(\.path))
        diagnostics += config.menus.brokenLinks(paths: planned, rootPath: site.urls.rootPath)
        let (linked, rootPath, linkPaths) = (LinkCheck.linkedPosts(of: site), site.urls.rootPath, planned.union(images.failed).union(images.images.keys))
        let brokenLinks = Pending(aside: aside) {
            LinkCheck.brokenLinks(in: linked, rootPath: rootPath, paths: linkPaths, limit: writing ? LinkCheck.buildLimit : .max)
        }
        assetDigests += Array(repeating: nil, count: assets.count - assetDigests.count)
        var prepared = PreparedBuild(site: site, theme: theme, output: output, pages: pages, assets: assets, assetDigests: assetDigests, plan: plan,
            leftOut: leftOut, leftOutPosts: leftOutPosts,
            images: images, imageCache: imageCache, spill: spill, cache: cache, texts: texts, fields: content.fields)
        // A build goes on while the links are checked (see `PreparedBuild.brokenLinks`); `check` waits.
        if writing { prepared.brokenLinks = (diagnostics.count, brokenLinks) } else { diagnostics += brokenLinks.value }
        return prepared
    }

    static func plural(_ count: Int, _ word: String) -> String {
        "\(count) \(word)\(count == 1 ? "" : "s")"
    }
}
