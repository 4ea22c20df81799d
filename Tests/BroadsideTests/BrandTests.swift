import Testing
@testable import Broadside

/// `brand:` colours are the organisation's, as long as readers can read them.
@Suite struct BrandTests {
    @Test func contrastIsWCAGs() {
        let white = Colour(hex: "#ffffff")!, black = Colour(hex: "#000")!
        #expect(white.contrast(with: black) == 21)
        #expect(Colour.ratioText(Colour(hex: "#777777")!.contrast(with: white)) == "4.4")   // 4.48: never rounded up to a pass
        #expect(Colour(hex: "#1d4e89")!.hex == "#1d4e89" && Colour(hex: "#FFF")!.hex == "#ffffff")
        #expect(Colour(hex: "1d4e89") == nil && Colour(hex: "#12345g") == nil && Colour(hex: "#1234") == nil)
    }

    @Test func theNearestPassingColourKeepsTheHueAndPasses() {
        let light = Colour(hex: BrandColours.background)!, dark = Colour(hex: BrandColours.backgroundDark)!
        for written in ["#ffcc00", "#ff8800", "#00aaff", "#aaaaaa", "#ffffff"] {
            let nearest = Colour(hex: written)!.nearestPassing(on: light, minimum: 4.5)
            #expect(nearest.contrast(with: light) >= 4.5, "\(written) → \(nearest.hex)")
        }
        let nearest = Colour(hex: "#1d4e89")!.nearestPassing(on: dark, minimum: 4.5)
        #expect(nearest.contrast(with: dark) >= 4.5 && nearest.contrast(with: dark) < 4.7)
    }

    @Test func theSitesColourIsOnEveryPage() throws {
        let site = try TemporarySite(files: [
            "site.yml": "base_url: \"https://example.org/\"\nbrand:\n  accent: \"#1d4e89\"\n  accent_dark: \"#9CC3F5\"\n",
            "content/posts/a.md": "---\ntitle: A\ndate: 2026-10-01\n---\n\nText.\n",
        ])
        defer { site.remove() }
        try site.build()
        #expect(try site.read("posts/a/index.html").contains(
            "<link rel=\"stylesheet\" href=\"/css/style.css\">\n<style>:root{--accent:#1d4e89}@media (prefers-color-scheme: dark){:root{--accent:#9cc3f5}}</style>\n"))
    }

    @Test func aColourReadersCannotReadIsAnErrorNamingOneThatPasses() throws {
        let site = try TemporarySite(files: [
            "site.yml": "base_url: \"https://example.org/\"\nbrand:\n  accent: \"#ffcc00\"\n  accent_dark: \"#1d4e89\"\n  acent: \"#000\"\n  colour: red\n",
            "content/posts/a.md": "---\ntitle: A\ndate: 2026-10-01\n---\n\nText.\n",
        ])
        defer { site.remove() }
        let light = Colour(hex: "#ffcc00")!.nearestPassing(on: Colour(hex: BrandColours.background)!, minimum: 4.5)
        let dark = Colour(hex: "#1d4e89")!.nearestPassing(on: Colour(hex: BrandColours.backgroundDark)!, minimum: 4.5)
        let problems = site.failure()
        #expect(problems.contains(.error("site.yml", line: 3, column: 11,
            "`brand.accent` #ffcc00 on the page's background #fdfcfa has a contrast of 1.4:1; links and buttons need 4.5:1 (WCAG 2.1 AA) to be read",
            hint: "the nearest colour of the same hue that passes is \(light.hex) (\(Colour.ratioText(light.contrast(with: Colour(hex: "#fdfcfa")!))):1)")), "\(problems)")
        #expect(problems.contains { $0.line == 4 && $0.message.hasPrefix("`brand.accent_dark` #1d4e89 on the dark mode's background #17171a has a contrast of 2.") && $0.hint?.contains(dark.hex) == true })
        #expect(problems.contains(.warning("site.yml", line: 5, column: 3, "unknown setting `brand.acent` is ignored",
            hint: "did you mean `accent`? The brand settings are accent, accent_dark")))
        #expect(problems.contains { $0.line == 6 && $0.message == "unknown setting `brand.colour` is ignored" })
    }

    @Test func aBrandValueThatIsNoColourIsAnErrorAtItsLine() throws {
        let site = try TemporarySite(files: [
            "site.yml": "base_url: \"https://example.org/\"\nbrand:\n  accent: navy\n",
            "content/posts/a.md": "---\ntitle: A\ndate: 2026-10-01\n---\n\nText.\n",
        ])
        defer { site.remove() }
        #expect(site.failure().filter { $0.severity == .error } == [
            .error("site.yml", line: 3, column: 11, "`brand.accent` is not a colour: \"navy\"",
                hint: "write it as a hex colour in quotes, such as accent: \"#1d4e89\""),
        ])
    }
}
