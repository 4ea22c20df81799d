import Mustache

/// Escaping in templates belongs to Broadside, not to the theme.
///
/// swift-mustache escapes with its own per-`Character` escaper unless a template selects a
/// content type with a `{{%CONTENT_TYPE:…}}` pragma, and it goes back to that escaper at every
/// partial. So every template and partial Broadside loads starts with the pragma of
/// `MarkupContentType`, and a theme may not change that: pragmas and delimiter changes are load
/// errors, and `{{{ }}}` / `{{& }}` (unescaped output) are allowed only on the values Broadside
/// renders as HTML itself.
enum TemplateRules {
    /// Values that hold HTML made by Broadside (cmark's output, a rendered list entry).
    /// Front-matter maps never expose these names (see `FrontMatterValue.templateValue`),
    /// so `{{{content}}}` can only ever find Broadside's HTML.
    static let htmlValues: Set<String> = ["content", "rendered_item"]

    static let contentTypeName = "BROADSIDE_MARKUP"

    /// The pragma sits on a line of its own, which Mustache removes whole: output is unchanged,
    /// and every line of the theme's text is one further down (parse errors subtract it).
    static let pragmaLine = "{{%CONTENT_TYPE:\(contentTypeName)}}\n"

    /// Registers the content type once per process (swift-mustache keeps a global table).
    static let registered: Void = MustacheContentTypes.register(MarkupContentType(), named: contentTypeName)

    /// The tags of `text` that would take escaping away from Broadside, as errors of `file`.
    static func check(_ text: String, file: String) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for (lineIndex, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var rest = line[...]
            while let open = rest.range(of: "{{") {
                let column = line.distance(from: line.startIndex, to: open.lowerBound) + 1
                let afterOpen = rest[open.upperBound...]
                guard let sigil = afterOpen.first else { break }
                func fail(_ message: String, _ hint: String) {
                    found.append(.error(file, line: lineIndex + 1, column: column, message, hint: hint))
                }
                let close = afterOpen.range(of: sigil == "{" ? "}}}" : "}}")
                let inside = close.map { afterOpen[afterOpen.index(after: afterOpen.startIndex)..<$0.lowerBound] }
                switch sigil {
                case "%":
                    fail("a theme cannot set Mustache pragmas such as {{%CONTENT_TYPE}}",
                        "remove the tag: Broadside escapes every value for HTML itself")
                case "=":
                    fail("a theme cannot change Mustache's {{ }} delimiters",
                        "remove the {{=…=}} tag and write tags with {{ }}")
                case ">" where inside.map({ $0.trimmed.hasPrefix("*") }) ?? false:
                    fail("a theme cannot choose a partial by a value ({{>*name}})",
                        "include the partial by its name, such as {{> partials/post-item}}")
                case "{", "&":
                    let name = inside.map(\.trimmed) ?? ""
                    if !isHTMLValue(name) {
                        fail("{{\(sigil == "{" ? "{\(name)}" : "&\(name)")}} would insert \(name.isEmpty ? "a value" : "`\(name)`") without escaping",
                            "write {{\(name)}}: only \(htmlValues.sorted().joined(separator: " and ")) hold HTML that Broadside made, and only they may use {{{ }}}")
                    }
                case "!":
                    // A comment runs to its `}}`; tags inside it are not tags.
                    break
                default: break
                }
                guard let close else { break }
                rest = afterOpen[close.upperBound...]
            }
        }
        return found
    }

    /// `content`, `post.content`: a name whose last part is one of `htmlValues`.
    private static func isHTMLValue(_ name: String) -> Bool {
        let last = name.split(separator: ".", omittingEmptySubsequences: false).last.map(String.init) ?? ""
        return htmlValues.contains(last) && name.allSatisfy { $0.isASCII && ($0.isLetter || $0 == "_" || $0 == ".") }
    }
}

/// HTML and attribute escaping for `{{value}}`, on UTF-8 bytes (`Escaping.markup`).
struct MarkupContentType: MustacheContentType {
    func escapeText(_ text: String) -> String { Escaping.markup(text) }
}
