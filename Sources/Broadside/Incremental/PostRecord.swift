/// A post cache entry (`PostCache.Entry`) in an encoding of Broadside's own, field by field in
/// a fixed order: read back through `Codable`, a post spent a quarter of its time in the
/// runtime's lookups of generic metadata (a keyed container's type for each nested value),
/// which was most of an edit's load at 10,000 posts. The fields most posts leave empty (blocks,
/// params, an event, resources, aliases, images, what was said of the post) are
/// written through `BinaryCoder` when a post has them. A field added to `Post` must be added
/// here: `PostCacheTests` counts them.
enum PostRecord {
    static func encode(_ entry: PostCache.Entry) throws -> [UInt8] {
        var out = Output()
        let post = entry.post
        for text in [post.source, post.slug, post.title, post.summary, post.lang, post.kind.rawValue] { out.text(text) }
        out.date(post.date)
        for list in [post.authors, post.categories, post.tags] { out.texts(list) }
        for text in [post.series, post.translationKey, post.page] { out.optional(text) { $0.text($1) } }
        for number in [post.seriesDay, post.slugLine, post.seriesDayLine, post.translationKeyLine, post.titleLine, post.titleColumn,
                       post.seriesLine, post.seriesColumn, post.translationKeyColumn] {
            out.optional(number) { $0.word(UInt64(bitPattern: Int64($1))) }
        }
        out.optional(post.updated) { $0.date($1) }
        for flag in [post.draft, post.isDated, post.featured, post.searchable] { out.bytes.append(flag ? 1 : 0) }
        try out.coded(post.params, isEmpty: post.params.isEmpty)
        try out.coded(post.blocks, isEmpty: post.blocks.isEmpty)
        try out.coded(post.event, isEmpty: post.event == nil)
        try out.coded(post.resources, isEmpty: post.resources == PostResources())
        try out.coded(post.aliases, isEmpty: post.aliases.isEmpty)
        out.links(post.links)
        try out.coded(post.images, isEmpty: post.images.isEmpty)
        try out.coded(entry.diagnostics, isEmpty: entry.diagnostics.isEmpty)
        out.optional(entry.fields) { $0.word($1.high); $0.word($1.low) }
        return out.bytes
    }

    /// The entry, its post's HTML empty (the cache keeps it apart); throws when the bytes are not one.
    static func decode(_ bytes: UnsafeRawBufferPointer) throws -> PostCache.Entry {
        var input = Input(bytes: bytes)
        let (source, slug, title, summary, lang) = (try input.text(), try input.text(), try input.text(), try input.text(), try input.text())
        guard let kind = Kind(rawValue: try input.text()) else { throw Input.corrupt }
        let date = try input.date()
        let (authors, categories, tags) = (try input.texts(), try input.texts(), try input.texts())
        let (series, translationKey, page) = (try input.optional { try $0.text() }, try input.optional { try $0.text() }, try input.optional { try $0.text() })
        var numbers: [Int?] = []
        for _ in 0..<9 { numbers.append(try input.optional { Int(Int64(bitPattern: try $0.word())) }) }
        let updated = try input.optional { try $0.date() }
        var flags: [Bool] = []
        for _ in 0..<4 { flags.append(try input.flag()) }
        var post = Post(source: source, slug: slug, title: title, date: date, kind: kind, authors: authors, categories: categories, tags: tags,
            summary: summary, lang: lang, series: series, seriesDay: numbers[0], translationKey: translationKey, draft: flags[0],
            body: PostHTML(""), params: try input.coded(or: [:]), slugLine: numbers[1])
        (post.seriesDayLine, post.translationKeyLine, post.titleLine, post.titleColumn) = (numbers[2], numbers[3], numbers[4], numbers[5])
        (post.seriesLine, post.seriesColumn, post.translationKeyColumn) = (numbers[6], numbers[7], numbers[8])
        post.updated = updated
        post.page = page
        (post.isDated, post.featured, post.searchable) = (flags[1], flags[2], flags[3])
        post.blocks = try input.coded(or: [])
        post.event = try input.coded(or: nil)
        post.resources = try input.coded(or: PostResources())
        post.aliases = try input.coded(or: [])
        post.links = try input.links()
        post.images = try input.coded(or: [])
        let diagnostics: [Diagnostic] = try input.coded(or: [])
        let fields = try input.optional { PageDigest(high: try $0.word(), low: try $0.word()) }
        guard input.index == bytes.count else { throw Input.corrupt }
        return PostCache.Entry(post: post, diagnostics: diagnostics, fields: fields)
    }

    private struct Output {
        var bytes: [UInt8] = []

        mutating func word(_ value: UInt64) { withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) } }

        mutating func text(_ text: String) {
            var text = text
            text.withUTF8 { utf8 in
                word(UInt64(utf8.count))
                bytes.append(contentsOf: utf8)
            }
        }

        mutating func texts(_ texts: [String]) {
            word(UInt64(texts.count))
            for text in texts { self.text(text) }
        }

        /// Most posts link somewhere: their links are written here, not through `BinaryCoder`.
        mutating func links(_ links: [PostLink]) {
            word(UInt64(links.count))
            for link in links {
                text(link.url)
                bytes.append(link.kind == .image ? 1 : 0)
                word(UInt64(bitPattern: Int64(link.line)))
                word(UInt64(bitPattern: Int64(link.column)))
                bytes.append(link.missingAlt ? 1 : 0)
            }
        }

        mutating func date(_ date: PostDate) {
            word(date.secondsSince1970.bitPattern)
            word(UInt64(bitPattern: Int64(date.offset)))
        }

        mutating func optional<Value>(_ value: Value?, _ write: (inout Output, Value) -> Void) {
            bytes.append(value == nil ? 0 : 1)
            if let value { write(&self, value) }
        }

        /// A field most posts leave empty: a zero byte then, else its `BinaryCoder` encoding.
        mutating func coded<Value: Encodable>(_ value: Value, isEmpty: Bool) throws {
            guard !isEmpty else { return bytes.append(0) }
            let encoded = try BinaryCoder.encode(value)
            bytes.append(1)
            word(UInt64(encoded.count))
            bytes.append(contentsOf: encoded)
        }
    }

    private struct Input {
        static let corrupt = DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "not a post record"))
        let bytes: UnsafeRawBufferPointer
        var index = 0

        mutating func take(_ count: Int) throws -> UnsafeRawBufferPointer {
            guard count >= 0, count <= bytes.count - index else { throw Self.corrupt }
            defer { index += count }
            return UnsafeRawBufferPointer(rebasing: bytes[index..<index + count])
        }

        mutating func word() throws -> UInt64 { UInt64(littleEndian: try take(8).loadUnaligned(as: UInt64.self)) }

        mutating func flag() throws -> Bool {
            switch try take(1)[0] {
            case 0: false
            case 1: true
            default: throw Self.corrupt
            }
        }

        mutating func count() throws -> Int {
            let count = try word()
            guard count <= UInt64(bytes.count - index) else { throw Self.corrupt }
            return Int(count)
        }

        mutating func text() throws -> String { String(decoding: try take(try count()), as: UTF8.self) }

        mutating func texts() throws -> [String] {
            var texts: [String] = []
            for _ in 0..<(try count()) { texts.append(try text()) }
            return texts
        }

        mutating func links() throws -> [PostLink] {
            var links: [PostLink] = []
            for _ in 0..<(try count()) {
                let url = try text()
                let kind: PostLink.Kind = try flag() ? .image : .link
                let (line, column) = (Int(Int64(bitPattern: try word())), Int(Int64(bitPattern: try word())))
                links.append(PostLink(url: url, kind: kind, line: line, column: column, missingAlt: try flag()))
            }
            return links
        }

        mutating func date() throws -> PostDate {
            PostDate(secondsSince1970: Double(bitPattern: try word()), offset: Int(Int64(bitPattern: try word())))
        }

        mutating func optional<Value>(_ read: (inout Input) throws -> Value) throws -> Value? {
            try flag() ? try read(&self) : nil
        }

        mutating func coded<Value: Decodable>(or empty: Value) throws -> Value {
            guard try flag() else { return empty }
            return try BinaryCoder.decode(Value.self, from: try take(try count()))
        }
    }
}
