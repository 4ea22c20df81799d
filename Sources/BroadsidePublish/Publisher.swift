import Broadside
import CImage
import Foundation

/// How far a publish is, after each file.
public struct PublishProgress: Sendable {
    public var files: Int
    public var totalFiles: Int
    public var bytes: Int
    public var totalBytes: Int
}

/// What a publish did, for the CLI's closing line.
public struct PublishReport: Sendable {
    public var uploaded = 0
    public var bytes = 0
    public var deleted = 0
    public var unchanged = 0
    /// Files the host refused to delete: still listed in the record, so the next publish tries again.
    public var undeleted: [String] = []
}

/// Uploads a built folder: reads the host's manifest, plans, uploads in the plan's order with
/// a checkpoint of the manifest every few files, deletes last, and leaves the manifest on the
/// host and in `.broadside-cache/`.
public final class Publisher {
    public let settings: PublishSettings
    let secrets: Secrets
    let site: URL
    let built: URL
    let transport: CurlTransport
    /// Attempts of one transfer before stopping, and the first pause (doubled each time).
    var attempts = 4
    var pause = 1.0
    /// A checkpoint after this many files or seconds, whichever comes first.
    let checkpointFiles = 50
    let checkpointSeconds = 10.0
    /// The host's manifest as last read or written, and the SHA-256 of its bytes ("" for none).
    private var base = PublishManifest()
    private var baseDigest = ""

    public init(settings: PublishSettings, secrets: Secrets, site: URL, built: URL) {
        self.settings = settings
        self.secrets = secrets
        self.site = site
        self.built = built
        transport = CurlTransport(settings: settings, secrets: secrets)
    }

    /// The plan, from the host's manifest (none: nothing there is Broadside's yet). With
    /// `adopt`, the host's files that are the build's byte for byte join that manifest first.
    public func plan(adopt: Bool = false, checking: (Int, Int) -> Void = { _, _ in }) throws(BuildFailure) -> (PublishPlan, published: PublishManifest, built: PublishManifest) {
        // The host's manifest is kept there, and files are staged there: never through a link.
        if let link = CacheFolder.link(holding: localURL().path) {
            throw BuildFailure([.error(nil, "\(link) is a link: publish keeps its record of the host there, and does not write through a link (it could lead out of the site)",
                hint: "delete the link and publish again; the folder is made again, and the host's record is downloaded")])
        }
        let builtManifest: PublishManifest
        switch BuiltFiles.manifest(of: built, site: site) {
        case .success(let manifest): builtManifest = manifest
        case .failure(let failure): throw failure
        }
        var published = try hostRecord()
        if adopt { published = try adopted(published, built: builtManifest, checking: checking) }
        let plan = PublishPlan(published: published, built: builtManifest)
        guard plan.refused.isEmpty else {
            throw BuildFailure(plan.refused.map { path in
                .error("site/" + path, "this file's name holds a line break or another control character, which an FTP or SFTP command cannot carry safely",
                    hint: "rename the file (in static/ or beside its post), build again, then publish")
            })
        }
        return (plan, published, builtManifest)
    }

    /// What the host's manifest and changes say Broadside put there. The manifest is read from
    /// the local copy when the changes name its digest, else downloaded.
    func hostRecord() throws(BuildFailure) -> PublishManifest {
        let changes = try retrying { () throws(TransferError) in try transport.download(PublishChanges.fileName) }.flatMap(PublishChanges.decode)
        var data = FileManager.default.contents(atPath: localURL().path)
        if changes == nil || data.map(PublishChanges.digest) != changes?.base {
            data = try retrying { () throws(TransferError) in try transport.download(PublishManifest.fileName) }
        }
        base = data.flatMap(PublishManifest.decode) ?? PublishManifest()
        baseDigest = data.map(PublishChanges.digest) ?? ""
        guard let changes, changes.base == baseDigest else { return base }
        return changes.applied(to: base)
    }

    /// `--adopt`: a site already on the host (uploaded by hand, or by another tool) becomes
    /// Broadside's where it is the build's: each file the build has and the manifest lacks is
    /// downloaded and hashed, and one with the build's bytes is recorded as published, so it is
    /// not sent again. Nothing is judged from a listing or a size; a file of the host the build
    /// does not have stays out of the manifest, so no publish ever deletes it.
    func adopted(_ published: PublishManifest, built: PublishManifest, checking: (Int, Int) -> Void) throws(BuildFailure) -> PublishManifest {
        var record = published
        let candidates = built.files.filter { published.files[$0.key] != $0.value && PublishPlan.isSafe($0.key) }.sorted { $0.key < $1.key }
        let scratch = localURL().deletingLastPathComponent().appendingPathComponent(".adopt-download")
        try? FileManager.default.createDirectory(at: scratch.deletingLastPathComponent(), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        for (done, (path, entry)) in candidates.enumerated() {
            checking(done, candidates.count)
            let there = try retrying { () throws(TransferError) in try transport.download(path, to: scratch) }
            var hex = [CChar](repeating: 0, count: 65)
            guard there, bs_sha256_file(scratch.path, &hex) == 0 else { continue }
            if String(decoding: hex.prefix(64).map { UInt8(bitPattern: $0) }, as: UTF8.self) == entry.sha256 {
                record.files[path] = entry
            }
        }
        checking(candidates.count, candidates.count)
        return record
    }

    /// Runs the plan; `progress` is told after each file.
    public func run(adopt: Bool = false, checking: (Int, Int) -> Void = { _, _ in }, progress: (PublishProgress) -> Void) throws(BuildFailure) -> PublishReport {
        let (plan, published, builtManifest) = try plan(adopt: adopt, checking: checking)
        // What was adopted is kept before anything is sent (a dry run, which plans alone, keeps nothing).
        if adopt { try checkpoint(published) }
        var record = published
        var report = PublishReport(unchanged: plan.unchanged)
        var lastCheckpoint = Date()
        var sinceCheckpoint = 0
        let total = plan.uploads.count + plan.deletions.count
        let totalBytes = plan.uploads.reduce(0) { $0 + (builtManifest.files[$1]?.size ?? 0) }
        for path in plan.uploads {
            try retrying { () throws(TransferError) in try transport.upload(built.appendingPathComponent(path), to: path) }
            record.files[path] = builtManifest.files[path]
            report.uploaded += 1
            report.bytes += builtManifest.files[path]?.size ?? 0
            sinceCheckpoint += 1
            progress(PublishProgress(files: report.uploaded, totalFiles: total, bytes: report.bytes, totalBytes: totalBytes))
            if sinceCheckpoint >= checkpointFiles || Date().timeIntervalSince(lastCheckpoint) >= checkpointSeconds {
                try checkpoint(record)
                (sinceCheckpoint, lastCheckpoint) = (0, Date())
            }
        }
        // Every new page is in place before anything is deleted: no link points at a gap.
        if !plan.deletions.isEmpty { try checkpoint(record) }
        for path in plan.deletions {
            guard try retrying({ () throws(TransferError) in try transport.delete(path) }) else {
                report.undeleted.append(path)
                continue
            }
            record.files[path] = nil
            report.deleted += 1
            progress(PublishProgress(files: report.uploaded + report.deleted, totalFiles: total, bytes: report.bytes, totalBytes: totalBytes))
        }
        if total > 0 || published != record { try checkpoint(record, rewrote: total) }
        return report
    }

    /// The record on the host: its changes since the manifest, or, past `compactAt`, the
    /// manifest whole and empty changes; each uploaded and renamed like any file, the manifest
    /// first, so changes never name bytes that are not there. A local copy of the manifest spares
    /// the next publish its download.
    /// `rewrote`: at the end of a publish, how many files it sent or deleted.
    func checkpoint(_ record: PublishManifest, rewrote: Int = 0) throws(BuildFailure) {
        let count = PublishChanges(from: base, to: record, base: baseDigest).count
        // A publish that rewrote much (the first, a new theme) ends with the manifest whole: its
        // changes would otherwise be sent again by every publish until the next rewrite.
        let rewroteMuch = rewrote > 0 && (base.files.isEmpty || rewrote > PublishChanges.compactAt(base) / 2)
        if count > PublishChanges.compactAt(base) || (count > 0 && rewroteMuch) {
            let data = record.encoded()
            try send(data, as: PublishManifest.fileName, keeping: localURL())
            (base, baseDigest) = (record, PublishChanges.digest(data))
        }
        let changes = PublishChanges(from: base, to: record, base: baseDigest)
        try send(changes.encoded(), as: PublishChanges.fileName, keeping: localURL().deletingPathExtension().appendingPathExtension("changes.json"))
    }

    /// `data` uploaded as `name`, from a file kept at `local` once it is on the host.
    private func send(_ data: Data, as name: String, keeping local: URL) throws(BuildFailure) {
        try? FileManager.default.createDirectory(at: local.deletingLastPathComponent(), withIntermediateDirectories: true)
        let staged = local.deletingLastPathComponent().appendingPathComponent(".upload-" + local.lastPathComponent)
        guard (try? data.write(to: staged)) != nil else {
            throw BuildFailure([.error(nil, "Cannot write \(staged.path).")])
        }
        try retrying { () throws(TransferError) in try transport.upload(staged, to: name) }
        try? FileManager.default.removeItem(at: local)
        try? FileManager.default.moveItem(at: staged, to: local)
    }

    /// The local copy of the host's manifest.
    func localURL() -> URL {
        let name = settings.host.map { $0.isLetter || $0.isNumber || $0 == "." || $0 == "-" ? $0 : "_" }
        return site.appendingPathComponent(".broadside-cache/publish-\(String(name)).json")
    }

    /// A lost connection is tried again after 1, 2, 4 s; anything else stops at once.
    func retrying<T>(_ body: () throws(TransferError) -> T) throws(BuildFailure) -> T {
        var wait = pause
        for attempt in 1...attempts {
            do { return try body() } catch {
                guard PublishError.isTransient(error.code), attempt < attempts else {
                    var problem = PublishError.diagnostic(error, settings: settings, secrets: secrets)
                    if PublishError.isTransient(error.code) {
                        problem.message += " (tried \(attempts) times)"
                    }
                    throw BuildFailure([problem])
                }
                Thread.sleep(forTimeInterval: wait)
                wait *= 2
            }
        }
        fatalError("unreachable: the last attempt returns or throws")
    }
}
