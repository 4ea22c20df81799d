/// `%XX` escapes read back into bytes: one reading for links in posts (`LinkTargets`), old
/// addresses in `aliases:` (`AliasField`) and the preview server's request paths (`RequestPath`).
enum PercentDecoding {
    /// The bytes `escaped` stands for. A `%` not followed by two hex digits makes it nil, or,
    /// `lenient`, stays as written (as browsers read such a link).
    static func bytes(_ escaped: some Sequence<UInt8>, lenient: Bool = false) -> [UInt8]? {
        let input = Array(escaped)
        var out: [UInt8] = []
        out.reserveCapacity(input.count)
        var index = 0
        while index < input.count {
            if input[index] == UInt8(ascii: "%") {
                if index + 2 < input.count, let high = hexValue(input[index + 1]), let low = hexValue(input[index + 2]) {
                    out.append(high << 4 | low)
                    index += 3
                    continue
                }
                guard lenient else { return nil }
            }
            out.append(input[index])
            index += 1
        }
        return out
    }

    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
