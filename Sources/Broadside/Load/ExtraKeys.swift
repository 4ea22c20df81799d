import Yams

/// Front-matter keys Broadside does not know reach templates as `params`; a theme may put
/// them anywhere, an `href` included. So whatever their name, they are held to two rules.
enum ExtraKeys {
    /// Problems in the value of the extra key `key`, and in the maps and lists inside it.
    static func check(key: Node, value: Node, file: String) -> [Diagnostic] {
        var found: [Diagnostic] = []
        func reserved(_ keyNode: Node, path: String) {
            guard let name = keyNode.text, TemplateRules.htmlValues.contains(name) else { return }
            found.append(.warning(file, line: keyNode.line.map { $0 + 1 }, column: keyNode.column,
                "`\(path)` is left out: `\(name)` is the name of HTML that Broadside makes, so templates never see this key",
                hint: "give the key another name"))
        }
        func visit(_ node: Node, path: String) {
            switch node {
            case .scalar(let scalar):
                // A value that is a `javascript:` URL is refused whatever its key's name: a theme
                // may use `{{params.link}}` as an href, where escaping does not help.
                if let scheme = URLPolicy.dangerousScheme(in: scalar.string) {
                    found.append(.error(file, line: node.line.map { $0 + 1 }, column: node.column,
                        "`\(path)` is a \(scheme): URL, which would run in a reader's browser or read their files",
                        hint: "use an http, https, mailto: or tel: URL, or a path on this site"))
                }
            case .sequence(let sequence):
                for (index, item) in sequence.enumerated() { visit(item, path: "\(path)[\(index + 1)]") }
            case .mapping(let mapping):
                for (keyNode, item) in mapping {
                    let path = "\(path).\(keyNode.text ?? "")"
                    reserved(keyNode, path: path)
                    visit(item, path: path)
                }
            case .alias:
                break
            }
        }
        let name = key.text ?? ""
        reserved(key, path: name)
        visit(value, path: name)
        return found
    }
}
