/// `content/series/*.md`: what a week of action is for, above its days on the series' page. A
/// file names its series by its title, as the days write it in `series:`, in its language.
enum SeriesIntroductions {
    /// Each series' introduction by the series' index, and what is wrong with the others.
    static func match(_ introductions: [Post], to series: [Series]) -> ([Post?], [Diagnostic]) {
        var found = [Post?](repeating: nil, count: series.count)
        var diagnostics: [Diagnostic] = []
        let byName = Dictionary(series.enumerated().map { ("\($1.lang)\n\($1.name)", $0) }, uniquingKeysWith: { first, _ in first })
        for introduction in introductions.sorted(by: { $0.source.utf8.lexicographicallyPrecedes($1.source.utf8) }) {
            let at = (line: introduction.titleLine, column: introduction.titleColumn)
            guard let index = byName["\(introduction.lang)\n\(introduction.title)"] else {
                let names = series.filter { $0.lang == introduction.lang }.map(\.name)
                let meant = NearestName.nearest(to: introduction.title, in: names).map { "did you mean \"\($0)\"? " } ?? ""
                diagnostics.append(.error(introduction.source, line: at.line, column: at.column,
                    "this introduces the series \"\(Excerpt.short(introduction.title))\", but no post in \(introduction.lang) is a day of it",
                    hint: meant + "the title of a series' introduction is the series' name, as its days write it in series:"))
                continue
            }
            if let other = found[index] {
                diagnostics.append(.error(introduction.source, line: at.line, column: at.column,
                    "the series \"\(Excerpt.short(introduction.title))\" already has an introduction, \(other.source)",
                    hint: "keep one introduction a series; remove this file or join the two"))
                continue
            }
            guard introduction.images.isEmpty, introduction.blocks.isEmpty, introduction.resources.attachments.isEmpty,
                introduction.resources.image == nil else {
                diagnostics.append(.error(introduction.source,
                    "a series' introduction shows text and links only: its images, blocks and attachments would not be published",
                    hint: "put them in the series' first day, and link that day from here"))
                continue
            }
            found[index] = introduction
        }
        return (found, diagnostics)
    }
}
