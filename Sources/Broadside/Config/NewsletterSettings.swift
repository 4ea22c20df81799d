import Yams

/// `newsletter:` in site.yml: how the e-mail editions are made (see `Edition`).
///
/// ```yaml
/// newsletter:
///   from: "Puentes <news@puentes.example.org>"
///   unsubscribe: "*|UNSUB|*"
///   period: weekly
/// ```
public struct NewsletterSettings: Sendable, Equatable {
    public enum Period: String, Sendable, Equatable { case weekly, daily }

    /// Editions are written for a site that has `newsletter:` settings (the mailing tool's merge
    /// tags, its sender), unless they say `enabled: false`.
    public var enabled = false
    public var period = Period.weekly
    /// The message's `From:` header; nil for the site's title at `newsletter@` the base URL's host.
    public var from: String?
    /// The mailing tool's merge tag for the unsubscribe link (`*|UNSUB|*`, `{{ UnsubscribeURL }}`),
    /// put in every e-mail's footer as written; nil says in the footer where to set it.
    public var unsubscribe: String?
    /// A line above each edition, as written: where a mailing tool's merge tag puts the
    /// reader's name (`Hello *|FNAME|*,`).
    public var greeting: String?

    static let keys = ["enabled", "period", "from", "unsubscribe", "greeting"]
    static let example = "newsletter: { from: \"Our Network <news@example.org>\", unsubscribe: \"*|UNSUB|*\" }"

    mutating func apply(_ node: Node, file: String, diagnostics: inout [Diagnostic]) {
        guard let mapping = node.mapping else {
            diagnostics.append(.error(file, line: node.line, column: node.column, "`newsletter` must be settings such as from: and unsubscribe:",
                hint: Self.example))
            return
        }
        enabled = true
        for (keyNode, value) in mapping {
            let key = keyNode.text ?? ""
            let text = value.text?.trimmed
            switch key {
            case "enabled":
                switch text.map(SiteConfig.bool) {
                case .some(.some(let flag)): enabled = flag
                default: diagnostics.append(.error(file, line: value.line, column: value.column, "`newsletter.enabled` must be true or false",
                    hint: "newsletter: { enabled: false } writes no editions"))
                }
            case "period":
                guard let text, let period = Period(rawValue: text.lowercased()) else {
                    diagnostics.append(.error(file, line: value.line, column: value.column,
                        "`newsletter.period` must be weekly or daily, not \"\(text ?? "")\"", hint: "period: weekly (one edition per ISO week) or period: daily"))
                    continue
                }
                self.period = period
            case "from", "unsubscribe", "greeting":
                // A header value with a line break would add headers of its own to the message.
                guard let text, !text.isEmpty, !text.contains(where: { $0.isNewline || $0 == "\0" }) else {
                    diagnostics.append(.error(file, line: value.line, column: value.column, "`newsletter.\(key)` must be one line of text",
                        hint: key == "from" ? "from: \"Our Network <news@example.org>\""
                            : key == "greeting" ? "greeting: \"Hello *|FNAME|*,\" (your mailing tool's merge tag for the name)"
                            : "unsubscribe: \"*|UNSUB|*\" (your mailing tool's merge tag)"))
                    continue
                }
                // A merge tag is the tool's (`*|UNSUB|*`); an address written out must be one a reader can follow.
                if key == "unsubscribe", let scheme = URLPolicy.scheme(of: text), !["http", "https", "mailto"].contains(scheme) {
                    diagnostics.append(.error(file, line: value.line, column: value.column,
                        "`newsletter.unsubscribe` is a \(scheme): address, which no mail client follows",
                        hint: "write your mailing tool's merge tag, such as \"*|UNSUB|*\", or an https:// address"))
                    continue
                }
                switch key {
                case "from": from = text
                case "greeting": greeting = text
                default: unsubscribe = text
                }
            default:
                diagnostics.append(.warning(file, line: keyNode.line, column: keyNode.column, "unknown setting `newsletter.\(key)` is ignored",
                    hint: KeySuggestions.hint("the newsletter settings are \(Self.keys.joined(separator: ", "))", near: key, in: Self.keys)))
            }
        }
    }
}
