import Mustache

/// A map of values for Mustache. A plain struct rather than `[String: Any]`: swift-mustache
/// checks every value it looks up against its protocols, and a non-generic type's
/// conformance is found much faster than `Dictionary`'s conditional one. Its values are
/// `Sendable` (text, numbers, flags, other contexts), so a context made once, such as a
/// post's list entry, can be shared by the pages every core renders.
struct TemplateContext: MustacheParent, ExpressibleByDictionaryLiteral, Sendable {
    var values: [String: any Sendable]

    init(dictionaryLiteral elements: (String, any Sendable)...) {
        values = Dictionary(elements, uniquingKeysWith: { _, last in last })
    }

    init(_ values: [String: any Sendable]) {
        self.values = values
    }

    subscript(key: String) -> (any Sendable)? {
        get { values[key] }
        set { values[key] = newValue }
    }

    func child(named name: String) -> Any? { values[name] }
}
