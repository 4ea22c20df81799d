/// The templates of a theme by name (`post`, `partials/header`), parsed once, and the entry
/// point for rendering one of them with a value.
struct TemplateLibrary: Sendable {
    private(set) var templates: [String: [TemplateNode]] = [:]

    init() {}

    /// Parses `text` as the template `name`, replacing one of that name.
    mutating func register(_ text: String, named name: String) throws {
        templates[name] = try TemplateParser.parse(text)
    }

    /// The template `name` rendered with `value` as its context, escaped for `escaping`.
    func render(_ value: TemplateValue, template name: String, escaping: TextEscaping = .html) throws -> String {
        guard let nodes = templates[name] else {
            throw TemplateError(message: "there is no template \"\(name)\"", line: 0, column: 0)
        }
        var renderer = TemplateRenderer(templates: templates, escaping: escaping, value: value)
        try renderer.render(nodes)
        return String(decoding: renderer.out, as: UTF8.self)
    }
}

extension TemplateLibrary {
    /// Every template of `sources` (name → text) that parses. The theme's loader has already
    /// refused the ones swift-mustache cannot read; one only this engine refuses (a transform such
    /// as `{{count(items)}}`) is left out, and rendering it fails.
    init(parsing sources: [String: String]) {
        self.init()
        for (name, text) in sources { try? register(text, named: name) }
    }
}
