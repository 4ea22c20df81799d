import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What `broadside theme eject` wrote.
public struct ThemeEjectReport: Sendable {
    /// The folder written, relative to the site folder: `themes/default`.
    public var folder: String
    /// Every file written, relative to the site folder, sorted.
    public var files: [String]
    /// Things worth knowing that did not stop it (site.yml naming another theme).
    public var warnings: [Diagnostic]
    /// Whether the site's build uses the folder now (not when site.yml names another theme).
    public var siteUsesIt: Bool { warnings.isEmpty }
}

/// The built-in theme written into the site's `themes/default/`, byte for byte, for an editor or
/// designer to change: a site with that folder uses it instead of the built-in one.
public enum ThemeEject {
    public static func run(source: URL) throws(BuildFailure) -> ThemeEjectReport {
        let site = SiteFolder(source)
        let folder = BuiltInTheme.folder
        let fileManager = FileManager.default
        guard fileManager.fileExists(atPath: source.appendingPathComponent("site.yml").path)
            || fileManager.fileExists(atPath: source.appendingPathComponent("content").path) else {
            throw BuildFailure([.error(nil, "\(source.path) is not a Broadside site: it has no site.yml and no content/ folder",
                hint: "run broadside theme eject in the site's folder, or pass --source with the site's folder")])
        }
        // `themes` may be a folder or a link within the site; never a link out of it, which would
        // write the theme somewhere else on the machine.
        switch site.look(at: "themes", within: site.bounds) {
        case .failure(let problem): throw BuildFailure([problem])
        case .success(.file):
            throw BuildFailure([.error("themes", "themes is a file, so the theme cannot be written into themes/default/",
                hint: "rename or remove the file themes, then run broadside theme eject again")])
        case .success(.missing):
            guard mkdir(site.root + "/themes", 0o755) == 0 || errno == EEXIST else { throw BuildFailure([cannotWrite("themes", errno)]) }
        case .success(.folder): break
        }
        var status = stat()
        guard lstat(site.root + "/" + folder, &status) != 0 && errno == ENOENT else {
            throw BuildFailure([.error(folder, "this folder already exists, so the built-in theme is not written over it",
                hint: "the site already uses its own \(folder)/; to start again from the built-in theme, rename or move "
                    + "\(folder)/ away and run broadside theme eject again")])
        }
        // mkdir fails if something appeared since: files are only ever written into a folder made here.
        guard mkdir(site.root + "/" + folder, 0o755) == 0 else { throw BuildFailure([cannotWrite(folder, errno)]) }
        var written: [String] = []
        for file in BuiltInTheme.files {
            let path = "\(folder)/\(file.path)"
            if let code = create(path, below: site.root, holding: file.data) {
                try? fileManager.removeItem(atPath: site.root + "/" + folder)
                throw BuildFailure([cannotWrite(path, code)])
            }
            written.append(path)
        }
        return ThemeEjectReport(folder: folder, files: written, warnings: otherTheme(source))
    }

    /// Writes `data` to `relative` below `root`, making its folders; nil, or the error code.
    /// Nothing existing is followed or replaced (`O_EXCL`, `O_NOFOLLOW`).
    private static func create(_ relative: String, below root: String, holding data: Data) -> Int32? {
        var folder = root
        for part in relative.split(separator: "/").dropLast() {
            folder += "/\(part)"
            if mkdir(folder, 0o755) != 0 && errno != EEXIST { return errno }
        }
        let descriptor = open(root + "/" + relative, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, 0o644)
        guard descriptor >= 0 else { return errno }
        defer { close(descriptor) }
        let bytes = [UInt8](data)
        var done = 0
        while done < bytes.count {
            let count = bytes[done...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            guard count > 0 else { return count < 0 ? errno : EIO }
            done += count
        }
        return nil
    }

    private static func cannotWrite(_ relative: String, _ code: Int32) -> Diagnostic {
        .error(relative, "this cannot be written (\(SiteFolder.reason(code)))",
            hint: "check that the site folder can be written to and has room")
    }

    /// A warning when site.yml names another theme, which the site goes on using.
    private static func otherTheme(_ source: URL) -> [Diagnostic] {
        let (config, _) = SiteConfig.load(from: source, baseURLOverride: nil)
        guard config.theme != BuiltInTheme.name else { return [] }
        return [.warning("site.yml", "site.yml sets theme: \(config.theme), so the site does not use \(BuiltInTheme.folder)/",
            hint: "remove theme: from site.yml, or set it to default, to use the theme just written")]
    }
}
