import Foundation
import Testing

@testable import Broadside

/// A block's mistakes are errors at their line in the post's file: the body's lines come after
/// the four of the front matter here (`---`, title, date, `---`), so `Intro.` is line 5 and the
/// fence of each block line 7.
@Suite struct BlockErrorTests {
    static func failure(_ block: String, lineEnd: String = "\n") throws -> [Diagnostic] {
        let text = post("title: \"A\"\ndate: 2026-10-01", body: "Intro.\n\n" + block)
        let site = try TemporarySite(files: ["content/posts/a.md": text.replacingOccurrences(of: "\n", with: lineEnd)])
        defer { site.remove() }
        return site.failure()
    }

    @Test func anUnknownFieldAndAMissingOne() throws {
        let expected: [Diagnostic] = [
            .error("content/posts/a.md", line: 9, column: 1, "a stat block has no field `lable`",
                hint: "its fields are figure, label, as_of, source, source_url"),
            .error("content/posts/a.md", line: 7, column: 1, "the stat block has no `label`",
                hint: "add a line such as label: \"people held in detention\""),
        ]
        let block = "```stat\nfigure: \"23,753\"\nlable: \"people in detention\"\n```"
        #expect(try Self.failure(block) == expected)
        #expect(try Self.failure(block, lineEnd: "\r\n") == expected)
    }

    @Test func badYAMLIsAnErrorAtItsLine() throws {
        let expected: [Diagnostic] = [
            .error("content/posts/a.md", line: 9, column: 12,
                "this `:` inside a value that is not in quotes makes YAML read the rest as another key",
                hint: "put the value in double quotes: text: \"Today: call\"")
        ]
        let block = "```action\ntitle: \"Call\"\ntext: Today: call\nphone: \"555 0100\"\n```"
        #expect(try Self.failure(block) == expected)
        #expect(try Self.failure(block, lineEnd: "\r\n") == expected)
    }

    @Test func notAMap() throws {
        #expect(try Self.failure("```callout\n- one\n- two\n```") == [
            .error("content/posts/a.md", line: 8, column: 1, "the callout block must hold `field: value` lines",
                hint: "for example text: \"Bring your ID and your hearing notice.\"")
        ])
    }

    @Test func anUnsafeURL() throws {
        #expect(try Self.failure("```action\ntitle: \"Sign\"\nurl: \"javascript:alert(1)\"\n```") == [
            .error("content/posts/a.md", line: 9, column: 6, "`url` cannot be a link: it is a javascript: URL",
                hint: "use an http or https URL, or a path on this site such as /posts/day-2/")
        ])
        #expect(try Self.failure("```stat\nfigure: \"1\"\nlabel: \"x\"\nsource: \"S\"\nsource_url: \"//evil.example/x\"\n```") == [
            .error("content/posts/a.md", line: 11, column: 13,
                "`source_url` cannot be a link: it starts with // (a link to another host without http: or https:)",
                hint: "use an http or https URL, or a path on this site such as /posts/day-2/")
        ])
    }

    @Test func anActionNeedsAURLOrAPhoneNumberOfDigits() throws {
        #expect(try Self.failure("```action\ntitle: \"Call\"\n```") == [
            .error("content/posts/a.md", line: 7, column: 1, "the action block has no `url` or `phone`",
                hint: "add a line such as url: \"https://example.org/sign\" or phone: \"(202) 555-0143\"")
        ])
        #expect(try Self.failure("```action\ntitle: \"Call\"\nphone: \"555-0100 <script>\"\n```") == [
            .error("content/posts/a.md", line: 9, column: 8, "`phone` must be a phone number: digits, spaces, +, -, (, ) and . only",
                hint: "for example phone: \"+1 (202) 555-0143\"; put words such as the office's name in `text`")
        ])
    }

    @Test func aDateThatIsNotOneAndAListForText() throws {
        #expect(try Self.failure("```stat\nfigure: [1, 2]\nlabel: \"x\"\nas_of: \"last July\"\nsource_url: \"https://example.org/\"\n```") == [
            .error("content/posts/a.md", line: 8, column: 9, "`figure` must be a single value, not a list or map",
                hint: "write it on one line after `figure: `, in double quotes"),
            .error("content/posts/a.md", line: 7, column: 1, "the stat block has no `figure`",
                hint: "add a line such as figure: \"23,753\""),
            .error("content/posts/a.md", line: 10, column: 8, "`as_of` is not a date: \"last July\"", hint: "write the date as 2022-07-11"),
            .error("content/posts/a.md", line: 11, column: 13, "`source_url` needs a `source`, the name readers see as the link",
                hint: "add a line such as source: \"TRAC Immigration\""),
        ])
    }

    /// A fence inside a list item: columns count from the start of the file's line.
    @Test func aBlockInAListItem() throws {
        #expect(try Self.failure("- step\n\n  ```callout\n  txt: \"x\"\n  ```") == [
            .error("content/posts/a.md", line: 10, column: 3, "a callout block has no field `txt`", hint: "its fields are title, text"),
            .error("content/posts/a.md", line: 9, column: 3, "the callout block has no `text`",
                hint: "add a line such as text: \"Bring your ID and your hearing notice.\""),
        ])
    }

    @Test func aBadBlockLeavesThePreviousSiteAsItWas() throws {
        let site = try TemporarySite(files: ["content/posts/a.md": post("title: \"A\"\ndate: 2026-10-01")])
        defer { site.remove() }
        try site.build()
        let before = try tree(site.output)
        try site.write("content/posts/a.md", post("title: \"A\"\ndate: 2026-10-01", body: "```callout\ntitle: \"No text\"\n```"))
        #expect(site.failure() == [
            .error("content/posts/a.md", line: 5, column: 1, "the callout block has no `text`",
                hint: "add a line such as text: \"Bring your ID and your hearing notice.\"")
        ])
        #expect(try tree(site.output) == before)
    }
}
