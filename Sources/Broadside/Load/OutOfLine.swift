/// A value a post seldom has, kept out of the post's own bytes: a post is copied into arrays of
/// every post (loaded, resolved), and its attachments' and event's fields inline were 270 of its
/// 700 bytes, for most posts empty. The empty value takes no storage; encoded as the value
/// itself (the post cache's format).
@propertyWrapper
public struct OutOfLine<Value: EmptyValue & Sendable & Equatable & Codable>: Sendable, Equatable, Codable {
    private final class Box: Sendable {
        let value: Value
        init(_ value: Value) { self.value = value }
    }

    /// Nil for `Value.empty`.
    private var box: Box?

    public init(wrappedValue: Value) { box = wrappedValue == .empty ? nil : Box(wrappedValue) }

    public var wrappedValue: Value {
        get { box?.value ?? .empty }
        set { box = newValue == .empty ? nil : Box(newValue) }
    }

    public static func == (a: OutOfLine, b: OutOfLine) -> Bool { a.wrappedValue == b.wrappedValue }

    public init(from decoder: any Decoder) throws { self.init(wrappedValue: try Value(from: decoder)) }

    public func encode(to encoder: any Encoder) throws { try wrappedValue.encode(to: encoder) }
}

/// What a value is when there is none of it.
public protocol EmptyValue {
    static var empty: Self { get }
}

extension Optional: EmptyValue {
    public static var empty: Self { nil }
}

extension PostResources: EmptyValue {
    public static var empty: PostResources { PostResources() }
}
