/// The words a reader sees in a post's HTML, for the search index: tags and comments (the
/// markers of blocks and images among them) dropped, the entities cmark writes decoded, block
/// ends made spaces so that words of two paragraphs do not run together.
/// The index does not make this text: `SearchWords.forEachWord(in:html:)` reads the words of
/// the HTML's bytes, skipping and decoding as `plain` does, with the same helpers.
enum SearchText {
    static func plain(_ html: String) -> String {
        var html = html
        return html.withUTF8 { bytes in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "<") {
                    index = end(ofTagAt: index, in: bytes)
                    out.append(UInt8(ascii: " "))
                } else if byte == UInt8(ascii: "&"), let (decoded, next) = entity(at: index, in: bytes) {
                    out.append(contentsOf: decoded.utf8)
                    index = next
                } else {
                    out.append(byte)
                    index += 1
                }
            }
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// The index after a tag or comment that starts at `start`.
    static func end(ofTagAt start: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        let isComment = start + 3 < bytes.count && bytes[start + 1] == UInt8(ascii: "!") && bytes[start + 2] == UInt8(ascii: "-")
            && bytes[start + 3] == UInt8(ascii: "-")
        var index = start + 1
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: ">"), !isComment || (bytes[index - 1] == UInt8(ascii: "-") && bytes[index - 2] == UInt8(ascii: "-")) {
                return index + 1
            }
            index += 1
        }
        return bytes.count
    }

    private static let named: [String: Unicode.Scalar] = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ", "#39": "'"]

    /// `&amp;`, `&#233;`, `&#x1F600;` and the few named entities raw HTML uses most.
    static func entity(at start: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (Unicode.Scalar, Int)? {
        var index = start + 1
        while index < bytes.count, index - start <= 10, bytes[index] != UInt8(ascii: ";") { index += 1 }
        guard index < bytes.count, bytes[index] == UInt8(ascii: ";") else { return nil }
        let name = String(decoding: UnsafeBufferPointer(rebasing: bytes[(start + 1)..<index]), as: UTF8.self)
        if let scalar = named[name] { return (scalar, index + 1) }
        guard name.hasPrefix("#") else { return nil }
        let digits = name.dropFirst()
        let value = digits.first == "x" || digits.first == "X" ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
        guard let value, let scalar = Unicode.Scalar(value) else { return nil }
        return (scalar, index + 1)
    }
}
