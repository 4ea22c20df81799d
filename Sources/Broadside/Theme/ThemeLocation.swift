import Foundation

/// Where a theme's files come from: a folder of the site, or the theme built into Broadside.
enum ThemeLocation: Sendable, Equatable {
    /// `themes/NAME`, relative to the site folder.
    case folder(String)
    /// `BuiltInTheme`, for a site without a `themes/default/` folder.
    case builtIn

    /// The theme named `name`: the site's `themes/NAME/` when it has one, else the built-in
    /// theme when the name is `default`; nil when there is neither.
    static func find(_ name: String, in source: URL) -> ThemeLocation? {
        let folder = "themes/\(name)"
        if Theme.isDirectory(source.appendingPathComponent(folder)) { return .folder(folder) }
        return name == BuiltInTheme.name ? .builtIn : nil
    }

    /// The theme's folder in messages: `themes/NAME`, or `built-in theme`.
    var shown: String {
        switch self {
        case .folder(let folder): folder
        case .builtIn: "built-in theme"
        }
    }

    /// Where an editor adds a file the theme lacks (`templates/x.mustache`): in the theme's
    /// folder, or, for the built-in theme, in the site's own folder of that name.
    func place(_ relative: String) -> String {
        switch self {
        case .folder(let folder): "\(folder)/\(relative)"
        case .builtIn: relative
        }
    }

    /// A file of the theme in a hint that says to copy from it: how to get a copy of a built-in one.
    func copySource(_ relative: String) -> String {
        switch self {
        case .folder(let folder): "\(folder)/\(relative)"
        case .builtIn: "the built-in theme's \(relative) (`broadside theme eject` writes it to \(BuiltInTheme.folder)/\(relative))"
        }
    }

    /// The theme's files below `subfolder` (`templates`), read through the site folder when the
    /// theme is one of its folders, so a link out of the site is not followed.
    func files(in subfolder: String, of site: SiteFolder, skip: (String) -> Bool, keep: (String) -> Bool = { _ in true })
        -> (files: [ThemeFile], diagnostics: [Diagnostic]) {
        switch self {
        case .folder(let folder):
            return ThemeFile.list("\(folder)/\(subfolder)", of: site, within: site.themeBounds(folder), skip: skip, keep: keep)
        case .builtIn:
            let files = BuiltInTheme.files(in: subfolder).filter { file in
                let names = file.path.split(separator: "/").map(String.init)
                return !names.contains(where: skip) && keep(names.last ?? "")
            }
            return (files.map { ThemeFile(path: $0.path, shown: "\(shown)/\(subfolder)/\($0.path)", source: .builtIn($0.data)) }, [])
        }
    }
}

/// A file of a theme or of the site's own `templates/`, `static/` or `i18n/`.
struct ThemeFile: Sendable {
    enum Source: Sendable, Equatable {
        /// A file on disk, links resolved.
        case disk(real: String)
        /// A file of the built-in theme.
        case builtIn(Data)
    }

    /// Relative to the folder listed: `css/style.css` in `static/`.
    var path: String
    /// How messages name it: relative to the site folder, or `built-in theme/static/css/style.css`.
    var shown: String
    var source: Source

    /// Its text; `unreadable` when it cannot be read or is not UTF-8 (the message it always had),
    /// and the size when it is above `limit`.
    func text(_ limit: TextLimit, else unreadable: Diagnostic) -> Result<String, Diagnostic> {
        let read: Result<Data, FileBytes.Failure> = switch source {
        case .disk(let real): FileBytes.read(real, limit: limit.bytes)
        case .builtIn(let data): .success(data)
        }
        switch read {
        case .failure(let failure): return .failure(failure.diagnostic(shown, limit) { _ in unreadable })
        case .success(let data): return String(validatingUTF8: data).map { .success($0) } ?? .failure(unreadable)
        }
    }

    /// The files below the site's folder `relative`, as `SiteFolder.files` finds them.
    static func list(_ relative: String, of site: SiteFolder, within bounds: SiteFolder.Bounds,
        skip: (String) -> Bool, keep: (String) -> Bool = { _ in true }) -> (files: [ThemeFile], diagnostics: [Diagnostic]) {
        let (files, diagnostics) = site.files(in: relative, within: bounds, skip: skip, keep: keep)
        return (files.map { ThemeFile(path: $0.path, shown: "\(relative)/\($0.path)", source: .disk(real: $0.real)) }, diagnostics)
    }
}

extension ThemeFile {
    /// What the site's copy of this file is written from.
    var outputContents: OutputFile.Contents {
        switch source {
        case .disk(let real): .copy(URL(fileURLWithPath: real))
        case .builtIn(let data): .data(data)
        }
    }
}
