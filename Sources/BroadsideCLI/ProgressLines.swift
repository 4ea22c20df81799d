import Broadside
import Foundation

/// The stages of a build as they end, on a terminal, once the build has taken more than a
/// second: a quick build says nothing but its closing line, a long one is never silent.
/// `--verbose` prints every stage, on a terminal or not.
final class ProgressLines: @unchecked Sendable {
    private let console: Console
    private let started: ContinuousClock.Instant
    // NSLock, not Mutex: TSan on Linux reports Synchronization.Mutex as a race.
    private let lock = NSLock()
    private var waiting: [BuildProgress] = []
    private var showing: Bool
    private var finished = false

    init(console: Console, started: ContinuousClock.Instant) {
        self.console = console
        self.started = started
        showing = console.verbose
        guard !console.quiet, !console.verbose, console.errorIsTerminal else { return }
        // A timer, not the next stage's end: the first stage of a long build may itself be long.
        DispatchQueue.global().asyncAfter(deadline: .now() + 1) { [self] in
            lock.withLock {
                guard !finished else { return }
                showing = true
                waiting.forEach(print)
                waiting = []
            }
        }
    }

    func stageEnded(_ progress: BuildProgress) {
        lock.withLock {
            if showing { print(progress) } else { waiting.append(progress) }
        }
    }

    func finish() {
        lock.withLock { finished = true }
    }

    private func print(_ progress: BuildProgress) {
        let counts = progress.counts.isEmpty ? "" : ": \(progress.counts)"
        console.error("  \(progress.stage)\(counts) (\(String(format: "%.2f", progress.seconds)) s)")
    }
}
