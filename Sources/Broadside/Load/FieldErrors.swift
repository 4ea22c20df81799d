import Yams

/// How every reader of front-matter fields reports a value: at the value's own line and column
/// in the post's file (front matter starts on the file's second line), and with one wording for
/// a list or map where a single value belongs.
struct FieldErrors {
    var file: String

    func error(at node: Node, _ message: String, hint: String) -> Diagnostic {
        .error(file, line: node.line.map { $0 + 1 }, column: node.column, message, hint: hint)
    }

    /// The text of `fields[key]`; an error when it is a list or map.
    func text(_ key: String, in fields: [String: Node], hint: String, diagnostics: inout [Diagnostic]) -> String? {
        guard let node = fields[key] else { return nil }
        guard let value = node.text else {
            diagnostics.append(error(at: node, "`\(key)` must be a single value, not a list or map", hint: hint))
            return nil
        }
        return value
    }
}
