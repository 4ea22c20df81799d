import Foundation

/// The default theme carried in Broadside itself: Broadside's own `themes/default/`, embedded at
/// build time (`Plugins/EmbedTheme`), used by a site that has no `themes/default/` folder.
enum BuiltInTheme {
    static let name = "default"
    /// Where `broadside theme eject` writes it, and where a site's copy of it is looked for.
    static let folder = "themes/default"

    /// Path below the theme folder (`templates/post.mustache`) → bytes, sorted by path.
    static var files: [(path: String, data: Data)] {
        decoded.map { ($0.path, Data($0.bytes)) }
    }

    /// Decoded once. Kept as `[UInt8]`, not `Data`: LeakSanitizer does not recognise the
    /// pointers inside a `Data` held by a global (its enum stores them with tag bits), and
    /// reported each file as leaked.
    private static let decoded: [(path: String, bytes: [UInt8])] = encodedFiles.map { file in
        // The script wrote these from the files themselves: they always decode.
        (file.path, [UInt8](Data(base64Encoded: file.base64) ?? Data()))
    }

    /// The files below `subfolder` (`templates`), with paths relative to it, sorted.
    static func files(in subfolder: String) -> [(path: String, data: Data)] {
        let prefix = subfolder + "/"
        return files.filter { $0.path.hasPrefix(prefix) }.map { (String($0.path.dropFirst(prefix.count)), $0.data) }
    }
}
