/// A link or image in a post, kept where the editor wrote it so a broken one can be shown at
/// its line (see `LinkCheck`). Collected while the body is converted, never by reading it again.
public struct PostLink: Sendable, Equatable, Codable {
    public enum Kind: String, Sendable, Equatable, Codable {
        case link
        case image
    }

    /// As written (`../day-2/`, `/files/a.pdf#page=2`, `https://…`): before the site's root
    /// path is put in front of a root-relative one.
    public var url: String
    public var kind: Kind
    /// 1-based, in the post's file (front matter counted); the column counts Unicode scalars.
    public var line: Int
    public var column: Int
    /// An image whose alt text is empty: a screen reader says nothing, or the file's name.
    public var missingAlt = false

    public init(url: String, kind: Kind, line: Int, column: Int, missingAlt: Bool = false) {
        self.url = url
        self.kind = kind
        self.line = line
        self.column = column
        self.missingAlt = missingAlt
    }

    /// An image whose bytes are in the URL (`data:image/jpeg;base64,…`): it would leave the
    /// build with every byte of metadata it holds.
    var isEmbeddedImage: Bool {
        kind == .image && url.trimmed.lowercased().hasPrefix("data:")
    }

    /// The same link `lines` lines further down: from the body's first line to the file's.
    func down(_ lines: Int) -> PostLink {
        var link = self
        link.line += lines
        return link
    }
}

/// Where a cmark node starts, as an editor counts: cmark gives the column in bytes, and for a
/// paragraph's continuation line it leaves out the indentation it stripped (or, on a lazy line
/// of a quote, adds the `> ` that is not there). The column is moved to the nearest `opener`
/// on that line (`[` or `!` or `<`) and counted in Unicode scalars.
struct SourceColumns {
    private let bytes: [UInt8]
    /// Byte offset where each line starts; line ends are `\n`, `\r\n` or `\r`, as in cmark.
    private var lineStarts: [Int] = [0]

    init(_ text: String) {
        bytes = Array(text.utf8)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            if byte == 0x0D, index < bytes.count, bytes[index] == 0x0A { index += 1 }
            if byte == 0x0A || byte == 0x0D { lineStarts.append(index) }
        }
    }

    /// `line` and `byteColumn` as cmark gives them (1-based).
    func column(line: Int, byteColumn: Int, openers: [UInt8]) -> Int {
        guard line >= 1, line <= lineStarts.count, byteColumn >= 1 else { return byteColumn }
        let start = lineStarts[line - 1]
        var end = line < lineStarts.count ? lineStarts[line] : bytes.count
        while end > start, bytes[end - 1] == 0x0A || bytes[end - 1] == 0x0D { end -= 1 }
        let lineBytes = bytes[start..<end]
        func isOpener(_ offset: Int) -> Bool {
            offset >= 0 && offset < lineBytes.count && openers.contains(lineBytes[start + offset])
        }
        var offset = byteColumn - 1
        if !isOpener(offset) {
            // Outward from cmark's column: links on one line are shifted alike.
            let found = (1..<max(1, lineBytes.count)).lazy.flatMap { [offset + $0, offset - $0] }.first(where: isOpener)
            offset = found ?? min(offset, lineBytes.count)
        }
        return UTF8Text.scalarCount(lineBytes.prefix(offset)) + 1
    }
}
