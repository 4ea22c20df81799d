/// The address the site is published at, from `base_url` or `--base-url`. It ends up in every
/// feed link and decides the root of every page's links, so anything a browser could read as
/// another host, or a quote that could end an attribute, is refused rather than repaired.
public enum BaseURL {
    enum Problem: Error, Equatable {
        case notAbsolute, forbiddenCharacter, credentials, doubleSlashPath, queryOrFragment
        case dotSegment, badEscape, badPort

        /// What is wrong, after the name of the setting.
        var rule: String {
            switch self {
            case .notAbsolute: "must be an absolute http(s) URL"
            case .forbiddenCharacter: "must not contain spaces, quotes, control characters or any of < > \\ ` { } | ^"
            case .credentials: "must not contain a user name or password"
            case .doubleSlashPath: "must not have a path that starts with //, which browsers read as another site"
            case .queryOrFragment: "must not have a query (?…) or a fragment (#…)"
            case .dotSegment: "must not have . or .. as a folder of its path, which browsers remove, so pages would be published at another address"
            case .badEscape: "has a % that is not followed by two hexadecimal digits, which browsers read differently"
            case .badPort: "must have a port from 1 to 65535"
            }
        }

        var hint: String {
            switch self {
            case .notAbsolute: "base_url: \"https://example.org/\""
            case .forbiddenCharacter: "write the address as a browser shows it, for example https://example.org/news/"
            case .credentials: "remove the part up to and including @"
            case .doubleSlashPath: "use a single / after the host, for example https://example.org/news/"
            case .queryOrFragment: "give the address of the folder the site is published in, for example https://example.org/news/"
            case .dotSegment: "write the path as it is, without . or .., for example https://example.org/news/"
            case .badEscape: "write the character itself, or %25 for a % sign"
            case .badPort: "leave the port out for the usual one (443 for https, 80 for http), or write the one the host gives"
            }
        }

        var optionHint: String {
            self == .notAbsolute ? "pass it with its scheme, for example --base-url https://example.org/" : hint
        }
    }

    /// What is wrong with `--base-url`, as a message for the command line, or nil.
    public static func optionProblem(_ text: String) -> Diagnostic? {
        guard case .failure(let problem) = check(text) else { return nil }
        return .error(nil, "--base-url \(Excerpt.short(text)) \(problem.rule)", hint: problem.optionHint)
    }

    /// `https://example.org/news` → `https://example.org/news/`.
    ///
    /// Read by Unicode scalar, never by `Character`: `"` followed by U+0301 is one `Character`
    /// that is not `"`, and `//` followed by a mark does not start with the `Character`s `//`,
    /// but a browser sees the quote and the two slashes all the same.
    static func check(_ text: String) -> Result<String, Problem> {
        let scalars = Array(text.unicodeScalars)
        let forbidden: Set<Unicode.Scalar> = [" ", "\"", "'", "<", ">", "\\", "`", "{", "}", "|", "^"]
        if scalars.contains(where: { forbidden.contains($0) || $0.properties.isWhitespace || isInvisible($0) }) {
            return .failure(.forbiddenCharacter)
        }
        let lowercased = Array(text.lowercased().unicodeScalars)
        guard let scheme = ["https://", "http://"].first(where: { lowercased.starts(with: $0.unicodeScalars) }) else {
            return .failure(.notAbsolute)
        }
        let afterScheme = scalars.dropFirst(scheme.unicodeScalars.count)
        if afterScheme.contains("?") || afterScheme.contains("#") { return .failure(.queryOrFragment) }
        let authority = afterScheme.prefix(while: { $0 != "/" })
        let path = afterScheme.dropFirst(authority.count)
        if authority.contains("@") { return .failure(.credentials) }
        let host = authority.first == "["
            ? authority.prefix(through: authority.firstIndex(of: "]") ?? authority.index(before: authority.endIndex))
            : authority.prefix(while: { $0 != ":" })
        let port = authority.dropFirst(host.count)
        guard !host.isEmpty, host.elementsEqual(["["]) == false,
            port.isEmpty || (port.count > 1 && port.dropFirst().allSatisfy { ("0"..."9").contains($0) })
        else { return .failure(.notAbsolute) }
        if path.starts(with: ["/", "/"]) { return .failure(.doubleSlashPath) }
        let pathText = String(String.UnicodeScalarView(path))
        if let problem = pathProblem(pathText) { return .failure(problem) }
        let number = port.isEmpty ? nil : Int(String(String.UnicodeScalarView(port.dropFirst().prefix(6))))
        if let number, !(1...65535).contains(number) { return .failure(.badPort) }
        // `https://example.org:443/` is the site's host: the default port is not written in links.
        let isDefault = number == (scheme == "https://" ? 443 : 80)
        let written = scheme + String(String.UnicodeScalarView(host)) + (port.isEmpty || isDefault ? "" : String(String.UnicodeScalarView(port))) + pathText
        return .success(written.hasSuffix("/") ? written : written + "/")
    }

    /// A `.` or `..` folder (also written `%2e`), which browsers remove before asking, and a `%`
    /// that starts no escape, which each reader mends its own way.
    private static func pathProblem(_ path: String) -> Problem? {
        let bytes = Array(path.utf8)
        for (index, byte) in bytes.enumerated() where byte == UInt8(ascii: "%") {
            guard index + 2 < bytes.count, isHex(bytes[index + 1]), isHex(bytes[index + 2]) else { return .badEscape }
        }
        let dots = path.split(separator: "/").map { $0.lowercased().replacingOccurrences(of: "%2e", with: ".") }
        return dots.contains(where: { $0 == "." || $0 == ".." }) ? .dotSegment : nil
    }

    private static func isHex(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte | 0x20)
    }

    private static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .control, .format, .lineSeparator, .paragraphSeparator: true
        default: false
        }
    }
}

