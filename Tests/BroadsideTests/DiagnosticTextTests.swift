import Foundation
import Testing

@testable import Broadside

@Suite struct DiagnosticTextTests {
    private func text(_ files: [String: String], colour: Bool = false) -> DiagnosticText {
        DiagnosticText(colour: colour) { files[$0].map { Data($0.utf8) } }
    }

    @Test func errorsComeFirstEachWithItsLineAndACaret() {
        var renderer = text(["a.md": "---\ntitle: Hi\nkind: dispach\n---\n"])
        let out = renderer.render([
            .warning("a.md", line: 2, column: 1, "a warning", hint: "its hint"),
            .error("a.md", line: 3, column: 7, "an error", hint: "its fix"),
        ])
        #expect(out == """
            error: a.md:3:7: an error
              |
             3 | kind: dispach
              |       ^
              hint: its fix

            warning: a.md:2:1: a warning
              |
             2 | title: Hi
              | ^
              hint: its hint

            """)
    }

    @Test func aCRLFLineIsQuotedWithoutItsCarriageReturnAndTabsKeepTheCaretInPlace() {
        var renderer = text(["a.md": "---\r\nevent:\r\n\tstart: x\r\n"])
        #expect(renderer.render(.error("a.md", line: 3, column: 3, "bad")) == """
            error: a.md:3:3: bad
              |
             3 | \tstart: x
              | \t ^

            """)
    }

    @Test func columnsCountUnicodeScalarsAndControlCharactersAreNotSentToTheTerminal() {
        var renderer = text(["a.md": "title: \"Año\u{1B}[2J\" x\n"])
        #expect(renderer.render(.error("a.md", line: 1, column: 14, "bad")) == """
            error: a.md:1:14: bad
              |
             1 | title: "Año\u{FFFD}[2J" x
              |              ^

            """)
    }

    @Test func noLineNoFileOrALineBeyondTheFileQuotesNothing() {
        var renderer = text(["a.md": "one\n"])
        #expect(renderer.render(.error("a.md", line: 9, column: 1, "bad")) == "error: a.md:9:1: bad\n")
        #expect(renderer.render(.error("b.md", line: 1, column: 1, "bad")) == "error: b.md:1:1: bad\n")
        #expect(renderer.render(.error(nil, "bad", hint: "fix")) == "error: bad\n  hint: fix\n")
    }

    @Test func aLongLineIsCut() {
        var renderer = text(["a.md": String(repeating: "x", count: 500) + "\n"])
        let out = renderer.render(.error("a.md", line: 1, "bad"))
        #expect(out.contains(" 1 | " + String(repeating: "x", count: 200) + "…\n"))
    }

    @Test func colourIsOnlyWhatItIsAskedFor() {
        var plain = text(["a.md": "x\n"])
        #expect(!plain.render(.error("a.md", line: 1, column: 1, "bad")).contains("\u{1B}"))
        var coloured = text(["a.md": "x\n"], colour: true)
        #expect(coloured.render(.error("a.md", line: 1, column: 1, "bad")).hasPrefix("\u{1B}[1;31merror\u{1B}[0m: "))
    }

    @Test func theCountNamesErrorsThenWarnings() {
        #expect(DiagnosticText.count([]) == nil)
        #expect(DiagnosticText.count([.error(nil, "a")]) == "1 error")
        #expect(DiagnosticText.count([.warning(nil, "a"), .error(nil, "b"), .error(nil, "c")]) == "2 errors and 1 warning")
    }
}
