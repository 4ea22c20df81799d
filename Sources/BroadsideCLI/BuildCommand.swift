import ArgumentParser
import Broadside
import Foundation

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the site into a folder ready to upload.",
        discussion: """
            Reads site.yml, content/posts/ and the theme, and writes every page and the \
            feed into the output folder. If anything is wrong, every problem is listed \
            with its file and line, nothing is written, and the site you built last time \
            stays as it was.
            """
    )

    @OptionGroup var site: SiteOption

    @Option(name: .long, help: ArgumentHelp("Where to write the site (default: site/ in the site's folder).", valueName: "folder"))
    var output: String?

    @Option(name: .long, help: ArgumentHelp("The address the site will be published at, such as https://example.org/ (overrides base_url in site.yml).", valueName: "url"))
    var baseURL: String?

    @Flag(name: .long, help: "Include posts marked draft: true.")
    var drafts = false

    @Flag(name: .long, help: "Include posts dated in the future.")
    var future = false

    @Option(name: .long, help: ArgumentHelp("Build as if it were this moment (2026-05-01T09:00:00Z); decides which posts are in the future. Default: SOURCE_DATE_EPOCH, else the clock.", valueName: "time"))
    var now: String?

    @Flag(name: .long, help: "Drop files in the output folder that Broadside did not write, instead of stopping (a folder it did not make is never replaced).")
    var clean = false

    @Flag(name: .long, help: "Treat warnings as errors: list them and write nothing (for CI).")
    var strict = false

    @OptionGroup var report: ReportOptions

    @Flag(name: .long, help: ArgumentHelp("Print the time each stage took; unlike --verbose, a rebuild stays a rebuild, to be timed.", visibility: .hidden))
    var timings = false

    func run() throws {
        let started = ContinuousClock.now
        let console = Console(quiet: report.quiet, verbose: report.verbose || timings)
        if let baseURL, let problem = BaseURL.optionProblem(baseURL) { throw usageError(problem) }
        let progress = ProgressLines(console: console, started: started)
        var options = BuildOptions(
            source: site.url, output: output.map { URL(fileURLWithPath: $0) }, baseURL: baseURL,
            includeDrafts: drafts, includeFuture: future, now: try buildTime(now: now), clean: clean,
            strict: strict, progress: { progress.stageEnded($0) })
        // `--verbose` lists every post left out, which a build that reads nothing cannot know.
        options.wholeBuild = report.verbose
        options.endsProcess = true
        do {
            let result = try Build.run(options)
            progress.finish()
            console.report(result.warnings, source: site.url)
            if console.verbose {
                for post in result.leftOutPosts { console.say(Self.leftOutLine(post)) }
            }
            console.say(summary(result, seconds: seconds(since: started)))
        } catch {
            progress.finish()
            console.report(error.diagnostics, source: site.url)
            let counts = DiagnosticText.count(error.diagnostics) ?? "errors"
            let why = error.errors.isEmpty && strict ? " (--strict)" : ""
            console.error("Build failed with \(counts)\(why); nothing was written.")
            throw ExitCode.failure
        }
    }

    /// `--verbose`: each post left out, by file, and why.
    static func leftOutLine(_ post: LeftOutPost) -> String {
        post.draft ? "Left out \(post.source): a draft (--drafts)" : "Left out \(post.source): dated \(post.day), after now (--future)"
    }

    /// `Built 63 pages, 2 feeds and 3 calendars in 0.12 s; left out 2 drafts (--drafts) and 1 future post (--future)`:
    /// what was made, and what was not and the flag that includes it, so a post that did not
    /// appear is never a mystery.
    private func summary(_ report: BuildReport, seconds: Double) -> String {
        var made = [counted(report.pages, "page", "pages"), counted(report.feeds, "feed", "feeds")]
        if report.calendars > 0 { made.append(counted(report.calendars, "calendar", "calendars")) }
        var line = "Built \(joined(made)) in \(String(format: "%.2f", seconds)) s"
        let images = report.imagesProcessed + report.imagesFromCache
        if images > 0 {
            line += "; \(counted(images, "image", "images")) stripped of metadata (\(report.imagesProcessed) processed, \(report.imagesFromCache) from cache)"
        }
        var leftOut: [String] = []
        if report.draftsLeftOut > 0 { leftOut.append(counted(report.draftsLeftOut, "draft", "drafts") + " (--drafts)") }
        if report.futureLeftOut > 0 {
            var future = counted(report.futureLeftOut, "post dated after now", "posts dated after now") + " (--future)"
            // A year typed wrong leaves a post out for a year: the furthest date is the one to look at.
            if let furthest = report.leftOutPosts.filter({ !$0.draft }).max(by: { $0.date.secondsSince1970 < $1.date.secondsSince1970 }) {
                future += ", the furthest \(furthest.source), dated \(furthest.day)"
            }
            leftOut.append(future)
        }
        if !leftOut.isEmpty { line += "; left out \(joined(leftOut))" }
        if let warnings = DiagnosticText.count(report.warnings) { line += "; \(warnings)" }
        return line
    }
}
