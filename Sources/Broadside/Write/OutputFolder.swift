import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The output folder as the build found it, and which of its files are Broadside's to replace.
///
/// Broadside replaces only a folder it made, the one with its manifest. A folder without one
/// is adopted only when it holds a site an earlier Broadside built (the pages every site has,
/// and nothing but pages and this build's files); anything else, a web server's document
/// root or a podcast folder, is refused whatever the flags. Top-level dotfiles (`.git`,
/// `.htaccess`) are never counted: each build carries them over.
struct OutputFolder: Sendable {
    /// Absolute, with symlinks resolved: what gets replaced.
    let path: String
    let exists: Bool
    /// What the folder's manifest lists; nil when it has none.
    let manifest: Set<String>?
    /// Every file below the folder, relative and sorted, except the manifest and the
    /// top-level dot entries that are carried (those the build writes nothing into).
    let files: [String]

    /// The pages every site Broadside has ever built holds.
    static let everySiteHas = [SiteURLs.homeFile, SiteURLs.feedFile] + TaxonomyKind.allCases.map(SiteURLs.taxonomyFile)

    /// Checks the output before anything is loaded (`place`), then, once the theme's files are
    /// known, whether the folder is Broadside's to replace (`inspect(_:options:assets:asRecorded:)`).
    /// The output's absolute path, when a build may write there: not the site's own inputs, not
    /// a file; leftovers of stopped builds put right.
    static func place(_ options: BuildOptions) -> (String?, [Diagnostic]) {
        let path = OutputPath.resolve(options.output)
        let unsafe = OutputPath.checkNotInputs(output: path, source: options.source)
        guard unsafe.isEmpty else { return (nil, unsafe) }
        var info = stat()
        if lstat(path, &info) == 0 && (info.st_mode & S_IFMT) != S_IFDIR {
            return (nil, [.error(nil, "the output \(path) is a file, not a folder",
                hint: "pass another folder with --output, or move the file away")])
        }
        return (path, Leftovers.whileLocked(path) { Leftovers.recover(path) })
    }

    /// The folder at `path` (see `place`), and whether it is Broadside's to replace.
    /// `asRecorded`: the folder is as the last build left it (`BuildRecord`), which its manifest
    /// lists: not walked again (a quarter of a second at 10,000 posts).
    static func inspect(_ path: String, options: BuildOptions, assets: Set<String>, asRecorded: Bool) -> (OutputFolder, [Diagnostic]) {
        let written = Set(assets.map(topLevelName))
        let folder = (asRecorded ? recorded(path, writingInto: written) : nil) ?? read(path, writingInto: written)
        let foreign = folder.foreignFiles { assets.contains($0) || hasPageShape($0) }
        guard !foreign.isEmpty && (folder.manifest == nil || !options.clean) else { return (folder, []) }
        return (folder, [folder.refusal(foreign)])
    }

    /// Checks the folder against the exact list of files this build writes.
    func check(writing plan: [PlannedFile], clean: Bool) -> [Diagnostic] {
        let written = Set(plan.map(\.path))
        let foreign = foreignFiles(written: written.contains)
        guard !foreign.isEmpty else { return [] }
        guard clean, manifest != nil else { return [refusal(foreign)] }
        return [.warning(nil, "--clean dropped files from \(path) that Broadside did not write: \(Self.list(foreign, showing: 10))",
            hint: "files that belong on the site go in static/, which every build copies")]
    }

    /// Files in the folder that are not Broadside's: for a recorded folder, those neither in its
    /// manifest nor written now; for an unrecorded one, everything when it does not hold a
    /// Broadside site, else whatever is neither written now nor shaped like a page of one.
    func foreignFiles(written: (String) -> Bool) -> [String] {
        if let manifest { return files.filter { !manifest.contains($0) && !written($0) } }
        guard !files.isEmpty else { return [] }
        let present = Set(files)
        guard Self.everySiteHas.allSatisfy(present.contains) else { return files }
        return files.filter { !written($0) && !Self.hasPageShape($0) }
    }

    private func refusal(_ foreign: [String]) -> Diagnostic {
        if manifest == nil {
            return .error(nil,
                "the output folder \(path) was not made by Broadside (it has no \(Manifest.fileName)), so a build will not replace it; it holds \(Self.list(foreign, showing: 5))",
                hint: "choose another folder with --output, or empty this one first")
        }
        return .error(nil,
            "the output folder \(path) holds files that Broadside did not write, which a build would drop: \(Self.list(foreign, showing: 10))",
            hint: "move them into static/, so that every build copies them, or pass --clean to drop them")
    }

    /// `feed.xml` (and the other feeds beside every list's first page), `posts/<x>/index.html` and any file beside it, `page/N/index.html`, the lists below `categories/`,
    /// `tags/`, `kinds/` and `series/` (and their `page/N/`), a language's home (`es/`, its pages
    /// and feed): what an earlier build wrote for a post, term or language since deleted.
    static func hasPageShape(_ path: String) -> Bool {
        var parts = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        // The search index (see `SearchIndex`).
        if parts.count > 1, parts[0] == SearchPages.indexFolder, path.hasSuffix(".bsi") { return true }
        // A file beside a post's page: one of the post's own files (see `ResourceFiles`).
        if parts.count == 3 && parts[0] == "posts" { return true }
        if let first = parts.first, parts.count > 1, SiteConfig.isLanguageTag(first) { parts.removeFirst() }
        // A search page (see `SearchPages`).
        if parts.count == 2, parts[1] == "index.html", parts[0] == "search" || SearchPages.folderNames.values.contains(parts[0]) { return true }
        // What a build writes at the top (or a language's 404 page).
        if parts.count == 1, parts[0] == "404.html" || parts[0] == "robots.txt" || parts[0].hasPrefix("sitemap") && parts[0].hasSuffix(".xml") {
            return true
        }
        // A list's feeds sit beside its first page, in folders of the same shape.
        guard let last = parts.last, last == "index.html" || OutputFormat.feeds.contains(where: { $0.fileName == last }) else {
            return false
        }
        let folders = Array(parts.dropLast())
        guard let first = folders.first else { return true }
        let isPageNumber = { (index: Int) in folders.count > index && Int(folders[index]) != nil }
        switch first {
        case "posts": return folders.count == 2
        case "page": return folders.count == 2 && isPageNumber(1)
        case "events": return folders.count == 1 || (folders.count == 3 && folders[1] == "page" && isPageNumber(2))
        case _ where Self.listFolders.contains(first):
            return folders.count <= 2 || (folders.count == 4 && folders[2] == "page" && isPageNumber(3))
        default: return false
        }
    }

    /// The folders whose subfolders are lists (see `Lists.build`).
    static let listFolders: Set<String> = Set(TaxonomyKind.allCases.map(\.rawValue) + ["kinds", "series"])

    static func topLevelName(_ path: String) -> String { String(path.prefix { $0 != "/" }) }

    /// `a, b, c and 4 more`.
    static func list(_ paths: [String], showing limit: Int) -> String {
        let shown = paths.prefix(limit).joined(separator: ", ")
        return paths.count > limit ? "\(shown) and \(paths.count - limit) more" : shown
    }

    /// The folder as its manifest lists it, as `read` would list it; nil without a manifest.
    private static func recorded(_ path: String, writingInto written: Set<String>) -> OutputFolder? {
        guard let manifest = Manifest.read(in: path) else { return nil }
        let files = manifest.filter { file in
            let top = topLevelName(file)
            return !top.hasPrefix(".") || written.contains(top)
        }
        return OutputFolder(path: path, exists: true, manifest: manifest, files: files.sorted())
    }

    /// Lists the folder without following links; top-level dot entries are walked only
    /// when the build writes into them (`.well-known/`), else they are carried as they are.
    private static func read(_ path: String, writingInto written: Set<String>) -> OutputFolder {
        let fileManager = FileManager.default
        guard let top = try? fileManager.contentsOfDirectory(atPath: path) else {
            return OutputFolder(path: path, exists: false, manifest: nil, files: [])
        }
        let manifest = Manifest.read(in: path)
        var files: [String] = []
        func walk(_ relative: String) {
            var info = stat()
            guard lstat(path + "/" + relative, &info) == 0 else { return }
            guard (info.st_mode & S_IFMT) == S_IFDIR else { return files.append(relative) }
            for entry in (try? fileManager.contentsOfDirectory(atPath: path + "/" + relative)) ?? [] {
                walk(relative + "/" + entry)
            }
        }
        for entry in top {
            if entry == Manifest.fileName {
                // One that is not Broadside's record is just a file of someone else's.
                if manifest == nil { files.append(entry) }
            } else if !entry.hasPrefix(".") || written.contains(entry) {
                walk(entry)
            }
        }
        return OutputFolder(path: path, exists: true, manifest: manifest, files: files.sorted())
    }
}
