/// Words too common to find anything by, per language, folded: left out of the index (a third of
/// its postings on an English site) and out of queries. Short lists, so that "no" or "sin" in a
/// query still counts where it can.
enum StopWords {
    static func words(_ lang: String) -> Set<String> {
        switch lang.split(separator: "-").first.map({ $0.lowercased() }) {
        case "en": english
        case "es": spanish
        default: []
        }
    }

    static let english: Set<String> = [
        "a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "from", "if", "in", "into", "is", "it", "its", "of",
        "on", "or", "that", "the", "their", "then", "there", "these", "they", "this", "to", "was", "were", "will", "with",
    ]

    static let spanish: Set<String> = [
        "a", "al", "como", "con", "de", "del", "el", "en", "es", "esta", "este", "la", "las", "lo", "los", "mas", "o", "para",
        "pero", "por", "que", "se", "su", "sus", "un", "una", "unos", "y",
    ]
}
