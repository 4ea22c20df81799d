import Mustache

/// A theme's templates as a build renders them: by Broadside's own engine, or by swift-mustache,
/// which tests still choose to show both give the same site byte for byte.
struct TemplateSet: Sendable {
    var engine: TemplateEngineChoice = .broadside
    var own = TemplateLibrary()
    var mustache = MustacheLibrary()

    /// `name` rendered with `map` as its context; nil when it cannot be (no such template, or
    /// partials nested past the engine's bound, which the theme's loader already refuses).
    func render(_ map: TemplateMap, template name: String) -> String? {
        switch engine {
        case .broadside: try? own.render(.map(map), template: name)
        case .swiftMustache: mustache.render(map, withTemplate: name)
        }
    }

    /// A page's file: `name` rendered with `map`, empty when it cannot be (see `render`).
    func file(_ map: TemplateMap, template name: String) -> OutputFile.Contents {
        switch engine {
        case .broadside: .bytes((try? own.bytes(.map(map), template: name)) ?? [])
        case .swiftMustache: .text(mustache.render(map, withTemplate: name) ?? "")
        }
    }

    /// These templates with `name` replaced by `html`, written as it is wherever it is included:
    /// a partial rendered once for every page of a language (`SiteConstantPartials`).
    func replacing(_ name: String, with html: String) -> TemplateSet {
        var set = self
        switch engine {
        case .broadside:
            set.own.register(literal: html, named: name)
        case .swiftMustache:
            guard let literal = try? MustacheTemplate(string: SiteConstantPartials.literal(html)) else { return self }
            set.mustache.register(literal, named: name)
        }
        return set
    }
}
