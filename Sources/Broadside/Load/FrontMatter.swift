/// A Markdown file cut into its front matter and body.
struct FrontMatter {
    var yaml: Substring
    var body: Substring
    /// Number of lines before the body, for messages about the body.
    var bodyLineOffset: Int

    /// The file must open with `---` on its own line and close the block with `---` (or `...`).
    static func split(_ text: String) -> FrontMatter? {
        var rest = text[...]
        if rest.hasPrefix("\u{FEFF}") { rest = rest.dropFirst() }
        guard let firstEnd = rest.firstIndex(where: \.isNewline),
            rest[..<firstEnd].trimmingTrailingSpaces() == "---"
        else { return nil }
        var lineStart = rest.index(after: firstEnd)
        let yamlStart = lineStart
        var lines = 1
        while lineStart < rest.endIndex {
            let lineEnd = rest[lineStart...].firstIndex(where: \.isNewline) ?? rest.endIndex
            lines += 1
            let line = rest[lineStart..<lineEnd].trimmingTrailingSpaces()
            if line == "---" || line == "..." {
                let bodyStart = lineEnd < rest.endIndex ? rest.index(after: lineEnd) : lineEnd
                return FrontMatter(yaml: rest[yamlStart..<lineStart], body: rest[bodyStart...], bodyLineOffset: lines)
            }
            guard lineEnd < rest.endIndex else { break }
            lineStart = rest.index(after: lineEnd)
        }
        return nil
    }
}

extension Substring {
    fileprivate func trimmingTrailingSpaces() -> Substring {
        var s = self
        while let last = s.last, last == " " || last == "\t" { s = s.dropLast() }
        return s
    }
}
