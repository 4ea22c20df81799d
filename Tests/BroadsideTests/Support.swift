import Foundation
import Testing

@testable import Broadside

/// The repository, found from this file, so tests use the real default theme and fixtures.
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
let fixturesRoot = repositoryRoot.appendingPathComponent("Tests/BroadsideTests/Fixtures")

/// The moment every test build takes as "now": after the fixtures' posts, before their future one.
let testNow = PostDate.parse("2026-11-23T12:00:00Z", timeZone: TimeZone(identifier: "UTC")!)!.date

/// A site folder in a fresh temporary directory, with `themes/` linked to the repository's.
struct TemporarySite {
    let root: URL

    /// `images`: site path → a file of `Fixtures/images/` (real photos with GPS, a PNG with text
    /// chunks, an animated GIF with a comment), copied there.
    init(copying fixture: String? = nil, files: [String: String] = [:], images: [String: String] = [:]) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("broadside-test-\(UUID().uuidString)")
        // The caller's `defer { site.remove() }` only starts once this returns.
        do {
            try fill(copying: fixture, files: files)
            for (path, image) in images { try copy(image: image, to: path) }
        } catch {
            remove()
            throw error
        }
    }

    private func fill(copying fixture: String?, files: [String: String]) throws {
        let fm = FileManager.default
        if let fixture {
            try fm.copyItem(at: fixturesRoot.appendingPathComponent(fixture), to: root)
        } else {
            try fm.createDirectory(at: root.appendingPathComponent("content/posts"), withIntermediateDirectories: true)
        }
        try fm.createSymbolicLink(
            at: root.appendingPathComponent("themes"), withDestinationURL: repositoryRoot.appendingPathComponent("themes"))
        if fixture == nil && files["site.yml"] == nil {
            try write("site.yml", "base_url: \"https://example.org/\"\n")
        }
        for (path, text) in files { try write(path, text) }
    }

    func write(_ path: String, _ text: String) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    func copy(image: String, to path: String) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try? FileManager.default.removeItem(at: url)
        try FileManager.default.copyItem(at: fixturesRoot.appendingPathComponent("images/\(image)"), to: url)
    }

    var output: URL { root.appendingPathComponent("site") }

    func options(drafts: Bool = false, future: Bool = false, baseURL: String? = nil) -> BuildOptions {
        BuildOptions(source: root, baseURL: baseURL, includeDrafts: drafts, includeFuture: future, now: testNow)
    }

    @discardableResult
    func build(drafts: Bool = false, future: Bool = false, baseURL: String? = nil) throws(BuildFailure) -> BuildReport {
        try Build.run(options(drafts: drafts, future: future, baseURL: baseURL))
    }

    /// The build's errors and warnings; records a test issue if the build succeeded.
    func failure(sourceLocation: SourceLocation = #_sourceLocation) -> [Diagnostic] {
        do {
            try build()
            Issue.record("the build succeeded but should have failed", sourceLocation: sourceLocation)
            return []
        } catch {
            return error.diagnostics
        }
    }

    func read(_ path: String) throws -> String {
        try String(contentsOf: output.appendingPathComponent(path), encoding: .utf8)
    }

    func exists(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: output.appendingPathComponent(path).path)
    }

    func remove() { try? FileManager.default.removeItem(at: root) }
}

/// A post file with the given front matter lines and body.
func post(_ frontMatter: String, body: String = "Body text.") -> String {
    "---\n\(frontMatter)\n---\n\(body)\n"
}

/// Every file below `folder`, relative path → bytes.
func tree(_ folder: URL) throws -> [String: Data] {
    var files: [String: Data] = [:]
    let enumerator = FileManager.default.enumerator(atPath: folder.path)
    while let path = enumerator?.nextObject() as? String {
        let url = folder.appendingPathComponent(path)
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue {
            files[path] = try Data(contentsOf: url)
        }
    }
    return files
}

/// Numbers from a fixed seed, the same on every run (SplitMix64).
struct SplitMix {
    private var state: UInt64
    init(seed: UInt64) { state = seed }

    mutating func next() -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Int(truncatingIfNeeded: (z ^ (z >> 31)) >> 1)
    }
}
