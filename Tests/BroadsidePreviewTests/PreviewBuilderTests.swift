import Broadside
import Foundation
import Testing

@testable import BroadsidePreview

/// The preview's builds into its own folder, as `serve` runs them.
@Suite struct PreviewBuilderTests {
    final class Told: PreviewReporting, @unchecked Sendable {
        private let lock = NSLock()
        private var lines: [String] = []
        var all: [String] { lock.withLock { lines } }

        func rebuilding(because reason: String) { lock.withLock { lines.append("rebuilding \(reason)") } }
        func built(pages: Int, in duration: Duration, warnings: [Diagnostic]) { lock.withLock { lines.append("built") } }
        func failed(_ diagnostics: [Diagnostic], count: String) { lock.withLock { lines.append("failed \(count)") } }
    }

    @Test func anEditToBaseURLsPathMovesTheSiteAtTheNextBuild() throws {
        let fm = FileManager.default
        let base = fm.temporaryDirectory.appendingPathComponent("broadside-builder-test-\(UUID().uuidString)")
        defer { try? fm.removeItem(at: base) }
        let source = base.appendingPathComponent("source")
        try fm.createDirectory(at: source.appendingPathComponent("content/posts"), withIntermediateDirectories: true)
        try Data("---\ntitle: \"Hello\"\ndate: 2026-05-01\n---\nWords.\n".utf8).write(to: source.appendingPathComponent("content/posts/hello.md"))
        let siteYml = source.appendingPathComponent("site.yml")
        try Data("title: \"T\"\nbase_url: \"https://example.org/\"\n".utf8).write(to: siteYml)
        let state = PreviewState(), told = Told()
        let builder = PreviewBuilder(source: source, output: base.appendingPathComponent("site"), drafts: true, future: true,
            fixedNow: nil, reporter: told, state: state, events: PreviewEvents(), building: NSLock())
        #expect(builder.build())
        #expect(state.current.folder?.rootPath == "/")
        try Data("title: \"T\"\nbase_url: \"https://example.org/news/\"\n".utf8).write(to: siteYml)
        #expect(builder.build(because: "site.yml"))
        #expect(state.current.folder?.rootPath == "/news/")
        #expect(state.current.build == 2)
        #expect(told.all == ["built", "rebuilding site.yml", "built"])
    }
}
