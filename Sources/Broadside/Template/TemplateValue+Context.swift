/// The bridge from today's dynamic contexts (`TemplateContext`, `TemplateWords`) to the typed
/// value, so pages can be rendered by both engines and compared while the views are still
/// dictionaries. Strings become `html` under the names `TemplateRules.htmlValues` (the only ones a
/// theme may write with `{{{ }}}`), `url` under `url` and `…_url`, `text` elsewhere.
extension TemplateValue {
    init(_ context: TemplateContext) {
        var pairs: [String: TemplateValue] = [:]
        for (key, value) in context.values {
            if let converted = TemplateValue(dynamic: value, key: key) { pairs[key] = converted }
        }
        self = .map(TemplateMap(pairs))
    }

    init(_ words: TemplateWords) {
        var pairs: [String: TemplateValue] = [:]
        for (key, value) in words.values {
            pairs[key] = switch value {
            case .text(let text): .text(text)
            case .group(let group): TemplateValue(group)
            case .list(let items): .list(items.map(TemplateValue.text))
            }
        }
        self = .map(TemplateMap(pairs))
    }

    /// nil for nil (an absent value, as swift-mustache reads a nil optional).
    private init?(dynamic value: Any, key: String) {
        switch value {
        case let text as String:
            self = TemplateRules.htmlValues.contains(key) ? .html(text) : key == "url" || key.hasSuffix("_url") ? .url(text) : .text(text)
        case let flag as Bool: self = .bool(flag)
        case let number as Int: self = .number(number)
        case let context as TemplateContext: self = TemplateValue(context)
        case let words as TemplateWords: self = TemplateValue(words)
        case let contexts as [TemplateContext]: self = .list(contexts.map(TemplateValue.init))
        case let items as [Any]: self = .list(items.compactMap { TemplateValue(dynamic: $0, key: key) })
        case let optional as AnyOptionalValue:
            guard let wrapped = optional.wrapped else { return nil }
            self.init(dynamic: wrapped, key: key)
        default:
            self = .text(String(describing: value))
        }
    }
}

/// An `Optional` of any type, so the bridge can unwrap one held as `Any`.
private protocol AnyOptionalValue {
    var wrapped: Any? { get }
}

extension Optional: AnyOptionalValue {
    fileprivate var wrapped: Any? { self.map { $0 as Any } }
}
