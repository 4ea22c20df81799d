import Testing
@testable import Broadside

/// A report's document is a button near the top of its page, not only a line at the end.
@Suite struct ReportDownloadTests {
    func page(kind: String, lang: String = "en", attachments: [(file: String, label: String)]) throws -> String {
        var files = ["content/posts/r/index.md": "---\ntitle: \"R\"\ndate: 2026-10-01\nkind: \(kind)\nlang: \(lang)\nattachments:\n"
            + attachments.map { "  - file: \($0.file)\n    label: \"\($0.label)\"\n" }.joined() + "---\n\nText.\n"]
        for attachment in attachments { files["content/posts/r/\(attachment.file)"] = String(repeating: "x", count: 2_400) }
        let site = try TemporarySite(files: files)
        defer { site.remove() }
        try site.build()
        return try site.read("posts/r/index.html")
    }

    @Test func theFirstPDFOfAReportIsAButtonAboveTheText() throws {
        let html = try page(kind: "report", attachments: [("data.csv", "Data"), ("report.pdf", "Report")])
        let button = "<p class=\"download\"><a href=\"/posts/r/report.pdf\" type=\"application/pdf\">Download the report (PDF, 2.4 KB)</a></p>"
        #expect(html.contains(button), "\(html)")
        let top = try #require(html.range(of: button)).lowerBound, text = try #require(html.range(of: "<p>Text.</p>")).lowerBound
        #expect(top < text)
        // Still listed with the others at the end.
        #expect(html.contains("Report (PDF, 2.4 KB)</a></li>"))
    }

    @Test func aReportWithoutAPDFOffersItsFirstFileInItsLanguage() throws {
        let html = try page(kind: "report", lang: "es", attachments: [("data.csv", "Datos")])
        #expect(html.contains("<p class=\"download\"><a href=\"/posts/r/data.csv\" type=\"text/csv\">Descarga el informe (Hoja de cálculo, 2,4 KB)</a></p>"), "\(html)")
    }

    @Test func otherKindsListTheirFilesAtTheEndOnly() throws {
        #expect(!(try page(kind: "dispatch", attachments: [("report.pdf", "Report")])).contains("class=\"download\""))
        #expect(!(try page(kind: "report", attachments: [])).contains("class=\"download\""))
    }
}
