/// Builds the tree of a template from its lines (`TemplateLexer`), applying Mustache's
/// whitespace rules:
///
/// - A line that holds only whitespace and one section, inverted-section, closing, comment,
///   partial, parent or block tag is *standalone*: it is removed with its line break. A line of
///   only a parent's and its blocks' opening or closing tags is standalone too, as the spec's
///   inheritance tests require (`{{<base}}{{$main}}` on one line).
/// - A standalone partial's or parent's leading whitespace becomes the indentation of every line
///   it writes; a block at a line's start is indented the same way.
/// - A standalone block's first line gives the indentation of what overrides it; an override
///   passed to a parent loses its own first line's indentation from all its lines (the spec's
///   "block reindentation"). A default is written as it stands.
/// - Inside `{{<parent}}…{{/parent}}` only blocks count; text there is ignored, and other tags
///   are refused, as swift-mustache refuses them.
///
/// Frames are kept on an explicit stack, and nesting deeper than `TemplateRules.maximumNesting`
/// is an error, so no template can exhaust the stack.
struct TemplateParser {
    private enum Kind {
        case root
        case section(TemplateName, inverted: Bool)
        case parent(indentation: [UInt8])
        /// `inParent`: an override passed to a parent, rather than a place a caller may fill.
        case block(indentation: [UInt8], strip: Int, inParent: Bool, standalone: Bool)
    }

    private struct Frame {
        var kind: Kind
        var name: String
        var offset: Int
        var nodes: [TemplateNode] = []
        var overrides: [String: [TemplateNode]] = [:]

        var isParent: Bool { if case .parent = kind { true } else { false } }
        var strip: Int { if case .block(_, let strip, _, _) = kind { strip } else { 0 } }
    }

    private let lexer: TemplateLexer
    private var frames: [Frame] = [Frame(kind: .root, name: "", offset: 0)]

    private init(_ text: String) {
        lexer = TemplateLexer(bytes: Array(text.utf8))
    }

    static func parse(_ text: String) throws -> [TemplateNode] {
        var parser = TemplateParser(text)
        return try parser.run()
    }

    private mutating func run() throws -> [TemplateNode] {
        let lines = try lexer.lines()
        for (index, raw) in lines.enumerated() {
            let line = stripped(raw, by: frames.reduce(0) { $0 + $1.strip })
            if isStandalone(line) {
                let indentation = leadingWhitespace(line)
                let next = index + 1 < lines.count ? stripped(lines[index + 1], by: frames.reduce(0) { $0 + $1.strip }) : nil
                for case .tag(let tag) in line.pieces {
                    try handle(tag, indentation: indentation, standalone: true, next: next)
                }
                continue
            }
            // Whitespace before a tag at the line's start is its indentation (parents and blocks).
            var leading: [UInt8]? = []
            for piece in line.pieces {
                switch piece {
                case .text(let range):
                    let text = Array(lexer.bytes[range])
                    leading = leading.flatMap { text.allSatisfy(Self.isBlank) ? $0 + text : nil }
                    append(text)
                case .tag(let tag):
                    try handle(tag, indentation: leading ?? [], standalone: false, next: nil)
                    leading = nil
                }
            }
            if let newline = line.newline { append(Array(lexer.bytes[newline])) }
        }
        guard frames.count == 1, let root = frames.first else {
            let open = frames[frames.count - 1]
            throw lexer.error("{{\(opener(open))\(open.name)}} is never closed with {{/\(open.name)}}", at: open.offset)
        }
        return root.nodes
    }

    private mutating func handle(_ tag: TemplateLexer.Tag, indentation: [UInt8], standalone: Bool, next: TemplateLexer.Line?) throws {
        let sigil = tag.sigil.map { Character(Unicode.Scalar($0)) }
        if frames[frames.count - 1].isParent, sigil != "$", sigil != "/", sigil != "!" {
            throw lexer.error("only {{$block}} tags and text may stand inside {{<\(frames[frames.count - 1].name)}}", at: tag.offset)
        }
        switch sigil {
        case nil, "{", "&":
            add(.value(TemplateName(tag.name), escaped: sigil == nil))
        case "!":
            break
        case ">":
            add(.partial(tag.name, indentation: standalone ? indentation : [], overrides: [:]))
        case "#", "^":
            try open(Frame(kind: .section(TemplateName(tag.name), inverted: sigil == "^"), name: tag.name, offset: tag.offset))
        case "<":
            try open(Frame(kind: .parent(indentation: indentation), name: tag.name, offset: tag.offset))
        case "$":
            let inParent = frames[frames.count - 1].isParent
            // A standalone block takes the indentation of its first line; others that of their tag.
            // Only an override passed to a parent loses its own indentation, to take the block's.
            let own = standalone ? next.map(leadingWhitespace) ?? [] : indentation
            try open(Frame(kind: .block(indentation: own, strip: standalone && inParent ? own.count : 0, inParent: inParent, standalone: standalone),
                name: tag.name, offset: tag.offset))
        case "/":
            try close(tag)
        default:
            preconditionFailure("the lexer passes only the sigils above")
        }
    }

    private mutating func open(_ frame: Frame) throws {
        guard frames.count - 1 < TemplateRules.maximumNesting else {
            throw lexer.error("sections are nested more than \(TemplateRules.maximumNesting) deep here", at: frame.offset)
        }
        frames.append(frame)
    }

    private mutating func close(_ tag: TemplateLexer.Tag) throws {
        let frame = frames[frames.count - 1]
        if case .root = frame.kind {
            throw lexer.error("{{/\(tag.name)}} closes no section", at: tag.offset)
        }
        guard frame.name == tag.name else {
            throw lexer.error("{{/\(tag.name)}} closes {{\(opener(frame))\(frame.name)}}: a section is closed with another name than it was opened",
                at: tag.offset)
        }
        frames.removeLast()
        switch frame.kind {
        case .root: break
        case .section(let name, inverted: false): add(.section(name, frame.nodes))
        case .section(let name, inverted: true): add(.inverted(name, frame.nodes))
        case .parent(let indentation): add(.partial(frame.name, indentation: indentation, overrides: frame.overrides))
        case .block(_, _, inParent: true, _): frames[frames.count - 1].overrides[frame.name] = frame.nodes
        case .block(let indentation, _, inParent: false, let standalone):
            add(.block(frame.name, frame.nodes, indentation: indentation, indentsDefault: !standalone))
        }
    }

    private func opener(_ frame: Frame) -> String {
        switch frame.kind {
        case .root: ""
        case .section(_, let inverted): inverted ? "^" : "#"
        case .parent: "<"
        case .block: "$"
        }
    }

    private mutating func add(_ node: TemplateNode) {
        frames[frames.count - 1].nodes.append(node)
    }

    /// Text joins the text before it up to a line break, so each line is one node. Text inside a
    /// parent tag is ignored.
    private mutating func append(_ text: [UInt8]) {
        let top = frames.count - 1
        guard !text.isEmpty, !frames[top].isParent else { return }
        if case .text(let before)? = frames[top].nodes.last, before.last != UInt8(ascii: "\n") {
            frames[top].nodes[frames[top].nodes.count - 1] = .text(before + text)
        } else {
            frames[top].nodes.append(.text(text))
        }
    }

    /// Whether `line` is whitespace around one tag that leaves no output, or only the opening and
    /// closing tags of parents and the blocks they pass.
    private func isStandalone(_ line: TemplateLexer.Line) -> Bool {
        var tags: [TemplateLexer.Tag] = []
        for piece in line.pieces {
            switch piece {
            case .text(let range): guard lexer.bytes[range].allSatisfy(Self.isBlank) else { return false }
            case .tag(let tag): tags.append(tag)
            }
        }
        if tags.count == 1 { return tags[0].sigil.map(Self.standaloneSigils.contains) ?? false }
        // Comments alone do not make a line of several tags standalone; a parent's tags do.
        guard tags.contains(where: { $0.sigil != UInt8(ascii: "!") }) else { return false }
        // Follow the tags as they would open and close parents and passed blocks.
        var opened: [Bool] = []  // opened on this line; true: a parent, false: a block passed to one
        var below = frames.count - 1  // the frame under them
        func topIsParent() -> Bool { opened.last ?? frames[below].isParent }
        func topIsPassed() -> Bool {
            if let last = opened.last { return !last }
            if case .block(_, _, true, _) = frames[below].kind { return true }
            return false
        }
        var seenTag = false
        let lastTag = line.pieces.lastIndex { if case .tag = $0 { true } else { false } } ?? 0
        for (index, piece) in line.pieces.enumerated() {
            // Whitespace between tags counts only inside a parent, where text is ignored; between
            // two parents it would be written.
            guard case .tag(let tag) = piece else {
                if seenTag, index < lastTag, !topIsParent() { return false }
                continue
            }
            seenTag = true
            switch tag.sigil.map({ Character(Unicode.Scalar($0)) }) {
            case "<": opened.append(true)
            case "$":
                guard topIsParent() else { return false }
                opened.append(false)
            case "/":
                guard topIsParent() || topIsPassed() else { return false }
                if opened.isEmpty { below -= 1 } else { opened.removeLast() }
            case "!": break
            default: return false
            }
        }
        return true
    }

    /// `line` without up to `count` spaces or tabs at its start: a standalone block's own indentation.
    private func stripped(_ line: TemplateLexer.Line, by count: Int) -> TemplateLexer.Line {
        guard count > 0, case .text(let range)? = line.pieces.first else { return line }
        var start = range.lowerBound
        while start < range.upperBound, start - range.lowerBound < count, Self.isBlank(lexer.bytes[start]) { start += 1 }
        var line = line
        if start == range.upperBound {
            line.pieces.removeFirst()
        } else {
            line.pieces[0] = .text(start..<range.upperBound)
        }
        return line
    }

    /// The spaces and tabs a line starts with.
    private func leadingWhitespace(_ line: TemplateLexer.Line) -> [UInt8] {
        guard case .text(let range)? = line.pieces.first else { return [] }
        return Array(lexer.bytes[range].prefix(while: Self.isBlank))
    }

    private static func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }
    private static let standaloneSigils: Set<UInt8> = Set("#^/!><$".utf8)
}
