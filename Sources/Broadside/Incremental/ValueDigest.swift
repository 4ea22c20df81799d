/// 128 bits that stand for a page's values (`PageDigests`): equal values give equal digests in
/// every run and on every machine (Swift's `Hasher` is seeded anew in each process, so it
/// cannot be kept between builds), and different values differ but by a chance of 2⁻¹²⁸.
///
/// Not SHA-256: a page's values are about as large as the page, and GLib's SHA-256 took
/// longer than rendering it. Two lanes of multiply and rotate over 8 bytes at a time, finished
/// with MurmurHash3's mix: fast, and not built to resist someone who crafts a collision, who
/// would win nothing they could not write in a post anyway (a page of theirs kept as it was).
struct PageDigest: Hashable, Sendable, Codable {
    var high: UInt64
    var low: UInt64

    /// 32 lower-case hex digits, `high`'s first.
    var hex: String {
        String(unsafeUninitializedCapacity: 32) { buffer in
            for index in 0..<32 {
                let digit = UInt8(truncatingIfNeeded: (index < 16 ? high : low) >> UInt64(60 - 4 * (index % 16)) & 15)
                buffer[index] = digit < 10 ? UInt8(ascii: "0") + digit : UInt8(ascii: "a") + digit - 10
            }
            return 32
        }
    }
}

struct ValueDigest {
    /// Digests of maps made before (each post's list entry, on about ten pages), by the
    /// storage the map's copies share: such a map is read once, not on every page.
    let known: (@Sendable (MapIdentity) -> PageDigest?)?
    private var a: UInt64 = 0x9E37_79B9_7F4A_7C15
    private var b: UInt64 = 0xC2B2_AE3D_27D4_EB4F
    private var length: UInt64 = 0

    // Computed, so they are constants in the code (a stored `static let` is a lazy global, checked on each use).
    init(known: [MapIdentity: PageDigest] = [:]) {
        if known.isEmpty {
            self.known = nil
        } else {
            self.known = { identity in known[identity] }
        }
    }

    init(known: @escaping @Sendable (MapIdentity) -> PageDigest?) {
        self.known = known
    }

    private static var k1: UInt64 { 0x87C3_7B91_1142_53D5 }
    private static var k2: UInt64 { 0x4CF5_AD43_2745_937F }

    mutating func add(word: UInt64) {
        length &+= 8
        let x = a ^ (word &* Self.k1), y = b ^ (word &* Self.k2)
        a = (x << 31 | x >> 33) &* Self.k2 &+ b
        b = (y << 33 | y >> 31) &* Self.k1 &+ a
    }

    /// The bytes, with their count first, so that "ab" + "c" and "a" + "bc" differ.
    mutating func add(_ bytes: UnsafeRawBufferPointer) {
        add(word: UInt64(bytes.count))
        var offset = 0
        while offset + 8 <= bytes.count {
            add(word: UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)))
            offset += 8
        }
        var last: UInt64 = 0
        var shift: UInt64 = 0
        while offset < bytes.count {
            last |= UInt64(bytes[offset]) << shift
            shift += 8
            offset += 1
        }
        add(word: last)
    }

    mutating func add(_ text: String) {
        var text = text
        text.withUTF8 { add(UnsafeRawBufferPointer($0)) }
    }

    mutating func add(_ digest: PageDigest) {
        add(word: digest.high)
        add(word: digest.low)
    }

    /// A template value, its kind and nesting included: `.text("a")` and `.html("a")` differ.
    mutating func add(_ value: TemplateValue) {
        switch value {
        case .text(let text): add(word: 1); add(text)
        case .html(let html): add(word: 2); add(html)
        // As the same markup held in memory: where it is kept changes no page.
        case .storedHTML(let html): add(word: 2); html.withBytes { add(UnsafeRawBufferPointer($0)) }
        case .url(let url): add(word: 3); add(url)
        case .number(let number): add(word: 4); add(word: UInt64(bitPattern: Int64(number)))
        case .bool(let flag): add(word: flag ? 5 : 6)
        case .list(let items):
            add(word: 7); add(word: UInt64(items.count))
            for item in items { add(item) }
        case .map(let map): add(map)
        }
    }

    mutating func add(_ map: TemplateMap) {
        if let known, let identity = MapIdentity(map), let digest = known(identity) {
            add(word: 9)
            add(digest)
            return
        }
        add(word: 8); add(word: UInt64(map.keys.count))
        for index in map.keys.indices {
            add(map.keys[index])
            add(map.values[index])
        }
    }

    var digest: PageDigest {
        PageDigest(high: Self.mix(a &+ length), low: Self.mix(b ^ Self.mix(a)))
    }

    /// MurmurHash3's finalizer: every bit of the input reaches every bit of the output.
    private static func mix(_ value: UInt64) -> UInt64 {
        var x = value
        x ^= x >> 33; x &*= 0xFF51_AFD7_ED55_8CCD
        x ^= x >> 33; x &*= 0xC4CE_B9FE_1A85_EC53
        x ^= x >> 33
        return x
    }
}

/// Where a map's names and values are stored. Copies of a map share that storage until one is
/// changed (copy on write), so while the original lives, the same identity means the same pairs.
struct MapIdentity: Hashable, Sendable {
    private let keys: UInt
    private let values: UInt

    /// Nil for an empty map, whose storage all empty maps share.
    init?(_ map: TemplateMap) {
        guard !map.keys.isEmpty else { return nil }
        keys = map.keys.withUnsafeBufferPointer { UInt(bitPattern: $0.baseAddress) }
        values = map.values.withUnsafeBufferPointer { UInt(bitPattern: $0.baseAddress) }
    }
}
