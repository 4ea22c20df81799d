import Foundation

/// Where a file's bytes stop being UTF-8: an editor who saved a post as Latin-1 or
/// Windows-1252 is shown the line with the first such byte, not only the file.
enum UTF8Text {
    /// How many Unicode scalars valid UTF-8 `bytes` hold: every byte that does not continue a
    /// sequence. Messages count columns in scalars; cmark counts bytes.
    static func scalarCount(_ bytes: some Sequence<UInt8>) -> Int {
        bytes.reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
    }

    static func problem(in data: Data, file: String) -> Diagnostic {
        let bytes = [UInt8](data)
        var line = 1
        var lineStart = 0
        var index = 0
        while index < bytes.count {
            let length = sequenceLength(bytes, at: index)
            if length == 0 {
                // Columns count Unicode scalars, as every other message does.
                let before = String(decoding: bytes[lineStart..<index], as: UTF8.self).unicodeScalars.count
                let byte = String(bytes[index], radix: 16, uppercase: true)
                return .error(file, line: line, column: before + 1,
                    "the file is not UTF-8 text: the byte 0x\(byte.count == 1 ? "0" + byte : byte) here is not UTF-8",
                    hint: "save the file as UTF-8 in your editor (in the Save As dialogue, choose the encoding UTF-8), then check the letters with accents on this line")
            }
            if bytes[index] == 0x0A {
                line += 1
                lineStart = index + 1
            }
            index += length
        }
        return .error(file, "the file is not UTF-8 text", hint: "save it as UTF-8 in your editor")
    }

    /// How many bytes the UTF-8 sequence at `index` takes, or 0 when it is not UTF-8.
    private static func sequenceLength(_ bytes: [UInt8], at index: Int) -> Int {
        let first = bytes[index]
        let (length, low, high): (Int, UInt8, UInt8) = switch first {
        case 0x00...0x7F: (1, 0x80, 0xBF)
        case 0xC2...0xDF: (2, 0x80, 0xBF)
        case 0xE0: (3, 0xA0, 0xBF)
        case 0xE1...0xEC, 0xEE...0xEF: (3, 0x80, 0xBF)
        case 0xED: (3, 0x80, 0x9F)
        case 0xF0: (4, 0x90, 0xBF)
        case 0xF1...0xF3: (4, 0x80, 0xBF)
        case 0xF4: (4, 0x80, 0x8F)
        default: (0, 0, 0)
        }
        guard length > 1 else { return length }
        guard index + length <= bytes.count, (low...high).contains(bytes[index + 1]) else { return 0 }
        for offset in 2..<max(2, length) where !(0x80...0xBF).contains(bytes[index + offset]) { return 0 }
        return length
    }
}
