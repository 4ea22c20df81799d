import Foundation
import Mustache
import Testing

@testable import Broadside

/// Broadside's own Mustache engine (`Sources/Broadside/Template/`): the official specification's
/// cases, escaping per format, the errors it refuses with, and the same output as swift-mustache.
@Suite struct TemplateEngineTests {
    // MARK: The Mustache specification

    static let specFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("MustacheSpec")
    static let specFiles = ["interpolation", "sections", "inverted", "comments", "partials", "~inheritance"]

    /// Cases not run, with why (also in MustacheSpec/README.md). Keep both in step.
    static let skipped: [String: String] = [:]

    @Test(arguments: specFiles)
    func specification(_ file: String) throws {
        let data = try Data(contentsOf: Self.specFolder.appendingPathComponent("\(file).json"))
        let spec = try JSONDecoder().decode(SpecFile.self, from: data)
        #expect(!spec.tests.isEmpty)
        for test in spec.tests where Self.skipped["\(file): \(test.name)"] == nil {
            var library = TemplateLibrary()
            for (name, text) in test.partials ?? [:] { try library.register(text, named: name) }
            do {
                try library.register(test.template, named: "spec test")
                let output = try library.render(test.data.value ?? .map([:]), template: "spec test")
                #expect(output == test.expected, "\(file): \(test.name) — \(test.desc)")
            } catch {
                Issue.record("\(file): \(test.name) fails: \(error)")
            }
        }
    }

    // MARK: Escaping per format

    static let hostile = "</script> & \"quotes\" 'n' <b>"

    func render(_ template: String, _ value: TemplateValue, _ escaping: TextEscaping) throws -> String {
        var library = TemplateLibrary()
        try library.register(template, named: "t")
        return try library.render(value, template: "t", escaping: escaping)
    }

    @Test func htmlEscapesTextAndKeepsBroadsidesMarkup() throws {
        let value: TemplateValue = .map(["text": .text(Self.hostile), "content": .html("<p>A &amp; B</p>"), "url": .url("/a?b=1&c='2'")])
        #expect(try render("{{text}}|{{content}}|{{{content}}}|{{url}}|{{{text}}}", value, .html)
            == "&lt;/script&gt; &amp; &quot;quotes&quot; &#39;n&#39; &lt;b&gt;|<p>A &amp; B</p>|<p>A &amp; B</p>|/a?b=1&amp;c=&#39;2&#39;|</script> & \"quotes\" 'n' <b>")
    }

    @Test func jsonEscapesAStringBodyThatCannotCloseAScript() throws {
        let value: TemplateValue = .map(["text": .text(Self.hostile + "\n\u{2028}"), "content": .html("<p>x</p>")])
        #expect(try render("\"{{text}}\"", value, .json)
            == "\"\\u003c/script\\u003e \\u0026 \\u0022quotes\\u0022 \\u0027n\\u0027 \\u003cb\\u003e\\n\\u2028\"")
        // HTML is text inside JSON: escaped as any string is.
        #expect(try render("{{content}}", value, .json) == "\\u003cp\\u003ex\\u003c/p\\u003e")
    }

    @Test func xmlEscapesAsHTMLAndDropsForbiddenCharacters() throws {
        let value: TemplateValue = .map(["text": .text("a\u{1}<b>"), "content": .html("<p>x</p>")])
        #expect(try render("{{text}} {{content}}", value, .xml) == "a&lt;b&gt; &lt;p&gt;x&lt;/p&gt;")
    }

    @Test func plainTextEscapesNothing() throws {
        let value: TemplateValue = .map(["text": .text(Self.hostile), "content": .html("<p>x</p>"), "n": .number(3), "flag": .bool(true)])
        #expect(try render("{{text}} {{content}} {{n}} {{flag}}", value, .text) == Self.hostile + " <p>x</p> 3 true")
    }

    // MARK: Truthiness, as swift-mustache decides it

    @Test(arguments: [
        ("empty text", TemplateValue.text(""), true), ("zero", .number(0), true), ("empty map", .map([:]), true),
        ("false", .bool(false), false), ("true", .bool(true), true), ("empty list", .list([]), false),
        ("list", .list([.text("a")]), true), ("text", .text("a"), true),
    ])
    func truthinessMatchesSwiftMustache(_ label: String, _ value: TemplateValue, _ truthy: Bool) throws {
        #expect(value.isTruthy == truthy, "\(label)")
        let template = "{{#x}}yes{{/x}}{{^x}}no{{/x}}"
        let ours = try render(template, .map(["x": value]), .html)
        #expect(ours == (truthy ? "yes" : "no"), "\(label)")
        let theirs = try MustacheTemplate(string: template).render(TemplateMap(["x": value]))
        #expect(ours == theirs, "\(label)")
    }

    @Test func missingNamesAreFalseAndEmpty() throws {
        #expect(try render("[{{x}}{{#x}}yes{{/x}}{{^x}}no{{/x}}{{a.b.c}}]", .map(["a": .map([:])]), .html) == "[no]")
    }

    // MARK: What the parser refuses

    @Test(arguments: [
        ("a\n {{=<% %>=}}", "a template cannot change Mustache's {{ }} delimiters", 2, 2),
        ("{{%CONTENT_TYPE:TEXT}}", "a template cannot set Mustache pragmas", 1, 1),
        ("x {{>*name}}", "a template cannot be chosen by a value ({{>*name}})", 1, 3),
        ("é {{count(items)}}", "transforms such as {{count(items)}} are not supported", 1, 3),
        ("{{#a}}\n{{/b}}", "{{/b}} closes {{#a}}: a section is closed with another name than it was opened", 2, 1),
        ("x\n  {{#a}}", "{{#a}} is never closed with {{/a}}", 2, 3),
        ("{{/a}}", "{{/a}} closes no section", 1, 1),
        ("{{a", "a tag is not closed with }}", 1, 1),
        ("{{{a}}", "a tag is not closed with }}}", 1, 1),
        ("{{a b}}", "\"a b\" is not a name: names hold letters, digits and _ - ? .", 1, 1),
        ("{{a..b}}", "\"a..b\" has an empty part between dots", 1, 1),
        ("{{<p}}{{x}}{{/p}}", "only {{$block}} tags and text may stand inside {{<p}}", 1, 7),
    ])
    func refuses(_ template: String, _ message: String, _ line: Int, _ column: Int) {
        #expect(throws: TemplateError(message: message, line: line, column: column)) { try TemplateParser.parse(template) }
    }

    @Test func nestingIsBoundedNotRecursive() throws {
        let depth = TemplateRules.maximumNesting
        let allowed = String(repeating: "{{#a}}", count: depth) + String(repeating: "{{/a}}", count: depth)
        _ = try TemplateParser.parse(allowed)
        let deep = String(repeating: "{{#a}}", count: depth + 1) + String(repeating: "{{/a}}", count: depth + 1)
        #expect(throws: TemplateError(message: "sections are nested more than \(depth) deep here", line: 1, column: 6 * depth + 1)) {
            try TemplateParser.parse(deep)
        }
        // Thousands of levels, as a fuzzer writes them: an error, not a stack overflow.
        #expect(throws: TemplateError.self) { try TemplateParser.parse(String(repeating: "{{#a}}", count: 50_000)) }
    }

    @Test func aPartialThatIncludesItselfIsAnErrorNotACrash() throws {
        var library = TemplateLibrary()
        try library.register("x{{>loop}}", named: "loop")
        #expect(throws: TemplateError.self) { try library.render(.map(["a": .bool(true)]), template: "loop") }
    }

    // MARK: Both engines, the whole site

    /// The site built by each engine: every file byte for byte the same.
    func compareEngines(_ site: TemporarySite, drafts: Bool = false, future: Bool = false) throws {
        var outputs: [[String: Data]] = []
        for engine in [TemplateEngineChoice.swiftMustache, .broadside] {
            var options = site.options(drafts: drafts, future: future)
            options.output = site.root.appendingPathComponent("site-\(engine)")
            options.templateEngine = engine
            try Build.run(options)
            outputs.append(try tree(options.output))
        }
        let (theirs, ours) = (outputs[0], outputs[1])
        #expect(theirs.count > 10)
        #expect(theirs.keys.sorted() == ours.keys.sorted())
        var differing: [String] = []
        for (path, data) in theirs.sorted(by: { $0.key < $1.key }) where ours[path] != data { differing.append(path) }
        #expect(differing.isEmpty, "files that differ between the engines: \(differing.prefix(10))")
        if let first = differing.first, let a = theirs[first], let b = ours[first] {
            let (x, y) = (String(decoding: a, as: UTF8.self), String(decoding: b, as: UTF8.self))
            let common = zip(x, y).prefix(while: { $0 == $1 }).count
            Issue.record("\(first) at character \(common): swift-mustache \(x.dropFirst(common).prefix(120).debugDescription), ours \(y.dropFirst(common).prefix(120).debugDescription)")
        }
    }

    @Test func fixtureSiteIsTheSameWithEitherEngine() throws {
        let site = try TemporarySite(copying: "basic")
        defer { site.remove() }
        try compareEngines(site, drafts: true, future: true)
    }

    @Test func exampleSiteIsTheSameWithEitherEngine() throws {
        let site = try TemporarySite(files: [:])
        defer { site.remove() }
        let fm = FileManager.default
        try fm.removeItem(at: site.root.appendingPathComponent("content"))
        try fm.removeItem(at: site.root.appendingPathComponent("site.yml"))
        for item in ["content", "site.yml", "static"] {
            try fm.copyItem(at: repositoryRoot.appendingPathComponent(item), to: site.root.appendingPathComponent(item))
        }
        try compareEngines(site)
    }

    // MARK: Micro-benchmark (opt in: BENCH_TEMPLATES=1)

    /// The fixture's richest post page rendered N times by each engine; prints the ratio of
    /// swift-mustache's time to ours, with the context converted once (the bridge apart) and per render.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["BENCH_TEMPLATES"] == "1"))
    func postTemplateBenchmark() throws {
        let site = try TemporarySite(copying: "basic")
        defer { site.remove() }
        let options = site.options()
        let (config, _) = SiteConfig.load(from: options.source, baseURLOverride: nil)
        let urls = SiteURLs(baseURL: config.baseURL)
        let theme = try #require(Theme.load(source: options.source, name: config.theme, language: config.language).0)
        let parser = PostParser(config: config, rootPath: urls.rootPath) { draft, date in !draft && date.date <= options.now }
        let content = ContentLoader(source: options.source, parser: parser).load()
        let (resolved, _) = SiteResolver.resolve(content, config: config, urls: urls, now: options.now.timeIntervalSince1970)
        let renderer = PageRenderer(site: resolved, theme: theme)
        let index = try #require(resolved.posts.indices.max { resolved.posts[$0].html.utf8.count < resolved.posts[$1].html.utf8.count })
        let (template, context) = renderer.html(.post(index))
        let ours = theme.templates.own
        let value = TemplateValue.map(context)
        #expect(try ours.render(value, template: template) == theme.templates.mustache.render(context, withTemplate: template))
        let count = 2_000
        let clock = ContinuousClock()
        let theirs = clock.measure { for _ in 0..<count { _ = theme.templates.mustache.render(context, withTemplate: template) } }
        let mine = try clock.measure { for _ in 0..<count { _ = try ours.render(value, template: template) } }
        print("post template × \(count): swift-mustache \(theirs), Broadside \(mine) (\(theirs / mine)× faster)")
    }

    struct SpecFile: Decodable {
        var tests: [SpecTest]
    }

    struct SpecTest: Decodable {
        var name: String
        var desc: String
        var data: JSON
        var template: String
        var partials: [String: String]?
        var expected: String
    }

    /// A JSON value as the spec's data, converted to the engine's value: numbers as the text the
    /// spec expects them to print as (`85`, `1.21`), null as an absent value.
    enum JSON: Decodable {
        case value(TemplateValue?)

        init(from decoder: Decoder) throws {
            let single = try decoder.singleValueContainer()
            if single.decodeNil() {
                self = .value(nil)
            } else if let flag = try? single.decode(Bool.self) {
                self = .value(.bool(flag))
            } else if let number = try? single.decode(Int.self) {
                self = .value(.text(String(number)))
            } else if let number = try? single.decode(Double.self) {
                self = .value(.text(String(number)))
            } else if let text = try? single.decode(String.self) {
                self = .value(.text(text))
            } else if let items = try? single.decode([JSON].self) {
                self = .value(.list(items.compactMap(\.value)))
            } else {
                let pairs = try single.decode([String: JSON].self)
                self = .value(.map(TemplateMap(pairs.compactMapValues(\.value))))
            }
        }

        var value: TemplateValue? { if case .value(let value) = self { value } else { nil } }
    }
}
