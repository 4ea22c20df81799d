import Foundation

/// The files beside each post folder's `index.md`, copied next to the post's page. Only posts
/// in the site have any: a draft or a post in the future was never loaded, so its files are
/// not even listed until it is published.
enum ResourceFiles {
    static func planned(for site: Site) -> [(file: OutputFile, planned: PlannedFile)] {
        // By index, field by field: a post taken whole is copied, every field of it retained.
        site.posts.indices.flatMap { index in
            site.posts[index].resources.files.compactMap { resource -> (OutputFile, PlannedFile)? in
                guard let path = resource.outputPath, let real = resource.real, let source = resource.source else { return nil }
                return (OutputFile(path: path, contents: .copy(URL(fileURLWithPath: real))),
                    PlannedFile(path: path, origin: .postResource(post: site.posts[index].source, resource: source)))
            }
        }
    }

    /// `resource` would be written where `other` already is: the post's page (a file named
    /// `index.html`) or a static file.
    static func clash(_ resource: PlannedFile, with other: PlannedFile?) -> Diagnostic {
        guard case .postResource(_, let source) = resource.origin else { preconditionFailure("only a post's files clash here") }
        let what: String
        switch other?.origin {
        case .post: what = "where the post's page is written"
        case .staticFile(let file): what = "where the static file \(file) is written"
        default: what = "where another file of the site is written"
        }
        return .error(source, "this file beside the post would be published at /\(resource.path), \(what)",
            hint: "rename the file")
    }
}
