/// A parsed template: what the renderer walks. Text is kept as UTF-8 bytes, split after each
/// line break, so the renderer can indent the lines of a standalone partial as it writes them.
indirect enum TemplateNode: Sendable, Equatable {
    case text([UInt8])
    /// `{{name}}` (escaped) or `{{{name}}}` / `{{&name}}`.
    case value(TemplateName, escaped: Bool)
    /// `{{#name}}…{{/name}}`.
    case section(TemplateName, [TemplateNode])
    /// `{{^name}}…{{/name}}`.
    case inverted(TemplateName, [TemplateNode])
    /// `{{> name}}` (no overrides) or `{{< name}}…{{/name}}` (a parent and the blocks it
    /// overrides), with the indentation its lines get.
    case partial(String, indentation: [UInt8], overrides: [String: [TemplateNode]])
    /// `{{$name}}default{{/name}}`: what a caller's override replaces, with the indentation the
    /// replacement's lines get, and whether the default's lines get it too (not when the block's
    /// tag is standalone: its default keeps the indentation it is written with).
    case block(String, [TemplateNode], indentation: [UInt8], indentsDefault: Bool)
}

/// A name as templates write it: `title`, `post.title` (a step into a map per dot), or `.`
/// (the current value), which has no parts.
struct TemplateName: Sendable, Hashable, CustomStringConvertible {
    var parts: [String]

    init(_ text: String) {
        parts = text == "." ? [] : text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
    }

    var description: String { parts.isEmpty ? "." : parts.joined(separator: ".") }
}

/// Why a template cannot be parsed or rendered, with where (lines and columns from 1; the column
/// counts Characters, as editors do). Rendering errors have no place in the text: line 0.
struct TemplateError: Error, Sendable, Equatable, CustomStringConvertible {
    var message: String
    var line: Int
    var column: Int

    var description: String { line > 0 ? "\(line):\(column): \(message)" : message }
}
