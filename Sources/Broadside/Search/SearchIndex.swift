import Foundation

/// One post as the search index sees it: what a result shows, and the words it is found by.
struct SearchDocument {
    var lang: String
    var title: String
    var url: String
    var date: PostDate
    var kind: String
    /// Plain text of the body, without markup.
    var text: String
}

/// The static search index (not yet written by the build: no page reads it yet): files a small
/// script will read.
///
/// Documents are numbered by date, oldest first. The posts of every complete block of
/// `blockSize` are the "main" part: term shards by the first letters of a word's folded form,
/// and metadata shards of `blockSize` documents each; the posts after the last complete block are
/// the "recent" part, one file. A new post changes the recent file, and the manifest, except once
/// every `blockSize` posts, when the main part is written again with one more block.
struct SearchIndex {
    var blockSize = 500
    /// Characters of a folded form that name its term shard.
    var prefixLength = 2

    /// A word as it was written (folded) and what it is found by (its folded stem).
    struct Term: Hashable, Comparable {
        var lang: String
        var stem: String
        static func < (a: Term, b: Term) -> Bool { (a.lang, a.stem) < (b.lang, b.stem) }
    }

    /// One document's use of a term: how often, and whether its title has it.
    struct Posting {
        var document: Int
        var count: Int
        var inTitle: Bool
    }

    /// A part of the index: what its documents' folded forms lead to, and each term's postings
    /// in document order.
    struct Part {
        var forms: [String: Set<Term>] = [:]
        var postings: [Term: [Posting]] = [:]
    }

    /// Path below the index folder → bytes.
    func files(_ documents: [SearchDocument]) -> [String: [UInt8]] {
        let mainCount = documents.count / blockSize * blockSize
        var main = Part(), recent = Part()
        var stemmers: [String: Stemmer?] = [:]
        for (number, document) in documents.enumerated() {
            if stemmers[document.lang] == nil { stemmers[document.lang] = .some(Stemmer(language: document.lang)) }
            let stemmer = stemmers[document.lang] ?? nil
            var counts: [Term: Posting] = [:]
            // A folded form may come from words that stem apart ("detención", "detencion").
            var forms: [String: Set<Term>] = [:]
            for (words, inTitle) in [(SearchWords.words(document.title), true), (SearchWords.words(document.text), false)] {
                for word in words {
                    let term = Term(lang: document.lang, stem: SearchWords.folded(stemmer?.stem(word) ?? word))
                    forms[SearchWords.folded(word), default: []].insert(term)
                    var posting = counts[term] ?? Posting(document: number, count: 0, inTitle: false)
                    posting.count += 1
                    posting.inTitle = posting.inTitle || inTitle
                    counts[term] = posting
                }
            }
            // Documents in order: each term's postings are appended already sorted.
            if number < mainCount { main.add(forms, counts) } else { recent.add(forms, counts) }
        }
        var files: [String: [UInt8]] = [:]
        // Term shards of the main part, by the folded form's first letters.
        var shards: [String: [String: Set<Term>]] = [:]
        for (form, terms) in main.forms { shards[String(form.prefix(prefixLength)), default: [:]][form] = terms }
        for (prefix, forms) in shards {
            let stems = Set(forms.values.flatMap { $0 }).sorted()
            files["terms/\(Self.fileName(prefix)).json"] = Array(("{\"forms\": " + Self.forms(forms) + ",\n\"stems\": "
                + Self.stems(stems, main.postings) + "}\n").utf8)
        }
        // Metadata of each complete block, then the recent part whole.
        for block in stride(from: 0, to: mainCount, by: blockSize) {
            files["docs/\(block / blockSize).json"] = Array(Self.metadata(documents[block..<(block + blockSize)]).utf8)
        }
        files["recent.json"] = Array(("{\"docs\": " + Self.metadata(documents[mainCount...]) + ",\n\"forms\": " + Self.forms(recent.forms)
            + ",\n\"stems\": " + Self.stems(recent.postings.keys.sorted(), recent.postings) + "}\n").utf8)
        files["manifest.json"] = Array("{\"documents\": \(documents.count), \"main\": \(mainCount), \"block\": \(blockSize), \"prefix\": \(prefixLength)}\n".utf8)
        return files
    }

    private static func key(_ term: Term) -> String { JSONText.string(term.lang + ":" + term.stem) }

    /// `{"form": ["lang:stem", …], …}`, sorted.
    private static func forms(_ forms: [String: Set<Term>]) -> String {
        "{" + forms.keys.sorted().map { form in
            JSONText.string(form) + ": [" + forms[form, default: []].sorted().map(key).joined(separator: ",") + "]"
        }.joined(separator: ",\n") + "}"
    }

    /// `{"lang:stem": [document, count, in title, …], …}` for `terms`, in their order.
    private static func stems(_ terms: [Term], _ postings: [Term: [Posting]]) -> String {
        "{" + terms.map { key($0) + ": " + encoded(postings[$0, default: []]) }.joined(separator: ",\n") + "}"
    }

    /// A shard's file name: the prefix's UTF-8 bytes in hexadecimal, so `ñ` and `'` are plain names.
    static func fileName(_ prefix: String) -> String { prefix.utf8.map { String(format: "%02x", $0) }.joined() }

    /// Postings as `[document, count, 1 if in the title]` triples, flattened.
    static func encoded(_ postings: [Posting]) -> String {
        "[" + postings.map { "\($0.document),\($0.count),\($0.inTitle ? 1 : 0)" }.joined(separator: ",") + "]"
    }

    private static func metadata(_ documents: ArraySlice<SearchDocument>) -> String {
        "[" + documents.map { document in
            "[" + [document.title, document.url, DateText.iso8601(document.date), document.kind, document.lang,
                   String(document.text.prefix(240))].map(JSONText.string).joined(separator: ",") + "]"
        }.joined(separator: ",\n") + "]"
    }
}

extension SearchIndex.Part {
    mutating func add(_ documentForms: [String: Set<SearchIndex.Term>], _ counts: [SearchIndex.Term: SearchIndex.Posting]) {
        for (form, terms) in documentForms { forms[form, default: []].formUnion(terms) }
        for (term, posting) in counts { postings[term, default: []].append(posting) }
    }
}
