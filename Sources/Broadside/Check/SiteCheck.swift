import Foundation

/// What `broadside check` found, and how many published posts it looked at.
public struct CheckReport: Sendable {
    /// Published posts checked; 0 when the build stopped at errors before the site was resolved.
    public var posts: Int
    /// Published pages of `content/pages/` checked.
    public var pages: Int = 0
    /// The build's own errors and warnings (broken links among them), then the check's findings.
    public var diagnostics: [Diagnostic]
    /// Images whose source file records where it was taken (site-relative, in path order). Not a
    /// problem, as no published copy keeps it; the editor hears it, to know what the originals
    /// reveal wherever else they are shared.
    public var locatedImages: [String] = []
}

/// `broadside check`: builds the site in memory, writing nothing anywhere, and reports what a
/// reader would trip over although the build succeeds. Every finding is a warning at its file
/// and line; the build's own errors and warnings come first.
///
/// What is checked (with `--drafts` and `--future`, as for `build`, deciding what is published):
/// - Links and images of every post (its Markdown and its action, stat and callout blocks) that
///   lead to no page or file of the site, read as `LinkTargets` describes; links to other hosts,
///   `mailto:` and `tel:` are not fetched. (`build` warns about these too.) An `attachments:` or
///   `image:` file that is not there is already an error of the build.
/// - Images without alt text: `![](x.png)` (`AltTextCheck`). A featured `image:` without
///   `image_alt` is an error of the build.
/// - Translations (`TranslationCheck`): a `translation_key` whose published versions lack a
///   language the site publishes in, and a translation dated before its original.
/// - Empty categories (`EmptyCategories`): site.yml lists no categories, so a category is empty
///   when only posts that are not published (drafts, posts dated after now) have it.
public enum SiteCheck {
    public static func run(_ options: BuildOptions) -> CheckReport {
        var diagnostics: [Diagnostic] = []
        var clock = StageClock(progress: options.progress)
        guard let prepared = Build.prepare(options, writing: false, diagnostics: &diagnostics, clock: &clock) else {
            return CheckReport(posts: 0, diagnostics: diagnostics)
        }
        let site = prepared.site
        let reader = SourceReader(source: options.source)
        diagnostics += AltTextCheck.problems(in: site)
        diagnostics += TranslationCheck.problems(in: site, reader: reader)
        diagnostics += EmptyCategories.problems(in: site, strings: prepared.theme.strings, reader: reader)
        clock.measure("check", Build.plural(site.posts.count, "post"))
        let located = prepared.images.images.values.filter(\.hadGPS).map(\.source).sorted()
        let pages = site.posts.reduce(0) { $0 + ($1.isPage ? 1 : 0) }
        return CheckReport(posts: site.posts.count - pages, pages: pages, diagnostics: diagnostics, locatedImages: located)
    }
}

/// The site's files read again, for findings about a post's front matter: where a key was
/// written, and the posts that were left out. Only files with a finding, or not published, are read.
struct SourceReader {
    var source: URL

    func text(of file: String) -> String? {
        (try? FileBytes.read(source.appendingPathComponent(file).path, limit: TextLimit.post.bytes).get()).flatMap(String.init(validatingUTF8:))
    }

    /// Where `key` is written in the front matter of `text`: (line, column) in the file.
    static func position(of key: String, in text: String, file: String) -> (line: Int, column: Int?)? {
        guard let parts = FrontMatter.split(text),
            case .success(let root?) = YAMLDocument.parse(String(parts.yaml), file: file, lineOffset: 1),
            let node = root.mapping?.first(where: { $0.key.text == key })?.key,
            let line = node.line
        else { return nil }
        return (line + 1, node.column)
    }

    func position(of key: String, in file: String) -> (line: Int, column: Int?)? {
        text(of: file).flatMap { Self.position(of: key, in: $0, file: file) }
    }
}
