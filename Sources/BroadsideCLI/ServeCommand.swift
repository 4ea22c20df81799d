import ArgumentParser
import Broadside
import BroadsidePreview
import Foundation

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Preview the site live in your browser as you write.",
        discussion: """
            Builds the site, drafts and future posts included, into a temporary folder \
            (never into site/, so nothing of the preview can be uploaded), and serves it at \
            http://127.0.0.1:4000/ to this computer only. Each time a file in content/, \
            themes/, templates/, static/, i18n/ or site.yml changes, the site is built again \
            and open pages reload. When a build fails, its messages are printed here and \
            shown over the page in the browser, and the last site that built stays served. \
            Press Ctrl-C to stop; the temporary folder is removed.

            Exit status 2 when the port is taken (choose another with --port).
            """
    )

    @OptionGroup var site: SiteOption

    @Option(name: .long, help: ArgumentHelp("The port to serve on, on 127.0.0.1.", valueName: "number"))
    var port: Int = 4000

    @Flag(name: .long, help: "Leave out posts marked draft: true, as a build does.")
    var noDrafts = false

    @Flag(name: .long, help: "Leave out posts dated in the future, as a build does.")
    var noFuture = false

    @Option(name: .long, help: ArgumentHelp("Build as if it were this moment (2026-05-01T09:00:00Z). Default: the clock at each build.", valueName: "time"))
    var now: String?

    @OptionGroup var report: ReportOptions

    // For the tests, which cannot wait 10 s and 75 s for each connection to be ended.
    @Option(name: .long, help: ArgumentHelp("Seconds a client may pause in the middle of a request.", visibility: .hidden))
    var requestTimeout: Double = 10

    @Option(name: .long, help: ArgumentHelp("Seconds a connection may stay open between requests.", visibility: .hidden))
    var idleTimeout: Double = 75

    func validate() throws {
        guard (1...65535).contains(port) else { throw ValidationError("--port must be a number from 1 to 65535, such as 4000") }
        guard requestTimeout > 0, idleTimeout > 0 else { throw ValidationError("--request-timeout and --idle-timeout must be a number of seconds above 0") }
    }

    func run() async throws {
        let console = Console(report)
        let fixedNow = try now.map { try buildTime(now: $0) }
        let source = site.url.standardizedFileURL
        guard FileManager.default.fileExists(atPath: source.path) else {
            throw usageError(.error(nil, "the site folder \(source.path) does not exist", hint: "pass the folder that holds content/ with --source"))
        }
        let (config, _) = SiteConfig.load(from: source, baseURLOverride: nil)
        let rootPath = SiteURLs(baseURL: config.baseURL).rootPath
        let folder = try PreviewTemporaryFolder.make()
        let building = NSLock()
        PreviewTemporaryFolder.removeOnSignal(folder, waitingFor: building)

        let state = PreviewState()
        let events = PreviewEvents()
        let server = PreviewServer(port: port, state: state, events: events, request: requestTimeout, idle: idleTimeout)
        do {
            try await server.start()
        } catch {
            PreviewTemporaryFolder.remove(folder)
            console.error(portProblem(error))
            throw ExitCode(2)
        }

        let builder = PreviewBuilder(
            source: source, output: folder.appendingPathComponent("site"), drafts: !noDrafts, future: !noFuture,
            fixedNow: fixedNow, reporter: ServeReport(console: console, source: source), state: state, events: events,
            building: building)
        builder.build()
        let shown = [noDrafts ? nil : "drafts", noFuture ? nil : "future posts"].compactMap { $0 }
        let including = shown.isEmpty ? "" : " (with \(joined(shown)))"
        console.say("Serving the preview\(including) at http://127.0.0.1:\(port)\(rootPath)")
        console.say("It rebuilds when you save; press Ctrl-C to stop.")
        builder.watch()
        // Never returns: the server listens again after any failure; Ctrl-C ends the process.
        await server.serve()
    }

    private func portProblem(_ error: any Error) -> String {
        let number = PreviewServer.errorNumber(of: error)
        if number == EADDRINUSE {
            return "error: port \(port) on 127.0.0.1 is already in use (another preview, or another program, serves there)\n  hint: stop the other program, or choose another port: broadside serve --port \(port + 1)"
        }
        if number == EACCES {
            return "error: this user may not serve on port \(port)\n  hint: choose a port above 1023: broadside serve --port 4000"
        }
        return "error: cannot serve on 127.0.0.1:\(port): \(error.localizedDescription)\n  hint: choose another port with --port"
    }
}

/// The preview's builds, told in the terminal.
struct ServeReport: PreviewReporting {
    let console: Console
    let source: URL

    func rebuilding(because reason: String) {
        console.error("\(reason) changed: building again")
    }

    func built(pages: Int, in duration: Duration, warnings: [Diagnostic]) {
        console.report(warnings, source: source)
        let counts = DiagnosticText.count(warnings).map { "; \($0)" } ?? ""
        let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
        console.say("Built \(counted(pages, "page", "pages")) in \(String(format: "%.2f", seconds)) s\(counts)")
    }

    func failed(_ diagnostics: [Diagnostic], count: String) {
        console.report(diagnostics, source: source)
        console.error("Build failed with \(count); the preview shows the last site that built, and the messages.")
    }
}
