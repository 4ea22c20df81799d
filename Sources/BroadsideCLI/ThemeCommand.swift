import ArgumentParser
import Broadside
import Foundation

/// `broadside theme`: the theme Broadside carries built in.
struct ThemeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "theme",
        abstract: "Copy the built-in theme into the site to edit it.",
        subcommands: [Eject.self]
    )

    struct Eject: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "eject",
            abstract: "Write the built-in theme into themes/default/, for you to edit.",
            discussion: """
                A site without a themes/default/ folder uses the theme built into Broadside. \
                This writes that theme's templates, stylesheet and words into themes/default/; \
                from then on the site uses the folder, and your changes to it. It never \
                writes over an existing themes/default/.
                """
        )

        @OptionGroup var site: SiteOption

        func run() throws {
            let console = Console()
            do {
                let report = try ThemeEject.run(source: site.url)
                console.report(report.warnings, source: site.url)
                let shown = site.path == "." ? report.folder : (site.path as NSString).appendingPathComponent(report.folder)
                let written = "Wrote the built-in theme into \(shown)/ (\(counted(report.files.count, "file", "files")))"
                console.say(written + (report.siteUsesIt ? "; the site now uses that folder: edit it to change how the site looks." : "."))
            } catch {
                console.report(error.diagnostics, source: site.url)
                throw ExitCode.failure
            }
        }
    }
}
