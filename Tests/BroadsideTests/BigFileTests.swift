import Foundation
import Testing

@testable import Broadside

#if canImport(Glibc)
import Glibc
#endif

/// A file of `size` bytes at `path` that takes (almost) no disk: `head` at its start and `tail`
/// at its end, a hole between. Returns false when the file system cannot make holes.
func makeSparse(_ path: String, size: Int, head: [UInt8] = [], tail: [UInt8] = []) throws -> Bool {
    try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
    defer { close(descriptor) }
    guard ftruncate(descriptor, off_t(size)) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
    _ = head.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, 0) }
    _ = tail.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, off_t(size - tail.count)) }
    return allocated(path) < size / 2
}

/// The bytes a file takes on disk.
func allocated(_ path: String) -> Int {
    var status = stat()
    return stat(path, &status) == 0 ? Int(status.st_blocks) * 512 : .max
}

/// The bytes of `path` from `offset`, `count` of them.
func bytes(of path: String, at offset: Int, count: Int) -> [UInt8] {
    let descriptor = open(path, O_RDONLY)
    guard descriptor >= 0 else { return [] }
    defer { close(descriptor) }
    var buffer = [UInt8](repeating: 0, count: count)
    let got = buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, count, off_t(offset)) }
    return Array(buffer.prefix(max(got, 0)))
}

/// The process's peak resident memory so far, in bytes.
func peakMemory() -> Int {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return usage.ru_maxrss * 1024
}

/// Big files are streamed or refused before they are read: none is held whole in memory.
@Suite(.serialized) struct BigFileTests {
    static let reportPost = post("title: \"Report\"\ndate: 2026-10-01\nkind: report\nattachments:\n  - file: report.pdf\n    label: \"The report\"")
    let head = Array("%PDF-1.7\n".utf8)
    let tail = Array("\n%%EOF\n".utf8)

    @Test(.timeLimit(.minutes(2))) func aThreeGigabyteAttachmentIsPublishedWhole() throws {
        let site = try TemporarySite(files: ["content/posts/report/index.md": Self.reportPost])
        defer { site.remove() }
        let size = 3 << 30
        let source = site.root.appendingPathComponent("content/posts/report/report.pdf").path
        // Without holes the test would write 6 GB to the disk: nothing it checks needs that.
        guard try makeSparse(source, size: size, head: head, tail: tail) else { return }
        let before = peakMemory()
        try site.build()
        let grown = peakMemory() - before
        let published = site.output.appendingPathComponent("posts/report/report.pdf").path
        let attributes = try FileManager.default.attributesOfItem(atPath: published)
        #expect((attributes[.size] as? NSNumber)?.intValue == size)
        #expect(bytes(of: published, at: 0, count: head.count) == head)
        #expect(bytes(of: published, at: size - tail.count, count: tail.count) == tail)
        #expect(bytes(of: published, at: size / 2, count: 4096) == [UInt8](repeating: 0, count: 4096))
        // Reading it whole took 6 GB before; the copy's buffer is 1 MB.
        #expect(grown < 1_000_000_000, "the build's peak memory grew by \(grown / 1_000_000) MB")
        // The holes stay holes: the published copy takes no more disk than the source.
        #expect(allocated(published) < 100_000_000)
        #expect(try site.read("posts/report/index.html").contains("report.pdf"))
    }

    @Test func aPostAboveTheLimitIsAnErrorWithItsSizeAndThePreviousSiteStays() throws {
        let site = try TemporarySite(files: ["content/posts/a.md": goodPost])
        defer { site.remove() }
        let path = site.root.appendingPathComponent("content/posts/huge.md").path
        var sparse = true
        let diagnostics = try site.failureAfterAGoodBuild { sparse = try makeSparse(path, size: 2_100_000_000, head: Array("---\n".utf8)) }
        guard sparse else { return }
        #expect(diagnostics == [.error("content/posts/huge.md", "this file is 2.1 GB; a post can be at most 16 MB",
            hint: "a post is text: put large files beside it as attachments, or split it into several posts")])
    }

    @Test func aPostOneByteAboveTheLimitIsRefusedAndOneAtTheLimitIsRead() throws {
        let site = try TemporarySite(files: ["content/posts/a.md": goodPost])
        defer { site.remove() }
        let text = Array(goodPost.utf8)
        let path = site.root.appendingPathComponent("content/posts/b.md").path
        let padding = [UInt8](repeating: UInt8(ascii: "x"), count: TextLimit.post.bytes - text.count)
        try Data(text + padding + [UInt8(ascii: "x")]).write(to: URL(fileURLWithPath: path))
        #expect(site.failure() == [.error("content/posts/b.md", "this file is 16,000,001 bytes; a post can be at most 16 MB",
            hint: TextLimit.post.hint)])
        try Data(text + padding).write(to: URL(fileURLWithPath: path))
        // Same title and date as a.md, so a warning or two at most; never the size.
        let report = try site.build()
        #expect(!report.warnings.contains { $0.message.contains("can be at most") })
    }

    @Test func siteSettingsTemplatesAndThemeWordsAboveTheLimitAreErrors() throws {
        let site = try TemporarySite(files: ["content/posts/a.md": goodPost])
        defer { site.remove() }
        let settings = site.root.appendingPathComponent("site.yml").path
        let template = site.root.appendingPathComponent("templates/post.mustache").path
        let words = site.root.appendingPathComponent("i18n/en.yml").path
        var sparse = true
        let diagnostics = try site.failureAfterAGoodBuild {
            sparse = try makeSparse(settings, size: 5_000_000_000, head: Array("base_url: \"https://example.org/\"\n".utf8))
                && makeSparse(template, size: 4_000_001) && makeSparse(words, size: 4_500_000)
        }
        guard sparse else { return }
        #expect(diagnostics.contains(.error("site.yml", "this file is 5 GB; site.yml can be at most 4 MB", hint: TextLimit.settings.hint)))
        #expect(diagnostics.contains(.error("templates/post.mustache", "this file is 4,000,001 bytes; a template can be at most 4 MB",
            hint: TextLimit.template.hint)))
        #expect(diagnostics.contains(.error("i18n/en.yml", "this file is 4.5 MB; a file of a theme's words can be at most 4 MB",
            hint: TextLimit.strings.hint)))
    }

    @Test func anImageAboveTheLimitIsRefusedBeforeItIsRead() throws {
        let site = try TemporarySite(files: ["content/posts/a/index.md": post(
            "title: \"A\"\ndate: 2026-10-01\nimage: photo.jpg\nimage_alt: \"A photo\"")], images: ["content/posts/a/photo.jpg": "phone.jpg"])
        defer { site.remove() }
        let path = site.root.appendingPathComponent("content/posts/a/photo.jpg").path
        var sparse = true
        let diagnostics = try site.failureAfterAGoodBuild {
            sparse = try makeSparse(path, size: 2_500_000_000, head: [0xFF, 0xD8, 0xFF, 0xE0])
        }
        guard sparse else { return }
        #expect(diagnostics == [.error("content/posts/a/photo.jpg", "this image is 2.5 GB; Broadside opens images of at most 200 MB",
            hint: "export it smaller (at most 8000 pixels on its longest side, as JPEG) before adding it (the featured image of content/posts/a/index.md)")])
    }

    /// The empty files are read without Foundation (which leaked 4 KB on each): the messages stay.
    @Test func anEmptyPostAndAnEmptyTemplateGiveTheUsualMessages() throws {
        let site = try TemporarySite(files: ["content/posts/a.md": goodPost, "content/posts/empty.md": ""])
        defer { site.remove() }
        #expect(site.failure() == [.error("content/posts/empty.md", line: 1, column: 1, "the file does not start with front matter",
            hint: "begin the file with a `---` line, then title: and date:, then another `---` line")])
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("content/posts/empty.md"))
        // An empty template is a template that writes nothing, as it always was.
        try site.write("templates/post.mustache", "")
        try site.build()
        #expect(try site.read("posts/a/index.html") == "")
        #expect(try site.read("index.html").contains("/posts/a/"))
    }
}

/// `FileCopy` copies every byte, by the kernel and through its buffer, whatever the size.
@Suite struct FileCopyTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("broadside-copy-\(UUID().uuidString)").path

    func randomBytes(_ count: Int) -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        return (0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) }
    }

    func copies(_ bytes: [UInt8], from source: String, to destination: String, inKernel: Bool) throws -> Bool {
        try Data(bytes).write(to: URL(fileURLWithPath: source))
        guard case .success = FileCopy.copy(from: source, to: destination, inKernel: inKernel) else { return false }
        return try Data(contentsOf: URL(fileURLWithPath: destination)) == Data(bytes)
    }

    @Test(arguments: [false, true]) func everySizeAroundTheBufferIsCopiedExactly(inKernel: Bool) throws {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let buffer = FileCopy.bufferSize
        for size in [0, 1, buffer - 1, buffer, buffer + 1, 3 * buffer + 7] {
            #expect(try copies(randomBytes(size), from: folder + "/in", to: folder + "/out", inKernel: inKernel), "size \(size)")
        }
        // A longer file copied over a shorter one is cut to its own length.
        #expect(try copies(randomBytes(buffer + 1), from: folder + "/in", to: folder + "/out", inKernel: inKernel))
        #expect(try copies(randomBytes(5), from: folder + "/in", to: folder + "/out", inKernel: inKernel))
    }

    @Test(arguments: [false, true]) func aSparseFileKeepsItsDataAndItsHoles(inKernel: Bool) throws {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let size = 64 << 20
        let head = randomBytes(10_000)
        let tail = randomBytes(3)
        guard try makeSparse(folder + "/in", size: size, head: head, tail: tail) else { return }
        // Data in the middle too, between two holes.
        let middle = randomBytes(5_000)
        let descriptor = open(folder + "/in", O_WRONLY)
        _ = middle.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, off_t(size / 2)) }
        close(descriptor)
        guard case .success = FileCopy.copy(from: folder + "/in", to: folder + "/out", inKernel: inKernel) else {
            Issue.record("the copy failed")
            return
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: folder + "/out")) == Data(contentsOf: URL(fileURLWithPath: folder + "/in")))
        #expect(allocated(folder + "/out") < 8 << 20)
        // A file that ends in a hole keeps its length.
        guard try makeSparse(folder + "/in", size: size, head: head),
            case .success = FileCopy.copy(from: folder + "/in", to: folder + "/out", inKernel: inKernel) else { return }
        #expect(try Data(contentsOf: URL(fileURLWithPath: folder + "/out")) == Data(contentsOf: URL(fileURLWithPath: folder + "/in")))
    }

    @Test func aFileIsCopiedAcrossFileSystems() throws {
        let other = "/dev/shm/broadside-copy-\(UUID().uuidString)"
        // No /dev/shm (macOS, some containers): nothing to test here.
        guard FileManager.default.fileExists(atPath: "/dev/shm"), (try? FileManager.default.createDirectory(atPath: other,
            withIntermediateDirectories: false)) != nil else { return }
        defer { try? FileManager.default.removeItem(atPath: other) }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for size in [0, 1, FileCopy.bufferSize + 1] {
            let bytes = randomBytes(size)
            #expect(try copies(bytes, from: folder + "/in", to: other + "/out", inKernel: true))
            #expect(try copies(bytes, from: other + "/in", to: folder + "/out", inKernel: true))
        }
    }

    @Test func aFileThatCannotBeReadOrWrittenSaysWhich() throws {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        func failure(_ result: Result<Void, FileCopy.Failure>) -> FileCopy.Failure? {
            if case .failure(let failure) = result { failure } else { nil }
        }
        #expect(failure(FileCopy.copy(from: folder + "/missing", to: folder + "/out")) == .reading(ENOENT))
        try Data([1]).write(to: URL(fileURLWithPath: folder + "/in"))
        #expect(failure(FileCopy.copy(from: folder + "/in", to: folder + "/no/out")) == .writing(ENOENT))
    }
}

/// `FileBytes` reads a file whole into one buffer, with a bound.
@Suite struct FileBytesTests {
    @Test func sizesAreInWords() {
        #expect(FileBytes.words(2_147_483_648) == "2.1 GB")
        #expect(FileBytes.words(16_000_000) == "16 MB")
        #expect(FileBytes.words(16_999_999) == "16.9 MB")
        #expect(FileBytes.words(1_500) == "1.5 kB")
        #expect(FileBytes.words(512) == "512 bytes")
        #expect(FileBytes.words(1) == "1 byte")
        #expect(FileBytes.words(16_000_001, above: 16_000_000) == "16,000,001 bytes")
        #expect(FileBytes.words(17_000_000, above: 16_000_000) == "17 MB")
    }

    @Test func aFileIsReadWholeAndOneAboveTheLimitIsNot() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("broadside-bytes-\(UUID().uuidString)").path
        defer { unlink(path) }
        try Data().write(to: URL(fileURLWithPath: path))
        #expect(FileBytes.read(path, limit: 10) == .success(Data()))
        #expect(FileBytes.array(path, limit: 10) == .success([]))
        try Data("0123456789".utf8).write(to: URL(fileURLWithPath: path))
        #expect(FileBytes.read(path, limit: 10) == .success(Data("0123456789".utf8)))
        #expect(FileBytes.array(path, limit: 10) == .success(Array("0123456789".utf8)))
        #expect(FileBytes.read(path, limit: 9) == .failure(.tooLarge(size: 10)))
        #expect(FileBytes.array(path, limit: 9) == .failure(.tooLarge(size: 10)))
        #expect(FileBytes.read(path + "-missing", limit: 9) == .failure(.unreadable(ENOENT)))
    }

    /// A file longer than `fstat` said when it was opened, as one that grows while read:
    /// /proc's files say 0 bytes and hold more.
    @Test func aFileLongerThanItsSizeIsReadWholeUpToTheLimit() throws {
        let path = "/proc/self/status"
        guard FileManager.default.fileExists(atPath: path) else { return }
        let prefix = Data("Name:".utf8)
        #expect(try FileBytes.read(path, limit: 1 << 20).get().prefix(prefix.count) == prefix)
        #expect(try Array(FileBytes.array(path, limit: 1 << 20).get().prefix(prefix.count)) == Array(prefix))
        guard case .failure(.tooLarge) = FileBytes.read(path, limit: 100) else {
            Issue.record("read past the limit")
            return
        }
        guard case .failure(.tooLarge) = FileBytes.array(path, limit: 100) else {
            Issue.record("read past the limit")
            return
        }
    }
}
