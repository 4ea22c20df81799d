import ArgumentParser
import Broadside
import Foundation

struct NewsletterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "newsletter",
        abstract: "Print where the newsletter e-mail's files are.",
        discussion: """
            Builds the site as `broadside build` does, then prints the files of the newest \
            edition (or of --week or --date), one per line: the web page, email.html (paste \
            it into your mailing tool), email.txt, edition.eml (import it, or send it) and \
            fragment.html (the body alone, for a tool whose template wraps it). A site has \
            editions once site.yml has newsletter: settings.
            """
    )

    @OptionGroup var site: SiteOption

    @Option(name: .long, help: ArgumentHelp("The site folder's output (default: site).", valueName: "folder"))
    var output: String?

    @Option(name: .long, help: ArgumentHelp("The edition of this ISO week, such as 2026-W45.", valueName: "week"))
    var week: String?

    @Option(name: .long, help: ArgumentHelp("The edition that holds this day, such as 2026-11-03.", valueName: "day"))
    var date: String?

    @Option(name: .long, help: ArgumentHelp("The edition in this language (default: the site's).", valueName: "code"))
    var lang: String?

    @Option(name: .long, help: ArgumentHelp("Build as if it were this moment (2026-05-01T09:00:00Z). Default: SOURCE_DATE_EPOCH, else the clock.", valueName: "time"))
    var now: String?

    func validate() throws {
        if week != nil && date != nil { throw ValidationError("--week and --date cannot be used together") }
    }

    func run() throws {
        if let problem = EditionFiles.problem(week: week, date: date) { throw usageError(problem) }
        let console = Console(quiet: true, verbose: false)
        let outputURL = output.map { URL(fileURLWithPath: $0) } ?? site.url.appendingPathComponent("site")
        let options = BuildOptions(source: site.url, output: outputURL, now: try buildTime(now: now))
        let report: BuildReport
        do {
            report = try Build.run(options)
        } catch {
            console.report(error.diagnostics, source: site.url)
            console.error("Build failed with \(DiagnosticText.count(error.diagnostics) ?? "errors"); nothing was written.")
            throw ExitCode.failure
        }
        switch EditionFiles.choose(report.editions, week: week, date: date, lang: lang) {
        case .success(let edition):
            for file in edition.files { print(outputURL.appendingPathComponent(file).standardizedFileURL.path) }
        case .failure(let problem):
            console.report([problem], source: site.url)
            throw ExitCode.failure
        }
    }
}
