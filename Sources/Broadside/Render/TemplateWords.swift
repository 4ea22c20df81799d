import Mustache

/// The theme's strings of one language as templates read them (`{{t.read_more}}`,
/// `{{t.kind.action-day}}`, `{{#t.months}}`): nested groups, since Mustache reads a dot as a
/// step into a group. A value type made once per language and shared by every page on every
/// core, where a `TemplateContext` (which holds `Any`) would have to be made again per page.
struct TemplateWords: MustacheParent, Sendable {
    enum Value: Sendable {
        case text(String)
        case group(TemplateWords)
        case list([String])
    }

    var values: [String: Value]

    func child(named name: String) -> Any? {
        switch values[name] {
        case .text(let text): text
        case .group(let group): group
        case .list(let items): items
        case nil: nil
        }
    }
}
