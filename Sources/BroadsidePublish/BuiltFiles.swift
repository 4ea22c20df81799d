import Broadside
import CImage
import Foundation

/// The manifest of a built folder: the files its `.broadside-manifest` lists (what the build
/// wrote), each hashed by streaming.
public enum BuiltFiles {
    public static func manifest(of folder: URL) -> Result<PublishManifest, BuildFailure> {
        guard let paths = Manifest.read(in: folder.path) else {
            return .failure(BuildFailure([.error(nil, "\(folder.path) is not a folder Broadside built.", hint: "Run broadside build first.")]))
        }
        var files: [String: PublishManifest.Entry] = [:]
        for path in paths where path != PublishManifest.fileName && path != PublishChanges.fileName {
            let full = folder.appendingPathComponent(path).path
            var hex = [CChar](repeating: 0, count: 65)
            let size = (try? FileManager.default.attributesOfItem(atPath: full)[.size] as? Int) ?? nil
            guard let size, bs_sha256_file(full, &hex) == 0 else {
                return .failure(BuildFailure([.error(nil, "Cannot read \(full).", hint: "Run broadside build again.")]))
            }
            files[path] = .init(size: size, sha256: String(decoding: hex.prefix(64).map { UInt8(bitPattern: $0) }, as: UTF8.self))
        }
        return .success(PublishManifest(files: files))
    }
}
