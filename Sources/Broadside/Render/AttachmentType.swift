/// What kind of file an attachment is, from its extension alone: the same file name gives the same
/// media type and label on every machine, whatever its system's MIME database says.
struct AttachmentType: Equatable, Sendable {
    /// For `type=` on links and feed enclosures.
    var mediaType: String
    /// The string key below `type.` that names it for readers (`type.pdf`: "PDF").
    var name: String

    static let other = AttachmentType(mediaType: "application/octet-stream", name: "file")

    private static let byExtension: [String: AttachmentType] = {
        let table: [(name: String, files: [(String, String)])] = [
            ("pdf", [("pdf", "application/pdf")]),
            ("word", [
                ("doc", "application/msword"),
                ("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
                ("odt", "application/vnd.oasis.opendocument.text"),
                ("rtf", "application/rtf"),
            ]),
            ("spreadsheet", [
                ("xls", "application/vnd.ms-excel"),
                ("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
                ("ods", "application/vnd.oasis.opendocument.spreadsheet"),
                ("csv", "text/csv"),
            ]),
            ("presentation", [
                ("ppt", "application/vnd.ms-powerpoint"),
                ("pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
                ("odp", "application/vnd.oasis.opendocument.presentation"),
            ]),
            ("image", [
                ("jpg", "image/jpeg"), ("jpeg", "image/jpeg"), ("png", "image/png"), ("gif", "image/gif"),
                ("webp", "image/webp"), ("svg", "image/svg+xml"), ("avif", "image/avif"),
            ]),
            ("audio", [("mp3", "audio/mpeg"), ("m4a", "audio/mp4"), ("ogg", "audio/ogg"), ("wav", "audio/wav")]),
            ("video", [("mp4", "video/mp4"), ("webm", "video/webm"), ("mov", "video/quicktime")]),
            ("archive", [("zip", "application/zip")]),
            ("text", [("txt", "text/plain")]),
        ]
        var byExtension: [String: AttachmentType] = [:]
        for (name, files) in table {
            for (fileExtension, mediaType) in files {
                byExtension[fileExtension] = AttachmentType(mediaType: mediaType, name: name)
            }
        }
        return byExtension
    }()

    /// Every label key below `type.`, `file` (anything else) included: each theme language needs them all.
    static let names: Set<String> = Set(byExtension.values.map(\.name)).union([other.name])

    /// `Know Your Rights.PDF` → PDF. A name without a known extension is `other`.
    static func of(fileName: String) -> AttachmentType {
        guard let dot = fileName.lastIndex(of: "."), !fileName[dot...].contains("/") else { return other }
        return byExtension[fileName[fileName.index(after: dot)...].lowercased()] ?? other
    }
}
