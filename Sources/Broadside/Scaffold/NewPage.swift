import Foundation

/// `broadside new page "About us"`: `content/pages/about-us.md`, a draft, at `/about-us/` once
/// published (`/es/…` for another language). Never in a list or a feed: it needs no date or kind.
public enum NewPage {
    /// The page's path relative to `source`, and its address once published.
    public static func write(title written: String, slug: String?, lang: String?, source: URL) -> Result<(path: String, address: String), NewPost.Failure> {
        func usage(_ message: String, hint: String) -> Result<(path: String, address: String), NewPost.Failure> {
            .failure(NewPost.Failure(diagnostics: [.error(nil, message, hint: hint)], usage: true))
        }
        let title = ControlCharacters.cleaned(written).trimmed
        guard !title.isEmpty else { return usage("the title is empty", hint: "give the page's title in quotes: broadside new page \"About us\"") }
        let name = Slug.make(slug ?? title)
        guard !name.isEmpty else {
            return usage("\(slug == nil ? "the title" : "--slug") \"\(Excerpt.short(slug ?? title))\" has no letters or digits", hint: "name the page's file: --slug about-us")
        }
        if let lang, !SiteConfig.isLanguageTag(lang) {
            return usage("--lang \"\(Excerpt.short(lang))\" is not a language code", hint: "use a code such as en, es or pt-BR")
        }
        let (config, configDiagnostics) = SiteConfig.load(from: source, baseURLOverride: nil)
        if configDiagnostics.hasErrors {
            return .failure(NewPost.Failure(diagnostics: configDiagnostics.filter { $0.severity == .error }, usage: false))
        }
        let pageLang = lang.map(SiteConfig.canonicalLanguageTag).flatMap { $0 == config.language ? nil : $0 }
        let folder = source.path + "/" + ContentLoader.pagesFolder
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let path = "\(ContentLoader.pagesFolder)/\(name).md"
        var lines = ["---", "title: \(NewFile.quoted(title))"]
        if let pageLang { lines.append("lang: \(pageLang)") }
        let language = pageLang ?? config.language
        lines += ["# " + ScaffoldText.comment(.draft, language), "draft: true", "---", "", ScaffoldText.pageBody(language), ""]
        let address = SiteURLs(baseURL: config.baseURL).rootPath + PostParser.pageFolder(name, slug: name, lang: language, siteLanguage: config.language) + "/"
        switch NewFile.create(source.path + "/" + path, lines.joined(separator: "\n")) {
        case .written: return .success((path, address))
        case .exists:
            return .failure(NewPost.Failure(diagnostics: [.error(path, "this file already exists, and new never replaces a file",
                hint: "edit it, or give the new page another name: --slug \(name)-2")], usage: false))
        case .failed(let reason):
            return .failure(NewPost.Failure(diagnostics: [.error(path, "cannot write the page: \(reason)",
                hint: "check that you may write in \(ContentLoader.pagesFolder)/")], usage: false))
        }
    }
}
