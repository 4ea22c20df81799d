import CYaml
import Yams

/// libyaml says where it gave up, in its own words ("while parsing a block mapping: did not find
/// expected key"); an editor needs where the mistake is and what to type. These are the mistakes
/// editors make in front matter, found from libyaml's error and the text, at the place they start.
enum YAMLMistakes {
    struct Explanation: Equatable {
        /// In the YAML text, from 1; columns in Unicode scalars, as libyaml counts.
        var line: Int
        var column: Int
        var message: String
        var hint: String
    }

    static func explain(problem: String, context: YamlError.Context?, mark: Mark?, in text: String) -> Explanation? {
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map { Array($0.unicodeScalars) }
        func scalar(_ line: Int, _ column: Int) -> Unicode.Scalar? {
            guard line >= 1, line <= lines.count, column >= 1, column <= lines[line - 1].count else { return nil }
            return lines[line - 1][column - 1]
        }
        if let tab = tabIndentation(at: mark, context: context, lines: lines) { return tab }
        // The value ran to the end of the front matter: libyaml's context mark is where its quote opens.
        if context?.text == "while scanning a quoted scalar", let start = context?.mark,
            let quote = scalar(start.line, start.column)
        {
            return Explanation(line: start.line, column: start.column,
                message: "the quote \(quote) that opens here is never closed",
                hint: "end the value with \(quote) on the same line, for example title: \(quote)Day 1: Pack the court\(quote)")
        }
        guard let mark else { return nil }
        if let start = multiLineQuote(before: mark, in: text) {
            let quote = scalar(start.line, start.column) ?? "\"" as Unicode.Scalar
            return Explanation(line: start.line, column: start.column,
                message: "the quote \(quote) that opens here is not closed on its line, so the lines after it are read as part of the value",
                hint: "end the value with \(quote) on the same line, for example title: \(quote)Day 1: Pack the court\(quote)")
        }
        let line = mark.line >= 1 && mark.line <= lines.count ? String(String.UnicodeScalarView(lines[mark.line - 1])) : ""
        // `title: "C:\Users\me"`: a backslash in double quotes starts an escape.
        if context?.text == "while parsing a quoted scalar",
           problem.hasSuffix("found unknown escape character") || problem.hasSuffix("did not find expected hexdecimal number"),
           let slash = line.unicodeScalars.prefix(max(0, mark.column)).lastIndex(of: "\\")
        {
            let column = line.unicodeScalars.distance(from: line.unicodeScalars.startIndex, to: slash) + 1
            let escape = String(String.UnicodeScalarView(line.unicodeScalars[slash...].prefix(2)))
            return Explanation(line: mark.line, column: column,
                message: "inside double quotes a backslash starts an escape such as \\n, and `\(escape)` is not one",
                hint: "write each backslash twice (\\\\), or put the value in single quotes, where a backslash is only a backslash")
        }
        // `title: - dash`: `- ` starts a list item.
        if problem.hasSuffix("block sequence entries are not allowed in this context") {
            return Explanation(line: mark.line, column: mark.column,
                message: "a value cannot start with `- ` in YAML unless it is in quotes",
                hint: "put the value in double quotes: \(quotedSuggestion(line, from: mark.column))")
        }
        // `title: Cuts: What's next`: the second `: ` starts a key inside a value.
        if problem.hasSuffix("mapping values are not allowed in this context"),
           line.first == " ", !line.unicodeScalars.prefix(max(0, mark.column - 1)).contains(":")
        {
            // `  extra: x` under `title: Hi`: a key indented under a value that is text.
            return Explanation(line: mark.line, column: line.unicodeScalars.prefix { $0 == " " }.count + 1,
                message: "this line is indented more than the key above it, so YAML reads it as part of that key's value",
                hint: "start it in the same column as the other keys, or, if it belongs to the line above, join the two lines")
        }
        if problem.hasSuffix("mapping values are not allowed in this context") {
            return Explanation(line: mark.line, column: mark.column,
                message: "this `:` inside a value that is not in quotes makes YAML read the rest as another key",
                hint: "put the value in double quotes: \(quotedSuggestion(line, from: nil))")
        }
        // `title: 'It's here'`: the value ended at the apostrophe, and `s here'` follows it.
        if let before = scalar(mark.line, mark.column - 1), before == "'" || before == "\"",
            let after = scalar(mark.line, mark.column), !after.properties.isWhitespace
        {
            let written = String(String.UnicodeScalarView(lines[mark.line - 1]))
            let value = quotedValue(in: written, quote: Character(before))
            if before == "'" {
                return Explanation(line: mark.line, column: mark.column - 1,
                    message: "the value in single quotes ends at this apostrophe, and YAML cannot read the rest of the line",
                    hint: "write the value in double quotes, \"\(value)\", or double each apostrophe inside: '\(value.replacingOccurrences(of: "'", with: "''"))'")
            }
            return Explanation(line: mark.line, column: mark.column - 1,
                message: "the value in double quotes ends at this quote, and YAML cannot read the rest of the line",
                hint: "write the value in single quotes, '\(value)', or put a backslash before each quote inside: \"\(value.replacingOccurrences(of: "\"", with: "\\\""))\"")
        }
        // `tags: [Detention, Legal Aid` or `title: [Update] Vigil`: libyaml's context mark is the bracket.
        if let start = context?.mark, let open = scalar(start.line, start.column), open == "[" || open == "{",
           context?.text == "while parsing a flow sequence" || context?.text == "while parsing a flow mapping"
        {
            let (what, close) = open == "[" ? ("list", "]") : ("map", "}")
            return Explanation(line: start.line, column: start.column,
                message: "the \(what) that opens with \(open) here is not closed where YAML expects",
                hint: "close it with \(close) on the same line\(open == "[" ? ", as in tags: [\"Detention\", \"Legal Aid\"]" : ""); "
                    + "text that starts with \(open), such as \(open)Update\(close) Vigil tonight, must be in double quotes")
        }
        // `title: @handle`, `` title: `code` ``: characters YAML keeps for itself.
        if problem.hasSuffix("found character that cannot start any token"), let found = scalar(mark.line, mark.column) {
            return Explanation(line: mark.line, column: mark.column,
                message: "a value cannot start with \(found) in YAML unless it is in quotes",
                hint: "put the value in double quotes: \(quotedSuggestion(line, from: mark.column))")
        }
        if problem.hasSuffix("could not find expected ':'") {
            return Explanation(line: mark.line, column: mark.column,
                message: "YAML expected a `key: value` line here",
                hint: "write each setting as key: value on a line of its own; the lines of a value written over several lines must be indented under its key")
        }
        // `title: [Update] Vigil`: the value was read as a list, and text follows its `]`.
        if problem.hasSuffix("did not find expected key"), let colon = line.range(of: ": "),
           let start = line[colon.upperBound...].firstIndex(where: { $0 != " " }), line[start] == "[" || line[start] == "{"
        {
            let first = line[start]
            return Explanation(line: mark.line, column: line[..<start].unicodeScalars.count + 1,
                message: "a value that starts with \(first) is read as a \(first == "[" ? "list" : "map"), and the text after it is left over",
                hint: "put the value in double quotes: \(quotedSuggestion(line, from: nil))")
        }
        if problem.hasSuffix("did not find expected key") {
            return Explanation(line: mark.line, column: mark.column,
                message: "YAML expected a new `key:` line here",
                hint: "check that the keys of one map start in the same column, and that the line above is complete")
        }
        return nil
    }

    /// Tabs cannot indent YAML; libyaml says so in three ways, depending on what follows the tab.
    private static func tabIndentation(at mark: Mark?, context: YamlError.Context?, lines: [[Unicode.Scalar]]) -> Explanation? {
        for line in [mark?.line, context?.mark.line].compactMap({ $0 }) where line >= 1 && line <= lines.count {
            let indentation = lines[line - 1].prefix { $0 == " " || $0 == "\t" }
            if let tab = indentation.firstIndex(of: "\t") {
                return Explanation(line: line, column: tab + 1,
                    message: "this line is indented with a tab, which YAML does not allow",
                    hint: "indent with spaces only: replace the tab at the start of the line with two spaces")
            }
        }
        return nil
    }

    /// `title: "Cuts: What's next"` from `title: Cuts: What's next`: the line's first key with the
    /// rest of the line in double quotes (from `column` when given, else after the first `: `).
    private static func quotedSuggestion(_ line: String, from column: Int?) -> String {
        let indentation = line.prefix { $0 == " " }
        let trimmed = line.dropFirst(indentation.count)
        guard let colon = trimmed.range(of: ": ") else { return "title: \"Budget cuts: what comes next\"" }
        let key = trimmed[..<colon.lowerBound]
        var value = trimmed[colon.upperBound...]
        if let column, column - 1 > line.unicodeScalars.count - value.unicodeScalars.count {
            value = Substring(String(String.UnicodeScalarView(line.unicodeScalars.dropFirst(column - 1))))
        }
        // `title: “Day 1: Pack”`: the curly quotes were meant as the quotes YAML needs, not as part of the title.
        let meant = PostMistakes.insideCurlyQuotes(value.trimmed) ?? value.trimmed
        let escaped = Excerpt.short(meant).replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        return "\(key): \"\(escaped)\""
    }

    /// `It's here` from `title: 'It's here'`: from the first quote to the last on the line.
    private static func quotedValue(in line: String, quote: Character) -> String {
        guard let first = line.firstIndex(of: quote), let last = line.lastIndex(of: quote), first < last else {
            return Excerpt.short(line.trimmed)
        }
        return Excerpt.short(String(line[line.index(after: first)..<last]))
    }

    /// Where the quoted value that ends just before `mark` opens, when it spans lines: an unclosed
    /// quote swallows the next lines up to the next quote, and libyaml only fails after that.
    private static func multiLineQuote(before mark: Mark, in text: String) -> (line: Int, column: Int)? {
        typealias Mark = (line: Int, column: Int)
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return nil }
        defer { yaml_parser_delete(&parser) }
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { buffer -> Mark? in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            var lastQuoted: (start: Mark, end: Mark)?
            while true {
                var token = yaml_token_t()
                guard yaml_parser_scan(&parser, &token) == 1 else { break }
                defer { yaml_token_delete(&token) }
                let start = (line: Int(token.start_mark.line) + 1, column: Int(token.start_mark.column) + 1)
                if token.type == YAML_STREAM_END_TOKEN || start.line > mark.line
                    || (start.line == mark.line && start.column >= mark.column)
                {
                    break
                }
                if token.type == YAML_SCALAR_TOKEN {
                    let style = token.data.scalar.style
                    let quoted = style == YAML_SINGLE_QUOTED_SCALAR_STYLE || style == YAML_DOUBLE_QUOTED_SCALAR_STYLE
                    lastQuoted = quoted ? (start, (line: Int(token.end_mark.line) + 1, column: Int(token.end_mark.column) + 1)) : nil
                }
            }
            guard let lastQuoted, lastQuoted.start.line < lastQuoted.end.line, lastQuoted.end.line == mark.line else { return nil }
            return lastQuoted.start
        }
    }
}
