import Foundation

/// What a successful build made, for the CLI's closing line.
public struct BuildReport: Sendable {
    public var posts: Int
    public var pages: Int
    public var feeds: Int
    /// `.ics` files, one per event.
    public var calendars: Int
    public var assets: Int
    /// Posts not published: drafts without `--drafts`, posts dated after "now" without `--future`.
    public var draftsLeftOut: Int
    public var futureLeftOut: Int
    public var warnings: [Diagnostic]
    /// Seconds spent in each stage, for `--timings`; never part of the output.
    public var timings: [(stage: String, seconds: Double)]
}

/// The pipeline: load → resolve → render → write. Each stage hands the next a plain value;
/// errors of every stage are collected, and nothing is written unless there are none.
public enum Build {
    public static func run(_ options: BuildOptions) throws(BuildFailure) -> BuildReport {
        var diagnostics: [Diagnostic] = []
        var timings: [(stage: String, seconds: Double)] = []
        var lap = ContinuousClock.now
        func measure(_ stage: String, _ counts: String = "") {
            let now = ContinuousClock.now
            let elapsed = now - lap
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            timings.append((stage, seconds))
            options.progress?(BuildProgress(stage: stage, counts: counts, seconds: seconds))
            lap = now
        }
        // With --strict a warning stops the build before anything is written, as an error does.
        func stops() -> Bool { diagnostics.hasErrors || (options.strict && !diagnostics.isEmpty) }

        // Load
        let (config, configDiagnostics) = SiteConfig.load(from: options.source, baseURLOverride: options.baseURL)
        diagnostics += configDiagnostics
        let urls = SiteURLs(baseURL: config.baseURL)
        let (theme, themeDiagnostics) = Theme.load(source: options.source, name: config.theme, language: config.language)
        let (output, outputDiagnostics) = OutputFolder.inspect(options, assets: theme.map { Set($0.assets.keys) })
        diagnostics += outputDiagnostics + themeDiagnostics
        let now = options.now.timeIntervalSince1970
        let leftOut = LeftOutPosts(now: now, includeDrafts: options.includeDrafts, includeFuture: options.includeFuture)
        let parser = PostParser(config: config, rootPath: urls.rootPath, strings: theme?.strings) { draft, date in
            leftOut.admit(draft: draft, date: date)
        }
        let content = ContentLoader(source: options.source, parser: parser).load()
        diagnostics += content.diagnostics + leftOut.diagnostics
        measure("load", plural(content.posts.count, "post"))

        // Resolve
        let (site, siteDiagnostics) = SiteResolver.resolve(content, config: config, urls: urls, now: now)
        diagnostics += siteDiagnostics
        if let theme { diagnostics += BlockRenderer.missingPartials(in: site.posts, theme: theme) }
        guard !stops(), let theme, let output else { throw BuildFailure(diagnostics) }
        measure("resolve", plural(site.posts.count, "published post"))

        // Render and write: each page is rendered on a core right before it is written.
        let pages = OutputPlan.pages(for: site)
        // Redirect pages take no address from another file: their clashes are errors of their own, below.
        var taken = Set(pages.filter { $0.format != .redirect && $0.format != .text }.map { OutputPlan.path(of: $0, in: site) })
        var assets: [OutputFile] = []
        var plan = pages.map { PlannedFile(path: OutputPlan.path(of: $0, in: site), origin: OutputPlan.origin(of: $0, in: site)) }
        for (path, source) in theme.assets.sorted(by: { $0.key < $1.key }) {
            guard taken.insert(path).inserted else {
                diagnostics.append(.error(source.shown,
                    "this static file would replace the generated page /\(path)", hint: "rename or remove the file"))
                continue
            }
            assets.append(OutputFile(path: path, contents: source.outputContents))
            plan.append(PlannedFile(path: path, origin: .staticFile(source.shown)))
        }
        for (file, planned) in ResourceFiles.planned(for: site) {
            guard taken.insert(file.path).inserted else {
                diagnostics.append(ResourceFiles.clash(planned, with: plan.first { $0.path == file.path }))
                continue
            }
            assets.append(file)
            plan.append(planned)
        }
        diagnostics += RedirectPage.clashes(pages: pages, plan: plan, in: site)
        diagnostics += output.check(writing: plan, clean: options.clean) + WritePlan.problems(in: plan, output: output.path)
        guard !stops() else { throw BuildFailure(diagnostics) }
        let renderer = PageRenderer(site: site, theme: theme)
        measure("prepare", plural(pages.count, "page") + " to render")
        diagnostics += SiteWriter(folder: output).write(plan) { [assets] index in
            index < pages.count ? renderer.render(pages[index]) : assets[index - pages.count]
        }
        guard !diagnostics.hasErrors else { throw BuildFailure(diagnostics) }
        measure("render and write", plural(plan.count, "file"))

        let count = { (format: OutputFormat) in pages.filter { $0.format == format }.count }
        return BuildReport(
            posts: site.posts.count, pages: count(.html), feeds: count(.rss), calendars: count(.ics),
            assets: theme.assets.count, draftsLeftOut: leftOut.counts.drafts, futureLeftOut: leftOut.counts.future,
            warnings: diagnostics, timings: timings)
    }

    private static func plural(_ count: Int, _ word: String) -> String {
        "\(count) \(word)\(count == 1 ? "" : "s")"
    }
}
