import ArgumentParser
import Broadside
import BroadsidePublish
import Foundation

struct PublishCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "publish",
        abstract: "Upload site/ to the host in site.yml: what changed.",
        discussion: """
            Uploads site/ as the last `broadside build` made it (run that first) to the \
            folder in site.yml's publish: settings, over SFTP, FTPS or FTP. Only files whose \
            bytes changed are uploaded, each under a temporary name and renamed into place; \
            files the new build no longer has are deleted last, and only those Broadside put \
            there. An interrupted publish resumes when run again. The first publish to a \
            site already on the host can take it over with --adopt. See docs/publish.md.
            """
    )

    @OptionGroup var site: SiteOption

    @Flag(name: .long, help: "List what would be uploaded and deleted, and change nothing on the host.")
    var dryRun = false

    @Flag(name: .long, help: "Take over a site already on the host: its files that are the build's, byte for byte (each downloaded and compared), are not uploaded again.")
    var adopt = false

    @Flag(name: .long, help: "Allow protocol: ftp, where the password crosses the network in clear.")
    var insecureFtp = false

    @OptionGroup var report: ReportOptions

    func run() throws {
        let console = Console(report)
        let settings = try loaded(console)
        if settings.transport == .ftp && !insecureFtp {
            console.report([.error("site.yml", "protocol: ftp sends the password and every file across the network in clear, readable by anyone on the way.", hint: "Use sftp or ftps if the host offers it; else run broadside publish --insecure-ftp.")], source: site.url)
            throw ExitCode.failure
        }
        let built = site.url.appendingPathComponent("site")
        let publisher = Publisher(settings: settings, secrets: .fromEnvironment(), site: site.url, built: built)
        if let stale = StaleBuild.check(site: site.url, built: built) { console.report([stale], source: site.url) }
        do {
            let terminal = console.errorIsTerminal && !console.quiet
            let checking = { (done: Int, total: Int) in
                if terminal { console.progress("  checking \(grouped(done))/\(grouped(total)) files already on the host") }
            }
            if dryRun { return try dryRun(publisher, console, checking: checking) }
            let started = ContinuousClock.now
            let result = try publisher.run(adopt: adopt, checking: checking) { done in
                if terminal { console.progress(progressLine(done, seconds: seconds(since: started))) }
            }
            if terminal { console.progress(nil) }
            console.say(summary(result, seconds: seconds(since: started)))
            if !result.undeleted.isEmpty {
                console.report([.warning(nil, "the host refused to delete \(counted(result.undeleted.count, "file", "files")) the new build no longer has: \(result.undeleted.prefix(5).joined(separator: ", "))\(result.undeleted.count > 5 ? " …" : "")",
                    hint: "they stay on the host and in the record, and the next publish tries again; check that \(publisher.settings.user) may delete files in \(publisher.settings.folder)")], source: site.url)
            }
        } catch {
            console.report(error.diagnostics, source: site.url)
            throw ExitCode.failure
        }
    }

    private func loaded(_ console: Console) throws -> PublishSettings {
        switch PublishSettings.load(from: site.url) {
        case .success(let settings): return settings
        case .failure(let failure):
            console.report(failure.diagnostics, source: site.url)
            throw ExitCode.failure
        }
    }

    private func dryRun(_ publisher: Publisher, _ console: Console, checking: (Int, Int) -> Void) throws(BuildFailure) {
        let (plan, _, built) = try publisher.plan(adopt: adopt, checking: checking)
        if console.errorIsTerminal && !console.quiet { console.progress(nil) }
        for path in plan.uploads { console.say("upload \(path)") }
        for path in plan.deletions { console.say("delete \(path)") }
        let bytes = plan.uploads.reduce(0) { $0 + (built.files[$1]?.size ?? 0) }
        console.say("Would upload \(counted(plan.uploads.count, "file", "files")) (\(kilobytes(bytes))), delete \(plan.deletions.count), \(grouped(plan.unchanged)) unchanged (dry run: nothing was changed)")
    }

    /// `  12/34 files, 310 of 2,805 KB, 1,204 KB/s, 3 s left`
    private func progressLine(_ done: PublishProgress, seconds: Double) -> String {
        let speed = Double(done.bytes) / max(seconds, 0.001)
        let left = speed > 0 ? ", \(Int((Double(done.totalBytes - done.bytes) / speed).rounded(.up))) s left" : ""
        return "  \(grouped(done.files))/\(grouped(done.totalFiles)) files, \(grouped((done.bytes + 1023) / 1024)) of \(kilobytes(done.totalBytes)), \(kilobytes(Int(speed)))/s\(left)"
    }

    /// `Uploaded 12 files (340 KB), deleted 2, 1,203 unchanged in 3.1 s`
    private func summary(_ report: PublishReport, seconds: Double) -> String {
        "Uploaded \(counted(report.uploaded, "file", "files")) (\(kilobytes(report.bytes))), deleted \(report.deleted), \(grouped(report.unchanged)) unchanged in \(String(format: "%.1f", seconds)) s"
    }
}

private func kilobytes(_ bytes: Int) -> String {
    "\(grouped((bytes + 1023) / 1024)) KB"
}
