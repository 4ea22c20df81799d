import Foundation
import Testing

@testable import Broadside

/// `share_image:` and `logo:` of `site.yml`: the card of pages without an image of their own,
/// and the organisation's logo in structured data; each a file of `static/`, checked.
@Suite struct ShareCardTests {
    static let posts = [
        "content/posts/a.md": post("title: \"A\"\ndate: 2026-10-01\nsummary: \"The court met.\""),
    ]

    @Test func pagesWithoutAnImageShowTheSitesCardAndStructuredDataNamesTheLogo() throws {
        var files = Self.posts
        files["site.yml"] = "base_url: \"https://example.org/\"\ntitle: \"Puentes\"\nshare_image: static/img/card.jpg\nlogo: /img/logo.png\n"
        let site = try TemporarySite(files: files, images: ["static/img/card.jpg": "wide.jpg", "static/img/logo.png": "label.png"])
        defer { site.remove() }
        let report = try site.build()
        #expect(report.warnings.isEmpty, "\(report.warnings)")
        let page = try site.read("posts/a/index.html")
        let card = try #require(try tree(site.output).keys.first { $0.hasPrefix("img/card-1200.") && $0.hasSuffix(".jpg") })
        #expect(page.contains("""
            <meta property="og:image" content="https://example.org/\(card)">
            <meta property="og:image:type" content="image/jpeg">
            <meta property="og:image:width" content="1200">
            <meta property="og:image:height" content="600">
            <meta property="og:image:alt" content="Puentes">
            """))
        #expect(page.contains("<meta name=\"twitter:card\" content=\"summary_large_image\">"))
        #expect(page.contains("\"publisher\": {\"@type\": \"Organization\", \"name\": \"Puentes\", \"url\": \"https://example.org/\", \"logo\": {\"@type\": \"ImageObject\", \"url\": \"https://example.org/img/logo.png\", \"width\": 8, \"height\": 6}}"))
        #expect(try site.read("tags/index.html").contains("<meta property=\"og:image\" content=\"https://example.org/\(card)\">"))
    }

    @Test func aMissingOrWrongSiteImageIsAnErrorAtItsLine() throws {
        var files = Self.posts
        files["site.yml"] = "base_url: \"https://example.org/\"\nshare_image: img/cards.jpg\nlogo: notes.txt\n"
        files["static/notes.txt"] = "not a logo"
        let site = try TemporarySite(files: files)
        defer { site.remove() }
        #expect(site.failure() == [
            .error("site.yml", line: 2, column: 14, "`share_image` is img/cards.jpg, but static/img/cards.jpg does not exist",
                hint: "use a JPEG or PNG of at least 1200 × 630 pixels in static/, such as share_image: img/share-card.jpg"),
            .error("site.yml", line: 3, column: 7, "`logo` is notes.txt, which is not an image Broadside publishes (JPEG, PNG, WebP, GIF or SVG)",
                hint: "put the image in static/ and write its path below static/, such as logo: img/logo.png"),
        ])
    }

    @Test func aSiteImageOutsideStaticIsRefusedAsItIsRead() throws {
        var files = Self.posts
        files["site.yml"] = "share_image: ../secret.jpg\n"
        let site = try TemporarySite(files: files)
        defer { site.remove() }
        #expect(site.failure().first == .error("site.yml", line: 1, column: 14, "`share_image` must be the path of an image in static/",
            hint: "share_image: img/share-card.jpg"))
    }
}

/// The logo as the browser's tab icon and a phone's home-screen icon.
@Suite struct SiteIconTests {
    @Test func aPNGLogoGivesBothIconsAndAnSVGLogoIsItsOwnIcon() throws {
        let png = try TemporarySite(files: ["site.yml": "logo: /img/logo.png\n", "content/posts/a.md": post("title: \"A\"\ndate: 2026-10-01")],
            images: ["static/img/logo.png": "label.png"])
        defer { png.remove() }
        try png.build()
        // The fixture's 8-pixel label is narrower than either icon: none is made larger than the logo.
        #expect(!(try png.read("index.html")).contains("rel=\"icon\""))

        let svg = try TemporarySite(files: [
            "site.yml": "logo: logo.svg\n", "content/posts/a.md": post("title: \"A\"\ndate: 2026-10-01"),
            "static/logo.svg": "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\"><rect width=\"10\" height=\"10\"/></svg>",
        ])
        defer { svg.remove() }
        try svg.build()
        let page = try svg.read("index.html")
        #expect(page.contains("<link rel=\"icon\" type=\"image/svg+xml\" href=\"/logo.svg\">"))
        #expect(!page.contains("apple-touch-icon"))
    }

    @Test func theFixturesLogoGivesA32And180PixelPNG() throws {
        let site = try TemporarySite(copying: "basic")
        defer { site.remove() }
        try site.build()
        let page = try site.read("index.html")
        let icon = try #require(page.firstMatch(of: /<link rel="icon" type="image\/png" href="\/puentes\/(logo-icon-32\.[0-9a-f]{10}\.png)">/))
        let touch = try #require(page.firstMatch(of: /<link rel="apple-touch-icon" href="\/puentes\/(logo-icon-180\.[0-9a-f]{10}\.png)">/))
        for (file, width) in [(String(icon.1), 32), (String(touch.1), 180)] {
            let bytes = [UInt8](try Data(contentsOf: site.output.appendingPathComponent(file)))
            #expect(bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]))
            #expect(Int(bytes[16]) << 24 | Int(bytes[17]) << 16 | Int(bytes[18]) << 8 | Int(bytes[19]) == width)
        }
    }
}
