/// Control characters in text meant for readers: most often mojibake, a Windows-1252 file read
/// as Latin-1, where `don’t` became `don\u{92}t`. Browsers show them as boxes, or nothing.
enum ControlCharacters {
    /// What a C1 control most likely stood for in Windows-1252, where that is a character.
    static let windows1252: [UInt32: Character] = [
        0x80: "€", 0x82: "‚", 0x84: "„", 0x85: "…", 0x86: "†", 0x87: "‡", 0x89: "‰", 0x8B: "‹",
        0x91: "‘", 0x92: "’", 0x93: "“", 0x94: "”", 0x95: "•", 0x96: "–", 0x97: "—", 0x99: "™", 0x9B: "›",
    ]

    /// Tabs and line breaks are whitespace to HTML and to YAML, not mistakes.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value < 0x20 && scalar != "\t" && scalar != "\n" && scalar != "\r") || (0x7F...0x9F).contains(scalar.value)
    }

    /// The first control character of `text`, by line and column (from 1, in scalars), as libyaml
    /// refuses them with no place of its own.
    static func position(in text: String) -> (line: Int, column: Int, scalar: Unicode.Scalar)? {
        var (line, column) = (1, 0)
        for scalar in text.unicodeScalars {
            if scalar == "\n" {
                (line, column) = (line + 1, 0)
                continue
            }
            column += 1
            if isControl(scalar) { return (line, column, scalar) }
        }
        return nil
    }

    /// The hint for `scalar`: what it most likely stood for.
    static func fix(_ scalar: Unicode.Scalar) -> String {
        windows1252[scalar.value].map { "replace it with \($0) (a file saved in another encoding does this)" }
            ?? "remove it, or retype the text around it"
    }

    /// The first control character of `text` and how many scalars come before it.
    static func first(in text: String) -> (scalar: Unicode.Scalar, offset: Int)? {
        for (offset, scalar) in text.unicodeScalars.enumerated() where isControl(scalar) { return (scalar, offset) }
        return nil
    }

    /// `U+0092`.
    static func name(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    /// `text` with each control character replaced by what it stood for, or by a space.
    static func cleaned(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            guard isControl(scalar) || scalar == "\t" || scalar == "\n" || scalar == "\r" else { out.append(scalar); continue }
            if let meant = windows1252[scalar.value] { out.append(contentsOf: meant.unicodeScalars) } else { out.append(" ") }
        }
        return String(out)
    }
}
