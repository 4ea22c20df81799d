import Broadside
import Foundation

/// Where the CLI's words go: diagnostics and progress on standard error, the closing line on
/// standard output. Colour and progress only on a terminal, so logs and CI stay plain text.
struct Console: Sendable {
    var quiet = false
    var verbose = false
    let errorIsTerminal = isatty(STDERR_FILENO) == 1
    let outputIsTerminal = isatty(STDOUT_FILENO) == 1

    init(quiet: Bool = false, verbose: Bool = false) {
        self.quiet = quiet
        self.verbose = verbose
    }

    init(_ options: ReportOptions) {
        self.init(quiet: options.quiet, verbose: options.verbose)
    }

    /// https://no-color.org, and a terminal that says it cannot.
    var colour: Bool {
        let environment = ProcessInfo.processInfo.environment
        return errorIsTerminal && environment["NO_COLOR"].map(\.isEmpty) ?? true && environment["TERM"] != "dumb"
    }

    /// Every diagnostic, errors first, each with its line quoted; warnings are left out by `--quiet`.
    func report(_ diagnostics: [Diagnostic], source: URL) {
        let shown = quiet ? diagnostics.filter { $0.severity == .error } : diagnostics
        guard !shown.isEmpty else { return }
        var text = DiagnosticText(source: source, colour: colour)
        error(text.render(shown))
    }

    func error(_ text: String) {
        FileHandle.standardError.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
    }

    func say(_ text: String) {
        guard !quiet else { return }
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }
}

extension Console {
    /// One line rewritten in place on a terminal (`\r`, then clear to the end); nil clears it.
    func progress(_ line: String?) {
        FileHandle.standardError.write(Data(("\r" + (line ?? "") + "\u{1B}[K").utf8))
    }
}
