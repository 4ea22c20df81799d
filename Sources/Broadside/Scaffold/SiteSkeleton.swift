import Foundation

/// `broadside init`: a new site an editor can build at once, with settings explained in
/// place, one post that shows how posts are written, and a `.gitignore` for the output.
/// No theme is written: the site uses the theme built into Broadside until it has its own.
public enum SiteSkeleton {
    /// What a folder holding any of these already is: a site, which `init` never touches.
    public static let siteEntries = ["site.yml", "content", "templates", "static"]
    public static let samplePost = "content/posts/how-to-write-a-post.md"
    public static let ignoreFile = ".gitignore"

    public struct Made: Sendable, Equatable {
        /// Relative to the new site's folder, in the order written.
        public var written: [String]
        /// True when an existing `.gitignore` got the lines it lacked; false when it had them all.
        public var ignoreAppended: Bool?
    }

    /// Makes the site in `folder` (created if missing); `shown` names the folder in messages.
    /// `now` dates the sample post, so that the first build shows it.
    public static func create(in folder: URL, shown: String, now: Date) -> Result<Made, Diagnostic> {
        let root = folder.path
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: root, isDirectory: &isFolder) {
            guard isFolder.boolValue else {
                return .failure(.error(nil, "\(shown) is a file, not a folder",
                    hint: "give the name of a new folder: broadside init my-site"))
            }
        } else {
            do {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            } catch {
                return .failure(.error(nil, "the folder \(shown) cannot be made: \(error.localizedDescription)",
                    hint: "check that you may write where it goes, or choose another place"))
            }
        }
        let found = siteEntries.filter { NewFile.exists(root + "/" + $0) }
        if !found.isEmpty {
            let names = found.map { $0.contains(".") ? $0 : $0 + "/" }
            let list = names.count == 1 ? names[0] : names.dropLast().joined(separator: ", ") + " and " + names.last!
            let place = shown == "." ? "this folder" : shown
            return .failure(.error(nil, "\(place) already holds a site: it has \(list)",
                hint: "nothing was changed; work on that site where it is (broadside new, broadside build), "
                    + "or make a new one in a folder of its own: broadside init my-site"))
        }
        // Only a regular file of the site is added to: a link would send the lines into the file it
        // points to (another project's, or the home folder's), and reading a pipe never ends.
        if let what = NewFile.notARegularFile(root + "/" + ignoreFile) {
            return .failure(.error(ignoreFile, "this is \(what), not a file, so Broadside will not add to it",
                hint: "nothing was changed; replace it with a file of its own (rm \(ignoreFile)), then run broadside init again"))
        }
        var made = Made(written: [])
        let files = [("site.yml", siteSettings), (samplePost, samplePostText(now: now))]
        do {
            try FileManager.default.createDirectory(atPath: root + "/content/posts", withIntermediateDirectories: true)
        } catch {
            return .failure(.error("content/posts", "the folder cannot be made: \(error.localizedDescription)",
                hint: "check that you may write in \(shown)"))
        }
        for (path, text) in files {
            switch NewFile.create(root + "/" + path, text) {
            case .written: made.written.append(path)
            case .exists: return .failure(.error(path, "this file appeared while the site was being made, and was kept", hint: "run broadside init again in an empty folder"))
            case .failed(let reason): return .failure(.error(path, "this file cannot be written: \(reason)", hint: "check that you may write in \(shown)"))
            }
        }
        let ignorePath = root + "/" + ignoreFile
        if let existing = FileManager.default.contents(atPath: ignorePath).flatMap({ String(validatingUTF8: $0) }) {
            // An existing .gitignore is the repository's: lines it lacks are added at its end, never replaced.
            let present = Set(existing.split(whereSeparator: \.isNewline).map { $0.trimmed })
            let missing = ignoreLines.filter { !$0.hasPrefix("#") && !present.contains($0) }
            guard !missing.isEmpty else {
                made.ignoreAppended = false
                return .success(made)
            }
            let text = (existing.isEmpty || existing.hasSuffix("\n") ? "" : "\n") + "\n" + ([ignoreLines[0]] + missing).joined(separator: "\n") + "\n"
            guard NewFile.append(text, to: ignorePath) else {
                return .failure(.error(ignoreFile, "this file cannot be added to", hint: "add these lines yourself: /site/ and /.broadside-cache/"))
            }
            made.ignoreAppended = true
        } else if NewFile.exists(ignorePath) {
            return .failure(.error(ignoreFile, "this file is not UTF-8 text, so Broadside did not add to it",
                hint: "add these lines yourself: /site/ and /.broadside-cache/"))
        } else {
            switch NewFile.create(ignorePath, ignoreLines.joined(separator: "\n") + "\n") {
            case .written: made.written.append(ignoreFile)
            case .exists: made.ignoreAppended = false
            case .failed(let reason): return .failure(.error(ignoreFile, "this file cannot be written: \(reason)", hint: "check that you may write in \(shown)"))
            }
        }
        return .success(made)
    }

    /// What git should never track: the built site, the build's cache and editors' leftovers.
    static let ignoreLines = [
        "# Made by broadside build: upload it, do not commit it.",
        "/site/",
        "/.broadside-cache/",
        "# Editors' leftovers",
        ".DS_Store",
        "*~",
        "*.swp",
        ".#*",
    ]

    /// Every setting Broadside knows (`SiteConfig.keys`), explained for an editor: the ones a
    /// new site should set are set, the others commented out at their defaults.
    static let siteSettings = """
        # The settings of this site. A line that starts with # is a note that Broadside skips:
        # to use a setting that is shown with a # in front, remove the #.
        # Put text in double quotes, especially text with a colon (:) or a # in it.

        # The name of the site, at the top of every page and in the feed.
        title: "Our Newsletter"

        # One sentence about the site, for feed readers and search engines.
        description: "News and calls to action from our network."

        # The address the site will be published at. CHANGE THIS to your own address before
        # you publish: the feed and links shared on social media are built from it.
        base_url: "https://example.org/"

        # The language most posts are written in. The built-in theme has its words in en and
        # es; for another language (fr, pt-BR …) add i18n/<code>.yml, translated from
        # themes/default/i18n/en.yml (broadside theme eject writes a copy).
        language: en

        # The time zone of your posts' dates, such as America/Chicago or Europe/Madrid:
        # a post dated 2026-05-01T09:00 is published at 9 in the morning there.
        time_zone: UTC

        # The theme, the look of the site. Broadside has one built in: default.
        # theme: default

        # How many posts each older page of a list holds (the first page shows the
        # newest: up to twice as many, less one).
        # posts_per_page: 10

        # How many of the newest posts each feed (and so RSS-to-email) holds.
        # feed_size: 20

        # The feeds every list has (the home page, each category, tag, kind and series, the
        # events): RSS (feed.xml), Atom (atom.xml) and JSON Feed (feed.json). [] for none.
        # feeds: [rss, atom, json]

        # The picture a shared link shows for pages that have no featured image of their own
        # (a JPEG or PNG in static/, at least 1200 × 630 pixels), and the organisation's logo
        # for search engines. Both are paths below static/.
        # share_image: img/share-card.jpg
        # logo: img/logo.png

        # false for a copy search engines should not show (a staging site): robots.txt keeps
        # them out and every page says noindex.
        # search_engines: true

        # false leaves out the site's own search (the /search/ page and its index in
        # search-index/). A post or page keeps itself out with search: false.
        # search: true

        # true keeps HTML and javascript: links written in posts. Leave it false unless you
        # know why you need it: with true, a pasted snippet can run in your readers' browsers.
        # unsafe: false

        # Photos are always published without their metadata (GPS position, camera, time
        # taken), turned the right way up, in these widths for phones and screens, and at
        # this quality (1 to 100). Delete .broadside-cache/ whenever you like: it is remade.
        # images: { widths: [480, 960, 1600], quality: 80 }

        # Links in every page's header and footer, such as your pages (content/pages/about.md
        # is at /about/): one list, or one per language (en:, es: …). Checked like any link.
        # menu: [{ label: "About us", link: /about/ }, { label: "Donate", link: /donate/ }]
        # footer_menu: [{ label: "Contact", link: "mailto:hello@example.org" }]
        # footer_text: "Our Network · PO Box 1, Springfield · Registered charity 000000"
        # The organisation's profiles elsewhere, in the footer, and the header's Donate button
        # (a page of the site or a giving service's address; one per language if you like).
        # social: [{ label: "Mastodon", link: "https://social.example/@ournetwork" }]
        # donate: /donate/

        # The organisation's colour for links and buttons, and a lighter one for dark mode.
        # A colour too pale (or too dark) to read on the page is an error naming one that passes.
        # brand: { accent: "#1d4e89", accent_dark: "#9cc3f5" }

        # A site in two languages lists each language's categories and tags on its own pages
        # (/categories/mexico/, /es/categories/mexico/). Pair the names that translate each
        # other, so the language switch on one's page leads to the other.
        # term_pairs: [{ en: Mexico, es: México }, { en: Detention, es: Detención }]

        # The newsletter: each week's posts as an e-mail (newsletter/2026-w45/email.html, a
        # message to import, edition.eml, and its text), for your mailing tool. Its sender, and
        # the tool's merge tag for the unsubscribe link (Mailchimp: *|UNSUB|*).
        # newsletter: { from: "Our Network <news@example.org>", unsubscribe: "*|UNSUB|*" }

        # Where broadside publish uploads the site: protocol sftp, ftps or ftp, the host, your
        # user name and the host's folder. Never the password: see docs/publish.md.
        # publish: { protocol: sftp, host: example.org, user: editor, folder: public_html }

        """

    /// The first post: a dispatch that is its own example.
    static func samplePostText(now: Date) -> String {
        let day = DateText.day(PostDate(secondsSince1970: now.timeIntervalSince1970.rounded(.down), offset: 0))
        return """
            ---
            title: "How to Write a Post"
            date: \(day)
            kind: dispatch
            categories: ["Getting Started"]
            summary: "What goes at the top of a post, how to write the rest, and how to publish it."
            ---
            This is the first post of your site. Read it, then make it yours: change its words, or
            delete this file once you have written a post of your own.

            ## The top of the file

            Every post begins with a few settings between two lines of three dashes, called
            front matter. Two are required: `title`, the headline, in double quotes; and `date`,
            the day the post goes out, such as 2026-05-01, or with a time and UTC offset, such
            as 2026-05-01T09:30:00-05:00. The others are optional:

            - `kind`: what the post is: `dispatch` for the news of the day, `action-day`, `qa`,
              `perspective`, `report`, `letter` or `event`.
            - `categories` and `tags`: lists of names, such as ["Detention", "Legal Aid"]. Each
              name gets a page that lists its posts.
            - `summary`: one sentence for lists and the feed. Without it, the first paragraph is used.
            - `draft: true` keeps a post off the site until you remove the line.

            ## The text

            Below the second line of dashes, write as you would write an email. Leave an empty
            line between paragraphs. A line that starts with `## ` is a heading, like the one
            above this paragraph. Put `**` around words for **bold** and `*` for *italics*.

            A link puts the words to click in square brackets and the address in parentheses,
            right after them: [every category of this site](/categories/). An address that starts
            with `/` is a page of this site; for another site, write its whole address, starting
            with https://.

            ## Your next post

            Run `broadside new dispatch "Your Title"` to start one: it writes the file with its
            front matter filled in and marked as a draft. Run `broadside serve` to see it in your
            browser as you write, and `broadside build` to make the `site/` folder you upload.

            """
    }
}
