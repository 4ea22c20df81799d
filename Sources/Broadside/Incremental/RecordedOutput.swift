import Foundation

/// What a build knows of its output from the last build's record: whether the output is as
/// that build left it, and then what its files were made from (`PageDigests`). The output's
/// walk (20,000 page folders took the kernel 0.2 s) begins with the build, on a thread of its
/// own, and is waited for only when asked: when the site's files are as recorded (a build
/// with nothing changed needs it at once), else once the posts are loaded.
final class RecordedOutput: Sendable {
    let record: BuildRecord?
    private let walk: Pending<FileStamps?>
    /// Read as soon as the walk ends, on a thread of its own too: the load's cores are seldom both busy.
    private let digests: Pending<PageDigests?>

    init(_ record: BuildRecord?, source: URL) {
        self.record = record
        let walk = Pending { record.flatMap { FileStamps.of($0.output, follow: false) } }
        self.walk = walk
        digests = Pending {
            guard let record, record.untouched(walk.value) else { return nil }
            return PageDigests.load(site: source, recorded: record.pages)
        }
    }

    /// The output's stamps as the build began; nil without a record.
    var stamps: FileStamps? { walk.value }

    /// Whether the output is exactly as the recorded build left it.
    var untouched: Bool { record?.untouched(stamps) ?? false }

    /// What the live files were made from, when the output is untouched.
    var pages: PageDigests? { digests.value }
}
