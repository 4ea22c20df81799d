import Broadside
import Foundation

/// Builds the site into the preview's folder, then again each time what the build reads
/// changes, on a thread of its own: a build keeps its cores busy for a moment, and the
/// server's tasks go on answering meanwhile, from the last site that built.
///
/// What it has to say goes to a `PreviewReporting`: the CLI prints it.
public final class PreviewBuilder: @unchecked Sendable {
    let source: URL
    let output: URL
    let drafts: Bool
    let future: Bool
    /// `--now`; nil: the clock at each build.
    let fixedNow: Date?
    let reporter: any PreviewReporting
    let state: PreviewState
    let events: PreviewEvents
    /// Held during a build, so that stopping never deletes a folder a build is writing.
    let building: NSLock

    /// How often the sources are looked at, and how long they must stay unchanged before a
    /// build starts: saving from an editor touches a file more than once.
    static let pollInterval: useconds_t = 250_000
    static let settleInterval: useconds_t = 150_000

    public init(source: URL, output: URL, drafts: Bool, future: Bool, fixedNow: Date?, reporter: any PreviewReporting,
         state: PreviewState, events: PreviewEvents, building: NSLock) {
        self.source = source
        self.output = output
        self.drafts = drafts
        self.future = future
        self.fixedNow = fixedNow
        self.reporter = reporter
        self.state = state
        self.events = events
        self.building = building
    }

    /// One build; true when it worked.
    @discardableResult
    public func build(because reason: String? = nil) -> Bool {
        building.lock()
        defer { building.unlock() }
        if let reason { reporter.rebuilding(because: reason) }
        let started = ContinuousClock.now
        let options = BuildOptions(
            source: source, output: output, includeDrafts: drafts, includeFuture: future,
            now: fixedNow ?? Date(), clean: true)
        let number: Int
        let worked: Bool
        do {
            let report = try Build.run(options)
            number = state.finished(folder: PreviewFolder(folder: output, rootPath: currentRootPath()), errors: nil)
            reporter.built(pages: report.pages, in: ContinuousClock.now - started, warnings: report.warnings)
            worked = true
        } catch {
            let count = DiagnosticText.count(error.diagnostics) ?? "errors"
            reporter.failed(error.diagnostics, count: count)
            var text = DiagnosticText(source: source, colour: false)
            number = state.finished(folder: nil, errors: PreviewPages.BuildErrors(count: count, text: text.render(error.diagnostics)))
            worked = false
        }
        events.announce(build: number)
        return worked
    }

    /// The path of `base_url` as site.yml says it now: an edit to it while serving moves the
    /// site, as the next build's links do.
    private func currentRootPath() -> String {
        let (config, _) = SiteConfig.load(from: source, baseURLOverride: nil)
        return SiteURLs(baseURL: config.baseURL).rootPath
    }

    /// Watches and builds until the process ends.
    public func watch() {
        let thread = Thread { [self] in
            var seen = SourceSnapshot.take(of: source)
            var sinceKeepAlive = 0
            while true {
                usleep(Self.pollInterval)
                sinceKeepAlive += 1
                if sinceKeepAlive >= 60 {
                    events.keepAlive()
                    sinceKeepAlive = 0
                }
                var now = SourceSnapshot.take(of: source)
                guard now != seen else { continue }
                // Wait for a burst of saves to end.
                while true {
                    usleep(Self.settleInterval)
                    let later = SourceSnapshot.take(of: source)
                    if later == now { break }
                    now = later
                }
                let reason = now.changes(since: seen)
                seen = now
                build(because: reason)
            }
        }
        thread.name = "broadside-preview-watch"
        thread.start()
    }
}

/// Where a preview's builds are told of: the terminal, for `broadside serve`.
public protocol PreviewReporting: Sendable {
    /// `reason`: `content/posts/a.md` or `3 files`.
    func rebuilding(because reason: String)
    func built(pages: Int, in duration: Duration, warnings: [Diagnostic])
    /// `count`: `2 errors and 1 warning`.
    func failed(_ diagnostics: [Diagnostic], count: String)
}
