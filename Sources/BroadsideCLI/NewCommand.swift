import ArgumentParser
import Broadside
import Foundation

struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Start a post of a kind, or a page: new event \"Title\".",
        discussion: """
            Kinds: \(Kind.allCases.map(\.rawValue).joined(separator: ", ")), or page (About us, Donate: \
            content/pages/, in no list or feed). The post is dated now in the \
            site's time zone and marked draft: true, so it is left out of the site until you remove \
            that line (broadside build --drafts shows it). An event gets a start a week from now \
            and a location to change; an action day gets the series of the newest action day (or \
            --series) and the next day's number. An existing file is never replaced.
            """
    )

    @Argument(help: ArgumentHelp("What the post is: dispatch, action-day, qa, perspective, report, letter or event; or page.", valueName: "kind"))
    var kind: String

    @Argument(help: ArgumentHelp("The post's title, in quotes.", valueName: "title"))
    var title: String

    @OptionGroup var site: SiteOption

    @Option(name: .long, help: ArgumentHelp("The file's name instead of one made from the title.", valueName: "name"))
    var slug: String?

    @Option(name: .long, help: ArgumentHelp("For an action day: the series (week of action) it belongs to.", valueName: "name"))
    var series: String?

    @Option(name: .long, help: ArgumentHelp("The post's language, when it is not the site's (es, fr …).", valueName: "code"))
    var lang: String?

    @Option(name: .customLong("translation-of"), help: ArgumentHelp("The slug of the post this one translates: both get its translation_key.", valueName: "slug"))
    var translationOf: String?

    @Option(name: .long, help: ArgumentHelp("Date the post as if it were this moment (default: SOURCE_DATE_EPOCH, else the clock).", valueName: "time"))
    var now: String?

    func run() throws {
        if kind.lowercased() == "page" { return try newPage() }
        let postKind: Kind
        switch NewPost.kind(named: kind) {
        case .success(let found): postKind = found
        case .failure(let problem): throw usageError(problem)
        }
        let request = NewPost.Request(kind: postKind, title: title, slug: slug, series: series, lang: lang,
            translationOf: translationOf, now: try buildTime(now: now))
        switch NewPost.write(request, source: site.url) {
        case .success(let path):
            let shown = site.path == "." ? path : (site.path.hasSuffix("/") ? site.path : site.path + "/") + path
            Console().say("Wrote \(shown) (a draft: remove draft: true to publish it)")
            if let translationOf, let note = NewPost.keyToAddToOriginal(translationOf: translationOf, source: site.url) {
                Console().say(note)
            }
            if postKind == .report {
                Console().say("Put the report's PDF beside index.md, in \((shown as NSString).deletingLastPathComponent)/, and name it under attachments:")
            }
        case .failure(let failure):
            Console().report(failure.diagnostics, source: site.url)
            throw failure.usage ? ExitCode(2) : ExitCode.failure
        }
    }

    private func newPage() throws {
        switch NewPage.write(title: title, slug: slug, lang: lang, source: site.url) {
        case .success(let (path, address)):
            let shown = site.path == "." ? path : (site.path.hasSuffix("/") ? site.path : site.path + "/") + path
            Console().say("Wrote \(shown) (a draft: remove draft: true to publish it at \(address))")
        case .failure(let failure):
            Console().report(failure.diagnostics, source: site.url)
            throw failure.usage ? ExitCode(2) : ExitCode.failure
        }
    }
}
