/// An image in a post's text that is a file of the site (`![A vigil](vigil.jpg)`), not one on
/// another host: it is shown in the sizes the image stage made of it.
public struct InlineImage: Sendable, Equatable, Codable {
    /// As written, before the site's root path is put in front of a root-relative one.
    public var url: String
    /// The text a reader's screen reader says, plain.
    public var alt: String
    public var title: String?
    /// What stands in the post's HTML where the image goes.
    public var marker: String

    /// Neither another host (`https://`, `//cdn`) nor a `data:` URL, nor empty.
    static func isLocal(_ url: String) -> Bool {
        let trimmed = url.trimmed
        return !trimmed.isEmpty && !trimmed.hasPrefix("//") && !trimmed.hasPrefix("#") && URLPolicy.scheme(of: trimmed) == nil
    }
}
