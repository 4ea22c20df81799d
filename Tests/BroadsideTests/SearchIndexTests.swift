import Testing

@testable import Broadside

/// The index grows by appending: a new post changes the recent part and the manifest, and the
/// files of older posts keep their bytes, except when a block fills.
@Suite struct SearchIndexTests {
    static func documents(_ count: Int) -> [SearchDocument] {
        (0..<count).map { number -> SearchDocument in
            let spanish = number % 3 == 0
            let title = spanish ? "Detención número \(number)" : "Families detained \(number)"
            let text = spanish ? "El año de las detenciones en la frontera." : "The families waited for the hearing."
            let date = PostDate(secondsSince1970: Double(number) * 86_400, offset: 0)
            return SearchDocument(lang: spanish ? "es" : "en", title: title, url: "/posts/\(number)/", date: date, kind: "dispatch", text: text)
        }
    }

    @Test func aNewPostChangesOnlyTheRecentPartAndTheManifest() {
        let index = SearchIndex(blockSize: 10)
        let before = index.files(Self.documents(23)), after = index.files(Self.documents(24))
        let changed = Set(before.keys).union(after.keys).filter { before[$0] != after[$0] }
        #expect(changed == ["recent.json", "manifest.json"])
        // When a block fills, the main part is written again.
        let full = index.files(Self.documents(30))
        #expect(full["docs/2.json"] != nil && index.files(Self.documents(29))["docs/2.json"] == nil)
    }

    @Test func accentFreeFormsLeadToTheAccentedWordsStem() throws {
        let files = SearchIndex(blockSize: 3).files(Self.documents(6))
        let shard = String(decoding: try #require(files["terms/\(SearchIndex.fileName("de")).json"]), as: UTF8.self)
        #expect(shard.contains("\"detencion\": [\"es:detencion\"]"))
        #expect(shard.contains("\"detenciones\": [\"es:detencion\"]"))
        let año = String(decoding: try #require(files["terms/\(SearchIndex.fileName("añ")).json"]), as: UTF8.self)
        #expect(año.contains("\"año\": [\"es:año\"]") && !año.contains("\"ano\""))
    }

    @Test func postingsCountEachUseAndMarkTheTitle() throws {
        let date = PostDate(secondsSince1970: 0, offset: 0)
        let documents = [
            SearchDocument(lang: "en", title: "Families detained", url: "/a/", date: date, kind: "dispatch", text: "The family waited."),
            SearchDocument(lang: "en", title: "A hearing", url: "/b/", date: date, kind: "report", text: "Families, families."),
        ]
        let files = SearchIndex(blockSize: 2).files(documents)
        let shard = String(decoding: try #require(files["terms/\(SearchIndex.fileName("fa")).json"]), as: UTF8.self)
        #expect(shard == """
            {"forms": {"families": ["en:famili"],
            "family": ["en:famili"]},
            "stems": {"en:famili": [0,2,1,1,2,0]}}

            """)
        // The same documents give the same bytes.
        #expect(SearchIndex(blockSize: 2).files(documents) == files)
    }
}
