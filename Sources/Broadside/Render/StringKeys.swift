/// The one table of theme string keys Broadside knows: which `{placeholders}` each may hold,
/// and which Broadside itself reads (dates, lists, sizes, labels), so every language must have them.
///
/// Only Broadside fills placeholders, so a key outside this table (one a theme adds for its own
/// templates) holds none: a `{name}` there would reach the page as it is written.
enum StringKeys {
    struct Rule: Equatable {
        var placeholders: [String]
        /// Read by Broadside's code rather than only by templates.
        var required: Bool
    }

    /// The month names, January first: the one key whose value is a list rather than text.
    static let months = "months"

    static let rules: [String: Rule] = {
        var rules: [String: Rule] = [
            "language_name": Rule(placeholders: [], required: true),
            months: Rule(placeholders: [], required: true),
            "date": Rule(placeholders: ["month", "day", "year"], required: true),
            "time": Rule(placeholders: ["hour12", "hour24", "minute", "ampm"], required: true),
            "date_time": Rule(placeholders: ["date", "time"], required: true),
            "am": Rule(placeholders: [], required: true),
            "pm": Rule(placeholders: [], required: true),
            "and": Rule(placeholders: [], required: true),
            "decimal_separator": Rule(placeholders: [], required: true),
            "bytes": Rule(placeholders: ["size"], required: true),
            "page_of": Rule(placeholders: ["page", "pages"], required: false),
            "page_title_suffix": Rule(placeholders: ["page"], required: false),
            "page_dates": Rule(placeholders: ["from", "to"], required: false),
            "more_in": Rule(placeholders: ["name"], required: false),
            "category_heading": Rule(placeholders: ["name"], required: false),
            "tag_heading": Rule(placeholders: ["name"], required: false),
            "by_authors": Rule(placeholders: ["kind", "authors"], required: false),
            "series_day": Rule(placeholders: ["day", "total"], required: false),
            "series_all_days": Rule(placeholders: ["series"], required: false),
            "attachment_label": Rule(placeholders: ["label", "type", "size"], required: false),
            "attachment_label_without_size": Rule(placeholders: ["label", "type"], required: false),
            "download_report": Rule(placeholders: ["type", "size"], required: false),
            "download_report_without_size": Rule(placeholders: ["type"], required: false),
            "image_credit": Rule(placeholders: ["credit"], required: false),
            "status_draft": Rule(placeholders: [], required: false),
            "status_scheduled": Rule(placeholders: ["date"], required: false),
            "read_in": Rule(placeholders: ["language"], required: false),
            "not_found_title": Rule(placeholders: [], required: false),
            "take_action": Rule(placeholders: [], required: true),
            "stat_as_of": Rule(placeholders: ["date"], required: true),
            "edition_heading": Rule(placeholders: ["dates"], required: false),
            "edition_subject": Rule(placeholders: ["site", "dates"], required: false),
            // Filled by the search page's script (themes/default/static/js/search.js), not by Broadside.
            "search_count": Rule(placeholders: ["count"], required: false),
        ]
        // A kind added to Broadside needs its labels in every theme, so they come from the enum.
        for kind in Kind.allCases {
            rules["kind.\(kind.rawValue)"] = Rule(placeholders: [], required: true)
            rules["kind_plural.\(kind.rawValue)"] = Rule(placeholders: [], required: true)
        }
        for name in AttachmentType.names {
            rules["type.\(name)"] = Rule(placeholders: [], required: true)
        }
        return rules
    }()

    static func placeholders(of key: String) -> [String] { rules[key]?.placeholders ?? [] }

    static let required: Set<String> = Set(rules.filter(\.value.required).keys)

    /// Letters, digits, `-` and `_`: a part of a Mustache name (`{{t.kind.action-day}}`), never a dot,
    /// which Mustache reads as a step into a group.
    static func isKeyName(_ name: String) -> Bool {
        !name.isEmpty && name.unicodeScalars.allSatisfy {
            $0.isASCII && (("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_")
        }
    }
}

/// `{name}` placeholders: a brace, letters, digits or `_`, a brace. Any other brace is plain text.
enum Placeholders {
    enum Piece: Equatable {
        case text(Substring)
        case placeholder(String)
    }

    static func pieces(of text: String) -> [Piece] {
        var pieces: [Piece] = []
        var rest = text[...]
        while let open = rest.firstIndex(of: "{") {
            let afterOpen = rest.index(after: open)
            let name = rest[afterOpen...].prefix { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
            guard !name.isEmpty, name.endIndex < rest.endIndex, rest[name.endIndex] == "}" else {
                pieces.append(.text(rest[...open]))
                rest = rest[afterOpen...]
                continue
            }
            if open > rest.startIndex { pieces.append(.text(rest[..<open])) }
            pieces.append(.placeholder(String(name)))
            rest = rest[rest.index(after: name.endIndex)...]
        }
        if !rest.isEmpty { pieces.append(.text(rest)) }
        return pieces
    }

    static func names(in text: String) -> [String] {
        pieces(of: text).compactMap { if case .placeholder(let name) = $0 { name } else { nil } }
    }

    /// One pass, so a value that itself holds `{day}` is written as it is, never filled again.
    /// A placeholder without a value stays as written, where a test or a reader will see it.
    static func fill(_ text: String, _ values: [String: String]) -> String {
        pieces(of: text).map {
            switch $0 {
            case .text(let text): String(text)
            case .placeholder(let name): values[name] ?? "{\(name)}"
            }
        }.joined()
    }
}
