/// Cuts a template's UTF-8 bytes into lines of text and tags: the standalone rules of Mustache
/// (a line holding only a section tag, a comment or a partial disappears) are about lines, so
/// the parser reads line by line. A line ends at `\n` (`\r\n` counts as one break); a tag that
/// spans lines, such as a long comment, stays in the line where it opens.
///
/// Tags the theme language does not allow are refused here, where their place is known:
/// delimiter changes, pragmas, dynamic names (`{{>*name}}`) and transforms (`{{count(items)}}`).
struct TemplateLexer {
    struct Tag {
        /// `#`, `^`, `/`, `!`, `>`, `<`, `$`, `{`, `&`, or nil for `{{name}}`.
        var sigil: UInt8?
        /// Trimmed; empty for a comment.
        var name: String
        /// Where its `{{` stands, for messages.
        var offset: Int
    }

    enum Piece {
        /// Text without line breaks.
        case text(Range<Int>)
        case tag(Tag)
    }

    struct Line {
        var pieces: [Piece]
        /// The line break, nil on a last line without one.
        var newline: Range<Int>?
    }

    let bytes: [UInt8]

    func lines() throws -> [Line] {
        var lines: [Line] = []
        var pieces: [Piece] = []
        var index = 0
        var textStart = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == newline {
                let textEnd = index > textStart && bytes[index - 1] == carriageReturn ? index - 1 : index
                if textEnd > textStart { pieces.append(.text(textStart..<textEnd)) }
                lines.append(Line(pieces: pieces, newline: textEnd..<index + 1))
                pieces = []
                index += 1
                textStart = index
            } else if byte == openBrace, index + 1 < bytes.count, bytes[index + 1] == openBrace {
                if index > textStart { pieces.append(.text(textStart..<index)) }
                let (tag, end) = try readTag(at: index)
                pieces.append(.tag(tag))
                index = end
                textStart = end
            } else {
                index += 1
            }
        }
        if bytes.count > textStart { pieces.append(.text(textStart..<bytes.count)) }
        if !pieces.isEmpty { lines.append(Line(pieces: pieces, newline: nil)) }
        return lines
    }

    /// The tag whose `{{` is at `start`, and the offset after its closing braces.
    private func readTag(at start: Int) throws -> (Tag, Int) {
        let first = start + 2
        let sigil = first < bytes.count && Self.sigils.contains(bytes[first]) ? bytes[first] : nil
        let contentStart = sigil == nil ? first : first + 1
        let closing: [UInt8] = sigil == openBrace ? [closeBrace, closeBrace, closeBrace] : [closeBrace, closeBrace]
        guard let close = find(closing, from: contentStart) else {
            throw error(sigil == openBrace ? "a tag is not closed with }}}" : "a tag is not closed with }}", at: start)
        }
        let end = close + closing.count
        switch sigil {
        case UInt8(ascii: "!"):
            return (Tag(sigil: sigil, name: "", offset: start), end)
        case UInt8(ascii: "="):
            throw error("a template cannot change Mustache's {{ }} delimiters", at: start)
        case UInt8(ascii: "%"):
            throw error("a template cannot set Mustache pragmas", at: start)
        default:
            let name = String(decoding: trimmed(contentStart..<close), as: UTF8.self)
            try check(name, sigil: sigil, at: start)
            return (Tag(sigil: sigil, name: name, offset: start), end)
        }
    }

    /// Names are letters, digits and `_ - ? .` (and `/` for templates), as swift-mustache reads
    /// them; a dotted name has no empty part.
    private func check(_ name: String, sigil: UInt8?, at offset: Int) throws {
        let isTemplate = sigil == UInt8(ascii: ">") || sigil == UInt8(ascii: "<")
        if name.isEmpty { throw error(isTemplate ? "a tag names no template" : "a tag names no value", at: offset) }
        if name.hasPrefix("*") { throw error("a template cannot be chosen by a value ({{>*name}})", at: offset) }
        if name.contains("(") || name.contains(")") { throw error("transforms such as {{count(items)}} are not supported", at: offset) }
        let allowed = name.utf8.allSatisfy { byte in
            Self.nameBytes.contains(byte) || (isTemplate && byte == UInt8(ascii: "/"))
        }
        guard allowed else {
            throw error("\"\(name)\" is not a name: names hold letters, digits and _ - ? .", at: offset)
        }
        if !isTemplate, name != ".", name.split(separator: ".", omittingEmptySubsequences: false).contains(where: \.isEmpty) {
            throw error("\"\(name)\" has an empty part between dots", at: offset)
        }
    }

    private func find(_ needle: [UInt8], from start: Int) -> Int? {
        var index = start
        while index + needle.count <= bytes.count {
            if bytes[index] == needle[0], bytes[index..<index + needle.count].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }

    private func trimmed(_ range: Range<Int>) -> ArraySlice<UInt8> {
        var slice = bytes[range]
        while let first = slice.first, Self.spaces.contains(first) { slice.removeFirst() }
        while let last = slice.last, Self.spaces.contains(last) { slice.removeLast() }
        return slice
    }

    /// An error at byte `offset`: its line, and its column in Characters from the line's start.
    func error(_ message: String, at offset: Int) -> TemplateError {
        let before = bytes[..<min(offset, bytes.count)]
        let lineStart = before.lastIndex(of: newline).map { $0 + 1 } ?? 0
        let line = before.reduce(1) { $1 == newline ? $0 + 1 : $0 }
        let column = String(decoding: bytes[lineStart..<min(offset, bytes.count)], as: UTF8.self).count + 1
        return TemplateError(message: message, line: line, column: column)
    }

    static let sigils: Set<UInt8> = Set("#^/!><${&=%".utf8)
    static let nameBytes: Set<UInt8> = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-?.".utf8)
    static let spaces: Set<UInt8> = [0x20, 0x09, 0x0A, 0x0D]
}

private let newline = UInt8(ascii: "\n")
private let carriageReturn = UInt8(ascii: "\r")
private let openBrace = UInt8(ascii: "{")
private let closeBrace = UInt8(ascii: "}")
