/// Renders parsed templates into one byte buffer: no string is made per tag, and a name is
/// resolved by switching over `TemplateValue` and searching sorted maps.
///
/// Names resolve as the Mustache spec says: `.` is the innermost value; the first part of a
/// name is looked up from the innermost map of the context stack outwards, and the other parts
/// only inside what it found (`{{a.b}}` never finds another `b`).
struct TemplateRenderer {
    /// Sections, partials and blocks open at once while rendering. Parsing bounds a template's own
    /// nesting; this bounds partials that include each other, which would otherwise recurse until
    /// the stack overflows (the theme's loader refuses such cycles, the engine must not crash).
    static let maximumDepth = 2 * TemplateRules.maximumNesting

    let templates: [String: [TemplateNode]]
    let escaping: TextEscaping
    private(set) var out: [UInt8] = []
    private var stack: [TemplateValue]
    /// What each line written now starts with: the indentation of the standalone partials open.
    private var indentation: [UInt8] = []
    /// Blocks overridden by the parents open now; the outermost caller's override wins.
    private var overrides: [String: [TemplateNode]] = [:]
    /// Whether the last byte written ended a line, so the next one is indented.
    private var atLineStart = true
    private var depth = 0

    init(templates: [String: [TemplateNode]], escaping: TextEscaping, value: TemplateValue) {
        self.templates = templates
        self.escaping = escaping
        stack = [value]
    }

    mutating func render(_ nodes: [TemplateNode]) throws {
        for node in nodes {
            switch node {
            case .text(let bytes):
                let start = out.count
                out.append(contentsOf: bytes)
                wrote(from: start)
            case .value(let name, let escaped):
                guard let value = lookup(name) else { continue }
                let start = out.count
                escaping.write(value, escaped: escaped, into: &out)
                wrote(from: start)
            case .section(let name, let body):
                guard let value = lookup(name), value.isTruthy else { continue }
                try enter()
                switch value {
                case .list(let items):
                    for item in items {
                        stack.append(item)
                        try render(body)
                        stack.removeLast()
                    }
                case .bool:
                    // As swift-mustache: `true` opens the section without becoming the current value.
                    try render(body)
                default:
                    stack.append(value)
                    try render(body)
                    stack.removeLast()
                }
                depth -= 1
            case .inverted(let name, let body):
                let value = lookup(name)
                guard value?.isTruthy != true else { continue }
                try enter()
                // As swift-mustache: an empty list becomes the current value (`{{.}}` writes nothing).
                if case .list? = value {
                    stack.append(.list([]))
                    try render(body)
                    stack.removeLast()
                } else {
                    try render(body)
                }
                depth -= 1
            case .partial(let name, let indent, let passed):
                // A missing partial writes nothing, as the spec says; `Theme` names it at load.
                guard let partial = templates[name] else { continue }
                let saved = (indentation, overrides)
                indentation += indent
                overrides.merge(passed) { outer, _ in outer }
                try enter()
                try render(partial)
                depth -= 1
                (indentation, overrides) = saved
            case .block(let name, let fallback, let indent, let indentsDefault):
                let saved = indentation
                let override = overrides[name]
                if override != nil || indentsDefault { indentation += indent }
                try enter()
                try render(override ?? fallback)
                depth -= 1
                indentation = saved
            }
        }
    }

    /// Indents what was written from `start` when it begins a line.
    private mutating func wrote(from start: Int) {
        guard out.count > start else { return }
        if atLineStart, !indentation.isEmpty { out.insert(contentsOf: indentation, at: start) }
        atLineStart = out[out.count - 1] == UInt8(ascii: "\n")
    }

    private mutating func enter() throws {
        depth += 1
        guard depth <= Self.maximumDepth else {
            throw TemplateError(message: "partials and sections are nested more than \(Self.maximumDepth) deep: does a partial include itself?",
                line: 0, column: 0)
        }
    }

    func lookup(_ name: TemplateName) -> TemplateValue? {
        guard let first = name.parts.first else { return stack.last }
        for frame in stack.reversed() {
            guard case .map(let map) = frame, var value = map[first] else { continue }
            for part in name.parts.dropFirst() {
                guard case .map(let inner) = value, let next = inner[part] else { return nil }
                value = next
            }
            return value
        }
        return nil
    }
}
