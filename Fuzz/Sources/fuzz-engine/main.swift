// Differential: Broadside's own Mustache engine (`TemplateLibrary`) against swift-mustache, on
// random templates with partials, parents and blocks, and random values. Where both parse the
// templates, both must write the same bytes, except where swift-mustache is known to differ from
// the Mustache spec (see docs/templates-engine.md, "Where the engines differ"); those inputs are
// skipped by name below. Inputs with an odd first byte are a template's raw text instead.
import Foundation
import FuzzSupport
import Mustache

@testable import Broadside

/// A map swift-mustache renders as nothing when interpolated, as Broadside's engine does
/// (swift-mustache would print a Swift description of a dictionary).
struct FuzzMap: MustacheParent, MustacheCustomRenderable {
    var values: [String: Any]
    func child(named name: String) -> Any? { values[name] }
    var renderText: String { "" }
    var isNull: Bool { false }
}

/// A list, likewise: a section iterates it, `{{list}}` writes nothing.
struct FuzzList: MustacheSequence, MustacheCustomRenderable {
    var items: [Any]
    func makeIterator() -> IndexingIterator<[Any]> { items.makeIterator() }
    var renderText: String { "" }
    var isNull: Bool { false }
}

/// Reads the fuzzer's bytes as choices; past the end every choice is 0.
struct Choices {
    let bytes: [UInt8]
    var index = 0
    mutating func next(_ count: Int) -> Int {
        defer { index += 1 }
        return index < bytes.count ? Int(bytes[index]) % count : 0
    }
    var done: Bool { index >= bytes.count }
}

let names = ["a", "b", "c", "a.b", "b.c", ".", "list", "flag", "n"]
let texts = ["x", " ", "  ", "\n", "\r\n", "<&\"'>", "é", "\t", "yz", " \n"]
let blocks = ["b1", "b2"]
/// main, then p1…p3; a template includes only those after it, so no partial includes itself.
let templateNames = ["main", "p1", "p2", "p3"]

func template(_ choices: inout Choices, own: Int, depth: Int) -> String {
    var out = ""
    for _ in 0..<(1 + choices.next(8)) where !choices.done {
        let name = names[choices.next(names.count)]
        let later = own + 1 < templateNames.count ? templateNames[(own + 1) + choices.next(templateNames.count - own - 1)] : nil
        switch choices.next(14) {
        case 0, 1, 2: out += texts[choices.next(texts.count)]
        case 3: out += "{{\(name)}}"
        case 4: out += choices.next(2) == 0 ? "{{{\(name)}}}" : "{{& \(name) }}"
        case 5, 6 where depth < 6:
            let sigil = choices.next(2) == 0 ? "#" : "^"
            out += "{{\(sigil)\(name)}}" + template(&choices, own: own, depth: depth + 1) + "{{/\(name)}}"
        case 7: out += "{{! note }}"
        case 8: if let later { out += "{{>\(later)}}" }
        case 9 where depth < 6:
            guard let later else { break }
            out += "{{<\(later)}}" + texts[choices.next(texts.count)]
            for _ in 0..<choices.next(3) {
                let block = blocks[choices.next(blocks.count)]
                out += "{{$\(block)}}" + template(&choices, own: own, depth: depth + 1) + "{{/\(block)}}" + texts[choices.next(texts.count)]
            }
            out += "{{/\(later)}}"
        case 10 where depth < 6:
            let block = blocks[choices.next(blocks.count)]
            out += "{{$\(block)}}" + template(&choices, own: own, depth: depth + 1) + "{{/\(block)}}"
        default: out += texts[choices.next(texts.count)]
        }
    }
    return out
}

/// The same value for each engine.
func value(_ choices: inout Choices, depth: Int) -> (TemplateValue, Any) {
    switch choices.next(depth < 3 ? 6 : 3) {
    case 0:
        let text = texts[choices.next(texts.count)] + texts[choices.next(texts.count)]
        return (.text(text), text)
    case 1:
        let number = choices.next(3) - 1
        return (.number(number), number)
    case 2:
        let flag = choices.next(2) == 1
        return (.bool(flag), flag)
    case 3, 4:
        var ours: [String: TemplateValue] = [:], theirs: [String: Any] = [:]
        for _ in 0..<choices.next(4) {
            let key = ["a", "b", "c", "list", "flag", "n"][choices.next(6)]
            (ours[key], theirs[key]) = value(&choices, depth: depth + 1)
        }
        return (.map(TemplateMap(ours)), FuzzMap(values: theirs))
    default:
        let items = (0..<choices.next(4)).map { _ in value(&choices, depth: depth + 1) }
        return (.list(items.map(\.0)), FuzzList(items: items.map(\.1)))
    }
}

/// Known differences between swift-mustache and the spec, which Broadside's engine follows:
/// - Spaces or tabs at a line's start before a tag: swift-mustache writes them even when a
///   standalone partial writes nothing, indents a line after a value that ends with a line break,
///   reads a line of a comment and a parent tag as not standalone, and drops them before a
///   closing tag followed by comments.
/// - Line breaks in a template with a parent (`{{<name}}`): swift-mustache decides which lines
///   around a parent's tags and its blocks are standalone by other rules than the spec's
///   inheritance cases (all of which Broadside's engine passes); the theme's parents and blocks
///   stand on lines of their own, where both engines agree (`TemplateEngineTests` builds the
///   sites with both).
/// - Spaces or tabs before a comment at a line's start: swift-mustache drops them when nothing
///   but other tags follows on the line.
/// - Spaces or tabs at the very end of a template: swift-mustache drops them when they are all
///   of the last line, and keeps a tag before them from being standalone; the spec removes a
///   standalone last line whole.
/// - A section or block opened with other text on its line (before or after the tag) and closed
///   on a later line: swift-mustache forgets, once the section is closed, that the next tag
///   starts a line, so a standalone line right after it keeps its line break.
/// - A tag right after a closing tag: swift-mustache gives it the standalone state of the
///   section's opening tag, so a line such as `{{/list}}{{/b}} ` may lose its line break.
/// - A line break at the start of a tag's name (`{{` then a new line): swift-mustache writes the
///   tag as text.
/// - Line breaks other than `\n` and `\r\n` (a lone `\r`, VT, FF, NEL, U+2028, U+2029):
///   swift-mustache ends a standalone line at them.
/// - A block's closing tag on the line right after another closing tag's line (`{{/list}}` then
///   `{{/main}}`): swift-mustache keeps the second line's break; the spec, and Broadside's engine,
///   remove both standalone lines. The theme's blocks close on the line of their opening tag.
func knownDifference(_ texts: [String]) -> Bool {
    texts.contains { text in
        text.range(of: #"(^|\n)[ \t]+\{\{"#, options: .regularExpression) != nil
            || text.last == " " || text.last == "\t"
            || text.range(of: #"\{\{/[^}]*\}\}[ \t]*\{\{[#^/!>]"#, options: .regularExpression) != nil
            || text.range(of: #"\{\{[#^/>&{<$]?[ \t]*[\r\n]"#, options: .regularExpression) != nil
            || text.range(of: #"(^|\n)[ \t]+\{\{!"#, options: .regularExpression) != nil
            || (text.contains("{{<") && text.contains("\n"))
            || text.split(whereSeparator: \.isNewline).contains(where: opensSectionMidLine)
            || text.unicodeScalars.contains { ["\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}"].contains($0) }
            || text.replacingOccurrences(of: "\r\n", with: "").contains("\r")
            || (text.contains("{{$") && text.range(of: #"\{\{/[^}]*\}\}\r?\n\{\{/"#, options: .regularExpression) != nil)
    }
}

/// Whether `line` opens a section beside other text and does not close it on the same line
/// (swift-mustache then keeps the line breaks of later standalone tags that the spec removes).
func opensSectionMidLine(_ line: Substring) -> Bool {
    for sigil in ["{{#", "{{^", "{{$"] {
        var rest = line[...]
        while let open = rest.range(of: sigil) {
            let before = line[line.startIndex..<open.lowerBound]
            guard let end = rest[open.upperBound...].range(of: "}}") else { break }
            let name = rest[open.upperBound..<end.lowerBound].trimmingCharacters(in: .whitespaces)
            let after = rest[end.upperBound...]
            let alone = before.allSatisfy { $0 == " " || $0 == "\t" } && after.allSatisfy { $0 == " " || $0 == "\t" }
            // Closed on the line only when as many closing tags follow as sections of the name
            // open from here: `{{^n}}{{#n}}x{{/n}}` leaves the first one open.
            let from = line[open.lowerBound...]
            let opened = ["{{#", "{{^", "{{$"].reduce(0) { $0 + from.components(separatedBy: $1 + name + "}}").count - 1 }
            if !alone, after.components(separatedBy: "{{/\(name)}}").count - 1 < opened { return true }
            rest = rest[end.upperBound...]
        }
    }
    return false
}

TemplateRules.registered

runFuzzer { bytes in
    var choices = Choices(bytes: Array(bytes))
    var sources: [String: String] = [:]
    let root: (TemplateValue, Any)
    if choices.next(2) == 1 {
        // Raw text; no partials, so none can include another.
        guard let text = String(validating: Array(bytes.dropFirst()), as: UTF8.self) else { return }
        sources["main"] = text
        root = (.map(["a": .text("A&"), "list": .list([.text("1"), .map(["a": .text("2")])]), "flag": .bool(true)]),
            FuzzMap(values: ["a": "A&", "list": FuzzList(items: ["1", FuzzMap(values: ["a": "2"])]), "flag": true]))
    } else {
        for (index, name) in templateNames.enumerated() { sources[name] = template(&choices, own: index, depth: 0) }
        root = value(&choices, depth: 0)
    }
    // swift-mustache recurses without bound: nothing too deep, and no template that includes itself.
    for (name, text) in sources {
        guard TemplateRules.check(text, file: name).isEmpty else { return }
    }
    guard TemplateReferences.cycles(in: sources.mapValues(TemplateReferences.scan)).isEmpty else { return }

    var ours = TemplateLibrary()
    var theirs = MustacheLibrary()
    var bothParse = true
    for (name, text) in sources.sorted(by: { $0.key < $1.key }) {
        do {
            try ours.register(text, named: name)
        } catch let error as TemplateError {
            require(error.line >= 1 && error.column >= 1, "a parse error without its place: \(error)")
            bothParse = false
        } catch {
            require(false, "an error that is not a TemplateError: \(error)")
        }
        if let template = try? MustacheTemplate(string: TemplateRules.pragmaLine + text) {
            theirs.register(template, named: name)
        } else {
            bothParse = false
        }
    }
    guard bothParse, !knownDifference(Array(sources.values)) else { return }
    // Broadside's engine stops at its depth limit, which swift-mustache does not have.
    guard let mine = try? ours.render(root.0, template: "main") else { return }
    let other = theirs.render(root.1, withTemplate: "main") ?? ""
    require(mine == other, """
        the engines differ on \(sources.sorted(by: { $0.key < $1.key }).map { "\($0.key): \($0.value.debugDescription)" })
        ours:           \(mine.debugDescription)
        swift-mustache: \(other.debugDescription)
        """)
}
