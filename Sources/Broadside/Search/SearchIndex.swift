import Foundation

/// One post or page as a search result shows it; its words come from `SearchIndex.files`'s `text`.
struct SearchDocument: Sendable {
    var lang: String
    var title: String
    /// Below the site's root: `posts/a/`.
    var path: String
    var date: PostDate
    var kind: String
    var categories: [String]
    var excerpt: String
}

/// The static search index the search page's script reads: gzipped JSON files (`.bsi`, so no
/// host unpacks them on the way), of which a first query needs a handful.
///
/// Documents are numbered by date, oldest first. The posts of every complete block of
/// `blockSize` are the "main" part: its terms in shards that each hold a run of folded forms in
/// order (the manifest names each by its first), about `shardBytes` gzipped. The posts after the
/// last complete block are the "recent" part, in `recentBuckets` files by a word's first letter.
/// What results show is in shards of `perShard` documents of one language. A new post changes
/// the recent buckets, the newest result shard of its language, the categories and the
/// manifest; once every `blockSize` posts the main part is written again with one more block.
struct SearchIndex {
    var blockSize = 128
    var recentBuckets = 4
    var perShard = 200
    var shardBytes = 40_000
    /// Whether the live file at a path below the index folder holds the file whose plain bytes
    /// have this digest (`PageDigests`): it is then not gzipped again.
    var unchanged: @Sendable (_ path: String, _ digest: PageDigest) -> Bool = { _, _ in false }
    /// The main part's blocks as the last build read them, kept for the next; nil: every document is read.
    var blocks: SearchBlocks?
    /// Documents of the main part read together (and kept in `blocks` together): an edit reads
    /// its block's again, where blocks of `blockSize` would have the cache hold several times the
    /// folded forms. 512 rather than 1,024: an edit's rebuild 30 ms shorter at 10,000 posts, the
    /// cache 10% larger.
    var readSize = 512

    /// A file of the index: the digest of its bytes before gzip, and its gzipped bytes; nil
    /// when the live file holds them (see `unchanged`).
    struct File: Sendable {
        var digest: PageDigest
        var bytes: [UInt8]?
    }

    /// The words of a document: a stem of the document's language, and its use there.
    struct Term: Hashable, Comparable, Sendable {
        var lang: String
        var stem: String
        static func < (a: Term, b: Term) -> Bool { (a.lang, a.stem) < (b.lang, b.stem) }
        var key: String { lang + ":" + stem }
    }

    /// Documents' terms: which terms each folded form leads to, and each term's postings
    /// (`document << 5 | weight`, weight = 2 × min(count, 15) + 1 if in the title) in document
    /// order, encoded as they were read (`SearchCode.Run`).
    struct Part: Sendable {
        var forms: [String: Set<Term>] = [:]
        var postings: [Term: SearchCode.Run] = [:]
        /// Each document's length in words (stop words left out), as 4 × log2(1 + length), at
        /// most 63: what the script's ranking (BM25) needs, in one letter.
        var lengths: [UInt8] = []

        mutating func append(_ other: Part) {
            guard !lengths.isEmpty || !forms.isEmpty else {
                self = other
                return
            }
            lengths += other.lengths
            for (form, terms) in other.forms { forms[form, default: []].formUnion(terms) }
            for (term, run) in other.postings { postings[term, default: SearchCode.Run()].append(run) }
        }
    }

    /// Path below the index folder → bytes. `documents` in date order; `html(n)` is document n's
    /// HTML (see `SearchText`), asked once, from any thread.
    /// `textDigest(n)`: the `ValueDigest` of `html(n)`'s bytes, made without the string (the
    /// keys of `blocks` need every document's, its text only those read again).
    func files(_ documents: [SearchDocument], html: @Sendable (Int) -> String, textDigest: (@Sendable (Int) -> PageDigest)? = nil)
        -> [String: File]
    {
        let mainCount = documents.count / blockSize * blockSize
        let (main, mainPostings, recent) = parts(documents, mainCount: mainCount, html: html, textDigest: textDigest)
        var files: [String: File] = [:]
        let shards = mainShards(main, postings: mainPostings)
        for (number, shard) in shards.enumerated() { files["terms/\(number).bsi"] = shard.file }
        var buckets = [Part](repeating: Part(), count: recentBuckets)
        for (form, terms) in recent.forms {
            let bucket = Int(form.unicodeScalars.first?.value ?? 0) % recentBuckets
            buckets[bucket].forms[form] = terms
            for term in terms { buckets[bucket].postings[term] = recent.postings[term] }
        }
        var plain: [(path: String, bytes: [UInt8])] = []
        for (number, bucket) in buckets.enumerated() {
            plain.append(("recent/\(number).bsi", Self.shard(bucket.forms.keys.sorted(by: Self.inOrder)[...], bucket)))
        }
        for (path, rows) in metadataShards(documents) { plain.append((path, Array(rows.utf8))) }
        plain.append(("categories.bsi", Array(categories(documents).utf8)))
        plain.append(("manifest.bsi", Array(manifest(documents, mainCount: mainCount, shards: shards.map(\.key),
            lengths: main.lengths + recent.lengths).utf8)))
        // On every core: the result shards are megabytes, as long to compress as to make.
        for file in parallelMap(plain, { (path: $0.path, file: file($0.path, $0.bytes)) }) { files[file.path] = file.file }
        return files
    }

    /// The file at `path` holding `plain`, gzipped unless the live file holds it already.
    private func file(_ path: String, _ plain: [UInt8]) -> File {
        var digest = ValueDigest()
        // The program and zlib's version too: another build of either may gzip the same bytes differently.
        digest.add(BuildRecord.running)
        digest.add(Gzip.version)
        plain.withUnsafeBytes { digest.add($0) }
        let made = digest.digest
        return File(digest: made, bytes: unchanged(path, made) ? nil : Gzip.compressed(plain))
    }

    /// The terms of every document, read on every core (each block with stemmers of its own,
    /// never across the end of the main part), joined in document order; the main part's
    /// postings encoded as they are joined, for `mainShards`. The main part is read in blocks of
    /// `readSize`, each taken from `blocks` when the last build read the same.
    private func parts(_ documents: [SearchDocument], mainCount: Int, html: @Sendable (Int) -> String, textDigest: (@Sendable (Int) -> PageDigest)?)
        -> (main: Part, mainPostings: [Term: String], recent: Part)
    {
        let cores = ProcessInfo.processInfo.activeProcessorCount * 4
        let recentCount = min(documents.count - mainCount, cores)
        let recentRanges = (0..<recentCount).map {
            mainCount + (documents.count - mainCount) * $0 / recentCount..<mainCount + (documents.count - mainCount) * ($0 + 1) / recentCount
        }
        let ranges = stride(from: 0, to: mainCount, by: readSize).map { $0..<min($0 + readSize, mainCount) } + recentRanges
        let setting = blocks.map { _ in SearchBlocks.setting() }
        var main = Part(), recent = Part()
        var codes: [Term: SearchCode.Postings] = [:]
        // A few blocks a core at a time, each part let go once joined: the parts of every block
        // held at once would hold their folded forms ten times over.
        for start in stride(from: 0, to: ranges.count, by: cores) {
            let wave = Array(ranges[start..<min(start + cores, ranges.count)])
            let read = readWave(wave, documents, mainCount: mainCount, setting: setting, html: html, textDigest: textDigest)
            for (index, (part, key, encoded)) in read.enumerated() {
                if let key { blocks?.keep(key, encoded: encoded) }
                guard wave[index].lowerBound < mainCount else {
                    recent.append(part)
                    continue
                }
                var part = part
                for (term, run) in part.postings { codes[term, default: SearchCode.Postings()].append(run) }
                part.postings = [:]
                main.append(part)
            }
        }
        blocks?.finish()
        // Each term's code let go as it is made text: both of every term at once were the stage's peak.
        var mainPostings: [Term: String] = [:]
        mainPostings.reserveCapacity(codes.count)
        for term in Array(codes.keys) { mainPostings[term] = codes.removeValue(forKey: term)?.text }
        return (main, mainPostings, recent)
    }

    /// Each range's part, its key in `blocks` and its encoding when read again (nil: as kept).
    /// Fewer ranges to read than cores (an edit's one block) are read in pieces of `blockSize`
    /// on every core and joined in order (a part is the same however its documents were split):
    /// one block was one core's work while the other waited. More are read whole, each piece's
    /// folded forms held until joined being the peak of a clean build at 100,000 posts.
    private func readWave(_ wave: [Range<Int>], _ documents: [SearchDocument], mainCount: Int, setting: PageDigest?,
                          html: @Sendable (Int) -> String, textDigest: (@Sendable (Int) -> PageDigest)?) -> [(Part, PageDigest?, [UInt8]?)]
    {
        let found = parallelMap(wave) { [blocks] range -> (key: PageDigest?, part: Part?) in
            guard let blocks, let setting, range.upperBound <= mainCount else { return (nil, nil) }
            let texts = range.map { number in
                textDigest?(number) ?? {
                    var digest = ValueDigest()
                    digest.add(html(number))
                    return digest.digest
                }()
            }
            let key = SearchBlocks.key(documents[range], texts: texts, first: range.lowerBound, setting: setting)
            return (key, blocks.part(key, documents: range))
        }
        let missing = wave.indices.filter { found[$0].part == nil }
        let mainMissing = missing.count { wave[$0].upperBound <= mainCount }
        let pieceSize = mainMissing < ProcessInfo.processInfo.activeProcessorCount ? blockSize : readSize
        let pieces = missing.flatMap { index in
            stride(from: wave[index].lowerBound, to: wave[index].upperBound, by: pieceSize).map {
                (index: index, range: $0..<min($0 + pieceSize, wave[index].upperBound))
            }
        }
        // A range read whole is encoded for `blocks` on the core that read it; one read in pieces once they are joined.
        let read = parallelMap(pieces) { piece -> (part: Part, encoded: [UInt8]?) in
            let part = Self.read(documents, piece.range, texts: piece.range.map(html))
            return (part, piece.range == wave[piece.index] && found[piece.index].key != nil ? SearchPartCode.encode(part) : nil)
        }
        var parts = found.map { $0.part }
        var encoded = [[UInt8]?](repeating: nil, count: wave.count)
        for (piece, made) in zip(pieces, read) {
            if parts[piece.index] == nil { parts[piece.index] = made.part } else { parts[piece.index]!.append(made.part) }
            encoded[piece.index] = made.encoded
        }
        return wave.indices.map { index in
            let part = parts[index] ?? Part()
            let kept = found[index].key != nil && found[index].part == nil ? encoded[index] ?? SearchPartCode.encode(part) : nil
            return (part, found[index].key, kept)
        }
    }

    /// The part the documents in `range` make, whose texts are `texts`.
    private static func read(_ documents: [SearchDocument], _ range: Range<Int>, texts: [String]) -> Part {
        var reader = SearchReader()
        for (number, text) in zip(range, texts) { reader.read(documents[number], html: text, number: number) }
        return reader.part
    }

    /// The main part's term shards, gzipped: runs of its folded forms in order, each as long as
    /// fits in about `shardBytes` gzipped; the manifest names each by its first form.
    /// `encoded`: the main part's postings of each term, as the shards write them.
    private func mainShards(_ main: Part, postings encoded: [Term: String]) -> [(key: String, file: File)] {
        let forms = main.forms.keys.sorted(by: Self.inOrder)
        // Postings, most of a shard, shrink to about two thirds; forms and names to a fifth.
        let limit = shardBytes * 3 / 2
        var runs: [ArraySlice<String>] = []
        var start = 0, size = 0
        var stems = Set<Term>()
        for (index, form) in forms.enumerated() {
            var cost = form.utf8.count + 8
            for term in main.forms[form, default: []] where !stems.contains(term) { cost += (encoded[term]?.utf8.count ?? 0) + term.key.utf8.count / 4 }
            if size + cost > limit, index > start {
                runs.append(forms[start..<index])
                start = index
                size = form.utf8.count + 8
                stems = []
                for term in main.forms[form, default: []] { size += (encoded[term]?.utf8.count ?? 0) + term.key.utf8.count / 4 }
            } else {
                size += cost
            }
            stems.formUnion(main.forms[form, default: []])
        }
        if start < forms.count { runs.append(forms[start...]) }
        let (part, postings) = (main, encoded)
        return parallelMap(Array(runs.enumerated())) { number, run in
            (run.first ?? "", file("terms/\(number).bsi", Self.shard(run, part, encoded: postings)))
        }
    }

    /// The order the script compares words in: UTF-16 code units, as JavaScript's `<` does.
    static func inOrder(_ a: String, _ b: String) -> Bool { a.utf16.lexicographicallyPrecedes(b.utf16) }

    /// `{"forms":{"form":[stem index,…]},"stems":["lang:stem",…],"postings":["…",…]}` for `forms`, sorted.
    static func shard(_ forms: ArraySlice<String>, _ part: Part, encoded: [Term: String] = [:]) -> [UInt8] {
        let terms = Set(forms.flatMap { part.forms[$0, default: []] }).sorted()
        let number = Dictionary(uniqueKeysWithValues: terms.enumerated().map { ($0.element, $0.offset) })
        var json = "{\"forms\":{"
        json += forms.map { form in
            JSONText.string(form) + ":[" + part.forms[form, default: []].compactMap { number[$0] }.sorted().map(String.init).joined(separator: ",") + "]"
        }.joined(separator: ",")
        json += "},\n\"stems\":[" + terms.map { JSONText.string($0.key) }.joined(separator: ",")
        json += "],\n\"postings\":[" + terms.map { "\"" + (encoded[$0] ?? SearchCode.Postings(part.postings[$0, default: SearchCode.Run()]).text) + "\"" }.joined(separator: ",\n") + "]}\n"
        return Array(json.utf8)
    }

    /// A shard's file name: the key's UTF-8 bytes in hexadecimal, so `ñ` and `'` are plain names.
    /// Without `String(format:)`, which took as long as the rest of a result shard's row.
    static func fileName(_ key: String) -> String {
        let digits = Array("0123456789abcdef".utf8)
        return String(decoding: key.utf8.flatMap { [digits[Int($0 >> 4)], digits[Int($0 & 15)]] }, as: UTF8.self)
    }

    /// Each language's documents in shards of `perShard`: `docs/es/3.bsi` holds Spanish documents
    /// 300 to 399, each `[title, path, day, excerpt]`.
    private func metadataShards(_ documents: [SearchDocument]) -> [String: String] {
        // Each row made on every core (one at a time, about 35 ms of a rebuild at 10,000 posts), then
        // put in its shard in order.
        let made = parallelMap(documents) { document in
            "[" + [document.title, document.path, DateText.day(document.date), String(document.excerpt.prefix(200))]
                .map(JSONText.string).joined(separator: ",") + "]"
        }
        var rows: [String: [String]] = [:]
        var counts: [String: Int] = [:]
        for (document, row) in zip(documents, made) {
            let ordinal = counts[document.lang, default: 0]
            counts[document.lang] = ordinal + 1
            rows["docs/\(Self.fileName(document.lang))/\(ordinal / perShard).bsi", default: []].append(row)
        }
        return rows.mapValues { "[" + $0.joined(separator: ",\n") + "]\n" }
    }

    /// `[[lang, name, documents], …]`: which documents each category has, for the category filter.
    private func categories(_ documents: [SearchDocument]) -> String {
        var members: [[String]: [UInt32]] = [:]
        for (number, document) in documents.enumerated() {
            for name in Set(document.categories) { members[[document.lang, name], default: []].append(UInt32(number) << 5) }
        }
        return "[" + members.keys.sorted { $0.lexicographicallyPrecedes($1) }.map { key in
            "[" + key.map(JSONText.string).joined(separator: ",") + ",\"" + SearchCode.postings(members[key] ?? [], weights: false) + "\"]"
        }.joined(separator: ",\n") + "]\n"
    }

    /// What the script reads first: the counts, the shard keys, and each document's kind,
    /// language, year and length (one letter each), which the filters and the ranking need.
    private func manifest(_ documents: [SearchDocument], mainCount: Int, shards: [String], lengths: [UInt8]) -> String {
        let languages = Array(Set(documents.map(\.lang))).sorted()
        let kinds = Array(Set(documents.map(\.kind))).sorted()
        let years = documents.map(\.date.civil.year)
        let firstYear = years.min() ?? 0
        func letters(_ values: [Int]) -> String { String(values.map { SearchCode.letter(min($0, 63)) }) }
        let stop = languages.map { JSONText.string($0) + ":[" + StopWords.words($0).sorted().map(JSONText.string).joined(separator: ",") + "]" }
        let fields: [(String, String)] = [
            ("version", "1"), ("documents", "\(documents.count)"), ("main", "\(mainCount)"), ("buckets", "\(recentBuckets)"),
            ("perShard", "\(perShard)"), ("firstYear", "\(firstYear)"),
            ("languages", "[" + languages.map(JSONText.string).joined(separator: ",") + "]"),
            ("kinds", "[" + kinds.map(JSONText.string).joined(separator: ",") + "]"),
            ("shards", "[" + shards.map(JSONText.string).joined(separator: ",") + "]"),
            ("stop", "{" + stop.joined(separator: ",") + "}"),
            ("lang", "\"" + letters(documents.map { languages.firstIndex(of: $0.lang) ?? 0 }) + "\""),
            ("kind", "\"" + letters(documents.map { kinds.firstIndex(of: $0.kind) ?? 0 }) + "\""),
            ("year", "\"" + letters(years.map { $0 - firstYear }) + "\""),
            ("length", "\"" + letters(lengths.map(Int.init)) + "\""),
        ]
        return "{" + fields.map { "\"\($0.0)\":\($0.1)" }.joined(separator: ",\n") + "}\n"
    }
}
