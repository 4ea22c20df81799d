import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where the output really is, and whether a build may replace it.
enum OutputPath {
    /// The output with every symlink resolved, also when its last parts do not exist yet:
    /// `c/new`, with `c` a link to `content`, is `content/new`. The deepest existing
    /// ancestor is resolved and the rest appended.
    static func resolve(_ url: URL) -> String {
        var existing = url.standardizedFileURL.path
        var rest: [String] = []
        while true {
            if let real = realpath(existing, nil) {
                defer { free(real) }
                let base = String(cString: real)
                guard !rest.isEmpty else { return base }
                return (base == "/" ? "" : base) + "/" + rest.reversed().joined(separator: "/")
            }
            let parent = (existing as NSString).deletingLastPathComponent
            if parent == existing || parent.isEmpty { return url.standardizedFileURL.path }
            rest.append((existing as NSString).lastPathComponent)
            existing = parent
        }
    }

    /// The output folder is replaced whole, so it must never be, or hold, the site's own files.
    static func checkNotInputs(output: String, source: URL) -> [Diagnostic] {
        let source = resolve(source)
        let holdsSource = output == source || source.hasPrefix(output.hasSuffix("/") ? output : output + "/")
        let insideInputs = ["content", "themes", "static", "templates"].contains {
            let input = source + "/" + $0
            return output == input || output.hasPrefix(input + "/")
        }
        guard holdsSource || insideInputs else { return [] }
        return [.error(nil, "the output folder \(output) holds the site's own files; a build replaces it whole",
            hint: "write the site to a folder of its own, such as --output \(source)/site")]
    }
}
