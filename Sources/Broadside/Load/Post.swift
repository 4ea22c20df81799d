/// The kinds of advocacy post Broadside knows; each gets its listing and templates later.
public enum Kind: String, CaseIterable, Sendable {
    case dispatch
    case actionDay = "action-day"
    case qa
    case perspective
    case report
    case letter
    case event

    public var label: String {
        switch self {
        case .dispatch: "Dispatch"
        case .actionDay: "Action day"
        case .qa: "Q&A"
        case .perspective: "Perspective"
        case .report: "Report"
        case .letter: "Letter"
        case .event: "Event"
        }
    }

    /// The heading of the kind's listing.
    public var pluralLabel: String {
        switch self {
        case .dispatch: "Dispatches"
        case .actionDay: "Action days"
        case .qa: "Q&As"
        case .perspective: "Perspectives"
        case .report: "Reports"
        case .letter: "Advocacy letters"
        case .event: "Events"
        }
    }
}

/// One post as loaded: front matter checked and typed, body converted once.
/// Later stages refer to posts by their index in the resolved site, never copy or change them.
public struct Post: Sendable, Equatable {
    /// Path relative to the site folder, for messages: `content/posts/a.md`.
    public var source: String
    public var slug: String
    public var title: String
    public var date: PostDate
    /// `dispatch` when the front matter names none.
    public var kind: Kind
    /// `author:`, one name or a list of names, in the order written.
    public var authors: [String]
    public var categories: [String]
    public var tags: [String]
    /// From front matter, else the first paragraph's text.
    public var summary: String
    /// The post's `lang`, else the site's language.
    public var lang: String
    public var series: String?
    public var seriesDay: Int?
    public var translationKey: String?
    public var draft: Bool
    public var html: String
    /// Every other front-matter key, handed to templates as `params`.
    public var params: [String: FrontMatterValue]
    /// Where `slug:` was written, if it was, for messages about duplicates.
    public var slugLine: Int?
    /// The body's action, stat and callout blocks, in order; `html` holds their markers.
    public var blocks: [Block] = []
}
