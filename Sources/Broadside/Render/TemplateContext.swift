import Mustache

/// What swift-mustache reads of a typed value: the parts of Broadside that still render through
/// it (the theme's checks, blocks, feed content) read the same `TemplateMap` Broadside's own
/// engine renders, so both see one value.
extension TemplateMap: MustacheParent {
    func child(named name: String) -> Any? { self[name]?.mustacheValue }
}

extension TemplateValue {
    /// As swift-mustache's protocols expect it: strings, numbers, flags, arrays and parents.
    var mustacheValue: Any {
        switch self {
        case .text(let text), .html(let text), .url(let text): text
        case .storedHTML(let html): html.text
        case .number(let number): number
        case .bool(let flag): flag
        case .list(let items): items.map(\.mustacheValue)
        case .map(let map): map
        }
    }
}
