import ArgumentParser
import Broadside
import Foundation

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Find broken links, missing alt text and translations.",
        discussion: """
            Builds the site in memory, writing nothing, and lists with its file and line: \
            every link or image of a post that leads to no page or file of the site (links \
            to other sites are not visited), images without alt text, a translation_key \
            that lacks a language the site publishes in or a translation dated before its \
            original, and categories only unpublished posts have; and every error or \
            warning of the build. Exit status 1 when anything is found, 0 otherwise.
            """
    )

    @OptionGroup var site: SiteOption

    @Flag(name: .long, help: "Check posts marked draft: true too, as if published.")
    var drafts = false

    @Flag(name: .long, help: "Check posts dated in the future too, as if published.")
    var future = false

    @Option(name: .long, help: ArgumentHelp("Check as if it were this moment (2026-05-01T09:00:00Z); decides which posts are in the future. Default: SOURCE_DATE_EPOCH, else the clock.", valueName: "time"))
    var now: String?

    @OptionGroup var report: ReportOptions

    func run() throws {
        let console = Console(report)
        let options = BuildOptions(source: site.url, includeDrafts: drafts, includeFuture: future, now: try buildTime(now: now))
        let result = SiteCheck.run(options)
        for image in result.locatedImages {
            console.say("note: \(image) had a GPS position: removed from every published copy")
        }
        guard let counts = DiagnosticText.count(result.diagnostics) else {
            console.say("No problems found in \(counted(result.posts, "post", "posts"))" + (result.pages > 0 ? " and \(counted(result.pages, "page", "pages"))" : ""))
            return
        }
        console.report(result.diagnostics, source: site.url)
        console.error("Found \(counts)" + (result.posts > 0 ? " in \(counted(result.posts, "post", "posts"))." : "."))
        throw ExitCode.failure
    }
}
