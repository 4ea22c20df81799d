import Yams

/// YAML parsed to nodes, never to typed values: `title: Yes` stays the text "Yes",
/// `date:` keeps the offset the editor wrote, and every value keeps its line and column.
enum YAMLDocument {
    /// Parses `text`; `lineOffset` is the number of lines of the file before it
    /// (1 for front matter, which starts after the opening `---`).
    static func parse(_ text: String, file: String, lineOffset: Int) -> Result<Node?, Diagnostic> {
        if let problem = YAMLShapeCheck.problem(in: text) {
            return .failure(.error(file, line: problem.line + lineOffset, column: problem.column,
                problem.message, hint: problem.hint))
        }
        do {
            // The basic resolver leaves every scalar as text: no regular expressions run to guess
            // booleans, numbers or dates, which Broadside reads itself (and which cost as much as cmark).
            return .success(try Yams.compose(yaml: text, .basic, .default, .utf8))
        } catch YamlError.duplicatedKeysInMapping(let keys, let context) {
            // Yams names the keys but not where they repeat: find the second line that sets the first one.
            let key = keys.sorted().first ?? ""
            let setting = text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().filter {
                $0.element.drop(while: { $0 == " " }).hasPrefix(key + ":")
            }
            let line = setting.count > 1 ? setting[1].offset + 1 : context.mark.line
            let column = setting.count > 1 ? setting[1].element.prefix(while: { $0 == " " }).count + 1 : context.mark.column
            return .failure(.error(file, line: line + lineOffset, column: column,
                "`\(key)` is set twice", hint: "keep one `\(key):` line"))
        } catch let error as YamlError {
            return .failure(diagnostic(for: error, file: file, lineOffset: lineOffset))
        } catch {
            return .failure(.error(file, "\(error)"))
        }
    }

    private static func diagnostic(for error: YamlError, file: String, lineOffset: Int) -> Diagnostic {
        let problem: String
        let mark: Mark?
        switch error {
        case let .scanner(context, text, m, yaml), let .parser(context, text, m, yaml), let .composer(context, text, m, yaml):
            if let found = YAMLMistakes.explain(problem: text, context: context, mark: m, in: yaml) {
                return .error(file, line: found.line + lineOffset, column: found.column, found.message, hint: found.hint)
            }
            problem = [context?.text, text].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ": ")
            mark = m
        case let .reader(text, _, _, yaml):
            if text.contains("control characters"), let found = ControlCharacters.position(in: yaml) {
                return .error(file, line: found.line + lineOffset, column: found.column,
                    "this line holds the control character \(ControlCharacters.name(found.scalar)), which YAML does not allow",
                    hint: ControlCharacters.fix(found.scalar))
            }
            problem = text
            mark = nil
        default:
            problem = "\(error)"
            mark = nil
        }
        if problem.contains("yaml_set_max_nest_level") {
            // YAMLShapeCheck refuses deep nesting first; this keeps libyaml's wording away from editors regardless.
            return .error(file, line: mark.map { $0.line + lineOffset }, column: mark?.column,
                "lists and maps are nested too deep here", hint: "nest fewer lists and maps inside each other")
        }
        var hint = "check the indentation, and put text that holds `: `, ` #`, quotes or starts with [ { & * ! | > in double quotes"
        if problem.contains("mapping values are not allowed") {
            hint = "a value that contains `: ` must be quoted, for example title: \"Budget cuts: what comes next\""
        } else if problem.contains("found character that cannot start any token") {
            hint = "YAML does not allow tabs for indentation, and text starting with ` @ or % must be quoted"
        }
        return .error(
            file, line: mark.map { $0.line + lineOffset }, column: mark?.column,
            "this is not valid YAML: \(problem)", hint: hint)
    }
}

extension Node {
    /// The text of a scalar as written (quotes removed), whatever type YAML would give it,
    /// less control characters (`"\u0007"`), which are invalid in HTML and would break a feed.
    var text: String? { scalar.map { Escaping.xmlSafe($0.string) } }

    /// A plain (unquoted) scalar: the kind in which ` #` starts a comment.
    var isPlainScalar: Bool { scalar?.style == .plain }

    var line: Int? { mark?.line }
    var column: Int? { mark?.column }
}

/// A YAML value handed to templates as it is: text, list or map.
public enum FrontMatterValue: Sendable, Equatable {
    case text(String)
    case list([FrontMatterValue])
    case map([(key: String, value: FrontMatterValue)])

    init(_ node: Node) {
        switch node {
        case .scalar(let scalar):
            self = .text(scalar.string)
        case .sequence(let sequence):
            self = .list(sequence.map(FrontMatterValue.init))
        case .mapping(let mapping):
            self = .map(mapping.map { (key: $0.key.text ?? "", value: FrontMatterValue($0.value)) })
        case .alias:
            self = .text("")
        }
    }

    public static func == (a: FrontMatterValue, b: FrontMatterValue) -> Bool {
        switch (a, b) {
        case let (.text(x), .text(y)): return x == y
        case let (.list(x), .list(y)): return x == y
        case let (.map(x), .map(y)): return x.map(\.key) == y.map(\.key) && x.map(\.value) == y.map(\.value)
        default: return false
        }
    }
}

/// For `PostCache`: what the value is, then its text, its items, or a map's keys and values in their order.
extension FrontMatterValue: Codable {
    private enum Shape: String, Codable { case text, list, map }

    public init(from decoder: any Decoder) throws {
        var container = try decoder.unkeyedContainer()
        switch try container.decode(Shape.self) {
        case .text: self = .text(try container.decode(String.self))
        case .list: self = .list(try container.decode([FrontMatterValue].self))
        case .map:
            let keys = try container.decode([String].self)
            let values = try container.decode([FrontMatterValue].self)
            guard keys.count == values.count else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "a map's keys and values differ in number")
            }
            self = .map(zip(keys, values).map { (key: $0, value: $1) })
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.unkeyedContainer()
        switch self {
        case .text(let text): try container.encode(Shape.text); try container.encode(text)
        case .list(let list): try container.encode(Shape.list); try container.encode(list)
        case .map(let map):
            try container.encode(Shape.map)
            try container.encode(map.map(\.key))
            try container.encode(map.map(\.value))
        }
    }
}
