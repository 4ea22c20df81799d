import Foundation

/// Reads documents into a part of the search index, in order. Each different word is folded
/// and stemmed once per reader (a site's words repeat: 10,000 posts have millions of words and
/// some thousands of different ones), and a document's uses are counted by number, not by name.
/// Not shared between threads: its stemmers keep their work in themselves.
struct SearchReader {
    private var stemmers: [String: Stemmer?] = [:]
    /// Language → lower-case word → its number in `entries`.
    private var numbers: [String: [String: Int]] = [:]
    /// Each word's folded form and the number of its term in `terms` (nil for a stop word).
    private var entries: [(form: String, term: Int?)] = []
    private var terms: [SearchIndex.Term] = []
    private var termNumbers: [SearchIndex.Term: Int] = [:]
    private var postings: [[UInt32]] = []
    /// Per term, during one document: 2 × uses, plus 1 in the title.
    private var uses: [UInt32] = []
    private var used: [Int] = []
    /// Each document's length, for the ranking (see `SearchIndex.Part.lengths`).
    private var lengths: [UInt8] = []
    /// Two words next to each other in a title (stop words between them left out), by their
    /// entries: the form "family detention" leads to the term "famili detent", which the
    /// script uses to put a title with the query's phrase first.
    private var pairs: [UInt64: Int] = [:]

    mutating func read(_ document: SearchDocument, text: String, number: Int) {
        let lang = document.lang
        if stemmers[lang] == nil { stemmers[lang] = .some(Stemmer(language: lang)) }
        var known = numbers[lang] ?? [:]
        let stop = StopWords.words(lang)
        var length = 0
        for (source, inTitle) in [(document.title, true), (text, false)] {
            var previous: Int?
            SearchWords.forEachWord(source) { word in
                let entry = known[word] ?? add(word, lang: lang, stop: stop, to: &known)
                guard let term = entries[entry].term else { return }
                length += 1
                use(term, inTitle: inTitle)
                if inTitle, let first = previous, let pair = pair(first, entry, lang: lang) { use(pair, inTitle: true) }
                previous = entry
            }
        }
        numbers[lang] = known
        for term in used {
            let count = min(uses[term] >> 1, 15)
            postings[term].append(UInt32(number) << 5 | count << 1 | uses[term] & 1)
            uses[term] = 0
        }
        used.removeAll(keepingCapacity: true)
        lengths.append(UInt8(min(63, (log2(Double(1 + length)) * 4).rounded())))
    }

    private mutating func use(_ term: Int, inTitle: Bool) {
        let value = uses[term]
        if value == 0 { used.append(term) }
        // Counted up to 31 (the index keeps 15): a word repeated a billion times overflows nothing.
        uses[term] = min((value >> 1) + 1, 31) << 1 | value & 1 | (inTitle ? 1 : 0)
    }

    /// The term of two title words in a row, made the first time they meet.
    private mutating func pair(_ first: Int, _ second: Int, lang: String) -> Int? {
        let key = UInt64(first) << 32 | UInt64(second)
        if let known = pairs[key] { return entries[known].term }
        guard let a = entries[first].term, let b = entries[second].term else { return nil }
        let term = number(of: SearchIndex.Term(lang: lang, stem: terms[a].stem + " " + terms[b].stem))
        entries.append((entries[first].form + " " + entries[second].form, term))
        pairs[key] = entries.count - 1
        return term
    }

    private mutating func number(of term: SearchIndex.Term) -> Int {
        if let number = termNumbers[term] { return number }
        termNumbers[term] = terms.count
        terms.append(term)
        postings.append([])
        uses.append(0)
        return terms.count - 1
    }

    private mutating func add(_ word: String, lang: String, stop: Set<String>, to known: inout [String: Int]) -> Int {
        let form = SearchWords.folded(word)
        var number: Int?
        if !stop.contains(form) {
            number = self.number(of: SearchIndex.Term(lang: lang, stem: SearchWords.folded((stemmers[lang] ?? nil)?.stem(word) ?? word)))
        }
        entries.append((form, number))
        known[word] = entries.count - 1
        return entries.count - 1
    }

    /// What was read: each form's terms, each term's postings.
    var part: SearchIndex.Part {
        var part = SearchIndex.Part()
        part.lengths = lengths
        for entry in entries {
            guard let term = entry.term else { continue }
            part.forms[entry.form, default: []].insert(terms[term])
        }
        for (number, term) in terms.enumerated() where !postings[number].isEmpty { part.postings[term] = postings[number] }
        return part
    }
}
