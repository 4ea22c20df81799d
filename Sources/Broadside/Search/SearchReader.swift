import Foundation

/// Reads documents into a part of the search index, in order. Each different word is folded
/// and stemmed once per reader (a site's words repeat: 10,000 posts have millions of words and
/// some thousands of different ones), and a document's uses are counted by number, not by name.
/// Not shared between threads: its stemmers keep their work in themselves.
struct SearchReader {
    /// What a reader knows of one language's words.
    private struct Language {
        let stemmer: Stemmer?
        let stop: Set<String>
        /// A word's bytes as `SearchWords` gives them → its number in `entries`.
        var words = WordTable()
        /// Lower-case word → its number in `entries`: "État" and "état" are one word of two spellings.
        var numbers: [String: Int] = [:]

        init(_ lang: String) {
            stemmer = Stemmer(language: lang)
            stop = StopWords.words(lang)
        }
    }

    private var languages: [String: Language] = [:]
    /// Each word's folded form and the number of its term in `terms` (nil for a stop word).
    private var entries: [(form: String, term: Int?)] = []
    private var terms: [SearchIndex.Term] = []
    private var termNumbers: [SearchIndex.Term: Int] = [:]
    /// Each term's postings as `SearchCode.Run` holds them, and the last one's document.
    private var postings: [[UInt8]] = []
    private var lastDocuments: [UInt32] = []
    /// Per term, during one document: 2 × uses, plus 1 in the title.
    private var uses: [UInt32] = []
    private var used: [Int] = []
    /// Each document's length, for the ranking (see `SearchIndex.Part.lengths`).
    private var lengths: [UInt8] = []
    /// Two words next to each other in a title (stop words between them left out), by their
    /// entries: the form "family detention" leads to the term "famili detent", which the
    /// script uses to put a title with the query's phrase first.
    private var pairs: [UInt64: Int] = [:]

    /// Reads a document whose text is `html`, a post's (see `SearchText`).
    mutating func read(_ document: SearchDocument, html: String, number: Int) {
        // Taken out while in use, so that adding a word does not copy the language's tables.
        var language = languages.removeValue(forKey: document.lang) ?? Language(document.lang)
        var length = 0
        for (source, inTitle) in [(document.title, true), (html, false)] {
            var previous: Int?
            SearchWords.forEachWord(in: source, html: !inTitle) { word, ascii in
                let entry = language.words.value(of: word) ?? add(word, ascii: ascii, lang: document.lang, to: &language)
                guard let term = entries[entry].term else { return }
                length += 1
                use(term, inTitle: inTitle)
                if inTitle, let first = previous, let pair = pair(first, entry, lang: document.lang) { use(pair, inTitle: true) }
                previous = entry
            }
        }
        languages[document.lang] = language
        for term in used {
            let count = min(uses[term] >> 1, 15)
            SearchCode.append(UInt32(number) - lastDocuments[term], to: &postings[term])
            postings[term].append(SearchCode.letter(of: count << 1 | uses[term] & 1))
            lastDocuments[term] = UInt32(number)
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
        lastDocuments.append(0)
        uses.append(0)
        return terms.count - 1
    }

    /// The entry of a word this reader has not seen in these bytes: a new one unless it is
    /// another spelling of a known word.
    private mutating func add(_ bytes: UnsafeBufferPointer<UInt8>, ascii: Bool, lang: String, to language: inout Language) -> Int {
        let word = SearchWords.word(bytes, ascii: ascii)
        let entry = language.numbers[word] ?? add(word, lang: lang, to: &language)
        language.words.add(bytes, value: entry)
        return entry
    }

    private mutating func add(_ word: String, lang: String, to language: inout Language) -> Int {
        let form = SearchWords.folded(word)
        var number: Int?
        if !language.stop.contains(form) {
            number = self.number(of: SearchIndex.Term(lang: lang, stem: SearchWords.folded(language.stemmer?.stem(word) ?? word)))
        }
        entries.append((form, number))
        language.numbers[word] = entries.count - 1
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
        // Copied to their exact size: grown a posting at a time, the lists of every chunk, held
        // until they are encoded, had a third more room than postings on average.
        for (number, term) in terms.enumerated() where !postings[number].isEmpty {
            part.postings[term] = SearchCode.Run(letters: postings[number], last: lastDocuments[number])
        }
        return part
    }
}
