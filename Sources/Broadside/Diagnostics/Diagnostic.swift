/// One thing the build has to say about the input: where, what is wrong, how to fix it.
///
/// Diagnostics are values collected through every stage and printed once by the CLI,
/// so an editor sees every problem of a build together instead of one per run.
public struct Diagnostic: Error, Equatable, Sendable, Codable, CustomStringConvertible {
    public enum Severity: String, Sendable, Codable {
        case error
        case warning
    }

    public var severity: Severity
    /// Path relative to the site folder (`content/posts/a.md`), when the problem has a file.
    public var file: String?
    public var line: Int?
    public var column: Int?
    public var message: String
    public var hint: String?

    public init(
        _ severity: Severity = .error, file: String? = nil, line: Int? = nil, column: Int? = nil,
        message: String, hint: String? = nil
    ) {
        self.severity = severity
        self.file = file
        self.line = line
        self.column = column
        self.message = message
        self.hint = hint
    }

    public static func error(
        _ file: String?, line: Int? = nil, column: Int? = nil, _ message: String, hint: String? = nil
    ) -> Diagnostic {
        Diagnostic(.error, file: file, line: line, column: column, message: message, hint: hint)
    }

    public static func warning(
        _ file: String?, line: Int? = nil, column: Int? = nil, _ message: String, hint: String? = nil
    ) -> Diagnostic {
        Diagnostic(.warning, file: file, line: line, column: column, message: message, hint: hint)
    }

    /// `file:line:column`, as much of it as is known.
    public var location: String? {
        guard let file else { return nil }
        var text = file
        if let line {
            text += ":\(line)"
            if let column { text += ":\(column)" }
        }
        return text
    }

    /// `error: content/posts/a.md:3:7: message` then an indented hint line.
    public var description: String {
        var text = "\(severity.rawValue): "
        if let location { text += "\(location): " }
        text += message
        if let hint { text += "\n  hint: \(hint)" }
        return text
    }
}

/// A line and column in a file (columns in Unicode scalars), kept where a later stage may need to
/// point back at what an earlier one read.
struct SourcePosition: Equatable, Sendable {
    var line: Int
    var column: Int
}

/// Thrown when a build cannot finish; carries every error found and the warnings seen before.
public struct BuildFailure: Error, Sendable, CustomStringConvertible {
    public let diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }

    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }

    public var description: String {
        diagnostics.map(\.description).joined(separator: "\n")
    }
}

extension Array where Element == Diagnostic {
    var hasErrors: Bool { contains { $0.severity == .error } }

    /// Whether the build must stop before writing: an error, or with `--strict` a warning too.
    func stopBuild(strict: Bool) -> Bool { hasErrors || (strict && !isEmpty) }
}
