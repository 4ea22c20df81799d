// The template loader with a fuzzed `templates/post.mustache` (deep nesting, unclosed and
// crossed sections, set delimiters, partials that include each other, bytes that are not UTF-8):
// the theme loads or each problem is a diagnostic with the template's name; nothing crashes and
// nothing overflows the stack in swift-mustache's recursive parser.
import Foundation
import FuzzSupport

@testable import Broadside

let site = FileManager.default.temporaryDirectory.appendingPathComponent("broadside-fuzz-templates-\(getpid())")
let templates = site.appendingPathComponent("templates")
try? FileManager.default.createDirectory(at: templates.appendingPathComponent("partials"), withIntermediateDirectories: true)
let post = templates.appendingPathComponent("post.mustache")
// A partial that includes the fuzzed template back, for cycles through {{> post}}.
try? Data("{{> post}}".utf8).write(to: templates.appendingPathComponent("partials/loop.mustache"))

runFuzzer { bytes in
    // FoundationEssentials (Swift 6.3) leaks the 4 KB buffer of `FileManager.contents(atPath:)` on
    // an empty file, which LeakSanitizer stops on (the build reads templates once: 4 KB at most).
    guard !bytes.isEmpty, (try? Data(bytes).write(to: post)) != nil else { return }
    let (theme, diagnostics) = Theme.load(source: site, name: "default", language: "en")
    require(theme != nil || !diagnostics.isEmpty, "the theme did not load and nothing says why")
    for diagnostic in diagnostics where diagnostic.severity == .error {
        require(diagnostic.file != nil, "an error without its file: \(diagnostic.message)")
    }
}
