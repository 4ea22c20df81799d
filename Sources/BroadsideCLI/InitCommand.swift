import ArgumentParser
import Broadside
import Foundation

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Start a new site: settings and a first post.",
        discussion: """
            Writes site.yml (every setting, explained), content/posts/ with a first post that \
            shows how posts are written, and a .gitignore for the built site. The folder may be \
            new, empty, or a fresh clone of a repository; a folder that already holds a site \
            (site.yml, content/, templates/ or static/) is left alone. No file is ever replaced: \
            an existing .gitignore gets only the lines it lacks, at its end.
            """
    )

    @Argument(help: ArgumentHelp("The new site's folder (default: the current folder); made if missing.", valueName: "folder"))
    var folder: String = "."

    @Option(name: .long, help: ArgumentHelp("Date the first post as if it were this moment (default: SOURCE_DATE_EPOCH, else the clock).", valueName: "time"))
    var now: String?

    func run() throws {
        let console = Console()
        let date = try buildTime(now: now)
        switch SiteSkeleton.create(in: URL(fileURLWithPath: folder), shown: folder, now: date) {
        case .failure(let problem):
            console.report([problem], source: URL(fileURLWithPath: folder))
            throw ExitCode.failure
        case .success(let made):
            var lines = ["Made a new site in \(folder == "." ? "this folder" : folder):"]
            let what = [
                "site.yml": "the settings: change title and base_url",
                SiteSkeleton.samplePost: "a first post, which shows how to write one",
                SiteSkeleton.ignoreFile: "keeps the built site/ out of git",
            ]
            for path in made.written { lines.append("  \(path)  (\(what[path] ?? ""))") }
            if made.ignoreAppended == true { lines.append("  .gitignore  (added /site/ and /.broadside-cache/ at its end)") }
            lines += ["", "Next:"]
            if folder != "." { lines.append("  cd \(Self.shellQuoted(folder))") }
            lines += [
                "  broadside serve                       see the site in your browser as you write",
                "  broadside new dispatch \"Your Title\"   start a post",
                "  broadside build                       make site/, the folder you upload",
            ]
            console.say(lines.joined(separator: "\n"))
        }
    }

    /// A folder name as it must be typed in a shell: quoted when it has anything but safe characters.
    static func shellQuoted(_ text: String) -> String {
        let safe = text.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || $0.properties.numericType != nil || "-_./".unicodeScalars.contains($0) }
        return safe ? text : "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
