import Foundation

/// An action, stat or callout an editor writes as a fenced block of YAML fields
/// (```` ```action ````), shown through the theme's `blocks/<name>` partial.
public struct Block: Sendable, Equatable, Codable {
    public enum Name: String, CaseIterable, Sendable, Codable {
        case action, stat, callout

        /// The fields a block of this name may have, in the order the README gives them.
        var fields: [String] {
            switch self {
            case .action: ["title", "url", "phone", "button", "text"]
            case .stat: ["figure", "label", "as_of", "source", "source_url"]
            case .callout: ["title", "text"]
            }
        }

        var required: [String] {
            switch self {
            case .action: ["title"]
            case .stat: ["figure", "label"]
            case .callout: ["text"]
            }
        }
    }

    /// "Take action": a button to a page or form, or a number to call.
    public struct Action: Sendable, Equatable, Codable {
        public var title: String
        /// Checked by `URLPolicy`; a root-relative path has the site's root path before it.
        public var url: String?
        /// As written, for readers: `(202) 555-0143`.
        public var phone: String?
        /// The link's text; nil for the theme's `take_action` string.
        public var button: String?
        /// A short paragraph of plain text.
        public var text: String?

        /// `tel:+12025550143`: the digits and a leading `+` of `phone`.
        var phoneURL: String? {
            phone.map { "tel:" + $0.filter { $0.isASCII && ($0.isNumber || $0 == "+") } }
        }
    }

    /// A headline figure: "23,753 people detained in ICE custody, as of July 11, 2022".
    public struct Stat: Sendable, Equatable, Codable {
        public var figure: String
        public var label: String
        public var asOf: PostDate?
        public var source: String?
        public var sourceURL: String?
    }

    /// A note set apart from the text, its Markdown already HTML.
    public struct Callout: Sendable, Equatable, Codable {
        public var title: String?
        public var html: String
    }

    public enum Fields: Sendable, Equatable {
        case action(Action)
        case stat(Stat)
        case callout(Callout)
    }

    public var fields: Fields
    /// What stands in the post's HTML where the block goes (see `BlockMarker`).
    public var marker: String
    /// Where the opening fence is in the post's file, for messages.
    public var line: Int
    public var column: Int

    // Never inlined: Swift 6.3.1's optimizer crashes in release builds (CopyPropagation, "Found
    // outside of lifetime use") when this switch is inlined into a closure over `[Block]`.
    public var name: Name {
        @inline(never) get {
            switch fields {
            case .action: .action
            case .stat: .stat
            case .callout: .callout
            }
        }
    }
}

/// For `PostCache`: the block's name, then its fields.
extension Block.Fields: Codable {
    public init(from decoder: any Decoder) throws {
        var container = try decoder.unkeyedContainer()
        switch try container.decode(Block.Name.self) {
        case .action: self = .action(try container.decode(Block.Action.self))
        case .stat: self = .stat(try container.decode(Block.Stat.self))
        case .callout: self = .callout(try container.decode(Block.Callout.self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.unkeyedContainer()
        switch self {
        case .action(let action): try container.encode(Block.Name.action); try container.encode(action)
        case .stat(let stat): try container.encode(Block.Name.stat); try container.encode(stat)
        case .callout(let callout): try container.encode(Block.Name.callout); try container.encode(callout)
        }
    }
}
