/// The templates of a theme by name (`post`, `partials/header`), parsed once, and the entry
/// point for rendering one of them with a value.
struct TemplateLibrary: Sendable {
    private(set) var templates: [String: [TemplateNode]] = [:]

    init() {}

    /// Parses `text` as the template `name`, replacing one of that name.
    mutating func register(_ text: String, named name: String) throws {
        templates[name] = try TemplateParser.parse(text)
    }

    /// `html` as the template `name`, written as it is: no tag in it is read. Split after each
    /// line break as parsed text is, so a standalone include still indents its lines.
    mutating func register(literal html: String, named name: String) {
        var nodes: [TemplateNode] = []
        var line: [UInt8] = []
        for byte in html.utf8 {
            line.append(byte)
            if byte == UInt8(ascii: "\n") {
                nodes.append(.text(line))
                line = []
            }
        }
        if !line.isEmpty { nodes.append(.text(line)) }
        templates[name] = nodes
    }

    /// The templates in which some tag, in it or in a partial it includes, names `part`
    /// (`{{count}}`, `{{list.count}}`, `{{#count}}`): a value of that name is read by no page
    /// rendered from the others, as Mustache has no names made at render.
    func naming(_ part: String) -> Set<String> {
        var found: [String: Bool] = [:]
        func names(_ template: String) -> Bool {
            if let known = found[template] { return known }
            found[template] = false  // a partial that includes itself adds nothing
            let named = names(templates[template] ?? [])
            found[template] = named
            return named
        }
        func names(_ nodes: [TemplateNode]) -> Bool {
            nodes.contains { node in
                switch node {
                case .text: false
                case .value(let name, _): name.parts.contains(part)
                case .section(let name, let inner), .inverted(let name, let inner): name.parts.contains(part) || names(inner)
                case .partial(let name, _, let overrides): names(name) || overrides.values.contains(where: names)
                case .block(_, let inner, _, _): names(inner)
                }
            }
        }
        return Set(templates.keys.filter(names))
    }

    /// The template `name` rendered with `value` as its context, escaped for `escaping`.
    func render(_ value: TemplateValue, template name: String, escaping: TextEscaping = .html) throws -> String {
        String(decoding: try bytes(value, template: name, escaping: escaping), as: UTF8.self)
    }

    /// As `render`, as the UTF-8 bytes a page's file holds.
    func bytes(_ value: TemplateValue, template name: String, escaping: TextEscaping = .html) throws -> [UInt8] {
        guard let nodes = templates[name] else {
            throw TemplateError(message: "there is no template \"\(name)\"", line: 0, column: 0)
        }
        var renderer = TemplateRenderer(templates: templates, escaping: escaping, value: value)
        try renderer.render(nodes)
        return renderer.out
    }
}
