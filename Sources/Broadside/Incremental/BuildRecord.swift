import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `.broadside-cache/build.json`: what the last successful build read and wrote, so that a build
/// of the very same inputs into an output nobody touched since writes nothing and takes a few
/// stat calls: the site's files (every file and folder below the site, links followed, but the
/// output, the cache and `.git`), the output's, the photo cache's, the running program's, the
/// options that shape the output, and the span of "now" over which the same inputs make the same
/// site (until the first post leaves the future or the first event is over). Anything else
/// different, or a stopped build's folder beside the output, and the build is a whole one.
/// Deleting the record, or the cache folder, is always safe.
struct BuildRecord: Codable, Equatable {
    static let version = 3
    static let path = ".broadside-cache/build.json"

    var version = Self.version
    var program: String
    var options: String
    var output: String
    /// The build's now, and the first instant after it at which time alone changes the site.
    var now: Double
    var validUntil: Double
    var inputs: FileStamps
    var outputs: FileStamps
    /// The photo cache: a cache entry removed or damaged is a whole build, which makes it again.
    var images: FileStamps
    var report: RecordedReport
    /// SHA-256 of the digests of what this build made its pages, feeds and search files from
    /// (`PageDigests`); "" for none.
    var pages: String
    /// SHA-256 of the record's other fields: a record cut short or edited is not trusted.
    var digest = ""

    /// The record of the last build into this output, when it can be trusted: whole, of this
    /// version, and no stopped build's folder beside the output. `--clean` trusts none.
    static func previous(_ options: BuildOptions) -> BuildRecord? {
        guard !options.clean, let record = load(options.source), record.digest == record.computedDigest, record.version == version,
            record.output == OutputPath.resolve(options.output), !hasLeftovers(record.output)
        else { return nil }
        return record
    }

    /// The report of the recorded build, when `options` would make the same site (`inputs`, the
    /// site's stamps now) into an output that is as that build left it (`outputs`, its stamps
    /// now, asked last: its walk is the longer); nil otherwise.
    func unchanged(_ options: BuildOptions, inputs: FileStamps?, outputs: () -> FileStamps?) -> BuildReport? {
        guard !options.wholeBuild, let inputs, program == Self.program(), self.options == Self.key(options),
            self.inputs.digest == inputs.digest, covers(options.now.timeIntervalSince1970), untouched(outputs()),
            Self.imageStamps(options).digest == images.digest
        else { return nil }
        return report.report
    }

    /// Whether the output, whose stamps are now `stamps`, is exactly as the recorded build left
    /// it, whatever the inputs now: then a rebuild needs to write only the files that change (`SiteUpdate`).
    func untouched(_ stamps: FileStamps?) -> Bool { stamps?.digest == outputs.digest }

    /// Writes the record of a build that succeeded, when the site's files were the same before
    /// and after it (an edit during the build leaves none) and none changed so close to the
    /// record that the file system's times could not tell them apart (as git's index does).
    /// `outputs`: the output's stamps when the build knows them without a walk (`FileStamps.updating`).
    static func save(_ options: BuildOptions, inputsBefore: FileStamps?, outputs known: FileStamps? = nil, site: Site, leftOut: [LeftOutPost],
                     report: BuildReport, pages: String? = nil) {
        let file = options.source.appendingPathComponent(path).path
        guard CacheFolder.isWritable(holding: file) else { return }
        unlink(file)
        let output = OutputPath.resolve(options.output)
        // The site and the output walked at once, as a build begins (see `Build.run`).
        let (after, outputsAfter) = concurrently({ stamps(options) }, { known ?? FileStamps.of(output, follow: false) })
        guard let inputsBefore, let inputs = after, inputs.digest == inputsBefore.digest, let outputs = outputsAfter else { return }
        let now = options.now.timeIntervalSince1970
        var record = BuildRecord(
            program: program(), options: key(options), output: output, now: now,
            validUntil: validUntil(site, leftOut: leftOut, now: now), inputs: inputs, outputs: outputs,
            images: imageStamps(options), report: RecordedReport(report), pages: pages ?? "")
        record.digest = record.computedDigest
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        guard let data = try? encoder.encode(record) else { return }
        guard (try? data.write(to: URL(fileURLWithPath: file), options: .atomic)) != nil else { return }
        var info = stat()
        let written = stat(file, &info) == 0 ? Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec) : 0
        // A file system that keeps whole seconds (FAT, HFS+) may give an edit made now the
        // record's own time: 2 s of margin there, 10 ms where times have nanoseconds.
        let margin: Int64 = written % 1_000_000_000 == 0 ? 2_000_000_000 : 10_000_000
        if inputs.newest >= written - margin || outputs.newest > written { unlink(file) }
    }

    /// The site's files as the record compares them.
    static func stamps(_ options: BuildOptions) -> FileStamps? {
        let source = OutputPath.resolve(options.source)
        let output = OutputPath.resolve(options.output)
        var skipping: Set<String> = [".broadside-cache", ".git"]
        // The output inside the site, and a build's folders beside it (`.site.tmp-PID`, `.site.old-PID`).
        guard output.hasPrefix(source + "/") else {
            return FileStamps.of(source, follow: true, skip: { skipping.contains($0) }, apart: PageInputs.isPostText)
        }
        let inside = String(output.dropFirst(source.count + 1))
        skipping.insert(inside)
        let parent = String(inside.dropLast((inside as NSString).lastPathComponent.count))
        // Asked of every file of the site: most paths are longer than any skipped, and are told
        // apart by their length and bytes before any is hashed (hashed, 20 ms of each walk at 10,000 posts).
        let longest = skipping.map(\.utf8.count).max() ?? 0
        return FileStamps.of(source, follow: true, skip: { path in
            if path.utf8.count <= longest, skipping.contains(path) { return true }
            guard path.utf8.starts(with: parent.utf8) else { return false }
            let entry = path.utf8.dropFirst(parent.utf8.count)
            return !entry.contains(UInt8(ascii: "/")) && Leftovers.isLeftover(String(Substring(entry)), of: inside)
        }, apart: PageInputs.isPostText)
    }

    /// The photo cache's files (none: an empty stamp).
    static func imageStamps(_ options: BuildOptions) -> FileStamps {
        let folder = options.source.appendingPathComponent(ImageCache.folderName).path
        return FileStamps.of(folder, follow: false) ?? FileStamps(digest: "", newest: 0)
    }

    /// A stopped build's staging or previous folder beside the output: a whole build puts it right.
    static func hasLeftovers(_ output: String) -> Bool {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: (output as NSString).deletingLastPathComponent)) ?? []
        return entries.contains { Leftovers.isLeftover($0, of: output) }
    }

    private func covers(_ now: Double) -> Bool { now == self.now || (now > self.now && now < validUntil) }

    /// The first instant after `now` at which a post leaves the future or an event is over
    /// (`now` itself when a list is empty: an empty feed is dated by the build's now).
    static func validUntil(_ site: Site, leftOut: [LeftOutPost], now: Double) -> Double {
        if site.lists.contains(where: { $0.posts.isEmpty }) { return now }
        // The largest finite number, for JSON: no time ends the record.
        var first = Double.greatestFiniteMagnitude
        for post in site.posts {
            if post.date.secondsSince1970 > now { first = min(first, post.date.secondsSince1970) }
            if let over = post.event?.over.secondsSince1970, over >= now { first = min(first, over) }
        }
        for post in leftOut where post.date.secondsSince1970 > now { first = min(first, post.date.secondsSince1970) }
        return first
    }

    /// What shapes the output besides the site's files and now.
    static func key(_ options: BuildOptions) -> String {
        [OutputPath.resolve(options.source), options.baseURL ?? "-", "\(options.includeDrafts)", "\(options.includeFuture)",
         "\(options.strict)", "\(options.templateEngine)"].joined(separator: "\n")
    }

    /// `program()`, read once: what digests of made files (`PageDigests`) start with, since
    /// another build of Broadside may make other bytes of the same values.
    static let running = program()

    /// The running program, as the file system describes it: a new build of Broadside is another.
    static func program() -> String {
        var info = stat()
        guard stat("/proc/self/exe", &info) == 0 else { return "" }
        return "\(info.st_size) \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec) \(info.st_ino) \(Bundle.main.executablePath ?? "")"
    }

    private var computedDigest: String {
        var copy = self
        copy.digest = ""
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return (try? encoder.encode(copy)).map(ImageCodec.sha256) ?? "?"
    }

    private static func load(_ source: URL) -> BuildRecord? {
        guard let data = FileManager.default.contents(atPath: source.appendingPathComponent(path).path) else { return nil }
        return try? JSONDecoder().decode(BuildRecord.self, from: data)
    }
}

/// The parts of a build's report its record keeps: what the CLI says after a build.
struct RecordedReport: Codable, Equatable {
    var posts, pages, feeds, calendars, assets, images, draftsLeftOut, futureLeftOut: Int
    var leftOutPosts: [LeftOutPost]
    var warnings: [Diagnostic]
    var editions: [EditionFiles]

    init(_ report: BuildReport) {
        (posts, pages, feeds, calendars, assets) = (report.posts, report.pages, report.feeds, report.calendars, report.assets)
        images = report.imagesProcessed + report.imagesFromCache
        (draftsLeftOut, futureLeftOut) = (report.draftsLeftOut, report.futureLeftOut)
        (leftOutPosts, warnings, editions) = (report.leftOutPosts, report.warnings, report.editions)
    }

    var report: BuildReport {
        var report = BuildReport(
            posts: posts, pages: pages, feeds: feeds, calendars: calendars, assets: assets, imagesProcessed: 0,
            imagesFromCache: images, draftsLeftOut: draftsLeftOut, futureLeftOut: futureLeftOut,
            leftOutPosts: leftOutPosts, warnings: warnings, timings: [])
        report.editions = editions
        report.unchanged = true
        return report
    }
}

