import CZlib
import Foundation
import Testing

@testable import Broadside

/// The index grows by appending: a new post changes the recent part, its language's newest
/// result shard, the categories and the manifest; every shard of older posts keeps its bytes.
@Suite struct SearchIndexTests {
    static func documents(_ count: Int) -> [SearchDocument] {
        (0..<count).map { number -> SearchDocument in
            let spanish = number % 3 == 0
            let title = spanish ? "Detención número \(number)" : "Families detained \(number)"
            let date = PostDate(secondsSince1970: Double(number) * 86_400, offset: 0)
            return SearchDocument(lang: spanish ? "es" : "en", title: title, path: "posts/\(number)/", date: date,
                                  kind: spanish ? "qa" : "dispatch", categories: [spanish ? "Asilo" : "Detention"], excerpt: "Excerpt \(number)")
        }
    }

    static func text(_ number: Int) -> String {
        number % 3 == 0 ? "El año de las detenciones en la frontera, \(number)." : "The families waited for the hearing \(number)."
    }

    static func files(_ count: Int, _ index: SearchIndex = SearchIndex(blockSize: 10, perShard: 4)) -> [String: [UInt8]] {
        index.gzipped(documents(count)) { text($0) }
    }

    /// A gzipped file's JSON.
    static func json(_ bytes: [UInt8]?) throws -> String {
        var stream = z_stream()
        #expect(inflateInit2_(&stream, 15 + 16, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK)
        defer { inflateEnd(&stream) }
        var input = try #require(bytes)
        var out = [UInt8](repeating: 0, count: 1 << 20)
        let status = input.withUnsafeMutableBufferPointer { input in
            out.withUnsafeMutableBufferPointer { output in
                stream.next_in = input.baseAddress
                stream.avail_in = UInt32(input.count)
                stream.next_out = output.baseAddress
                stream.avail_out = UInt32(output.count)
                return inflate(&stream, Z_FINISH)
            }
        }
        #expect(status == Z_STREAM_END)
        return String(decoding: out[..<Int(stream.total_out)], as: UTF8.self)
    }

    /// The main part's shard that holds `form`: the last whose first form is not after it.
    static func shard(for form: String, in files: [String: [UInt8]]) throws -> String {
        let manifest = try #require(try JSONSerialization.jsonObject(with: Data(json(files["manifest.bsi"]).utf8)) as? [String: Any])
        let firsts = try #require(manifest["shards"] as? [String])
        let number = try #require(firsts.lastIndex { !SearchIndex.inOrder(form, $0) })
        return try json(files["terms/\(number).bsi"])
    }

    /// Each form of a shard with the stems it leads to.
    static func stems(_ shard: String) throws -> [String: [String]] {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(shard.utf8)) as? [String: Any])
        let forms = try #require(object["forms"] as? [String: [Int]]), stems = try #require(object["stems"] as? [String])
        return forms.mapValues { $0.map { stems[$0] } }
    }

    @Test func aNewPostChangesOnlyTheRecentPartItsResultShardTheCategoriesAndTheManifest() {
        let before = Self.files(23), after = Self.files(24)
        let changed = Set(before.keys).union(after.keys).filter { before[$0] != after[$0] }
        // Post 23 is English: the English result shard of posts 12 to 15 (its 15th) is new.
        #expect(changed.isSubset(of: ["recent/0.bsi", "recent/1.bsi", "recent/2.bsi", "recent/3.bsi", "docs/656e/3.bsi", "categories.bsi", "manifest.bsi"]))
        #expect(changed.contains("manifest.bsi") && changed.contains("docs/656e/3.bsi"))
        #expect(before.keys.filter { $0.hasPrefix("terms/") }.allSatisfy { before[$0] == after[$0] })
        // When a block fills, the main part is written again.
        let full = Self.files(30), short = Self.files(29)
        #expect(full.keys.filter { $0.hasPrefix("terms/") }.contains { full[$0] != short[$0] })
    }

    @Test func accentFreeFormsLeadToTheAccentedWordsStemAndÑStaysApart() throws {
        let files = Self.files(6, SearchIndex(blockSize: 3))
        let shard = try Self.shard(for: "detencion", in: files)
        let stems = try Self.stems(shard)
        #expect(stems["detencion"] == ["es:detencion"] && stems["detenciones"] == ["es:detencion"] && stems["detained"] == ["en:detain"])
        #expect(stems["año"] == ["es:año"] && stems["ano"] == nil)
        // Stop words are left out: "el", "de", "las" of Spanish, "the", "for" of English.
        #expect(stems["de"] == nil && stems["las"] == nil && stems["frontera"] != nil)
        #expect(try !Self.shard(for: "the", in: files).contains("\"the\":"))
    }

    @Test func postingsAreGapsAndWeightsInOneLetterEach() throws {
        let date = PostDate(secondsSince1970: 0, offset: 0)
        let documents = [
            SearchDocument(lang: "en", title: "Families detained", path: "a/", date: date, kind: "dispatch", categories: [], excerpt: ""),
            SearchDocument(lang: "en", title: "A hearing", path: "b/", date: date, kind: "report", categories: [], excerpt: ""),
        ]
        let texts = ["The family waited.", "Families, families."]
        let files = SearchIndex(blockSize: 2).gzipped(documents) { texts[$0] }
        // Document 0: gap 0, twice (title and text), in the title: 2 × 2 + 1 = 5 → "F";
        // document 1: gap 1 → "B", twice, not in the title: 4 → "E".
        // The title's two words in a row are a form of their own, "families detained".
        #expect(try Self.shard(for: "families", in: files) == """
            {"forms":{"detained":[0],"families":[1],"families detained":[2],"family":[1],"hearing":[3],"waited":[4]},
            "stems":["en:detain","en:famili","en:famili detain","en:hear","en:wait"],
            "postings":["AD",
            "AFBE",
            "AD",
            "BD",
            "AC"]}

            """)
        #expect(SearchIndex(blockSize: 2).gzipped(documents) { texts[$0] } == files)
    }

    @Test func gapsOfThirtyTwoAndMoreTakeMoreLetters() {
        var out: [UInt8] = []
        SearchCode.append(31, to: &out)
        SearchCode.append(32, to: &out)
        SearchCode.append(1000, to: &out)
        // 32 = 0 + 1 × 32: "g" (32 | 0) then "B"; 1000 = 8 + 31 × 32: "o" (32 | 8) then "f".
        #expect(String(decoding: out, as: UTF8.self) == "fgBof")
    }

    @Test func shardsAreRunsOfFormsInOrderUpToTheirSize() throws {
        let date = PostDate(secondsSince1970: 0, offset: 0)
        let words = ["casa", "camino", "carta", "cosa", "zorro"]
        let documents = (0..<200).map { SearchDocument(lang: "en", title: "\($0)", path: "\($0)/", date: date, kind: "dispatch", categories: [], excerpt: "") }
        let files = SearchIndex(blockSize: 100, shardBytes: 60).gzipped(documents) { words[$0 % 5] + " \($0)" }
        let manifest = try Self.json(files["manifest.bsi"])
        // Numbers first (as JavaScript orders them), then the words, each shard named by its first form.
        #expect(manifest.contains("\"camino\",\"carta\",\"casa\",\"cosa\",\"zorro\"]"))
        let shards = files.keys.filter { $0.hasPrefix("terms/") }.count
        #expect(shards > 5)
        #expect(try Self.shard(for: "carta", in: files).hasPrefix("{\"forms\":{\"carta\":[0]}"))
        // A word between two first forms is looked for in the shard before.
        #expect(try Self.shard(for: "cb", in: files).contains("\"casa\""))
    }

    @Test func theManifestHasALetterPerDocumentForEachFilter() throws {
        let manifest = try Self.json(Self.files(4)["manifest.bsi"])
        #expect(manifest.contains("\"languages\":[\"en\",\"es\"]"))
        #expect(manifest.contains("\"kinds\":[\"dispatch\",\"qa\"]"))
        #expect(manifest.contains("\"lang\":\"BAAB\"") && manifest.contains("\"kind\":\"BAAB\"") && manifest.contains("\"year\":\"AAAA\""))
        // Seven words each besides stop words (title and text): 4 × log2(8) = 12, "M".
        #expect(manifest.contains("\"length\":\"MMMM\""))
    }

    @Test func aShardsFileNameIsItsKeysBytesInHexadecimal() {
        #expect(SearchIndex.fileName("es") == "6573")
        #expect(SearchIndex.fileName("año's") == "61c3b16f2773")
        #expect(SearchIndex.fileName("") == "")
    }

    @Test func plainTextDropsTagsAndCommentsAndDecodesEntities() {
        #expect(SearchText.plain("<p>A &amp; B</p><!-- broadside-block-1: <x> --><p>caf&#233; &#x41;&lt;</p>") == " A & B   café A< ")
    }
}

extension SearchIndex {
    /// Every file gzipped, as a first build writes them.
    func gzipped(_ documents: [SearchDocument], html: @Sendable (Int) -> String) -> [String: [UInt8]] {
        files(documents, html: html).mapValues { $0.bytes ?? [] }
    }
}
