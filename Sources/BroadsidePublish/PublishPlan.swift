/// What a publish does, decided from the host's manifest and the build's, without a connection.
public struct PublishPlan: Equatable, Sendable {
    /// In the order to upload: what pages link to before the pages, the home pages last, so
    /// a visitor never follows a link to a file that is not there yet.
    public var uploads: [String]
    /// Files the host's manifest lists and the build no longer has; deleted after every upload.
    public var deletions: [String]
    public var unchanged: Int
    /// Files of the build whose names no FTP or SFTP command can carry safely (see `isSafe`).
    public var refused: [String]

    public init(published: PublishManifest, built: PublishManifest) {
        let changed = built.files.filter { published.files[$0.key] != $0.value }.map(\.key)
        refused = changed.filter { !Self.isSafe($0) }.sorted()
        uploads = changed.filter(Self.isSafe).sorted { (Self.rank($0), $0) < (Self.rank($1), $1) }
        // Only what Broadside put there: a file the host had before (.htaccess) is never listed.
        // A path that would leave the folder (`../x`) is never Broadside's, whoever wrote it there.
        deletions = published.files.keys.filter { built.files[$0] == nil && Self.isSafe($0) }.sorted()
        unchanged = built.files.count - changed.count
    }

    /// Relative, without an empty, `.` or `..` segment, without a control character: an FTP
    /// command ends at a line break, so `a\r\nDELE index.html` in a name would be a second command.
    static func isSafe(_ path: String) -> Bool {
        guard !path.isEmpty, !path.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F }) else { return false }
        return !path.split(separator: "/", omittingEmptySubsequences: false).contains { $0.isEmpty || $0 == "." || $0 == ".." }
    }

    /// 0 assets, 1 pages, 2 feeds and the sitemap, 3 home pages (the site's and each language's).
    static func rank(_ path: String) -> Int {
        let parts = path.split(separator: "/")
        let name = parts.last.map(String.init) ?? path
        if name == "index.html" && (parts.count == 1 || (parts.count == 2 && isLanguage(String(parts[0])))) { return 3 }
        if name.hasSuffix(".xml") || name.hasSuffix(".json") || name.hasSuffix(".atom") || name.hasSuffix(".rss") { return 2 }
        if name.hasSuffix(".html") { return 1 }
        return 0
    }

    /// `fr`, `pt-br`: a folder named as a language holds a home page of its own.
    static func isLanguage(_ folder: String) -> Bool {
        let pieces = folder.split(separator: "-")
        guard let first = pieces.first, (2...3).contains(first.count) else { return false }
        return folder.allSatisfy { $0.isLowercase || $0 == "-" } && pieces.count <= 2
    }
}
