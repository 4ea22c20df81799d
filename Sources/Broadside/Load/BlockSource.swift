import CCmark

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A fenced block whose info string names a `Block` (```` ```stat ````), as cmark found it:
/// its YAML not yet read, since the Markdown step knows nothing of files and lines of front matter.
public struct BlockSource: Sendable, Equatable {
    public var name: Block.Name
    /// The text between the fences.
    public var yaml: String
    /// Where the opening fence is, 1-based, within the body.
    public var line: Int
    public var column: Int
    /// What stands in the HTML instead of the block.
    public var marker: String

    /// The block a fenced code block names by the first word of its info string; nil for
    /// any other code block (` ```swift `), which stays code.
    static func name(ofFence node: OpaquePointer) -> Block.Name? {
        // An indented code block has no info string.
        guard let info = cmark_node_get_fence_info(node) else { return nil }
        let word = String(cString: info).split(whereSeparator: { $0 == " " || $0 == "\t" }).first
        return word.flatMap { Block.Name(rawValue: String($0)) }
    }

    /// Puts `marker` in the tree instead of `node`, as a custom block cmark copies verbatim.
    static func replace(_ node: OpaquePointer, with marker: String) -> BlockSource {
        let source = BlockSource(
            name: name(ofFence: node) ?? .callout,
            yaml: cmark_node_get_literal(node).map { String(cString: $0) } ?? "",
            line: Int(cmark_node_get_start_line(node)), column: Int(cmark_node_get_start_column(node)), marker: marker)
        BlockMarker.put(marker, insteadOf: node, as: CMARK_NODE_CUSTOM_BLOCK)
        return source
    }
}

/// The placeholders a post's blocks stand as until the theme renders them.
///
/// An editor can never write one. In safe mode cmark escapes `<` in text and drops raw HTML, so
/// no `<!--` reaches the output from the body. In unsafe mode raw HTML is copied verbatim, so the
/// marker carries a number chosen so that `broadside-block-N:` appears nowhere in the body:
/// an editor's comment copied from a built page names another number, and stays a comment.
/// Images of the site's own stand as markers of the same kind (`broadside-image-N:`) until the
/// page or the feed says how each is shown.
struct BlockMarker {
    let prefix: String

    init(source: String, kind: String = "block") {
        var number = 1
        while Self.offset(of: "broadside-\(kind)-\(number):", in: source, from: 0) != nil { number += 1 }
        prefix = "<!--broadside-\(kind)-\(number):"
    }

    func marker(_ index: Int) -> String { "\(prefix)\(index)-->" }

    /// `marker` in the tree instead of `node`, as a custom block or inline that cmark copies verbatim.
    static func put(_ marker: String, insteadOf node: OpaquePointer, as type: cmark_node_type) {
        guard let custom = cmark_node_new(type) else { return }
        cmark_node_set_on_enter(custom, marker)
        cmark_node_set_on_exit(custom, "")
        cmark_node_replace(node, custom)
        cmark_node_free(node)
    }

    /// `html` with each block's marker replaced by `rendered` of the same index.
    static func splice(_ html: String, blocks: [Block], rendered: [String]) -> String {
        replace(blocks.map(\.marker), in: html) { rendered[$0] }
    }

    /// `html` with each of `markers` replaced by `replacement(index)`, each looked for after the
    /// one before it (a marker not found is passed over); nothing inserted is searched again.
    /// By bytes (`memmem`): Foundation's `range(of:)` cost 8 % of a 10,000-post build.
    static func replace(_ markers: [String], in html: String, with replacement: (Int) -> String) -> String {
        var html = html
        return html.withUTF8 { bytes in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + 256)
            var position = 0
            for (index, marker) in markers.enumerated() {
                guard let found = offset(of: marker, in: bytes, from: position) else { continue }
                out += bytes[position..<found]
                out += replacement(index).utf8
                position = found + marker.utf8.count
            }
            out += bytes[position...]
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// Where `needle` starts in `text` at or after the byte `start`.
    static func offset(of needle: String, in text: String, from start: Int) -> Int? {
        var text = text
        return text.withUTF8 { offset(of: needle, in: $0, from: start) }
    }

    private static func offset(of needle: String, in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        var needle = needle
        return needle.withUTF8 { pattern -> Int? in
            guard let base = bytes.baseAddress, start <= bytes.count, pattern.count > 0,
                let found = memmem(base + start, bytes.count - start, pattern.baseAddress, pattern.count)
            else { return nil }
            return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
        }
    }
}
