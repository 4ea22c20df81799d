/// Numbers as letters of URL-safe Base64, five bits each with the sixth saying "more follows":
/// postings take two or three letters each instead of a JSON number's five or six.
enum SearchCode {
    /// As bytes: the main part's postings are millions of letters, which a String takes one
    /// Character at a time much more slowly than an array of bytes.
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)

    static func letter(_ value: Int) -> Character { Character(Unicode.Scalar(alphabet[value & 63])) }

    static func letter(of value: UInt32) -> UInt8 { alphabet[Int(value & 63)] }

    static func append(_ value: UInt32, to out: inout [UInt8]) {
        var value = value
        while value >= 32 {
            out.append(alphabet[Int(32 | value & 31)])
            value >>= 5
        }
        out.append(alphabet[Int(value)])
    }

    /// Each posting as the gap from the previous document, then (with `weights`) its weight in one letter.
    static func postings(_ packed: [UInt32], weights: Bool = true) -> String {
        var code = Postings(weights: weights)
        code.append(packed)
        return code.text
    }

    /// A term's postings encoded as `postings` does, from lists or runs that follow each other
    /// in document order.
    struct Postings {
        var weights = true
        private var out: [UInt8] = []
        private var previous: UInt32 = 0

        init(weights: Bool = true) { self.weights = weights }

        init(_ run: Run) {
            append(run)
        }

        mutating func append(_ packed: [UInt32]) {
            out.reserveCapacity(out.count + packed.count * 3)
            for posting in packed { append(posting) }
        }

        /// `run`'s postings after these: only its first gap is counted again, the rest is copied.
        mutating func append(_ run: Run) {
            guard !run.isEmpty else { return }
            Run.append(run, after: previous, to: &out)
            previous = run.last
        }

        private mutating func append(_ posting: UInt32) {
            let document = posting >> 5
            SearchCode.append(document - previous, to: &out)
            if weights { out.append(alphabet[Int(posting & 31)]) }
            previous = document
        }

        var text: String { String(decoding: out, as: UTF8.self) }
    }

    /// A term's postings in one part of the index, encoded as they are read: 2 to 4 letters a
    /// posting where a list held 4 bytes (the lists of every chunk were the search stage's peak).
    /// Its first gap counts from document 0: joined after another part, only that one is made again.
    struct Run: Sendable {
        /// The last posting's document (4 bytes, little-endian), then each posting as `Postings`
        /// writes it.
        private var bytes: [UInt8] = []

        init() {}

        /// `letters` (weights with them) of postings whose last document is `last`, in storage of its exact size.
        init(letters: [UInt8], last: UInt32) {
            bytes = [UInt8](unsafeUninitializedCapacity: letters.count + 4) { buffer, count in
                for shift in 0..<4 { buffer[shift] = UInt8(truncatingIfNeeded: last >> (8 * shift)) }
                for (offset, letter) in letters.enumerated() { buffer[4 + offset] = letter }
                count = letters.count + 4
            }
        }

        var isEmpty: Bool { bytes.isEmpty }

        /// The run as `SearchBlocks` keeps it.
        var stored: [UInt8] { bytes }

        /// A run kept by `SearchBlocks`, when it is one of postings in order, of documents in
        /// `documents` only, whose last is the one it starts with: joined to others, it then
        /// counts no gap backwards, whatever the file held.
        init?(stored: [UInt8], documents: Range<Int>) {
            guard stored.count > 4 else { return nil }
            var document: UInt64 = 0, index = 4, first = true
            while index < stored.count {
                var gap: UInt64 = 0, shift: UInt64 = 0
                while true {
                    guard index < stored.count, shift < 35, SearchCode.isLetter(stored[index]) else { return nil }
                    let value = SearchCode.value(of: stored[index])
                    index += 1
                    gap |= UInt64(value & 31) << shift
                    shift += 5
                    if value < 32 { break }
                }
                guard first || gap > 0, index < stored.count, SearchCode.isLetter(stored[index]), SearchCode.value(of: stored[index]) < 32 else { return nil }
                index += 1
                document += gap
                first = false
                guard document >= documents.lowerBound, document < documents.upperBound else { return nil }
            }
            bytes = stored
            guard UInt64(last) == document else { return nil }
        }

        var last: UInt32 { (0..<4).reduce(0) { $0 | UInt32(bytes[$1]) << (8 * $1) } }

        /// `other`'s postings after these, as one run.
        mutating func append(_ other: Run) {
            guard !isEmpty else {
                self = other
                return
            }
            guard !other.isEmpty else { return }
            var letters = Array(bytes[4...])
            Self.append(other, after: last, to: &letters)
            self = Run(letters: letters, last: other.last)
        }

        /// `run`'s letters after those of postings whose last document is `previous`: its first
        /// document counted from there.
        static func append(_ run: Run, after previous: UInt32, to out: inout [UInt8]) {
            var first: UInt32 = 0, shift: UInt32 = 0, index = 4
            while index < run.bytes.count {
                let value = SearchCode.value(of: run.bytes[index])
                index += 1
                first |= (value & 31) << shift
                shift += 5
                if value < 32 { break }
            }
            SearchCode.append(first - previous, to: &out)
            out += run.bytes[index...]
        }
    }

    /// Whether `byte` is a letter of `alphabet`: `value(of:)` takes any other for 63.
    static func isLetter(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
            UInt8(ascii: "-"), UInt8(ascii: "_"): true
        default: false
        }
    }

    /// The number a letter of `alphabet` stands for.
    static func value(of letter: UInt8) -> UInt32 {
        switch letter {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): UInt32(letter - UInt8(ascii: "A"))
        case UInt8(ascii: "a")...UInt8(ascii: "z"): UInt32(letter - UInt8(ascii: "a")) + 26
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(letter - UInt8(ascii: "0")) + 52
        case UInt8(ascii: "-"): 62
        default: 63
        }
    }
}
