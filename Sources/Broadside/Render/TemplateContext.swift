import Mustache

/// A map of values for Mustache. A plain struct rather than `[String: Any]`: swift-mustache
/// checks every value it looks up against its protocols, and a non-generic type's
/// conformance is found much faster than `Dictionary`'s conditional one.
struct TemplateContext: MustacheParent, ExpressibleByDictionaryLiteral {
    var values: [String: Any]

    init(dictionaryLiteral elements: (String, Any)...) {
        values = Dictionary(elements, uniquingKeysWith: { _, last in last })
    }

    init(_ values: [String: Any]) {
        self.values = values
    }

    subscript(key: String) -> Any? {
        get { values[key] }
        set { values[key] = newValue }
    }

    func child(named name: String) -> Any? { values[name] }
}
