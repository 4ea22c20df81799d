// The search index: one document per line of the input (title, then text after a tab), in
// English, Spanish and French. Words never hold what splits them, folding is idempotent and
// keeps ñ, the plain text of HTML holds no tag, the index reads the same words from HTML's
// bytes as from its plain text, and the index is the same bytes twice, and read in other blocks.
import Foundation
import FuzzSupport

@testable import Broadside

runFuzzer { bytes in
    let input = String(decoding: bytes, as: UTF8.self)
    let plain = SearchText.plain(input)
    require(!plain.contains("<") || input.contains("&lt;") || input.contains("&#"), "a tag survived: \(plain.debugDescription)")
    for word in SearchWords.words(input) {
        require(!word.isEmpty && !word.hasPrefix("'") && !word.hasSuffix("'"), "a bad word \(word.debugDescription)")
        require(!word.contains(where: { $0.isWhitespace }), "a word holds a space: \(word.debugDescription)")
        let folded = SearchWords.folded(word)
        require(SearchWords.folded(folded) == folded, "folding \(word.debugDescription) twice differs")
        require(!word.contains("ñ") || folded.contains("ñ"), "ñ lost in \(word.debugDescription)")
    }
    let fromBytes = SearchWords.words(html: input), fromPlain = SearchWords.words(plain)
    require(fromBytes == fromPlain, "the HTML's bytes give \(fromBytes) where its plain text gives \(fromPlain)")
    let languages = ["en", "es", "fr"]
    let lines = input.split(separator: "\n", omittingEmptySubsequences: false).prefix(64)
    let documents = lines.enumerated().map { number, line in
        SearchDocument(lang: languages[number % 3], title: String(line.prefix { $0 != "\t" }), path: "/p/\(number)/",
                       date: PostDate(secondsSince1970: Double(number) * 86_400, offset: 0), kind: "dispatch",
                       categories: [String(line.prefix(8))], excerpt: String(line))
    }
    let texts = lines.map { String($0.drop { $0 != "\t" }) }
    let index = SearchIndex(blockSize: 8, shardBytes: 200)
    let files = index.files(documents) { texts[$0] }.mapValues(\.bytes)
    require(files == index.files(documents) { texts[$0] }.mapValues(\.bytes), "the same documents gave other bytes")
    // What lets a rebuild take blocks from the cache: the index is the same however it is read.
    var inThrees = index
    inThrees.readSize = 3
    require(files == inThrees.files(documents) { texts[$0] }.mapValues(\.bytes), "read three documents at a time, the index differs")
    require(files.values.allSatisfy { $0 != nil }, "a file left out without a previous build")
    require(files["manifest.bsi"] != nil && files.keys.allSatisfy { !$0.contains("..") && !$0.hasPrefix("/") }, "a file outside the index")
}
