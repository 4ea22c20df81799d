import Foundation

/// Quoted-printable (RFC 2045 6.7): a message body as 7-bit lines of at most 76 characters,
/// with CRLF line ends, so any mail server passes it on unchanged.
enum QuotedPrintable {
    static func encode(_ text: String) -> String {
        let hex: [UInt8] = Array("0123456789ABCDEF".utf8)
        let bytes = Array(text.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 8)
        var length = 0
        var position = 0
        while position < bytes.count {
            let byte = bytes[position]
            if byte == 10 || (byte == 13 && position + 1 < bytes.count && bytes[position + 1] == 10) {
                out.append(13)
                out.append(10)
                length = 0
                position += byte == 13 ? 2 : 1
                continue
            }
            let next = position + 1 < bytes.count ? bytes[position + 1] : 10
            let endsLine = next == 10 || next == 13
            // Printable ASCII but `=` stays; a space or tab stays unless it ends the line.
            let plain = (byte >= 33 && byte <= 126 && byte != 61) || ((byte == 32 || byte == 9) && !endsLine)
            let width = plain ? 1 : 3
            // A soft break keeps each line at 76 characters, its `=` included.
            if length + width > 75 {
                out.append(61)
                out.append(13)
                out.append(10)
                length = 0
            }
            if plain {
                out.append(byte)
            } else {
                out.append(61)
                out.append(hex[Int(byte >> 4)])
                out.append(hex[Int(byte & 15)])
            }
            length += width
            position += 1
        }
        return String(decoding: out, as: UTF8.self)
    }
}

/// Header values of a message: words outside ASCII as RFC 2047 encoded words.
enum MailHeader {
    /// `Subject: Día 1` → `=?UTF-8?Q?D=C3=ADa_1?=`, in pieces short enough for a header line.
    static func encoded(_ text: String) -> String {
        // Plain ASCII stays as it is while the header line stays short.
        guard text.utf8.contains(where: { $0 >= 0x80 || $0 < 0x20 }) || text.utf8.count > 60 else { return text }
        let hex = Array("0123456789ABCDEF".utf8)
        var words: [String] = []
        var word: [UInt8] = []
        for character in text {
            var piece: [UInt8] = []
            for byte in String(character).utf8 {
                if byte == 32 { piece.append(UInt8(ascii: "_")) }
                else if byte < 0x80 && byte > 32 && !"=?_\"(),.:;<>@[\\]".utf8.contains(byte) { piece.append(byte) }
                else { piece += [UInt8(ascii: "="), hex[Int(byte >> 4)], hex[Int(byte & 15)]] }
            }
            // A character's bytes stay in one encoded word, which stays under 75 characters.
            if word.count + piece.count > 50 {
                words.append("=?UTF-8?Q?" + String(decoding: word, as: UTF8.self) + "?=")
                word = []
            }
            word += piece
        }
        if !word.isEmpty { words.append("=?UTF-8?Q?" + String(decoding: word, as: UTF8.self) + "?=") }
        return words.joined(separator: "\r\n ")
    }

    /// `Puentes <news@example.org>` with its name encoded when it needs to be, or quoted when it has
    /// characters an address's name may not have bare.
    static func address(_ text: String) -> String {
        guard let open = text.lastIndex(of: "<"), text.hasSuffix(">") else { return text }
        var name = text[..<open].trimmingCharacters(in: .whitespaces)
        // A name written in quotes is the words between them.
        if name.count >= 2, name.hasPrefix("\""), name.hasSuffix("\"") { name = String(name.dropFirst().dropLast()) }
        let address = String(text[open...])
        guard !name.isEmpty else { return address }
        if name.utf8.contains(where: { $0 >= 0x80 }) { return encoded(name) + " " + address }
        let escaped = name.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        return "\"\(escaped)\" " + address
    }
}
