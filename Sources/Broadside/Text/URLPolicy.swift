/// Which URLs Broadside publishes. Escaping keeps a URL inside its attribute, but a
/// `javascript:` URL in an `href` runs when it is clicked, escaped or not.
///
/// Browsers ignore tabs and newlines anywhere in a URL and spaces or control characters before
/// it (`java\tscript:`, ` javascript:`), and schemes are case-insensitive; the scheme is read
/// the way a browser reads it.
enum URLPolicy {
    /// The schemes a link, image, attachment or event URL may have; anything without a scheme
    /// (`/posts/a/`, `../a.pdf`, `#top`) is site-relative and allowed.
    static let allowedSchemes: Set<String> = ["http", "https", "mailto", "tel"]

    /// Schemes that run code or read local data when opened. Free text in front matter is
    /// refused only for these, so "Update: the hearing moved" stays a title.
    static let dangerousSchemes: Set<String> = ["javascript", "vbscript", "data", "file", "blob", "filesystem"]

    /// The scheme as a browser reads it, lower-cased; nil for a relative URL.
    static func scheme(of url: String) -> String? {
        var scheme = ""
        for scalar in url.unicodeScalars {
            if scalar == "\t" || scalar == "\n" || scalar == "\r" { continue }
            if scheme.isEmpty && scalar.value <= 0x20 { continue }
            if scalar == ":" { return scheme.isEmpty ? nil : scheme }
            let isLetter = (scalar >= "a" && scalar <= "z") || (scalar >= "A" && scalar <= "Z")
            let isSchemeCharacter = isLetter || (!scheme.isEmpty && ((scalar >= "0" && scalar <= "9") || scalar == "+" || scalar == "-" || scalar == "."))
            guard isSchemeCharacter else { return nil }
            scheme.unicodeScalars.append(lowered(scalar))
        }
        return nil
    }

    /// Nil when `url` may be published as a link or image; else why not.
    static func problem(with url: String) -> String? {
        guard let scheme = scheme(of: url) else {
            // `//host/x` is a link to another host that has lost its scheme: say which to use.
            return url.trimmed.hasPrefix("//") ? "it starts with // (a link to another host without http: or https:)" : nil
        }
        return allowedSchemes.contains(scheme) ? nil : "it is a \(scheme): URL"
    }

    /// Nil unless `text` is a URL with a scheme that runs code or reads local files.
    static func dangerousScheme(in text: String) -> String? {
        scheme(of: text).flatMap { dangerousSchemes.contains($0) ? $0 : nil }
    }

    private static func lowered(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        (scalar >= "A" && scalar <= "Z") ? Unicode.Scalar(scalar.value + 32)! : scalar
    }
}
