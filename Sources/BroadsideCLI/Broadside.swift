import ArgumentParser
import Broadside
import Foundation

@main
struct BroadsideCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "broadside",
        abstract: "Turn a folder of Markdown posts into a website and an RSS feed.",
        discussion: """
            Write posts as Markdown files in content/posts/, each starting with a short
            header (front matter) that gives at least its title and date. Then run
            `broadside build` in your site's folder, and upload the site/ folder it makes
            to your web host.
            """,
        version: "0.1.0",
        subcommands: [BuildCommand.self]
    )
}

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the site into a folder ready to upload.",
        discussion: """
            Reads site.yml, content/posts/ and the theme in themes/, and writes every page
            and the feed into the output folder. If anything is wrong, every problem is
            listed with its file and line, nothing is written, and the site you built last
            time stays as it was.
            """
    )

    @Option(name: .long, help: ArgumentHelp("The site's folder.", valueName: "folder"))
    var source: String = "."

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

    @Flag(name: .long, help: ArgumentHelp("Print the time each stage took.", visibility: .hidden))
    var timings = false

    func run() throws {
        let started = ContinuousClock.now
        let sourceURL = URL(fileURLWithPath: source)
        let options = BuildOptions(
            source: sourceURL, output: output.map { URL(fileURLWithPath: $0) }, baseURL: try usable(baseURL),
            includeDrafts: drafts, includeFuture: future, now: try buildTime(), clean: clean)
        do {
            let report = try Build.run(options)
            printToStandardError(report.warnings)
            if timings {
                let lines = report.timings.map { "  \($0.stage): \(String(format: "%.3f", $0.seconds)) s\n" }.joined()
                FileHandle.standardError.write(Data(lines.utf8))
            }
            // One reading of the clock: two would mix a whole second of one with the fraction of the other.
            let elapsed = ContinuousClock.now - started
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            print(summary(report, seconds: seconds))
        } catch {
            printToStandardError(error.diagnostics)
            let count = error.errors.count
            FileHandle.standardError.write(Data(
                "Build failed with \(count) error\(count == 1 ? "" : "s"); nothing was written.\n".utf8))
            throw ExitCode.failure
        }
    }

    /// `--now`, else `SOURCE_DATE_EPOCH` (reproducible builds), else the clock.
    private func buildTime() throws -> Date {
        let environment = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"]
        switch BuildTime.resolve(now: now, sourceDateEpoch: environment, clock: { Date() }) {
        case .success(let date): return date
        case .failure(let problem): throw usageError(problem)
        }
    }

    private func usable(_ baseURL: String?) throws -> String? {
        if let baseURL, let problem = BaseURL.optionProblem(baseURL) { throw usageError(problem) }
        return baseURL
    }

    /// A bad value on the command line: its message and hint, and status 2 as for other usage
    /// errors, without the argument parser's page of usage text burying the one line that matters.
    private func usageError(_ problem: Diagnostic) -> ExitCode {
        printToStandardError([problem])
        return ExitCode(2)
    }

    private func printToStandardError(_ diagnostics: [Diagnostic]) {
        guard !diagnostics.isEmpty else { return }
        let text = diagnostics.map(\.description).joined(separator: "\n") + "\n"
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// `Built 63 pages, 2 feeds and 3 calendars in 0.12 s; left out 2 drafts (--drafts) and 1 future post (--future)`:
    /// what was made, and what was not and the flag that includes it, so a post that did not
    /// appear is never a mystery.
    private func summary(_ report: BuildReport, seconds: Double) -> String {
        func counted(_ count: Int, _ one: String, _ many: String) -> String {
            count == 1 ? "1 \(one)" : "\(grouped(count)) \(many)"
        }
        var made = [counted(report.pages, "page", "pages"), counted(report.feeds, "feed", "feeds")]
        if report.calendars > 0 { made.append(counted(report.calendars, "calendar", "calendars")) }
        var line = "Built \(joined(made)) in \(String(format: "%.2f", seconds)) s"
        var leftOut: [String] = []
        if report.draftsLeftOut > 0 { leftOut.append(counted(report.draftsLeftOut, "draft", "drafts") + " (--drafts)") }
        if report.futureLeftOut > 0 {
            leftOut.append(counted(report.futureLeftOut, "post dated after now", "posts dated after now") + " (--future)")
        }
        if !leftOut.isEmpty { line += "; left out \(joined(leftOut))" }
        return line
    }

    private func joined(_ items: [String]) -> String {
        items.count <= 1 ? items.joined() : items.dropLast().joined(separator: ", ") + " and " + items.last!
    }

    /// 1691 → `1,691`, the same on every machine whatever its locale.
    private func grouped(_ value: Int) -> String {
        let digits = Array(String(value))
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(digit)
        }
        return out
    }
}
