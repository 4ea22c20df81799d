// The front-matter splitter and YAML reading, on any bytes: site.yml is read whole (lossy UTF-8,
// as SiteConfig does), a post is split first (strict UTF-8, as ContentLoader does).
import FuzzSupport

@testable import Broadside

let postFile = "content/posts/fuzz.md"

func checkDiagnostic(_ diagnostic: Diagnostic, file: String, firstLine: Int) {
    require(diagnostic.file == file, "diagnostic for another file: \(diagnostic)")
    require(diagnostic.severity == .error, "a YAML failure that is not an error: \(diagnostic)")
    require(!diagnostic.message.isEmpty && diagnostic.hint?.isEmpty == false, "diagnostic without message or hint: \(diagnostic)")
    if let line = diagnostic.line { require(line >= firstLine, "line \(line) is before the YAML: \(diagnostic)") }
    if let column = diagnostic.column { require(column >= 1, "column \(column): \(diagnostic)") }
}

runFuzzer { bytes in
    let settings = String(decoding: bytes, as: UTF8.self)
    if case .failure(let diagnostic) = YAMLDocument.parse(settings, file: "site.yml", lineOffset: 0) {
        checkDiagnostic(diagnostic, file: "site.yml", firstLine: 1)
    }

    guard let text = String(validating: bytes, as: UTF8.self), let parts = FrontMatter.split(text) else { return }
    require(text.startIndex <= parts.yaml.startIndex && parts.yaml.endIndex <= parts.body.startIndex
        && parts.body.endIndex == text.endIndex, "front matter and body overlap or leave the file")
    // The body starts on line bodyLineOffset + 1: that many line breaks come before it,
    // one fewer when the closing `---` is the file's last line.
    let breaks = text[..<parts.body.startIndex].reduce(0) { $0 + ($1.isNewline ? 1 : 0) }
    require(breaks == parts.bodyLineOffset || (parts.body.isEmpty && breaks == parts.bodyLineOffset - 1),
        "bodyLineOffset \(parts.bodyLineOffset) but \(breaks) line breaks before the body")
    if case .failure(let diagnostic) = YAMLDocument.parse(String(parts.yaml), file: postFile, lineOffset: 1) {
        checkDiagnostic(diagnostic, file: postFile, firstLine: 2)
    }
}
