import Foundation
import PackagePlugin

/// Carries `themes/default/` in the library as Swift source, so the binary needs no files beside it.
/// A file edited there is an input of the command, so the next build embeds it again. A file added
/// or removed needs the folder listed anew, which SwiftPM does only when a target's folder changes
/// shape: the link `Plugins/EmbedTheme/theme` → `themes/default` makes the theme part of this
/// plugin's folder, so SwiftPM watches it.
/// The work is done by `embed.sh` under `/bin/sh`, not by an executable target: the fuzz package
/// builds the library with `-sanitize=fuzzer`, which would give such a tool libFuzzer's `main`.
@main
struct EmbedTheme: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let package = context.package.directoryURL
        let theme = package.appending(path: "themes/default")
        let script = package.appending(path: "Plugins/EmbedTheme/embed.sh")
        let output = context.pluginWorkDirectoryURL.appending(path: "BuiltInThemeFiles.swift")
        let files = try Self.files(below: theme.path)
        return [.buildCommand(
            displayName: "Embedding themes/default (\(files.count) files)",
            executable: URL(fileURLWithPath: "/bin/sh"),
            arguments: [script.path, theme.path, output.path] + files,
            inputFiles: [script] + files.map { theme.appending(path: $0) },
            outputFiles: [output]
        )]
    }

    /// Every file below `root`, relative to it, sorted by the bytes of their paths (never the file
    /// system's order), without hidden files and editors' leftovers.
    static func files(below root: String) throws -> [String] {
        guard let walker = FileManager.default.enumerator(atPath: root) else {
            throw EmbedError("themes/default/ is missing: Broadside carries it in its binary")
        }
        var found: [String] = []
        while let path = walker.nextObject() as? String {
            let name = (path as NSString).lastPathComponent
            if name.hasPrefix(".") || name.hasSuffix("~") || (name.hasPrefix("#") && name.hasSuffix("#")) {
                walker.skipDescendants()
                continue
            }
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: root + "/" + path, isDirectory: &isFolder), !isFolder.boolValue else { continue }
            // The path becomes a Swift string literal in embed.sh, written as it is.
            guard !path.contains(where: { $0 == "\"" || $0 == "\\" || $0.isNewline }) else {
                throw EmbedError("themes/default/\(path): rename it without quotes, backslashes or line breaks")
            }
            found.append(path)
        }
        return found.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }
}

struct EmbedError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
