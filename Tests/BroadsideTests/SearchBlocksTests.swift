import Foundation
import Synchronization
import Testing

@testable import Broadside

/// A rebuild reads again only the search index's blocks whose documents changed, takes the
/// others from `.broadside-cache/search`, and makes the same index as a build that read all.
@Suite struct SearchBlocksTests {
    static func part(_ documents: Range<Int>, text: (Int) -> String = SearchIndexTests.text) -> SearchIndex.Part {
        let all = SearchIndexTests.documents(documents.upperBound)
        var reader = SearchReader()
        for number in documents { reader.read(all[number], html: text(number), number: number) }
        return reader.part
    }

    static func decoded(_ bytes: [UInt8], documents: Range<Int>) -> SearchIndex.Part? {
        bytes.withUnsafeBufferPointer { SearchPartCode.decode($0, documents: documents) }
    }

    @Test func aPartReadBackFromItsEncodingIsTheSame() throws {
        let part = Self.part(40..<140)
        let read = try #require(Self.decoded(SearchPartCode.encode(part), documents: 40..<140))
        #expect(read.forms == part.forms)
        #expect(read.postings.mapValues(\.stored) == part.postings.mapValues(\.stored))
        #expect(read.lengths == part.lengths)
        #expect(part.forms["detenciones"] != nil && part.lengths.count == 100)
    }

    /// The fuzz target `cache` starts from it: were it refused, the fuzzer would hardly reach a whole part.
    @Test func theFuzzersSeedBlockIsAPartOfSixtyFourDocuments() throws {
        let seed = try [UInt8](Data(contentsOf: repositoryRoot.appendingPathComponent("Fuzz/seeds/cache/search-block.bin")))
        let part = try #require(Self.decoded(seed, documents: 0..<64))
        #expect(part.forms["families detained"] == [SearchIndex.Term(lang: "en", stem: "famili detent")])
        #expect(part.postings[SearchIndex.Term(lang: "es", stem: "detencion")]?.last == 63)
    }

    /// One document, one term (`famili`, in document 0): `forms` as given, each form's term numbers.
    static func encoding(forms: [(String, [Int])]) -> [UInt8] {
        func number(_ value: Int) -> [UInt8] { (0..<4).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) } }
        func counted(_ bytes: [UInt8]) -> [UInt8] { number(bytes.count) + bytes }
        var out = number(1) + counted(Array("en".utf8)) + number(1) + number(0) + counted(Array("famili".utf8)) + counted([0, 0, 0, 0] + Array("AB".utf8))
        out += number(forms.count)
        for (form, terms) in forms { out += counted(Array(form.utf8)) + number(terms.count) + terms.flatMap(number) }
        return out + counted([4])
    }

    @Test func aFormWithoutATermOrListedTwiceIsRefused() {
        #expect(Self.decoded(Self.encoding(forms: [("families", [0])]), documents: 0..<1)?.forms["families"]?.count == 1)
        #expect(Self.decoded(Self.encoding(forms: [("families", [0]), ("family", [0])]), documents: 0..<1) != nil)
        #expect(Self.decoded(Self.encoding(forms: [("families", [])]), documents: 0..<1) == nil)
        #expect(Self.decoded(Self.encoding(forms: [("families", [0]), ("families", [0])]), documents: 0..<1) == nil)
    }

    @Test func anEncodingCutShortOrOfOtherDocumentsIsRefused() {
        let encoded = SearchPartCode.encode(Self.part(0..<12))
        for count in 0..<encoded.count {
            #expect(Self.decoded(Array(encoded[..<count]), documents: 0..<12) == nil)
        }
        #expect(Self.decoded(encoded + [0], documents: 0..<12) == nil)
        // Its postings name documents 0 to 11: of a block starting at 1, or of 11 documents, they are not.
        #expect(Self.decoded(encoded, documents: 1..<13) == nil)
        #expect(Self.decoded(encoded, documents: 0..<11) == nil)
        #expect(Self.decoded(encoded, documents: 0..<12) != nil)
    }

    /// A damaged file whose check sum still matches (made so on purpose) can only make the
    /// index list wrong words: every run taken is letters of the code, in order, within its block.
    @Test func everyByteChangedGivesNothingOrRunsOfTheCodesLettersWithinTheBlock() {
        let encoded = SearchPartCode.encode(Self.part(0..<12))
        var refused = 0
        for index in encoded.indices {
            for byte: UInt8 in [0x22, 0x00, 0xFF, encoded[index] &+ 1] where byte != encoded[index] {
                var damaged = encoded
                damaged[index] = byte
                guard let part = Self.decoded(damaged, documents: 0..<12) else {
                    refused += 1
                    continue
                }
                for run in part.postings.values {
                    #expect(run.stored.count > 4 && run.stored[4...].allSatisfy(SearchCode.isLetter))
                    #expect(run.last < 12)
                }
                #expect(part.lengths.count == 12)
            }
        }
        #expect(refused > 0)
    }

    /// Document 63 (its gap `_B`: 31, then 1 × 32) of weight 1 (`B`), then document 98 (gap
    /// `jB`: 3 with more to follow, then 1 × 32) of weight 3 (`D`).
    @Test func aKeptRunIsLettersOfTheCodeOfDocumentsInOrderWithinItsBlockEndingAtItsLast() {
        let letters = Array("_BBjBD".utf8)
        #expect(SearchCode.value(of: letters[0]) == 63 && SearchCode.value(of: letters[3]) == 35)
        let stored: [UInt8] = [98, 0, 0, 0] + letters
        #expect(SearchCode.Run(stored: stored, documents: 0..<128)?.last == 98)
        #expect(SearchCode.Run(stored: stored, documents: 64..<128) == nil)
        #expect(SearchCode.Run(stored: stored, documents: 0..<98) == nil)
        #expect(SearchCode.Run(stored: [97, 0, 0, 0] + letters, documents: 0..<128) == nil)
        #expect(SearchCode.Run(stored: [63, 0, 0, 0] + letters.prefix(3), documents: 0..<128) != nil)
        // A second posting of the same document, and letters past the last weight.
        #expect(SearchCode.Run(stored: [63, 0, 0, 0] + Array("_BBAB".utf8), documents: 0..<128) == nil)
        #expect(SearchCode.Run(stored: stored + Array("B".utf8), documents: 0..<128) == nil)
        // A byte outside the code, though read as 63 like `_`, would be copied into the index's JSON.
        for index in 4..<stored.count {
            for byte in Array("\"\\\n<".utf8) {
                var damaged = stored
                damaged[index] = byte
                #expect(SearchCode.Run(stored: damaged, documents: 0..<128) == nil)
            }
        }
    }

    /// 130 posts: the index's main part is its first block of 128, read in one block, the two
    /// newest its recent part. A new post and an edit of a recent post take the block from the
    /// cache; an edit of an old post reads it again; each rebuild writes what a clean build writes.
    @Test func aBuildTakesTheBlockOfPostsNotEditedAndWritesWhatACleanBuildWrites() throws {
        func dated(_ number: Int, body: String) -> String {
            post("title: \"Dispatch \(number)\"\ndate: 2026-\(String(format: "%02d", number / 28 + 1))-\(String(format: "%02d", number % 28 + 1))T09:00:00Z",
                 body: body)
        }
        var files: [String: String] = [:]
        for number in 0..<130 { files["content/posts/dispatch-\(number).md"] = dated(number, body: "Families waited for hearing \(number).") }
        let site = try TemporarySite(files: files)
        defer { site.remove() }
        let stages = Mutex<[String]>([])
        var options = site.options()
        options.progress = { progress in stages.withLock { $0.append("\(progress.stage): \(progress.counts)") } }
        func build() throws -> String? {
            stages.withLock { $0 = [] }
            try Build.run(options)
            return stages.withLock { $0.first { $0.hasPrefix("search index") } }
        }
        func cleanBuildIsTheSame() throws -> Bool {
            let built = try tree(site.output)
            try FileManager.default.removeItem(at: site.root.appendingPathComponent(CacheFolder.name))
            try FileManager.default.removeItem(at: site.output)
            _ = try build()
            return try tree(site.output) == built
        }
        #expect(try build() == "search index: 8 files")
        try site.write("content/posts/dispatch-130.md", dated(130, body: "A vigil at the detention centre."))
        #expect(try build() == "search index: 8 files, 1 of 1 block as the cache kept them")
        try site.write("content/posts/dispatch-129.md", dated(129, body: "Families waited for the ruling."))
        #expect(try build() == "search index: 8 files, 1 of 1 block as the cache kept them")
        #expect(try cleanBuildIsTheSame())
        try site.write("content/posts/dispatch-3.md", dated(3, body: "An edited dispatch about the asylum office."))
        #expect(try build() == "search index: 8 files")
        #expect(try cleanBuildIsTheSame())

        // The file a link to one outside the site: never read nor written through (no block is
        // kept while it is there, as for the post cache).
        let outside = FileManager.default.temporaryDirectory.appendingPathComponent("outside-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: outside) }
        let kept = try Data(contentsOf: site.root.appendingPathComponent(SearchBlocks.path))
        try kept.write(to: outside)
        try FileManager.default.removeItem(at: site.root.appendingPathComponent(SearchBlocks.path))
        try FileManager.default.createSymbolicLink(atPath: site.root.appendingPathComponent(SearchBlocks.path).path, withDestinationPath: outside.path)
        try site.write("content/posts/dispatch-131.md", dated(131, body: "Another vigil."))
        #expect(try build() == "search index: 8 files")
        try site.write("content/posts/dispatch-132.md", dated(132, body: "A third vigil."))
        #expect(try build() == "search index: 8 files")
        #expect(try Data(contentsOf: outside) == kept)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: site.root.appendingPathComponent(SearchBlocks.path).path) == outside.path)
    }

    @Test func aRebuildReadsOnlyTheEditedDocumentsBlockAndMakesTheSameIndex() throws {
        let site = try TemporarySite()
        defer { site.remove() }
        let documents = SearchIndexTests.documents(130)
        let edited: @Sendable (Int) -> String = { $0 == 55 ? "An edited paragraph about the vigil." : SearchIndexTests.text($0) }
        func index(_ text: @escaping @Sendable (Int) -> String, cache: Bool = true) throws -> (files: [String: [UInt8]], found: Int, read: Int) {
            var index = SearchIndex(blockSize: 10, perShard: 4)
            index.readSize = 40
            index.blocks = cache ? try #require(SearchBlocks(site: site.root)) : nil
            let files = index.gzipped(documents, html: text)
            return (files, index.blocks?.counts.found ?? 0, index.blocks?.counts.read ?? 0)
        }
        // Blocks of documents 0–39, 40–79, 80–119, 120–129; the recent part is never kept.
        let first = try index(SearchIndexTests.text)
        #expect((first.found, first.read) == (0, 4))
        #expect(first.files == (try index(SearchIndexTests.text, cache: false)).files)
        let again = try index(edited)
        #expect((again.found, again.read) == (3, 1))
        let whole = try index(edited, cache: false).files
        #expect(again.files == whole)
        #expect(again.files != first.files)

        // A file damaged on disk: its records are read again from their documents.
        let file = site.root.appendingPathComponent(SearchBlocks.path)
        var bytes = try [UInt8](Data(contentsOf: file))
        bytes[bytes.count / 2] ^= 0x5A
        try Data(bytes).write(to: file)
        let damaged = try index(edited)
        #expect(damaged.read >= 1 && damaged.found + damaged.read == 4)
        #expect(damaged.files == whole)
        #expect(try index(edited).found == 4)
    }
}
