import Foundation
import Yams

/// Reads the YAML of a post's blocks into `Block`s, or says what is wrong at the line of the
/// post's file where it is: a block's lines are counted from its fence, after the front matter.
struct BlockParser {
    var file: String
    /// Lines of the file before the body (`FrontMatter.bodyLineOffset`).
    var bodyLineOffset: Int
    var unsafe: Bool
    var rootPath: String
    var timeZone: TimeZone

    /// The blocks, the links in them (at the line of their field, for the link check) and what is wrong.
    func parse(_ sources: [BlockSource]) -> ([Block], [PostLink], [Diagnostic]) {
        var blocks: [Block] = []
        var links: [PostLink] = []
        var diagnostics: [Diagnostic] = []
        for source in sources {
            let (block, found) = parse(source, links: &links)
            diagnostics += found
            if let block { blocks.append(block) }
        }
        return (blocks, links, diagnostics)
    }

    private func parse(_ source: BlockSource, links: inout [PostLink]) -> (Block?, [Diagnostic]) {
        let name = source.name
        let fenceLine = bodyLineOffset + source.line
        // A fence indented in a list or quote has its lines' indentation taken away by cmark.
        let indent = source.column - 1
        var diagnostics: [Diagnostic] = []
        let example = Self.example(name)
        let root: Node?
        switch YAMLDocument.parse(source.yaml, file: file, lineOffset: fenceLine) {
        case .failure(let diagnostic):
            var diagnostic = diagnostic
            diagnostic.column = diagnostic.column.map { $0 + indent }
            return (nil, [diagnostic])
        case .success(let node): root = node
        }
        func fail(_ node: Node?, _ message: String, hint: String) {
            diagnostics.append(.error(file, line: node?.line.map { $0 + fenceLine } ?? fenceLine,
                column: node?.column.map { $0 + indent } ?? source.column, message, hint: hint))
        }
        var pairs: [(key: Node, value: Node)] = []
        if let root {
            guard let mapping = root.mapping else {
                fail(root, "the \(name.rawValue) block must hold `field: value` lines", hint: "for example \(example)")
                return (nil, diagnostics)
            }
            pairs = mapping.map { ($0.key, $0.value) }
        }
        var values: [String: (text: String, node: Node)] = [:]
        for (key, value) in pairs {
            let field = key.text ?? ""
            guard name.fields.contains(field) else {
                fail(key, "a\(name == .action ? "n" : "") \(name.rawValue) block has no field `\(field)`",
                    hint: "its fields are \(name.fields.joined(separator: ", "))")
                continue
            }
            guard let text = value.text else {
                fail(value, "`\(field)` must be a single value, not a list or map", hint: "write it on one line after `\(field): `, in double quotes")
                continue
            }
            values[field] = (text.trimmed, value)
        }
        for field in name.required where values[field]?.text.isEmpty ?? true {
            fail(values[field]?.node, "the \(name.rawValue) block has no `\(field)`", hint: "add a line such as \(Self.example(field))")
        }
        func url(_ field: String) -> String? {
            guard let (text, node) = values[field], !text.isEmpty else { return nil }
            if let problem = URLPolicy.problem(with: text) {
                fail(node, "`\(field)` cannot be a link: \(problem)", hint: "use an http or https URL, or a path on this site such as /posts/day-2/")
                return nil
            }
            links.append(PostLink(url: text, kind: .link, line: node.line.map { $0 + fenceLine } ?? fenceLine,
                column: node.column.map { $0 + indent } ?? source.column))
            if rootPath != "/", let rest = Markdown.rootRelativePath(text) { return rootPath + rest }
            return text
        }
        func optional(_ field: String) -> String? { values[field].flatMap { $0.text.isEmpty ? nil : $0.text } }

        let fields: Block.Fields
        switch name {
        case .action:
            let phone = optional("phone")
            if let phone, let node = values["phone"]?.node,
                !phone.allSatisfy({ $0.isASCII && ($0.isNumber || " +-().".contains($0)) }) || !phone.contains(where: \.isNumber)
            {
                fail(node, "`phone` must be a phone number: digits, spaces, +, -, (, ) and . only",
                    hint: "for example phone: \"+1 (202) 555-0143\"; put words such as the office's name in `text`")
            }
            let link = url("url")
            if values["url"] == nil && phone == nil {
                fail(nil, "the action block has no `url` or `phone`", hint: "add a line such as url: \"https://example.org/sign\" or phone: \"(202) 555-0143\"")
            }
            fields = .action(.init(title: values["title"]?.text ?? "", url: link, phone: phone, button: optional("button"), text: optional("text")))
        case .stat:
            var asOf: PostDate?
            if let (text, node) = values["as_of"] {
                asOf = PostDate.parse(text, timeZone: timeZone)
                if asOf == nil {
                    fail(node, "`as_of` is not a date: \"\(text)\"", hint: "write the date as 2022-07-11")
                }
            }
            let source = optional("source")
            if source == nil, let node = values["source_url"]?.node {
                fail(node, "`source_url` needs a `source`, the name readers see as the link",
                    hint: "add a line such as source: \"TRAC Immigration\"")
            }
            fields = .stat(.init(figure: values["figure"]?.text ?? "", label: values["label"]?.text ?? "", asOf: asOf,
                source: source, sourceURL: url("source_url")))
        case .callout:
            var html = ""
            if let (text, node) = values["text"] {
                let rendered = Markdown.render(text, unsafe: unsafe, rootPath: rootPath, nested: true)
                // YAML may have folded the text's lines: each link is placed at the field.
                links += rendered.links.map { link in
                    var link = link
                    link.line = node.line.map { $0 + fenceLine } ?? fenceLine
                    link.column = node.column.map { $0 + indent } ?? source.column
                    return link
                }
                html = rendered.html
                if html.hasSuffix("\n") { html.removeLast() }
                // The note's line is within the text, which YAML may have folded: name the field.
                for note in rendered.notes {
                    diagnostics.append(.warning(file, line: node.line.map { $0 + fenceLine }, column: node.column.map { $0 + indent },
                        "in `text`: " + note.message, hint: note.hint))
                }
            }
            fields = .callout(.init(title: optional("title"), html: html))
        }
        guard !diagnostics.hasErrors else { return (nil, diagnostics) }
        return (Block(fields: fields, marker: source.marker, line: fenceLine, column: source.column), diagnostics)
    }

    private static func example(_ name: Block.Name) -> String {
        switch name {
        case .action: "title: \"Call your representative\" and phone: \"(202) 555-0143\""
        case .stat: "figure: \"23,753\" and label: \"people held in detention\""
        case .callout: "text: \"Bring your ID and your hearing notice.\""
        }
    }

    private static func example(_ field: String) -> String {
        switch field {
        case "title": "title: \"Call your representative\""
        case "figure": "figure: \"23,753\""
        case "label": "label: \"people held in detention\""
        default: "text: \"Bring your ID and your hearing notice.\""
        }
    }
}
