extension Site {
    /// The lists that are `list` in other languages, in the site's order of languages: the other
    /// homes, a kind's or the events' lists, a term's paired twins (see `TermTwins`), and the
    /// series whose days translate a series' days (by `translation_key`).
    func twins(of list: PostList) -> [PostList] {
        let others = languages.filter { $0 != list.lang }
        let found: [PostList?] = switch list.scope {
        case .home: others.map { self.list(.home(lang: $0)) }
        case .kind(let kind, _): others.map { self.list(.kind(kind, lang: $0)) }
        case .events: others.map { self.list(.events(lang: $0)) }
        case .term(let kind, let index): taxonomy(kind).twins(of: index).map { self.list(.term(kind, index: $0)) }
        case .series(let index): seriesTwins(of: index).map { self.list(.series(index: $0)) }
        case .edition(let edition): others.map { lang in self.list(.edition(Edition(lang: lang, key: edition.key, firstDay: edition.firstDay, lastDay: edition.lastDay))) }
        }
        let twins = found.compactMap { $0 }
        return others.compactMap { lang in twins.first { $0.lang == lang } }
    }

    private func seriesTwins(of index: Int) -> [Int] {
        var twins: [Int] = []
        for day in series[index].published {
            guard let post = day.post, translations.indices.contains(post) else { continue }
            for version in translations[post] where version != post {
                guard let name = posts[version].series,
                      let twin = series.firstIndex(where: { $0.name == name && $0.lang == posts[version].lang }),
                      !twins.contains(twin) else { continue }
                twins.append(twin)
            }
        }
        return twins
    }
}
