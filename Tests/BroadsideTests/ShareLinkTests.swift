import Testing
@testable import Broadside

/// A post's share links are plain links whose title and address are query values: no title can
/// add a parameter, end the link or reach the page as markup.
@Suite struct ShareLinkTests {
    @Test func aTitleIsOneQueryValueWhateverItHolds() {
        let links = ShareLinks.links(title: "Día 3: A&B \"C\" <x> ?url=evil#top", url: "https://example.org/posts/d%C3%ADa-3/", emailLabel: "E-mail")
        let text = "D%C3%ADa%203%3A%20A%26B%20%22C%22%20%3Cx%3E%20%3Furl%3Devil%23top"
        let address = "https%3A%2F%2Fexample.org%2Fposts%2Fd%25C3%25ADa-3%2F"
        #expect(links.map(\.url) == [
            "https://wa.me/?text=\(text)%20\(address)",
            "https://www.facebook.com/sharer/sharer.php?u=\(address)",
            "https://x.com/intent/post?text=\(text)&url=\(address)",
            "https://bsky.app/intent/compose?text=\(text)%20\(address)",
            "https://t.me/share/url?url=\(address)&text=\(text)",
            "mailto:?subject=\(text)&body=\(address)",
        ])
        #expect(links.map(\.service) == ["whatsapp", "facebook", "x", "bluesky", "telegram", "email"])
    }

    @Test func thePostPageLinksThemAndOffersTheAddressToCopy() throws {
        let post = "---\ntitle: \"Vigil & <vote>\"\ndate: 2026-10-01\n---\n\nText.\n"
        let site = try TemporarySite(files: ["site.yml": "base_url: \"https://example.org/\"\n", "content/posts/vigil.md": post])
        defer { site.remove() }
        try site.build()
        let page = try site.read("posts/vigil/index.html")
        #expect(page.contains("<li><a class=\"share-x\" href=\"https://x.com/intent/post?text=Vigil%20%26%20%3Cvote%3E&amp;url=https%3A%2F%2Fexample.org%2Fposts%2Fvigil%2F\">X</a></li>"))
        #expect(page.contains("<label for=\"share-url\">Or copy the link</label>\n<input id=\"share-url\" type=\"url\" value=\"https://example.org/posts/vigil/\" readonly>"))
        // Nothing from another host is loaded to share: links only.
        #expect(!page.contains("<script src") && !page.contains("<iframe") && !page.contains("<img src=\"http"))
    }

    @Test func withoutABaseURLAPageHasNoAddressToShare() throws {
        let site = try TemporarySite(files: ["site.yml": "title: Vigils\n", "content/posts/vigil.md": "---\ntitle: Vigil\ndate: 2026-10-01\n---\n\nText.\n"])
        defer { site.remove() }
        try site.build()
        #expect(!(try site.read("posts/vigil/index.html")).contains("class=\"share\""))
    }
}
