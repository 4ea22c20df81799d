/// How the engine writes a value into a format's output (`TextEscaping` of `OutputFormat`), so
/// escaping is decided in one place for every template, as it is for feeds.
///
/// - `{{name}}` writes text and addresses escaped for the format: HTML and XML through
///   `Escaping.markup` (XML also drops characters XML forbids), JSON as a string's contents with
///   `<` as `\u003c` (`JSONText`), plain text as it is.
/// - An `html` value is Broadside's own markup: written as it is where the format is HTML, and
///   escaped as text everywhere else — in a feed's XML or JSON, HTML is text that the reader
///   decodes, and a plain-text file has no markup at all.
/// - `{{{name}}}` and `{{&name}}` write any value as it is, in every format: Mustache's meaning,
///   and `TemplateRules` allows them only on the names that hold Broadside's HTML.
extension TextEscaping {
    func write(_ value: TemplateValue, escaped: Bool, into out: inout [UInt8]) {
        switch value {
        case .text(let text), .url(let text):
            escaped ? append(text, into: &out) : out.append(contentsOf: text.utf8)
        case .html(let markup):
            escaped && self != .html ? append(markup, into: &out) : out.append(contentsOf: markup.utf8)
        case .storedHTML(let markup):
            escaped && self != .html ? append(markup.text, into: &out) : markup.withBytes { out.append(contentsOf: $0) }
        case .number(let number):
            out.append(contentsOf: String(number).utf8)
        case .bool(let flag):
            // As swift-mustache prints a Bool; no theme writes one, but both engines agree.
            out.append(contentsOf: (flag ? "true" : "false").utf8)
        case .list, .map:
            // swift-mustache prints Swift's debug description of a collection, which no page wants:
            // nothing is written (the differential fuzzer skips this case).
            break
        }
    }

    private func append(_ text: String, into out: inout [UInt8]) {
        switch self {
        case .text: out.append(contentsOf: text.utf8)
        case .html: FastEscaping.append(text, xml: false, to: &out)
        case .xml: FastEscaping.append(text, xml: true, to: &out)
        case .json: out.append(contentsOf: escape(text).utf8)
        }
    }
}
