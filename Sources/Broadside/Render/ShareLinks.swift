/// The post page's "share" links: plain links to each service's own share page, made here,
/// so a page loads no button, script or image from another host and tells no one it was read
/// until a reader chooses to share. And the address itself, to copy, for any other app.
///
/// Each service's documented link (they take only a URL and a text; the title and the address
/// are percent-encoded as query values, so no title can add a parameter or end the link):
/// WhatsApp `wa.me/?text=`, Facebook's sharer, X's `intent/post`, Bluesky's `intent/compose`,
/// Telegram's `share/url`, and `mailto:` with a subject and a body.
enum ShareLinks {
    struct Link {
        /// `whatsapp`, `facebook`, …: the class the theme styles it by.
        var service: String
        var label: String
        var url: String
    }

    static func links(title: String, url: String, emailLabel: String) -> [Link] {
        let text = PercentEncoding.segment(title), address = PercentEncoding.segment(url)
        let both = PercentEncoding.segment(title + " " + url)
        return [
            Link(service: "whatsapp", label: "WhatsApp", url: "https://wa.me/?text=\(both)"),
            Link(service: "facebook", label: "Facebook", url: "https://www.facebook.com/sharer/sharer.php?u=\(address)"),
            Link(service: "x", label: "X", url: "https://x.com/intent/post?text=\(text)&url=\(address)"),
            Link(service: "bluesky", label: "Bluesky", url: "https://bsky.app/intent/compose?text=\(both)"),
            Link(service: "telegram", label: "Telegram", url: "https://t.me/share/url?url=\(address)&text=\(text)"),
            Link(service: "email", label: emailLabel, url: "mailto:?subject=\(text)&body=\(address)"),
        ]
    }

    /// The post's `share`: its absolute address and the links; nil without a `base_url`, when a
    /// page knows no address that another reader could open.
    static func context(title: String, absoluteURL: String?, emailLabel: String) -> TemplateMap? {
        guard let absoluteURL else { return nil }
        let links = links(title: title, url: absoluteURL, emailLabel: emailLabel).map {
            ["service": .text($0.service), "label": .text($0.label), "url": .url($0.url)] as TemplateMap
        }
        return ["url": .url(absoluteURL), "links": .maps(links)]
    }
}
