/// What Broadside's own Mustache engine renders: one typed value, so a lookup is a switch and
/// a binary search rather than swift-mustache's protocol casts over `Any` (the largest cost of
/// a build in profiles). The kind of a string says how each output format treats it.
enum TemplateValue: Sendable, Hashable {
    /// Text written by people: escaped by every output format.
    case text(String)
    /// Markup Broadside made itself (cmark's output, a rendered list entry, JSON-LD): written as
    /// it is in HTML, escaped as text in every other format.
    case html(String)
    /// The same as `html`, kept in the build's spill file (`PostHTML`) and read back where it
    /// is written: each post's list entry, held for every list page (95 MB at 100,000 posts).
    case storedHTML(PostHTML)
    /// An address; escaped as text is. Its own case so a format or a check can treat links apart.
    case url(String)
    case number(Int)
    case bool(Bool)
    case list([TemplateValue])
    case map(TemplateMap)

    /// Whether `{{#name}}` renders and `{{^name}}` does not. As swift-mustache decides it, so both
    /// engines agree on every theme: only `false` and an empty list are false (a missing name is
    /// too, see `TemplateRenderer`); an empty string, `0` and an empty map are true. That is why
    /// pages leave optional text out of the map rather than setting it to "".
    var isTruthy: Bool {
        switch self {
        case .bool(let flag): flag
        case .list(let items): !items.isEmpty
        case .text, .html, .storedHTML, .url, .number, .map: true
        }
    }
}

/// A map of names to values, kept sorted by name: made once per page or post, read many times,
/// so a lookup is a binary search with no hashing, and two maps with the same pairs are equal.
struct TemplateMap: Sendable, Hashable, ExpressibleByDictionaryLiteral {
    private(set) var keys: [String]
    private(set) var values: [TemplateValue]

    init(_ pairs: [String: TemplateValue]) {
        let sorted = pairs.sorted { $0.key < $1.key }
        keys = sorted.map(\.key)
        values = sorted.map(\.value)
    }

    init(dictionaryLiteral elements: (String, TemplateValue)...) {
        self.init(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }

    init() {
        keys = []
        values = []
    }

    subscript(key: String) -> TemplateValue? {
        get {
            let index = position(of: key)
            return index < keys.count && keys[index] == key ? values[index] : nil
        }
        set {
            let index = position(of: key)
            let found = index < keys.count && keys[index] == key
            switch (newValue, found) {
            case (let value?, true): values[index] = value
            case (let value?, false):
                keys.insert(key, at: index)
                values.insert(value, at: index)
            case (nil, true):
                keys.remove(at: index)
                values.remove(at: index)
            case (nil, false): break
            }
        }
    }

    var isEmpty: Bool { keys.isEmpty }

    /// The same pairs in storage of their exact size, the names' storage shared with the maps
    /// of `shared` that have the same names: what a map held for each of many posts is made
    /// into (built by adding names, its arrays had room for up to twice as many).
    mutating func compact(sharingNamesIn shared: inout [[String]: [String]]) {
        if let names = shared[keys] {
            keys = names
        } else {
            keys = keys.withUnsafeBufferPointer { Array($0) }
            shared[keys] = keys
        }
        values = values.withUnsafeBufferPointer { Array($0) }
    }

    /// The same pairs in storage of their exact size. For a map made for each post and held:
    /// grown name by name, its arrays had room for up to twice its pairs (about 130 MB of
    /// the maps of 100,000 posts, where the renderer peaked).
    var compacted: TemplateMap {
        var map = self
        map.keys = keys.withUnsafeBufferPointer { Array($0) }
        map.values = values.withUnsafeBufferPointer { Array($0) }
        return map
    }

    /// The first index whose key is not below `key`.
    private func position(of key: String) -> Int {
        var low = 0, high = keys.count
        while low < high {
            let middle = (low + high) / 2
            if keys[middle] < key { low = middle + 1 } else { high = middle }
        }
        return low
    }
}

/// Literals in views are text, numbers and flags; a name's kind beyond that (`html`, `url`) is
/// always written out, so markup is never made by accident.
extension TemplateValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral {
    init(stringLiteral value: String) { self = .text(value) }
    init(integerLiteral value: Int) { self = .number(value) }
    init(booleanLiteral value: Bool) { self = .bool(value) }

    /// A list of maps, as `{{#posts}}` walks it.
    static func maps(_ maps: [TemplateMap]) -> TemplateValue { .list(maps.map(TemplateValue.map)) }
    /// A list of texts, as `{{#authors}}{{.}}{{/authors}}` walks it.
    static func texts(_ texts: [String]) -> TemplateValue { .list(texts.map(TemplateValue.text)) }

    /// The map this value is, for a view that adds to a map made elsewhere.
    var map: TemplateMap? { if case .map(let map) = self { map } else { nil } }
}
