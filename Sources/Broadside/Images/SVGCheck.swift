/// An SVG is a document, not pixels: it can run script, load other files and embed photos of
/// its own. It is published only when it holds none of that; libvips is never asked to draw it.
enum SVGCheck {
    /// Whether the file starts (after an XML declaration, a doctype or comments) with `<svg`.
    static func looksLikeSVG<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> Bool {
        let head = String(decoding: bytes.prefix(4096), as: UTF8.self).lowercased()
        guard let svg = head.range(of: "<svg") else { return false }
        let before = head[..<svg.lowerBound]
        // Only markup may come before the root element, never a page's text or tags.
        return !before.contains("<html") && !before.contains("<body")
            && before.trimmingPrefix { $0.isWhitespace || $0 == "\u{FEFF}" }.first.map { $0 == "<" } ?? true
    }

    /// What stops the SVG from being published, in an editor's words; nil when it is safe.
    static func problem(in text: String) -> String? {
        let lower = text.lowercased()
        if lower.contains("<!entity") { return "holds an entity declaration (<!ENTITY)" }
        if lower.contains("@import") { return "refers to another file or host (@import)" }
        if let url = urlReference(in: lower) { return "refers to another file or host (url(\(url)))" }
        var scanner = TagScanner(lower)
        while let tag = scanner.next() {
            if tag.name == "script" { return "holds a script" }
            if tag.name == "foreignobject" { return "holds a foreignObject" }
            for (name, value) in tag.attributes {
                if name.hasPrefix("on") && name.count > 2 { return "holds an event handler (\(name))" }
                let trimmed = value.trimmed
                if trimmed.contains("javascript:") { return "holds a script (a javascript: link)" }
                guard name == "href" || name.hasSuffix(":href") || name == "src" else { continue }
                if trimmed.hasPrefix("data:") { return "embeds a file of its own (a data: URL), which may carry its own metadata" }
                if !trimmed.hasPrefix("#") { return "refers to another file or host (\(Excerpt.short(trimmed)))" }
            }
        }
        return nil
    }

    /// The first `url(…)` that does not point inside the document (`url(#gradient)` does).
    private static func urlReference(in lower: String) -> String? {
        var rest = lower[...]
        while let found = rest.range(of: "url(") {
            let argument = rest[found.upperBound...].prefix { $0 != ")" }
                .trimmingPrefix { $0.isWhitespace || $0 == "\"" || $0 == "'" }
            if !argument.hasPrefix("#") { return Excerpt.short(String(argument)) }
            rest = rest[found.upperBound...]
        }
        return nil
    }
}

/// The start tags of an XML text, with their attributes; comments, CDATA, processing
/// instructions and end tags are passed over.
private struct TagScanner {
    struct Tag { var name: String; var attributes: [(String, String)] }

    private let scalars: [Unicode.Scalar]
    private var index = 0

    init(_ text: String) { scalars = Array(text.unicodeScalars) }

    mutating func next() -> Tag? {
        while index < scalars.count {
            guard scalars[index] == "<" else { index += 1; continue }
            if skip(from: "<!--", to: "-->") || skip(from: "<![cdata[", to: "]]>") || skip(from: "<?", to: "?>") { continue }
            index += 1
            if index < scalars.count, scalars[index] == "/" || scalars[index] == "!" {
                skipTo(">")
                continue
            }
            let name = word()
            var attributes: [(String, String)] = []
            // A tag ends at `>`, or (malformed) where the next one starts, which is read next.
            while index < scalars.count, scalars[index] != ">" {
                skipSpace()
                guard index < scalars.count, scalars[index] != ">", scalars[index] != "<" else { break }
                let attribute = word()
                guard !attribute.isEmpty else { index += 1; continue }
                skipSpace()
                var value = ""
                if index < scalars.count, scalars[index] == "=" {
                    index += 1
                    skipSpace()
                    value = quoted()
                }
                attributes.append((attribute, value))
            }
            return Tag(name: name, attributes: attributes)
        }
        return nil
    }

    private func matches(_ text: String) -> Bool {
        let pattern = Array(text.unicodeScalars)
        return index + pattern.count <= scalars.count && Array(scalars[index..<index + pattern.count]) == pattern
    }

    private mutating func skip(from start: String, to end: String) -> Bool {
        guard matches(start) else { return false }
        index += start.unicodeScalars.count
        while index < scalars.count, !matches(end) { index += 1 }
        index = min(scalars.count, index + end.unicodeScalars.count)
        return true
    }

    private mutating func skipTo(_ end: Unicode.Scalar) {
        while index < scalars.count, scalars[index] != end { index += 1 }
    }

    private mutating func skipSpace() {
        while index < scalars.count, scalars[index].properties.isWhitespace || scalars[index] == "/" { index += 1 }
    }

    private mutating func word() -> String {
        var out = String.UnicodeScalarView()
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar.properties.isWhitespace || "=<>/\"'".unicodeScalars.contains(scalar) { break }
            out.append(scalar)
            index += 1
        }
        return String(out)
    }

    private mutating func quoted() -> String {
        guard index < scalars.count else { return "" }
        let quote = scalars[index]
        var out = String.UnicodeScalarView()
        if quote == "\"" || quote == "'" {
            index += 1
            while index < scalars.count, scalars[index] != quote { out.append(scalars[index]); index += 1 }
            index += 1
        } else {
            while index < scalars.count, !scalars[index].properties.isWhitespace, scalars[index] != ">" {
                out.append(scalars[index]); index += 1
            }
        }
        return String(out)
    }
}
