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
    /// Values that hold HTML made by Broadside (cmark's output, a rendered list entry, an
    /// e-mail image), or JSON-LD escaped for a `<script>` block.
    /// Front-matter maps never expose these names (see `FrontMatterValue.templateValue`),
    /// so `{{{content}}}` can only ever find Broadside's HTML.
    static let htmlValues: Set<String> = ["content", "rendered_item", "email_image", "json_ld"]

    /// `content, email_image and rendered_item`, for messages.
    static let htmlNames: String = {
        let names = htmlValues.sorted()
        return names.dropLast().joined(separator: ", ") + " and " + names.last!
    }()

    static let contentTypeName = "BROADSIDE_MARKUP"

    /// The pragma sits on a line of its own, which Mustache removes whole: output is unchanged,
    /// and every line of the theme's text is one further down (parse errors subtract it).
    static let pragmaLine = "{{%CONTENT_TYPE:\(contentTypeName)}}\n"

    /// Registers the content type once per process (swift-mustache keeps a global table).
    static let registered: Void = MustacheContentTypes.register(MarkupContentType(), named: contentTypeName)

    /// Sections nested deeper than this are refused: swift-mustache parses and renders them by
    /// recursion, and a few thousand levels overflowed the stack (exit 139) of build, check and serve.
    static let maximumNesting = 100

    /// The tags of `text` that would take escaping away from Broadside, or nest sections too
    /// deep, as errors of `file`.
    static func check(_ text: String, file: String) -> [Diagnostic] {
        let tags = MustacheTags.scan(text)
        return escaping(tags, file: file) + [nesting(tags, file: file)].compactMap { $0 }
    }

    /// The first tag that opens a section (`#`, `^`, `$`, `<`) inside `maximumNesting` others.
    private static func nesting(_ tags: [MustacheTags.Tag], file: String) -> Diagnostic? {
        guard let tag = tags.first(where: { $0.depth >= maximumNesting && ["#", "^", "$", "<"].contains($0.sigil) }) else { return nil }
        return .error(file, line: tag.line, column: tag.column, "sections are nested more than \(maximumNesting) deep here",
            hint: "close sections with {{/name}} before opening others; a template needs a few levels, not hundreds")
    }

    private static func escaping(_ tags: [MustacheTags.Tag], file: String) -> [Diagnostic] {
        tags.compactMap { tag in
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
                    "write {{\(tag.name)}}: only \(htmlNames) hold markup that Broadside made, and only they may use {{{ }}}")
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
