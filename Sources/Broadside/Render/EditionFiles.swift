/// Where an edition's files are, for `broadside newsletter`: an editor attaches or pastes them.
public struct EditionFiles: Sendable, Equatable, Codable {
    public var lang: String
    /// `2026-w45`, or `2026-11-03` for a daily edition.
    public var key: String
    /// The first and last day covered, `2026-11-02`.
    public var firstDay: String
    public var lastDay: String
    /// Relative to the output folder: the web page first, then `email.html`, `email.txt`, `edition.eml`, `fragment.html`.
    public var files: [String]

    static func all(in site: Site) -> [EditionFiles] {
        func day(_ days: Int) -> String { DateText.day(PostDate(secondsSince1970: Double(days) * 86_400, offset: 0)) }
        let editions = site.lists.compactMap { list -> EditionFiles? in
            guard case .edition(let edition) = list.scope else { return nil }
            let folder = SiteURLs.listFolder(list.folder, page: .first)
            return EditionFiles(lang: edition.lang, key: edition.key, firstDay: day(edition.firstDay), lastDay: day(edition.lastDay),
                                files: ([OutputFormat.html] + list.files).map { folder + $0.fileName })
        }
        return site.languages.flatMap { lang in editions.filter { $0.lang == lang } }
    }

    /// A `--week` or `--date` written another way than `2026-W45`, `2026-11-03`: the command is wrong.
    public static func problem(week: String?, date: String?) -> Diagnostic? {
        func shaped(_ text: String, _ pattern: String) -> Bool {
            text.count == pattern.count && zip(text, pattern).allSatisfy { $1 == "9" ? $0.isASCII && $0.isNumber : $1 == "W" ? ($0 == "W" || $0 == "w") : $0 == $1 }
        }
        if let week, !shaped(week, "9999-W99") { return .error(nil, "--week \(week) is not a week", hint: "write the ISO week as 2026-W45") }
        if let date, !shaped(date, "9999-99-99") { return .error(nil, "--date \(date) is not a day", hint: "write the day as 2026-11-03") }
        return nil
    }

    /// The edition an editor asks for: of `week` (`2026-W45`) or the one holding `date`
    /// (`2026-11-03`), else the newest; in `lang`, else the site's language (the first edition's).
    public static func choose(_ editions: [EditionFiles], week: String?, date: String?, lang: String?) -> Result<EditionFiles, Diagnostic> {
        guard let siteLanguage = editions.first?.lang else {
            return .failure(.error(nil, "the site has no newsletter edition",
                hint: "add newsletter: to site.yml (its sender and your mailing tool's unsubscribe merge tag), and publish a post"))
        }
        let lang = lang ?? siteLanguage
        let own = editions.filter { $0.lang == lang }
        guard !own.isEmpty else {
            return .failure(.error(nil, "the site has no newsletter edition in \(lang)",
                hint: "the languages with editions are " + Array(Set(editions.map(\.lang))).sorted().joined(separator: ", ")))
        }
        if let problem = problem(week: week, date: date) { return .failure(problem) }
        if let week {
            let key = week.lowercased()
            guard let found = own.first(where: { $0.key == key }) else {
                return .failure(.error(nil, "no edition of week \(week) in \(lang)",
                    hint: "write the week as 2026-W45; the newest edition is \(own[0].key.uppercased())"))
            }
            return .success(found)
        }
        if let date {
            // Days written as `2026-11-03` sort as text, so no calendar is needed to compare them.
            guard let found = own.first(where: { $0.firstDay <= date && date <= $0.lastDay }) else {
                return .failure(.error(nil, "no edition in \(lang) holds \(date)",
                    hint: "write the day as 2026-11-03; the newest edition covers \(own[0].firstDay) to \(own[0].lastDay)"))
            }
            return .success(found)
        }
        return .success(own[0])
    }
}
