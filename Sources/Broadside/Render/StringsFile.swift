import Yams

/// One `i18n/LANG.yml` as read: its texts with where each key stands, and its month names.
/// Groups (`kind:` then `  qa: "Q&A"`) become dotted keys (`kind.qa`).
struct StringsFile {
    struct Entry {
        var text: String
        var line: Int?
        var column: Int?
    }

    /// Relative to the site folder, for messages.
    var file: String
    var entries: [String: Entry] = [:]
    var months: [String]?
    /// Where the map starts: where a missing key is reported.
    var line: Int?
    var column: Int?
    /// False when the file could not be read as a map: its missing keys would be noise.
    var isWhole = true

    /// Every key the file sets, a wrong value included, so a key written wrong is not also reported missing.
    var keys: Set<String> = []

    static func parse(_ text: String, file: String) -> (StringsFile, [Diagnostic]) {
        var strings = StringsFile(file: file)
        var diagnostics: [Diagnostic] = []
        switch YAMLDocument.parse(text, file: file, lineOffset: 0) {
        case .failure(let diagnostic):
            strings.isWhole = false
            diagnostics.append(diagnostic)
        case .success(nil):
            break
        case .success(let root?):
            strings.line = root.line
            strings.column = root.column
            guard let mapping = root.mapping else {
                strings.isWhole = false
                diagnostics.append(.error(file, line: root.line, column: root.column,
                    "this file must be a map of `key: text` lines",
                    hint: "for example read_more: \"Read more\"; see the built-in theme's i18n/en.yml (broadside theme eject writes a copy)"))
                break
            }
            strings.read(mapping, prefix: "", diagnostics: &diagnostics)
        }
        return (strings, diagnostics)
    }

    private mutating func read(_ mapping: Node.Mapping, prefix: String, diagnostics: inout [Diagnostic]) {
        for (keyNode, value) in mapping {
            let name = keyNode.text ?? ""
            guard StringKeys.isKeyName(name) else {
                diagnostics.append(.error(file, line: keyNode.line, column: keyNode.column,
                    "`\(Excerpt.short(name))` cannot be a key: keys are made of letters, digits, - and _",
                    hint: name.contains(".")
                        ? "write a group instead of dots: `kind:` on one line, then `  qa: \"Q&A\"` indented below it"
                        : "rename it with letters, digits, - and _ only, such as read_more"))
                continue
            }
            let key = prefix.isEmpty ? name : "\(prefix).\(name)"
            if value.mapping == nil || key == StringKeys.months { keys.insert(key) }
            if key == StringKeys.months {
                months = readMonths(value, diagnostics: &diagnostics)
                continue
            }
            switch value {
            case .mapping(let group):
                read(group, prefix: key, diagnostics: &diagnostics)
            case .scalar:
                let text = value.text ?? ""
                diagnostics += problems(in: text, of: key, at: value)
                entries[key] = Entry(text: text, line: value.line, column: value.column)
            default:
                diagnostics.append(.error(file, line: value.line, column: value.column,
                    "`\(key)` must be text, not a list",
                    hint: "write one text, in double quotes if it holds `: ` or starts with [ { & *: \(name): \"…\""))
            }
        }
    }

    private func problems(in text: String, of key: String, at node: Node) -> [Diagnostic] {
        let allowed = StringKeys.placeholders(of: key)
        var seen: Set<String> = []
        return Placeholders.names(in: text).filter { !allowed.contains($0) && seen.insert($0).inserted }.map { name in
            .error(file, line: node.line, column: node.column, "`{\(name)}` is not a placeholder `\(key)` can hold",
                hint: allowed.isEmpty
                    ? "`\(key)` takes no placeholders: write the text without {\(name)}"
                    : "`\(key)` can hold \(allowed.map { "{\($0)}" }.joined(separator: ", "))")
        }
    }

    private static let monthsHint = "months: [January, February, March, April, May, June, July, August, September, October, November, December]"

    private func readMonths(_ value: Node, diagnostics: inout [Diagnostic]) -> [String]? {
        guard let list = value.sequence else {
            diagnostics.append(.error(file, line: value.line, column: value.column,
                "`months` must be a list of the 12 month names, January first", hint: Self.monthsHint))
            return nil
        }
        guard list.count == 12 else {
            diagnostics.append(.error(file, line: value.line, column: value.column,
                "`months` has \(list.count) \(list.count == 1 ? "name" : "names"), not 12", hint: Self.monthsHint))
            return nil
        }
        var names: [String] = []
        for item in list {
            guard let name = item.text else {
                diagnostics.append(.error(file, line: item.line, column: item.column,
                    "a month name must be text, not a list or map", hint: Self.monthsHint))
                return nil
            }
            names.append(name)
        }
        return names
    }
}
