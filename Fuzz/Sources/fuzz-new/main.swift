// `broadside new` with fuzzed words: title, slug, kind, language and "now" (the input's parts
// between NUL bytes, in that order). Nothing may crash; a post written must be a regular file
// inside content/posts/ whose front matter the build reads back.
import Foundation
import FuzzSupport

@testable import Broadside

// One site for every run (libFuzzer ends without running exit handlers); each post written is
// removed after it is checked, so the folder stays small.
let site = FileManager.default.temporaryDirectory.appendingPathComponent("broadside-fuzz-new-\(getpid())")
let posts = site.appendingPathComponent("content/posts")
try? FileManager.default.createDirectory(at: posts, withIntermediateDirectories: true)
try? Data("title: \"Fuzz\"\nbase_url: \"https://example.org/\"\nlanguages: [en, es]\n".utf8)
    .write(to: site.appendingPathComponent("site.yml"))
let realPosts = posts.resolvingSymlinksInPath().path

runFuzzer { bytes in
    let parts = bytes.split(separator: 0, maxSplits: 4, omittingEmptySubsequences: false)
        .map { String(decoding: $0, as: UTF8.self) }
    let field = { (index: Int) in index < parts.count ? parts[index] : nil }
    let kind: Kind
    switch NewPost.kind(named: field(2) ?? "dispatch") {
    case .success(let found): kind = found
    case .failure: return
    }
    guard case .success(let now) = BuildTime.resolve(now: field(4).flatMap { $0.isEmpty ? nil : $0 },
        sourceDateEpoch: nil, clock: { Date(timeIntervalSince1970: 1_780_000_000) }) else { return }
    let request = NewPost.Request(kind: kind, title: field(0) ?? "", slug: field(1).flatMap { $0.isEmpty ? nil : $0 },
        lang: field(3).flatMap { $0.isEmpty ? nil : $0 }, now: now)
    guard case .success(let written) = NewPost.write(request, source: site) else { return }
    let file = site.appendingPathComponent(written)
    defer {
        try? FileManager.default.removeItem(at: file)
        if kind == .report { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
    }
    let real = file.resolvingSymlinksInPath().path
    // By bytes: a name that starts with a combining mark makes "/" and it one Character.
    require(real.utf8.starts(with: (realPosts + "/").utf8), "new wrote \(written.debugDescription) outside content/posts/")
    var status = stat()
    require(lstat(file.path, &status) == 0 && status.st_mode & S_IFMT == S_IFREG, "new wrote \(written.debugDescription), not a regular file")
    guard let data = FileManager.default.contents(atPath: file.path) else { return require(false, "new wrote a file it cannot read") }
    let text = String(decoding: data, as: UTF8.self)
    require(!text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" }, "new wrote a control character:\n\(text)")
    require(String(data: data, encoding: .utf8) != nil, "new wrote bytes that are not UTF-8")
    require(FrontMatter.split(text) != nil, "new wrote a post whose front matter does not close:\n\(text)")
}
