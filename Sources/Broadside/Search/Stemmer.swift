import CStemmer

/// A Snowball stemmer (Debian's libstemmer) for one language: "detenciones" and "detención"
/// become "detencion", "families" and "family" "famili". Not shared between threads: libstemmer
/// keeps its work in the stemmer, so each thread that indexes makes its own.
final class Stemmer {
    private let stemmer: OpaquePointer

    /// The languages the search stems, by the site's language tags; any other is folded only.
    static let algorithms = ["en": "english", "es": "spanish"]

    /// Nil for a language without a stemmer here (`fr` today): its words are folded, not stemmed.
    init?(language: String) {
        let base = language.split(separator: "-").first.map { $0.lowercased() } ?? ""
        guard let algorithm = Self.algorithms[base], let made = sb_stemmer_new(algorithm, "UTF_8") else { return nil }
        stemmer = made
    }

    deinit { sb_stemmer_delete(stemmer) }

    /// The stem of a lower-case word.
    func stem(_ word: String) -> String {
        var word = word
        return word.withUTF8 { bytes in
            guard let base = bytes.baseAddress, let stemmed = sb_stemmer_stem(stemmer, base, Int32(bytes.count)) else { return nil }
            let length = Int(sb_stemmer_length(stemmer))
            return String(decoding: UnsafeBufferPointer(start: stemmed, count: length), as: UTF8.self)
        } ?? word
    }
}
