// CYaml is Yams' copy of libyaml. It is not a product of the Yams package, but SwiftPM makes the module
// of a dependency's C target visible to its dependents, and its symbols are linked in with Yams.
import CYaml

/// Refuses YAML that Yams must never compose: anchors, aliases and tags, and collections nested too deep.
///
/// An alias repeats a whole value, so a few lines (`b: &b [*a,*a,…]`, nine levels) expand to billions
/// of nodes, and Yams composes an alias used as a mapping key very slowly. Front matter and `site.yml`
/// have no need for either, so they are refused outright. libyaml's scanner runs first: it reads the
/// text once, in time linear in its length, and knows where a token starts, so `title: "Q&A"`,
/// `title: Q&A with *stars*`, block scalars and comments are text, as they are to Yams.
enum YAMLShapeCheck {
    /// Deeper than any front matter needs, far below libyaml's own limit (whose message names a C function).
    static let maximumDepth = 32

    /// The first problem found, with its line and column in `text` (counted from 1), or nil.
    static func problem(in text: String) -> (line: Int, column: Int, message: String, hint: String)? {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return nil }
        defer { yaml_parser_delete(&parser) }
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { buffer in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            var depth = 0
            while true {
                var token = yaml_token_t()
                // A scanning error is left to Yams, which stops at the same place and reports it.
                guard yaml_parser_scan(&parser, &token) == 1 else { return nil }
                defer { yaml_token_delete(&token) }
                let line = Int(token.start_mark.line) + 1
                let column = Int(token.start_mark.column) + 1
                switch token.type {
                case YAML_STREAM_END_TOKEN:
                    return nil
                case YAML_ANCHOR_TOKEN:
                    let name = Excerpt.short(String(cString: token.data.anchor.value))
                    return (line, column, "`&\(name)` is a YAML anchor, which Broadside does not accept",
                        "write the value out in full; text that starts with & must be in double quotes")
                case YAML_TAG_TOKEN:
                    // `title: !important news` would silently be the title "news".
                    let handle = token.data.tag.handle.map { String(cString: $0) } ?? ""
                    let suffix = token.data.tag.suffix.map { String(cString: $0) } ?? ""
                    return (line, column, "`\(Excerpt.short(handle + suffix))` is a YAML tag, which Broadside does not accept",
                        "text that starts with ! must be in double quotes, as in title: \"!Urgent: vigil tonight\"")
                case YAML_ALIAS_TOKEN:
                    let name = Excerpt.short(String(cString: token.data.alias.value))
                    return (line, column, "`*\(name)` is a YAML alias, which Broadside does not accept",
                        "write the value out in full; text that starts with * must be in double quotes")
                case YAML_BLOCK_SEQUENCE_START_TOKEN, YAML_BLOCK_MAPPING_START_TOKEN,
                    YAML_FLOW_SEQUENCE_START_TOKEN, YAML_FLOW_MAPPING_START_TOKEN:
                    depth += 1
                    if depth > maximumDepth {
                        return (line, column, "lists and maps are nested more than \(maximumDepth) levels deep here",
                            "nest fewer lists and maps inside each other")
                    }
                case YAML_BLOCK_END_TOKEN, YAML_FLOW_SEQUENCE_END_TOKEN, YAML_FLOW_MAPPING_END_TOKEN:
                    depth = max(0, depth - 1)
                default:
                    break
                }
            }
        }
    }
}
