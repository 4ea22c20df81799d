import ArgumentParser
import Broadside
import Foundation

/// `--source`: the site folder every command works on.
struct SiteOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The site's folder (default: the current folder).", valueName: "folder"))
    var source: String?

    /// Optional, not `"."` by default: ArgumentParser would print "(default: .)" after the help.
    var path: String { source ?? "." }

    var url: URL { URL(fileURLWithPath: path) }
}

/// How much a command says.
struct ReportOptions: ParsableArguments {
    @Flag(name: [.short, .long], help: "Print errors only (no warnings, no summary).")
    var quiet = false

    @Flag(name: [.short, .long], help: "Also print each stage's time and counts.")
    var verbose = false

    func validate() throws {
        if quiet && verbose { throw ValidationError("--quiet and --verbose cannot be used together") }
    }
}

/// A bad value on the command line: its message and hint, and status 2 as for other usage
/// errors, without the argument parser's page of usage text burying the one line that matters.
func usageError(_ problem: Diagnostic) -> ExitCode {
    Console().report([problem], source: URL(fileURLWithPath: "."))
    return ExitCode(2)
}

/// `--now`, else `SOURCE_DATE_EPOCH` (reproducible builds), else the clock.
func buildTime(now: String?) throws -> Date {
    let environment = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"]
    switch BuildTime.resolve(now: now, sourceDateEpoch: environment, clock: { Date() }) {
    case .success(let date): return date
    case .failure(let problem): throw usageError(problem)
    }
}

/// Seconds since `start`, from one reading of the clock (two would mix a whole second of one
/// with the fraction of the other).
func seconds(since start: ContinuousClock.Instant) -> Double {
    (ContinuousClock.now - start) / .seconds(1)
}

/// 1691 → `1,691`, the same on every machine whatever its locale.
func grouped(_ value: Int) -> String {
    let digits = Array(String(value))
    var out = ""
    for (index, digit) in digits.enumerated() {
        if index > 0 && (digits.count - index) % 3 == 0 { out.append(",") }
        out.append(digit)
    }
    return out
}

func counted(_ count: Int, _ one: String, _ many: String) -> String {
    count == 1 ? "1 \(one)" : "\(grouped(count)) \(many)"
}

/// `a`, `a and b`, `a, b and c`.
func joined(_ items: [String]) -> String {
    items.count <= 1 ? items.joined() : items.dropLast().joined(separator: ", ") + " and " + items.last!
}
