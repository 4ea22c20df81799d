import Foundation

/// Diagnostics as an editor reads them: errors before warnings, each with the line it is
/// about quoted and a caret under the column, so the mistake is seen, not only located.
///
///     error: content/posts/a.md:3:7: the kind "dispach" does not exist
///        |
///      3 | kind: dispach
///        |       ^
///       hint: did you mean "dispatch"?
public struct DiagnosticText {
    /// Reads a diagnostic's file (a path relative to the site folder, or absolute).
    public typealias Reader = @Sendable (String) -> Data?

    private let read: Reader
    private let colour: Bool
    private var lines: [String: [ArraySlice<UInt8>]?] = [:]

    /// `source` is the site folder the diagnostics' paths are relative to; `colour` adds ANSI
    /// colours, for a terminal only.
    public init(source: URL, colour: Bool) {
        self.init(colour: colour) { path in
            let url = path.hasPrefix("/") ? URL(fileURLWithPath: path) : source.appendingPathComponent(path)
            // A quoted line is a courtesy: never read a file that is not a small regular file.
            guard let attributes = try? FileManager.default.attributesOfItem(atPath: url.path),
                  attributes[.type] as? FileAttributeType == .typeRegular,
                  (attributes[.size] as? NSNumber)?.intValue ?? .max <= 8 << 20 else { return nil }
            return try? FileBytes.read(url.path, limit: 8 << 20).get()
        }
    }

    public init(colour: Bool, read: @escaping Reader) {
        self.read = read
        self.colour = colour
    }

    /// Every diagnostic, errors first (each group in the order found), separated by blank lines.
    public mutating func render(_ diagnostics: [Diagnostic]) -> String {
        let ordered = diagnostics.filter { $0.severity == .error } + diagnostics.filter { $0.severity == .warning }
        var out = ""
        for (index, diagnostic) in ordered.enumerated() {
            if index > 0 { out += "\n" }
            out += render(diagnostic)
        }
        return out
    }

    /// One diagnostic, ending with a newline.
    public mutating func render(_ diagnostic: Diagnostic) -> String {
        let label = diagnostic.severity == .error ? paint("error", "1;31") : paint("warning", "1;33")
        var text = label + ": "
        if let location = diagnostic.location { text += paint(location, "1") + ": " }
        text += diagnostic.message + "\n"
        if let file = diagnostic.file, let line = diagnostic.line, let quoted = sourceLine(file, line) {
            text += quote(quoted, line: line, column: diagnostic.column)
        }
        if let hint = diagnostic.hint { text += "  " + paint("hint", "1;36") + ": \(hint)\n" }
        return text
    }

    /// `2 errors and 1 warning`, or nil when there is nothing.
    public static func count(_ diagnostics: [Diagnostic]) -> String? {
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.count - errors
        var parts: [String] = []
        if errors > 0 { parts.append(errors == 1 ? "1 error" : "\(errors) errors") }
        if warnings > 0 { parts.append(warnings == 1 ? "1 warning" : "\(warnings) warnings") }
        return parts.isEmpty ? nil : parts.joined(separator: " and ")
    }

    private func paint(_ text: String, _ code: String) -> String {
        colour ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    private func quote(_ text: Substring, line: Int, column: Int?) -> String {
        let number = String(line)
        let gutter = String(repeating: " ", count: number.count + 1)
        let bar = paint("|", "1;34")
        var out = "\(gutter)\(bar)\n"
        out += paint(" \(number) ", "1;34") + "\(bar) \(printable(text))\n"
        if let column, column >= 1 {
            // Columns count Unicode scalars, as libyaml and cmark do; tabs stay tabs so the caret lines up.
            var pad = ""
            for scalar in text.unicodeScalars.prefix(column - 1) {
                pad.append(scalar == "\t" ? "\t" : " ")
            }
            out += "\(gutter)\(bar) \(pad)\(paint("^", "1;31"))\n"
        } else {
            out += "\(gutter)\(bar)\n"
        }
        return out
    }

    /// Control characters of the quoted line (other than tab) shown as U+FFFD: an editor's
    /// terminal must never be driven by a file's bytes.
    private func printable(_ text: Substring) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            let value = scalar.value
            out.append(value == 9 || (value >= 0x20 && value != 0x7F && !(0x80...0x9F).contains(value)) ? scalar : "\u{FFFD}")
        }
        return String(out)
    }

    /// Line `number` of `file`, without its line end (`\n` or `\r\n`), cut to 200 scalars.
    private mutating func sourceLine(_ file: String, _ number: Int) -> Substring? {
        if lines[file] == nil {
            // Split on bytes: as Characters, "\r\n" is one and would never equal "\n".
            lines[file] = .some(read(file).map { [UInt8]($0).split(separator: 0x0A, omittingEmptySubsequences: false) })
        }
        guard let all = lines[file] ?? nil, number >= 1, number <= all.count else { return nil }
        var bytes = all[number - 1]
        if bytes.last == 0x0D { bytes = bytes.dropLast() }
        var line = Substring(String(decoding: bytes, as: UTF8.self))
        if line.unicodeScalars.count > 200 {
            line = Substring(String(String.UnicodeScalarView(line.unicodeScalars.prefix(200))) + "…")
        }
        return line
    }
}
