import Foundation

/// Categories with no published post. site.yml lists no categories, so a category exists only
/// through the posts that name it: one is empty when every post that has it is left out of the
/// site (a draft, or dated after now without `--future`). Its page `/categories/<name>/` is not
/// built, and a misspelt name (`Advocasy`) would stay unseen until the post goes out.
///
/// Only the posts left out are read again (their front matter checked, their text converted),
/// never the published ones; each category is reported once, at the first such post by file name.
enum EmptyCategories {
    static func problems(in site: Site, strings: ThemeStrings, reader: SourceReader) -> [Diagnostic] {
        let published = Set(site.posts.map(\.source))
        let folder = SiteFolder(reader.source)
        let (files, _) = folder.files(in: ContentLoader.postsFolder, within: folder.bounds,
            skip: { $0.hasPrefix(".") }, keep: { $0.hasSuffix(".md") }, checkReadable: false)
        let parser = PostParser(config: site.config, rootPath: site.urls.rootPath, strings: strings) { _, _ in true }
        let used = Set(site.categories.terms.map { $0.lang + "\u{0}" + $0.slug })
        var reported: Set<String> = []
        var diagnostics: [Diagnostic] = []
        for found in files {
            let file = "\(ContentLoader.postsFolder)/\(found.path)"
            guard !published.contains(file), PostFolder.problem(withPostAt: found.path) == nil,
                let text = reader.text(of: file),
                let post = parser.read(text, file: file, fileStem: PostFolder.stem(ofPostAt: found.path)).0
            else { continue }
            for name in post.categories {
                let slug = Slug.make(name), key = post.lang + "\u{0}" + slug
                guard !slug.isEmpty, !used.contains(key), reported.insert(key).inserted else { continue }
                let at = SourceReader.position(of: "categories", in: text, file: file)
                let which = post.draft ? "drafts such as this one" : "posts dated after now, such as this one"
                let folder = Taxonomy.indexFolder(.categories, lang: post.lang, siteLanguage: site.config.language) + [slug]
                var hint = "the category gets its page, /\(folder.joined(separator: "/"))/, when a post that has it is published"
                if let meant = NearestName.nearest(to: name, in: site.categories.terms.filter { $0.lang == post.lang }.map(\.name)) {
                    hint = "did you mean \"\(meant)\"? If not, " + hint
                }
                diagnostics.append(.warning(file, line: at?.line, column: at?.column,
                    "the category \"\(name)\" is empty: no published post has it, only \(which)", hint: hint))
            }
        }
        return diagnostics
    }
}
