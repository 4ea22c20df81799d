import Foundation

/// The files copied to the site as they are: the theme's `static/`, then the site's `static/`, which wins.
enum StaticFiles {
    /// Output path → file to copy (named as messages name it), and what is wrong with any of them.
    static func list(source: URL, theme: ThemeLocation) -> (assets: [String: ThemeFile], diagnostics: [Diagnostic]) {
        let site = SiteFolder(source)
        var assets: [String: ThemeFile] = [:]
        var diagnostics: [Diagnostic] = []
        for (files, problems) in [theme.files(in: "static", of: site, skip: isLeftover),
                                  ThemeFile.list("static", of: site, within: site.bounds, skip: isLeftover)] {
            for file in files { assets[file.path] = file }
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
