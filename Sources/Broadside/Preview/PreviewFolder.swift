import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What a request path is in the preview's output folder.
public enum PreviewLookup: Sendable, Equatable {
    /// A regular file inside the folder (its real path), with its media type.
    case file(path: String, contentType: String)
    /// Another address for the same thing: `/posts/x` → `/posts/x/`, `/` → `/news/`.
    case redirect(location: String)
    case refused(PreviewStatus)
}

/// The preview's output folder, served under the site's root path (`/`, or `/news/` when
/// `base_url` has a path). Only regular files whose real path is inside the folder are
/// served: a symlink out of it is refused however the request names it.
public struct PreviewFolder: Sendable {
    /// The folder's real path, symlinks resolved.
    public let root: String
    /// The decoded segments of the site's root path: `[]`, or `["news"]`.
    let rootSegments: [String]
    /// The root path as the site's links write it: `/` or `/news/`.
    public let rootPath: String

    /// Nil when the folder does not exist.
    public init?(folder: URL, rootPath: String) {
        guard let real = Self.realPath(folder.path) else { return nil }
        root = real
        self.rootPath = rootPath
        let parsed = try? RequestPath.parse(target: rootPath).get()
        rootSegments = parsed?.segments ?? []
    }

    public func lookup(_ path: RequestPath) -> PreviewLookup {
        guard path.segments.starts(with: rootSegments) else {
            // `/` of a site published under `/news/` is where the editor starts.
            return path.segments.isEmpty ? .redirect(location: rootPath) : .refused(.notFound)
        }
        let inside = path.segments.dropFirst(rootSegments.count)
        if inside.isEmpty && !path.isFolder { return .redirect(location: path.raw + "/") }
        let candidate = ([root] + inside).joined(separator: "/")
        guard let real = contained(candidate) else { return .refused(.notFound) }
        switch Self.kind(real) {
        case .folder:
            guard path.isFolder else { return .redirect(location: path.raw + "/") }
            guard let index = contained(real + "/index.html"), Self.kind(index) == .file else { return .refused(.notFound) }
            return .file(path: index, contentType: ContentTypes.type(ofFile: "index.html"))
        case .file:
            guard !path.isFolder else { return .refused(.notFound) }
            return .file(path: real, contentType: ContentTypes.type(ofFile: inside.last ?? ""))
        case .other:
            return .refused(.notFound)
        }
    }

    /// The real path of `path` when it is the root or below it.
    private func contained(_ path: String) -> String? {
        guard let real = Self.realPath(path) else { return nil }
        return real == root || real.hasPrefix(root == "/" ? "/" : root + "/") ? real : nil
    }

    private enum Kind { case file, folder, other }

    private static func kind(_ path: String) -> Kind {
        var info = stat()
        guard stat(path, &info) == 0 else { return .other }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .folder
        default: return .other
        }
    }

    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
