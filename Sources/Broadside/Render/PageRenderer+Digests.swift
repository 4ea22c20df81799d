/// What a rebuild compares instead of rendering (`PageDigests`): the digest of each theme page's
/// values, and the keys it is taken with.
extension PageRenderer {
    /// What a theme page is rendered from: its language's render key, its template and its
    /// values. `site` and `t`, the same on every page of a language and in its key, are not
    /// read again (their arrays are the very ones made once, so comparing them costs nothing).
    func digest(template: String, context: TemplateMap, lang: String) -> PageDigest {
        var digest = ValueDigest(known: { [entries] in entries.digest($0) })
        digest.add(renderKeys[lang] ?? themeKey)
        digest.add(template)
        let (site, words) = (siteContexts[lang].map(TemplateValue.map), words[lang].map(TemplateValue.map))
        digest.add(word: UInt64(context.keys.count))
        for index in context.keys.indices {
            let (key, value) = (context.keys[index], context.values[index])
            digest.add(key)
            if (key == "site" && value == site) || (key == "t" && value == words) { digest.add(word: 0) } else { digest.add(value) }
        }
        return digest.digest
    }

    /// The program that renders, its engine and every template's text.
    static func themeKey(_ theme: Theme) -> PageDigest {
        var key = ValueDigest()
        key.add(BuildRecord.running)
        key.add("\(theme.templates.engine)")
        for (name, text) in theme.sources.sorted(by: { $0.key < $1.key }) {
            key.add(name)
            key.add(text)
        }
        return key.digest
    }
}
