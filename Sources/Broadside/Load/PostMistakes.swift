import Yams

/// Honest mistakes in one post that YAML and Markdown accept, and a reader would notice only once
/// published: text `broadside new` wrote to be replaced, a title too long or holding control
/// characters, a value in curly quotes, a body with nothing to read.
struct PostMistakes {
    var file: String
    var fields: [String: Node]

    /// Longer than a phone shows in two lines of a list, or a share card shows at all.
    static let longestTitle = 150

    /// Keys whose text readers see as it is written.
    static let shownText = ["title", "summary", "series", "author"]

    func title(_ title: String) -> [Diagnostic] {
        guard let node = fields["title"] else { return [] }
        let length = title.count
        guard length > Self.longestTitle else { return [] }
        return [.warning(file, line: node.line.map { $0 + 1 }, column: node.column,
            "the title is \(length) characters long, more than a phone shows in a list or a share card shows (\(Self.longestTitle))",
            hint: "shorten the title to the news itself, and say the rest in the first paragraph or in summary:")]
    }

    /// A control character in a value readers see, written as an escape (`"don\u0092t"`; libyaml refuses
    /// one typed as it is): a warning at the value, with what it most likely stood for. Pages and feeds
    /// drop the characters XML forbids, so the build may go on.
    func controlCharacters() -> [Diagnostic] {
        Self.shownText.compactMap { key -> Diagnostic? in
            // The scalar as YAML read it: `"don\u0092t"` is an escape, which `Node.text` would pass on.
            guard let node = fields[key], let value = node.scalar?.string, let found = ControlCharacters.first(in: value) else { return nil }
            return .warning(file, line: node.line.map { $0 + 1 }, column: node.column,
                "the \(key) holds the control character \(ControlCharacters.name(found.scalar)), which browsers show as a box or not at all",
                hint: ControlCharacters.fix(found.scalar) + ": \(key): \"\(Excerpt.short(ControlCharacters.cleaned(value)))\"")
        }
    }

    /// `title: “Day 1”` is valid YAML whose title keeps the curly quotes.
    func curlyQuotes() -> [Diagnostic] {
        Self.shownText.compactMap { key -> Diagnostic? in
            guard let node = fields[key], node.isPlainScalar, let value = node.text, let inner = Self.insideCurlyQuotes(value)
            else { return nil }
            let escaped = inner.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            return .warning(file, line: node.line.map { $0 + 1 }, column: node.column,
                "the \(key) is in curly quotes, which YAML keeps as part of it: readers would see \(Excerpt.short(value))",
                hint: "write straight double quotes instead: \(key): \"\(Excerpt.short(escaped))\"")
        }
    }

    /// `Day 1` from `“Day 1”`, `«Día 1»` or `‘Day 1’`; nil when the text is not wholly in such quotes.
    static func insideCurlyQuotes(_ text: String) -> String? {
        let opening: Set<Character> = ["“", "”", "„", "«", "‘", "’", "‚"]
        let closing: Set<Character> = ["”", "“", "»", "’", "‘"]
        guard text.count >= 2, let first = text.first, let last = text.last, opening.contains(first), closing.contains(last)
        else { return nil }
        let inner = text.dropFirst().dropLast()
        // `‘Tis the season’s end’` keeps its apostrophes: only a pair around the whole value is a quote.
        guard !inner.contains(where: { $0 == "“" || $0 == "”" }) else { return nil }
        return String(inner).trimmed
    }

    /// The first line of the body and each front-matter value still holding `new`'s placeholder text.
    func placeholders(body: Substring, bodyLineOffset: Int) -> [Diagnostic] {
        // In the file's order: front matter first.
        var found: [Diagnostic] = []
        let event = fields["event"]?.mapping
        let values = [("author", fields["author"]), ("event.location", event?["location"])]
        for (key, node) in values {
            guard let node, let value = node.text?.trimmed, ScaffoldText.published.contains(value) else { continue }
            found.append(.error(file, line: node.line.map { $0 + 1 }, column: node.column,
                "`\(key)` is still the placeholder `broadside new` wrote: \"\(value)\"",
                hint: key == "author" ? "write the name that signs the piece" : "write the place and its address: readers' calendars get it as the event's location"))
        }
        var line = bodyLineOffset
        for text in body.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            line += 1
            let written = ScaffoldText.withoutHeadingMark(String(text))
            if ScaffoldText.published.contains(written) {
                found.append(.error(file, line: line, column: 1,
                    "this is the placeholder text `broadside new` wrote: \"\(Excerpt.short(written))\"",
                    hint: "write the post's own text here, or keep the post a draft (draft: true) until it is ready"))
                break
            }
        }
        return found
    }

    /// A body with no text but headings: the summary, the feed's description and the page are empty.
    func emptyBody(html: String, summaryWritten: Bool, bodyLineOffset: Int) -> [Diagnostic] {
        let hasText = html.split(whereSeparator: \.isNewline).contains { line in
            let trimmed = line.trimmed
            return !trimmed.isEmpty && !Self.isHeading(trimmed)
        }
        guard !hasText else { return [] }
        let what = html.trimmed.isEmpty ? "the post has no text" : "the post's text is only a heading"
        return [.warning(file, line: bodyLineOffset, column: 1,
            "\(what): its page, its summary in lists and its description in the feed are empty",
            hint: summaryWritten ? "write the post's text below this line" : "write the post's text below this line; a first paragraph is also its summary")]
    }

    private static func isHeading(_ html: String) -> Bool {
        let bytes = Array(html.utf8.prefix(3))
        return bytes.count == 3 && bytes[0] == UInt8(ascii: "<") && bytes[1] == UInt8(ascii: "h") && (49...54).contains(bytes[2])
    }
}
