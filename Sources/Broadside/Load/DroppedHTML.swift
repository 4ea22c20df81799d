import CCmark

/// cmark's safe mode puts `<!-- raw HTML omitted -->` where a post has HTML, and says nothing:
/// an editor who pasted a sign-up form would learn only from the published page that it is gone.
/// This collects one note per line that loses HTML (a 40-line `<div>` is one note, not 40).
struct DroppedHTML {
    private(set) var notes: [RenderedMarkdown.Note] = []
    private var lines: Set<Int> = []

    static let hint = "Broadside leaves out HTML written in a post, so no author can put a script on the site; "
        + "for a button or a call to act use an action block (```action), or set unsafe: true in site.yml if you trust everyone who writes posts"

    /// Called for every node cmark's iterator enters.
    mutating func visit(_ node: OpaquePointer) {
        let type = cmark_node_get_type(node)
        guard type == CMARK_NODE_HTML_BLOCK || type == CMARK_NODE_HTML_INLINE,
            let literal = cmark_node_get_literal(node).map({ String(cString: $0) }),
            !Self.isOnlyComments(literal)
        else { return }
        let line = Int(cmark_node_get_start_line(node))
        guard lines.insert(line).inserted else { return }
        let first = literal.split(whereSeparator: \.isNewline).first.map { $0.trimmed } ?? ""
        notes.append(.init(line: line, column: Int(cmark_node_get_start_column(node)),
            message: "the HTML `\(Excerpt.short(first))` is left out of the page", hint: Self.hint))
    }

    /// An HTML comment is dropped as the editor meant it to be: a note to other editors.
    /// Broadside's own block markers are put in the tree after this walk, as custom blocks.
    static func isOnlyComments(_ html: String) -> Bool {
        var rest = html[...]
        while let open = rest.range(of: "<!--") {
            guard rest[..<open.lowerBound].allSatisfy(\.isWhitespace) else { return false }
            guard let close = rest[open.upperBound...].range(of: "-->") else { return true }
            rest = rest[close.upperBound...]
        }
        return rest.allSatisfy(\.isWhitespace)
    }
}
