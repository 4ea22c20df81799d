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
        MustacheTags.scan(text).compactMap { tag in
            func fail(_ message: String, _ hint: String) -> Diagnostic {
                .error(file, line: tag.line, column: tag.column, message, hint: hint)
            }
            switch tag.sigil {
            case "%":
                return fail("a theme cannot set Mustache pragmas such as {{%CONTENT_TYPE}}",
                    "remove the tag: Broadside escapes every value for HTML itself")
            case "=":
                return fail("a theme cannot change Mustache's {{ }} delimiters",
                    "remove the {{=…=}} tag and write tags with {{ }}")
            case ">" where tag.name.hasPrefix("*"):
                return fail("a theme cannot choose a partial by a value ({{>*name}})",
                    "include the partial by its name, such as {{> partials/post-item}}")
            case "{", "&":
                guard !isHTMLValue(tag.name) else { return nil }
                let written = tag.sigil == "{" ? "{{{\(tag.name)}}}" : "{{&\(tag.name)}}"
                return fail("\(written) would insert \(tag.name.isEmpty ? "a value" : "`\(tag.name)`") without escaping",
                    "write {{\(tag.name)}}: only \(htmlValues.sorted().joined(separator: " and ")) hold HTML that Broadside made, and only they may use {{{ }}}")
            default:
                return nil
            }
        }
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
