/// A part of the search index as `SearchBlocks` keeps it: its languages, its terms (a language's
/// number, the stem, the postings' run), its folded forms with the numbers of their terms, and
/// its documents' lengths; numbers as 4 bytes little-endian, strings and runs after their length.
/// Not `Codable`: a block holds thousands of terms, which its generic decoding made slowly.
enum SearchPartCode {
    static func encode(_ part: SearchIndex.Part) -> [UInt8] {
        var out: [UInt8] = []
        let languages = Set(part.postings.keys.map(\.lang)).sorted()
        let languageNumbers = Dictionary(uniqueKeysWithValues: languages.enumerated().map { ($0.element, $0.offset) })
        put(languages.count, &out)
        for lang in languages { put(lang, &out) }
        var termNumbers: [SearchIndex.Term: Int] = [:]
        put(part.postings.count, &out)
        for (term, run) in part.postings {
            termNumbers[term] = termNumbers.count
            put(languageNumbers[term.lang] ?? 0, &out)
            put(term.stem, &out)
            put(run.stored, &out)
        }
        put(part.forms.count, &out)
        for (form, terms) in part.forms {
            put(form, &out)
            let numbers = terms.compactMap { termNumbers[$0] }
            put(numbers.count, &out)
            for number in numbers { put(number, &out) }
        }
        put(part.lengths, &out)
        return out
    }

    /// The part, when `bytes` are a whole encoding of one read from `documents` (every
    /// document's length, no term of another part, every run in order within them, every form
    /// once and with a term); nil when not.
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, documents: Range<Int>) -> SearchIndex.Part? {
        var reader = Reader(bytes: bytes)
        guard let languageCount = reader.count() else { return nil }
        var languages: [String] = []
        for _ in 0..<languageCount {
            guard let lang = reader.string() else { return nil }
            languages.append(lang)
        }
        guard let termCount = reader.count() else { return nil }
        var part = SearchIndex.Part()
        var terms: [SearchIndex.Term] = []
        terms.reserveCapacity(termCount)
        part.postings.reserveCapacity(termCount)
        for _ in 0..<termCount {
            guard let language = reader.number(), language < languages.count, let stem = reader.string(), let stored = reader.list(),
                let run = SearchCode.Run(stored: stored, documents: documents)
            else { return nil }
            let term = SearchIndex.Term(lang: languages[language], stem: stem)
            guard part.postings.updateValue(run, forKey: term) == nil else { return nil }
            terms.append(term)
        }
        guard let formCount = reader.count() else { return nil }
        part.forms.reserveCapacity(formCount)
        for _ in 0..<formCount {
            // A form leads to a term at least, and is listed once: the reader writes no other.
            guard let form = reader.string(), let count = reader.count(), count > 0 else { return nil }
            var set = Set<SearchIndex.Term>(minimumCapacity: count)
            for _ in 0..<count {
                guard let number = reader.number(), number < terms.count else { return nil }
                set.insert(terms[number])
            }
            guard part.forms.updateValue(set, forKey: form) == nil else { return nil }
        }
        guard let lengths = reader.list(), lengths.count == documents.count, reader.atEnd else { return nil }
        part.lengths = lengths
        return part
    }

    private static func put(_ number: Int, _ out: inout [UInt8]) {
        for shift in 0..<4 { out.append(UInt8(truncatingIfNeeded: number >> (8 * shift))) }
    }

    private static func put(_ bytes: [UInt8], _ out: inout [UInt8]) {
        put(bytes.count, &out)
        out += bytes
    }

    private static func put(_ text: String, _ out: inout [UInt8]) {
        var text = text
        text.withUTF8 { utf8 in
            put(utf8.count, &out)
            out.append(contentsOf: utf8)
        }
    }

    /// Reads what `put` wrote, refusing to read past the end.
    private struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        var index = 0

        var atEnd: Bool { index == bytes.count }

        mutating func number() -> Int? {
            guard bytes.count - index >= 4 else { return nil }
            defer { index += 4 }
            return (0..<4).reduce(0) { $0 | Int(bytes[index + $1]) << (8 * $1) }
        }

        /// A count of entries, each of which takes a byte at least.
        mutating func count() -> Int? {
            guard let count = number(), count <= bytes.count - index else { return nil }
            return count
        }

        mutating func list() -> [UInt8]? {
            guard let count = count() else { return nil }
            defer { index += count }
            return Array(bytes[index..<index + count])
        }

        mutating func string() -> String? {
            guard let count = count() else { return nil }
            defer { index += count }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[index..<index + count]), as: UTF8.self)
        }
    }
}
