import ArgumentParser
import Foundation

@main
struct BroadsideCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "broadside",
        abstract: "Turn a folder of Markdown posts into a website and an RSS feed.",
        discussion: """
            Write posts as Markdown files in content/posts/, each starting with a short \
            header (front matter) that gives at least its title and date. Run \
            `broadside serve` to see the site in your browser as you write, and \
            `broadside build` to make the site/ folder you upload to your web host.

            Exit status: 0 when all went well, 1 when the site has errors (each one is \
            listed with its file and line), 2 when the command itself is wrong.
            """,
        version: "0.1.0",
        subcommands: [InitCommand.self, NewCommand.self, ServeCommand.self, CheckCommand.self, BuildCommand.self, NewsletterCommand.self, PublishCommand.self, ThemeCommand.self]
    )

    /// ArgumentParser exits with 64 on a usage error; Broadside promises 2, as most Unix tools do,
    /// so a script can tell "the command was wrong" (2) from "the site has errors" (1).
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var command = command as? AsyncParsableCommand {
                try await command.run()
            } else {
                try command.run()
            }
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                let message = fullMessage(for: error)
                FileHandle.standardError.write(Data((message.hasSuffix("\n") ? message : message + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
