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
