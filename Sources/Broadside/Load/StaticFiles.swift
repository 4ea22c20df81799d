import Foundation

/// The files copied to the site as they are: the theme's `static/`, then the site's `static/`, which wins.
enum StaticFiles {
    /// Output path → file to copy (through the site folder, so messages can name it), and what is wrong with any of them.
    static func list(source: URL, themeFolder: String) -> (assets: [String: URL], diagnostics: [Diagnostic]) {
        let site = SiteFolder(source)
        let theme = site.themeBounds(themeFolder)
        var assets: [String: URL] = [:]
        var diagnostics: [Diagnostic] = []
        for (folder, bounds) in [("\(themeFolder)/static", theme), ("static", site.bounds)] {
            let (files, problems) = site.files(in: folder, within: bounds, skip: isLeftover)
            let url = source.appendingPathComponent(folder)
            for file in files { assets[file.path] = url.appendingPathComponent(file.path) }
            diagnostics += problems
        }
        return (assets, diagnostics)
    }

    /// Editors' and systems' leftovers and version control, never published. Other dotfiles are:
    /// hosts read `.htaccess`, `.nojekyll` and `.well-known/`.
    static func isLeftover(_ name: String) -> Bool {
        let lowercased = name.lowercased()
        return [".ds_store", "thumbs.db", "desktop.ini", ".git", ".hg", ".svn"].contains(lowercased)
            || name.hasSuffix("~")
            || (name.hasPrefix(".") && (name.hasSuffix(".swp") || name.hasSuffix(".swo")))
            || (name.count > 1 && name.hasPrefix("#") && name.hasSuffix("#"))
    }
}
