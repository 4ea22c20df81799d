/// Translations a reader would miss or find out of order. The versions of a text share a
/// `translation_key` (see `Translations`); the original is the version in the site's language.
///
/// - A key whose published versions lack one of the languages the site publishes in (the site's
///   language and every language a published post is written in) is reported once, at the
///   original (else the first version by file name). A post without `translation_key` is not
///   meant to be translated and is never reported.
/// - A translation dated before its original is reported at the translation's `date:`: feeds and
///   lists would show the translation first.
enum TranslationCheck {
    static func problems(in site: Site, reader: SourceReader) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var seen: Set<String> = []
        let posts = site.posts
        let groups = posts.indices
            .filter { posts[$0].translationKey != nil }
            .sorted { posts[$0].source.utf8.lexicographicallyPrecedes(posts[$1].source.utf8) }
        for index in groups {
            let versions = site.translations[index]
            guard let key = posts[index].translationKey, seen.insert(key).inserted else { continue }
            let original = versions.first { posts[$0].lang == site.config.language }
            let first = original ?? versions.min { posts[$0].source.utf8.lexicographicallyPrecedes(posts[$1].source.utf8) }!
            let languages = Set(versions.map { posts[$0].lang })
            let missing = site.languages.filter { !languages.contains($0) }
            if !missing.isEmpty {
                let post = posts[first]
                let names = missing.count == 1 ? missing[0] : missing.dropLast().joined(separator: ", ") + " or " + missing.last!
                let lang = missing[0]
                diagnostics.append(.warning(post.source, line: post.translationKeyLine,
                    "translation_key \"\(key)\" has no published version in \(names), a language the site publishes in",
                    hint: "write the translation as a post of its own with lang: \(lang) and translation_key: \"\(key)\" "
                        + "(a draft or a post dated later counts once it is published); if this text will not be translated, remove translation_key"))
            }
            guard let original else { continue }
            for version in versions.sorted(by: { posts[$0].source.utf8.lexicographicallyPrecedes(posts[$1].source.utf8) })
            where version != original && posts[version].date < posts[original].date {
                let post = posts[version]
                let at = reader.position(of: "date", in: post.source)
                diagnostics.append(.warning(post.source, line: at?.line, column: at?.column,
                    "this translation is dated \(shown(post.date)), before its original \(posts[original].source) (\(shown(posts[original].date)))",
                    hint: "date the translation at or after the original, so lists and feeds show the original first; or correct the original's date"))
            }
        }
        return diagnostics
    }

    /// As an editor writes it: the day alone for a post dated at midnight.
    private static func shown(_ date: PostDate) -> String {
        let civil = date.civil
        return civil.hour == 0 && civil.minute == 0 && civil.second == 0 ? DateText.day(date) : DateText.iso8601(date)
    }
}
