import Yams

/// `attachments:`, `image:`, `image_alt:`, `image_credit:` and `image_decorative:` as written.
///
/// Their shape is checked for every post, drafts included, like the rest of the front matter;
/// the files they name are looked for only once the post is built, so a draft's PDF is never
/// read, listed or published.
struct ResourceFields {
    static let keys: Set<String> = ["attachments", "image", "image_alt", "image_caption", "image_credit", "image_decorative"]
    static let attachmentKeys = ["file", "label"]
    static let maximumAttachments = 100

    /// A value with the place it was written, for errors about the file it names.
    struct Written {
        var text: String
        var line: Int?
        var column: Int?
    }

    var attachments: [(label: String, file: Written)] = []
    var image: Written?
    var alt: String?
    var credit: String?
    var caption: String?
    var decorative = false

    static let fileHint = "write file: report.pdf (a file beside index.md), file: /files/report.pdf (static/files/report.pdf) or an https:// URL"
    static let altHint = "describe what the image shows in a sentence, for readers who cannot see it: image_alt: \"Hands holding a sign that reads Due Process for All\"; "
        + "for an image that is only decoration, write image_alt: \"\" and image_decorative: true"

    /// The fields of one post's front matter (`fields`: key → value, `keys`: key → the key's node).
    static func read(_ fields: [String: Node], keys: [String: Node], file: String) -> (ResourceFields, [Diagnostic]) {
        var result = ResourceFields()
        var diagnostics: [Diagnostic] = []
        let errors = FieldErrors(file: file)
        func at(_ node: Node) -> (line: Int?, column: Int?) { (node.line.map { $0 + 1 }, node.column) }
        func fail(_ node: Node, _ message: String, hint: String) {
            diagnostics.append(errors.error(at: node, message, hint: hint))
        }
        func text(_ key: String, hint: String) -> String? {
            errors.text(key, in: fields, hint: hint, diagnostics: &diagnostics)
        }

        if let node = fields["attachments"] {
            if let items = node.sequence {
                if items.count > maximumAttachments {
                    fail(keys["attachments"] ?? node, "the post has \(items.count) attachments; at most \(maximumAttachments) are allowed",
                        hint: "link the others from a page that lists them, or put them in one ZIP archive")
                } else {
                    for (index, item) in items.enumerated() {
                        if let attachment = readAttachment(item, number: index + 1, fail: fail) { result.attachments.append(attachment) }
                    }
                }
            } else if node.text?.trimmed.isEmpty != true {
                fail(node, "`attachments` must be a list of files, each with file: and label:",
                    hint: "write one `- file: report.pdf` line per file, with `label: \"Court Watch Report\"` on the next line, indented")
            }
        }

        if let value = text("image", hint: "image: banner.png"), let node = fields["image"] {
            if value.trimmed.isEmpty {
                fail(node, "`image` is empty", hint: "name the image file, or remove the line")
            } else {
                result.image = Written(text: value.trimmed, line: at(node).line, column: at(node).column)
            }
        }
        result.alt = text("image_alt", hint: "image_alt: \"What the image shows\"")
        result.credit = text("image_credit", hint: "image_credit: \"Ana Ruiz\"")?.trimmed
        result.caption = text("image_caption", hint: "image_caption: \"Families wait outside the court at dawn\"")?.trimmed
        if let value = text("image_decorative", hint: "image_decorative: true"), let node = fields["image_decorative"] {
            if let flag = SiteConfig.bool(value) { result.decorative = flag } else {
                fail(node, "`image_decorative` must be true or false", hint: "image_decorative: true")
            }
        }

        if let image = fields["image"], result.image != nil {
            let alt = result.alt?.trimmed
            if fields["image_alt"] == nil {
                fail(image, "the image has no text alternative (`image_alt`)", hint: altHint)
            } else if alt?.isEmpty == true && !result.decorative, let node = fields["image_alt"] {
                fail(node, "`image_alt` is empty, so readers who cannot see the image learn nothing from it", hint: altHint)
            } else if alt?.isEmpty == false && result.decorative, let node = fields["image_decorative"] {
                fail(node, "`image_decorative: true` says the image is only decoration, but `image_alt` describes it",
                    hint: "remove image_decorative to keep the description, or write image_alt: \"\" for decoration")
            }
        } else if fields["image"] == nil {
            for key in ["image_alt", "image_caption", "image_credit", "image_decorative"] {
                guard let node = keys[key] else { continue }
                diagnostics.append(.warning(file, line: at(node).line, column: at(node).column,
                    "`\(key)` is ignored: the post has no `image`", hint: "add image: with the image's file, or remove `\(key)`"))
            }
        }
        return (result, diagnostics)
    }

    private static func readAttachment(
        _ item: Node, number: Int, fail: (Node, String, String) -> Void
    ) -> (label: String, file: Written)? {
        guard let mapping = item.mapping else {
            fail(item, "attachment \(number) must be a file: and a label:", fileHint + ", then label: \"Court Watch Report\" on the next line")
            return nil
        }
        var file: Written?
        var label: String?
        var complete = true
        for (key, value) in mapping {
            let name = key.text ?? ""
            guard attachmentKeys.contains(name) else {
                fail(key, "attachment \(number) has an unknown key `\(name)`", KeySuggestions.hint("an attachment has only file: and label:", near: name, in: attachmentKeys))
                complete = false
                continue
            }
            guard let text = value.text?.trimmed, !text.isEmpty else {
                fail(value, "the \(name) of attachment \(number) must be text", name == "file" ? fileHint : "label: \"Court Watch Report\"")
                complete = false
                continue
            }
            if name == "file" {
                file = Written(text: text, line: value.line.map { $0 + 1 }, column: value.column)
            } else {
                label = text
            }
        }
        if !mapping.contains(where: { $0.key.text == "file" }) {
            fail(item, "attachment \(number) has no `file`", fileHint)
            complete = false
        }
        if !mapping.contains(where: { $0.key.text == "label" }) {
            fail(item, "attachment \(number) has no `label`", "add label: \"Court Watch Report\", the words readers click to download it")
            complete = false
        }
        guard complete, let file, let label else { return nil }
        return (label, file)
    }

    /// The files these fields name, found by `finder` once the post knows its folder (`posts/<slug>/`, or a page's).
    func resolve(with finder: ResourceFinder?, folder: String, file: String) -> (PostResources, [Diagnostic]) {
        var resources = PostResources()
        var diagnostics: [Diagnostic] = []
        let listing: (files: [PostResource], diagnostics: [Diagnostic]) = finder?.folderFiles(publishedIn: folder) ?? ([], [])
        resources.files = listing.files
        diagnostics += listing.diagnostics
        func find(_ written: Written, key: String) -> PostResource? {
            guard let finder else {
                // Without a site folder (unit tests of the parser) nothing can be looked up.
                return nil
            }
            switch finder.find(written.text, besides: listing.files, reported: listing.diagnostics) {
            case .success(let resource): return resource
            case .failure(let problem):
                if !problem.reported {
                    diagnostics.append(.error(file, line: written.line, column: written.column,
                        "`\(key)`: \(problem.message)", hint: problem.hint))
                }
                return nil
            }
        }
        for (index, attachment) in attachments.enumerated() {
            if let found = find(attachment.file, key: "attachments[\(index + 1)].file") {
                resources.attachments.append(Attachment(label: attachment.label, file: found))
            }
        }
        if let image, let found = find(image, key: "image") {
            if found.place == .remote {
                diagnostics.append(.warning(file, line: image.line, column: image.column,
                    "the image is on another host, so every reader's browser will contact that host when the page opens, telling it who reads the post",
                    hint: "download the image and put it in the post's folder, beside index.md, then write image: with its name"))
            }
            resources.image = FeaturedImage(file: found, alt: decorative ? "" : (alt?.trimmed ?? ""), credit: credit?.isEmpty == false ? credit : nil,
                caption: caption?.isEmpty == false ? caption : nil)
        }
        return (resources, diagnostics)
    }
}
