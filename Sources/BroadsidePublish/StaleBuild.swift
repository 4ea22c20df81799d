import Broadside
import Foundation

/// Publish sends `site/` as the last build made it. An editor who saved a post and ran only
/// `publish` would send yesterday's site without a word: the newest source file changed
/// after that build is named instead.
public enum StaleBuild {
    /// What a build reads: the site's own folders and settings.
    static let sources = ["content", "static", "templates", "themes", "i18n", "site.yml"]

    /// A warning naming a source file newer than the build in `built`, or nil.
    public static func check(site: URL, built: URL) -> Diagnostic? {
        let manifest = built.appendingPathComponent(".broadside-manifest")
        guard let builtAt = modified(manifest) else { return nil }
        var newest: (path: String, date: Date)?
        for name in sources {
            let root = site.appendingPathComponent(name)
            for file in files(under: root) {
                guard let date = modified(file), date > builtAt, date > (newest?.date ?? .distantPast) else { continue }
                newest = (relative(file, to: site), date)
            }
        }
        guard let newest else { return nil }
        return .warning(newest.path, "changed after the last build: the host gets the site as that build made it, without this change",
            hint: "run broadside build, then broadside publish again")
    }

    private static func files(under root: URL) -> [URL] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isFolder) else { return [] }
        guard isFolder.boolValue else { return [root] }
        let walk = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.contentModificationDateKey, .isRegularFileKey])
        return (walk?.allObjects as? [URL] ?? []).filter { (try? $0.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true }
            .sorted { $0.path < $1.path }
    }

    private static func modified(_ file: URL) -> Date? {
        (try? FileManager.default.attributesOfItem(atPath: file.path)[.modificationDate]) as? Date
    }

    private static func relative(_ file: URL, to site: URL) -> String {
        let base = site.standardizedFileURL.path
        let path = file.standardizedFileURL.path
        return path.hasPrefix(base + "/") ? String(path.dropFirst(base.count + 1)) : path
    }
}
