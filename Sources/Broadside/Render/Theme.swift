import Foundation
import Mustache

/// A theme read at build time, so designers edit templates without recompiling: the site's
/// `themes/NAME/`, or for `default` without such a folder the theme built into Broadside.
/// Templates are looked up in the site's `templates/` first, then in the theme's.
struct Theme: Sendable {
    var name: String
    /// Every template parsed by both engines; Broadside's own renders the site (see `TemplateSet`).
    var templates: TemplateSet
    var templateNames: Set<String>
    /// Output path → file to copy, from the theme's `static/` and then the site's `static/` (which wins).
    var assets: [String: ThemeFile]
    /// Words and date patterns per language, from `i18n/` (the theme's, then the site's).
    var strings: ThemeStrings
    /// Partials the same on every page of a language (see `SiteConstantPartials`).
    var siteConstantPartials: Set<String> = []
    /// Each template's text by name, for tests that compare the engines.
    var sources: [String: String] = [:]

    /// Templates every theme must have.
    static let requiredTemplates = ["post", "list", "terms"]

    /// `languageAt`: where site.yml sets the language, for a language the theme has no words for.
    static func load(source: URL, name: String, language: String, languageAt: SourcePosition? = nil) -> (Theme?, [Diagnostic]) {
        guard let location = ThemeLocation.find(name, in: source) else {
            return (nil, [missing(name, in: source)])
        }
        var diagnostics: [Diagnostic] = []
        // name → (file for messages, text); the site's own templates replace the theme's.
        var sources: [String: (file: String, text: String)] = [:]
        // Through SiteFolder, as static files: a template linked to a file outside the site is not read.
        let site = SiteFolder(source)
        let keep = { (name: String) in name.hasSuffix(".mustache") }
        let skip = { (name: String) in name.hasPrefix(".") }
        for (files, problems) in [location.files(in: "templates", of: site, skip: skip, keep: keep),
                                  ThemeFile.list("templates", of: site, within: site.bounds, skip: skip, keep: keep)] {
            diagnostics += problems
            for template in files {
                switch template.text(.template, else: .error(template.shown, "the template cannot be read as UTF-8 text", hint: "save it as UTF-8")) {
                case .failure(let diagnostic): diagnostics.append(diagnostic)
                case .success(let text): sources[String(template.path.dropLast(".mustache".count))] = (template.shown, text)
                }
            }
        }
        TemplateRules.registered
        var templates = TemplateSet()
        var parsed: [String: (file: String, text: String)] = [:]
        for (templateName, source) in sources.sorted(by: { $0.key < $1.key }) {
            let broken = TemplateRules.check(source.text, file: source.file)
            diagnostics += broken
            guard broken.isEmpty else { continue }
            do {
                templates.mustache.register(try MustacheTemplate(string: TemplateRules.pragmaLine + source.text), named: templateName)
                try templates.own.register(source.text, named: templateName)
                parsed[templateName] = source
            } catch let error as TemplateError {
                diagnostics.append(.error(source.file, line: error.line, column: error.column, "the template does not parse: \(error.message)",
                    hint: "write Mustache's tags only: {{name}}, {{#section}}…{{/section}}, {{^inverted}}, {{>partial}}, {{<layout}} with {{$block}}, {{! comment}}"))
            } catch let error as MustacheTemplate.ParserError {
                // The pragma line Broadside puts first is not the theme's: count lines without it.
                diagnostics.append(.error(source.file, line: max(1, error.context.lineNumber - 1), column: error.context.columnNumber,
                    "the template does not parse: \(describe(error.error))",
                    hint: "check that every {{#section}} and {{^section}} is closed by {{/section}} with the same name"))
            } catch {
                diagnostics.append(.error(source.file, "the template does not parse: \(error)"))
            }
        }
        let names = Set(sources.keys)
        for required in requiredTemplates where !names.contains(required) {
            diagnostics.append(.error("\(location.shown)/templates", "the theme \"\(name)\" has no \(required) template",
                hint: "add \(location.place("templates/\(required).mustache"))"))
        }
        // swift-mustache renders a missing partial as empty text: name it instead.
        let references = sources.mapValues { TemplateReferences.scan($0.text) }
        for (templateName, source) in sources.sorted(by: { $0.key < $1.key }) {
            // `{{>*name}}` is refused by TemplateRules; it names no template.
            for reference in references[templateName] ?? [] where !names.contains(reference.name) && !reference.name.hasPrefix("*") {
                let what = reference.isParent ? "layout" : "partial"
                diagnostics.append(.error(source.file, line: reference.line, column: reference.column,
                    "the \(what) \"\(reference.name)\" does not exist",
                    hint: KeySuggestions.hint("add \(location.place("templates/\(reference.name).mustache")), or fix the name; templates are named by their path below templates/ without .mustache",
                        near: reference.name, in: names.sorted(), paths: true)))
            }
        }
        for cycle in TemplateReferences.cycles(in: references) {
            diagnostics.append(.error(sources[cycle.template]?.file, line: cycle.reference.line, column: cycle.reference.column,
                "the templates include each other in a circle: \(cycle.path.joined(separator: " → "))",
                hint: "remove this include: a template may not include itself, directly or through others, even inside a {{#section}}"))
        }
        let (assets, staticDiagnostics) = StaticFiles.list(source: source, theme: location)
        diagnostics += staticDiagnostics
        let (strings, stringDiagnostics) = ThemeStrings.load(source: source, theme: location, siteLanguage: language, languageAt: languageAt)
        diagnostics += stringDiagnostics
        // Names are checked in templates that parse, against strings that load: one problem, one message.
        if !stringDiagnostics.hasErrors { diagnostics += TemplateNames.unknown(in: parsed, strings: strings) }
        var theme = Theme(name: name, templates: templates, templateNames: names, assets: assets, strings: strings)
        theme.siteConstantPartials = SiteConstantPartials.find(in: sources.mapValues(\.text))
        theme.sources = sources.mapValues(\.text)
        return (diagnostics.hasErrors ? nil : theme, diagnostics)
    }

    /// The error for a `theme:` that names no folder of the site (and is not the built-in `default`).
    private static func missing(_ name: String, in source: URL) -> Diagnostic {
        let folder = "themes/\(name)"
        let known = (try? FileManager.default.contentsOfDirectory(atPath: source.appendingPathComponent("themes").path))?
            .filter { !$0.hasPrefix(".") }.sorted() ?? []
        let hint = known.isEmpty
            ? "remove theme: from site.yml to use the built-in theme, or run `broadside theme eject` and rename "
                + "\(BuiltInTheme.folder)/ to \(folder)/ to start a theme of your own from it"
            : "themes here: \(known.joined(separator: ", ")); set theme: in site.yml to one of them"
                // Without theme: the site uses its themes/default/ when it has one, else the built-in theme.
                + (known.contains(BuiltInTheme.name) ? "" : ", or remove theme: to use the built-in theme")
        return .error(folder, "the theme \"\(name)\" is missing: there is no \(folder)/ folder", hint: hint)
    }

    private static func describe(_ error: Error) -> String {
        switch error {
        case MustacheTemplate.Error.sectionCloseNameIncorrect: "a section is closed with another name than it was opened"
        case MustacheTemplate.Error.unfinishedName: "a tag is not closed with }}"
        case MustacheTemplate.Error.expectedSectionEnd: "a section is never closed"
        default: "\(error)"
        }
    }

    static func isDirectory(_ url: URL) -> Bool {
        var flag: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &flag) && flag.boolValue
    }
}

/// `{{> partial}}` and `{{< layout}}` tags of a template, with where they stand.
enum TemplateReferences {
    struct Reference: Equatable {
        var name: String
        var isParent: Bool
        var line: Int
        var column: Int
    }

    /// The includes and layouts of a template (`MustacheTags` follows delimiter changes, so none hides).
    static func scan(_ text: String) -> [Reference] {
        MustacheTags.scan(text).compactMap { tag in
            guard tag.sigil == ">" || tag.sigil == "<" else { return nil }
            return Reference(name: tag.name, isParent: tag.sigil == "<", line: tag.line, column: tag.column)
        }
    }

    /// Templates that include themselves, directly or through others. Even inside a section the
    /// recursion has no end when a key is missing (Mustache looks it up in the enclosing data), and
    /// swift-mustache has no depth limit: it would crash. Each cycle once, from the template first by name.
    static func cycles(in references: [String: [Reference]]) -> [(template: String, reference: Reference, path: [String])] {
        var state: [String: Bool] = [:]  // false: on the current path; true: done
        var path: [String] = []
        var found: [(String, Reference, [String])] = []
        func visit(_ name: String) {
            state[name] = false
            path.append(name)
            for reference in references[name] ?? [] where references[reference.name] != nil {
                switch state[reference.name] {
                case .some(false):
                    let start = path.firstIndex(of: reference.name)!
                    found.append((name, reference, Array(path[start...]) + [reference.name]))
                case .none: visit(reference.name)
                case .some(true): break
                }
            }
            path.removeLast()
            state[name] = true
        }
        for name in references.keys.sorted() where state[name] == nil { visit(name) }
        return found
    }
}
