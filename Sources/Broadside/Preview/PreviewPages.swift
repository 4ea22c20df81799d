/// What the preview adds to the site, only while serving: the files on disk stay as built,
/// so nothing of it can be uploaded by mistake.
///
/// Every served HTML page gets one `<script src>` before `</body>`, which listens to the
/// server's events (same origin, no other host) and reloads the page after each build, and,
/// while the last build failed, the build's messages over the last good page.
public enum PreviewPages {
    /// The preview's own addresses, outside any site's root path.
    public static let eventsPath = "/__broadside/events"
    public static let scriptPath = "/__broadside/reload.js"
    public static let stylePath = "/__broadside/preview.css"

    /// `html` with the reload script (and the overlay, when `errors` is given) before its
    /// last `</body>`, or at its end when it has none.
    public static func inject(into html: [UInt8], build: Int, errors: BuildErrors?) -> [UInt8] {
        let added = addition(build: build, errors: errors)
        guard let end = lastBodyEnd(in: html) else { return html + added }
        var out = html
        out.insert(contentsOf: added, at: end)
        return out
    }

    /// What goes before a page's `</body>`: the reload script, and the overlay of `errors`.
    public static func addition(build: Int, errors: BuildErrors?) -> [UInt8] {
        Array(((errors.map(overlay) ?? "") + script(build: build)).utf8)
    }

    /// A build's messages, as the terminal shows them without colour.
    public struct BuildErrors: Sendable, Equatable {
        /// `2 errors and 1 warning`.
        public var count: String
        /// `DiagnosticText`'s rendering, not yet escaped.
        public var text: String

        public init(count: String, text: String) {
            self.count = count
            self.text = text
        }
    }

    /// The page for every address while no build has worked yet.
    public static func errorPage(_ errors: BuildErrors, build: Int) -> String {
        page(title: "The site did not build", body: overlay(errors), build: build)
    }

    /// The page shown while the first build runs.
    public static func buildingPage(build: Int) -> String {
        page(title: "Building the site", body: "<main><h1>Building the site…</h1><p>This page reloads by itself when the build ends.</p></main>\n", build: build)
    }

    /// A 404 that says so in words and leads back to the home page.
    public static func notFoundPage(rootPath: String, build: Int) -> String {
        page(title: "No page at this address",
            body: "<main><h1>No page at this address</h1><p>The preview has no page here. <a href=\"\(Escaping.markup(rootPath))\">Go to the home page</a>.</p></main>\n",
            build: build)
    }

    static func overlay(_ errors: BuildErrors) -> String {
        """
        <link rel="stylesheet" href="\(stylePath)">
        <section id="broadside-build-errors" role="alert" aria-labelledby="broadside-build-errors-title" lang="en">
        <h2 id="broadside-build-errors-title">The site did not build: \(Escaping.markup(errors.count))</h2>
        <p>What you see behind this box is the last version that built. Fix what is listed below and save the file: the page reloads by itself.</p>
        <pre>\(Escaping.markup(errors.text))</pre>
        </section>

        """
    }

    static func script(build: Int) -> String {
        "<script src=\"\(scriptPath)\" data-build=\"\(build)\"></script>\n"
    }

    private static func page(title: String, body: String, build: Int) -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(title)</title>
        <link rel="stylesheet" href="\(stylePath)">
        </head>
        <body class="broadside-preview">
        \(body)\(script(build: build))</body>
        </html>

        """
    }

    /// Reloads the page when the server announces a build other than the one the page came
    /// from; the server announces its current build as soon as the page connects, so a build
    /// that ended while the page loaded is not missed. The browser reconnects by itself.
    public static let reloadScript = """
        // Broadside preview: reload this page after each build. Talks to this server only.
        (function () {
          var script = document.currentScript;
          var shown = script && script.getAttribute("data-build");
          var events = new EventSource("\(eventsPath)");
          events.addEventListener("build", function (event) {
            if (event.data !== shown) { events.close(); window.location.reload(); }
          });
        })();

        """

    public static let style = """
        #broadside-build-errors { position: fixed; inset: 0; z-index: 2147483647; overflow: auto; margin: 0;
          padding: 1.5rem; background: #fff; color: #1a1a1a; border-top: 0.5rem solid #b00020;
          font: 1rem/1.5 system-ui, sans-serif; text-align: left; }
        #broadside-build-errors h2 { margin: 0 0 0.5rem; font-size: 1.4rem; color: #b00020; }
        #broadside-build-errors pre { white-space: pre-wrap; overflow-wrap: anywhere; margin: 1rem 0 0; padding: 1rem;
          font: 0.95rem/1.45 ui-monospace, monospace; background: #f6f6f6; color: #1a1a1a; border: 1px solid #999; }
        body.broadside-preview main { max-width: 40rem; margin: 2rem auto; padding: 0 1rem; font: 1.1rem/1.5 system-ui, sans-serif; }

        """

    /// Where the last `</body` starts, in any letter case.
    public static func lastBodyEnd(in html: [UInt8]) -> Int? {
        let tag = Array("</body".utf8)
        guard html.count >= tag.count else { return nil }
        var index = html.count - tag.count
        while index >= 0 {
            if html[index] == UInt8(ascii: "<") && zip(html[index...], tag).allSatisfy({ $0 | 0x20 == $1 | 0x20 }) {
                return index
            }
            index -= 1
        }
        return nil
    }
}
