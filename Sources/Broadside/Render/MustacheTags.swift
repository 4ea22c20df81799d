/// The tags of a Mustache template as swift-mustache reads them, with where they stand: the one
/// reading that the theme's checks share (`TemplateRules`, `TemplateReferences`,
/// `SiteConstantPartials`), so none of them can see a tag the others miss.
enum MustacheTags {
    struct Tag: Equatable {
        /// `#`, `^`, `/`, `>`, `<`, `$`, `!`, `{`, `&`, `%`, `=`, or nil for a variable: the character
        /// right after the opening delimiter, as the parser takes it.
        var sigil: Character?
        /// What stands between the sigil and the closing delimiter, trimmed.
        var name: String
        var line: Int
        /// In Characters from 1, as editors count.
        var column: Int
        /// Sections, layouts and blocks open around the tag.
        var depth: Int
    }

    static let sigils: Set<Character> = ["#", "^", "/", ">", "<", "$", "!", "{", "&", "%", "="]

    /// Every tag of `text`. A delimiter change (`{{=<% %>=}}`) is followed as Mustache follows it,
    /// so it cannot hide a tag from the checks, which refuse it anyway.
    static func scan(_ text: String) -> [Tag] {
        var found: [Tag] = []
        var opening = "{{", closing = "}}"
        var depth = 0
        var line = 1
        // Characters from the line's start to `cursor`, counted as the cursor moves: measured
        // from the line's start at every tag, a template on one long line took quadratic time.
        var column = 1
        var cursor = text.startIndex
        func advance(to index: String.Index) {
            for character in text[cursor..<index] {
                if character.isNewline {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
            }
            cursor = index
        }
        while let open = text[cursor...].firstRange(of: opening) {
            advance(to: open.lowerBound)
            let first = text[open.upperBound...].first
            let sigil = first.flatMap { sigils.contains($0) ? $0 : nil }
            let start = sigil == nil ? open.upperBound : text.index(after: open.upperBound)
            let end = sigil == "=" ? "=" + closing : sigil == "{" ? "}" + closing : closing
            guard let close = text[start...].firstRange(of: end) else { break }
            let name = text[start..<close.lowerBound].trimmed
            if sigil == "/" { depth = max(0, depth - 1) }
            found.append(Tag(sigil: sigil, name: name, line: line, column: column, depth: depth))
            switch sigil {
            case "#", "^", "<", "$": depth += 1
            case "=":
                let delimiters = name.split(whereSeparator: \.isWhitespace)
                if delimiters.count == 2 {
                    opening = String(delimiters[0])
                    closing = String(delimiters[1])
                }
            default: break
            }
            advance(to: close.upperBound)
        }
        return found
    }
}
