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
        } + curlyQuotedTerms()
    }

    /// `categories: [“Legal aid”]` names a category with its quotes, shown with them when no
    /// other post has the plain name. Each item is named at its own line and column.
    private func curlyQuotedTerms() -> [Diagnostic] {
        [("categories", "category"), ("tags", "tag")].flatMap { key, singular -> [Diagnostic] in
            (fields[key]?.sequence.map(Array.init) ?? []).compactMap { node -> Diagnostic? in
                guard node.isPlainScalar, let value = node.text, let inner = Self.insideCurlyQuotes(value) else { return nil }
                let escaped = inner.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
                return .warning(file, line: node.line.map { $0 + 1 }, column: node.column,
                    "the \(singular) is in curly quotes, which YAML keeps as part of its name: readers would see \(Excerpt.short(value))",
                    hint: "write straight double quotes instead: \(key): [\"\(Excerpt.short(escaped))\"]")
            }
        }
    }

    /// `Day 1` from `“Day 1”`, `«Día 1»` or `‘Day 1’`; nil when the text is not wholly in such quotes.
    static func insideCurlyQuotes(_ text: String) -> String? {
        let opening: Set<Character> = ["“", "”", "„", "«", "‘", "’", "‚"]
        let closing: Set<Character> = ["”", "“", "»", "’", "‘"]
        guard text.count >= 2, let first = text.first, let last = text.last, opening.contains(first), closing.contains(last)
        else { return nil }
        let inner = text.dropFirst().dropLast()
        // `“Yes” means “yes”`: curly double quotes inside mean the outer ones quote only a part.
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
        // By bytes, and a line made a String only when its length is one a placeholder has: every post is read.
        var text = String(body)
        let first = text.withUTF8 { bytes in
            Self.firstLine(in: bytes) { line in ScaffoldText.publishedLengths.contains(Self.trimmedLength(line)) && ScaffoldText.published.contains(
                ScaffoldText.withoutHeadingMark(String(decoding: line, as: UTF8.self))) }
        }
        if let (number, line) = first {
            found.append(.error(file, line: bodyLineOffset + number, column: 1,
                "this is the placeholder text `broadside new` wrote: \"\(Excerpt.short(ScaffoldText.withoutHeadingMark(line)))\"",
                hint: "write the post's own text here, or keep the post a draft (draft: true) until it is ready"))
        }
        return found
    }

    /// A body with no text but headings: the summary, the feed's description and the page are empty.
    func emptyBody(html: String, summaryWritten: Bool, bodyLineOffset: Int) -> [Diagnostic] {
        var html = html
        let hasText = html.withUTF8 { bytes in
            Self.firstLine(in: bytes) { line in Self.trimmedLength(line) > 0 && !Self.isHeading(line) } != nil
        }
        guard !hasText else { return [] }
        let what = html.utf8.allSatisfy({ $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: " ") }) ? "the post has no text" : "the post's text is only a heading"
        return [.warning(file, line: bodyLineOffset, column: 1,
            "\(what): its page, its summary in lists and its description in the feed are empty",
            hint: summaryWritten ? "write the post's text below this line" : "write the post's text below this line; a first paragraph is also its summary")]
    }

    /// The first line (numbered from 1) of `bytes` that `matches`, and its text.
    private static func firstLine(in bytes: UnsafeBufferPointer<UInt8>, where matches: (UnsafeBufferPointer<UInt8>) -> Bool) -> (Int, String)? {
        var (start, number) = (0, 1)
        while start <= bytes.count {
            var end = start
            while end < bytes.count && bytes[end] != UInt8(ascii: "\n") { end += 1 }
            let line = UnsafeBufferPointer(rebasing: bytes[start..<end])
            if matches(line) { return (number, String(decoding: line, as: UTF8.self)) }
            (start, number) = (end + 1, number + 1)
        }
        return nil
    }

    /// Bytes of a line without leading `#`s and spaces or trailing whitespace, as `withoutHeadingMark` leaves it.
    private static func trimmedLength(_ line: UnsafeBufferPointer<UInt8>) -> Int {
        var (start, end) = (0, line.count)
        while start < end && (line[start] == UInt8(ascii: "#") || line[start] == UInt8(ascii: " ") || line[start] == UInt8(ascii: "\t")) { start += 1 }
        while end > start && (line[end - 1] == UInt8(ascii: " ") || line[end - 1] == UInt8(ascii: "\r") || line[end - 1] == UInt8(ascii: "\t")) { end -= 1 }
        return end - start
    }

    private static func isHeading(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        var start = 0
        while start < line.count && (line[start] == UInt8(ascii: " ") || line[start] == UInt8(ascii: "\t")) { start += 1 }
        return line.count - start >= 3 && line[start] == UInt8(ascii: "<") && line[start + 1] == UInt8(ascii: "h") && (49...54).contains(line[start + 2])
    }
}
