/// A value the user gave, made safe to repeat in a one-line message: a 10,000-character
/// argument or a line break in it must not flood or split the terminal.
public enum Excerpt {
    public static let maximumLength = 60

    /// At most `maximumLength` characters, then `…`; control and invisible format characters become `�`.
    public static func short(_ text: String) -> String {
        var shown = ""
        for (index, character) in text.enumerated() {
            if index == maximumLength { return shown + "…" }
            shown.append(isInvisible(character) ? "\u{FFFD}" : character)
        }
        return shown
    }

    static func isInvisible(_ character: Character) -> Bool {
        character.unicodeScalars.contains {
            switch $0.properties.generalCategory {
            case .control, .format, .lineSeparator, .paragraphSeparator: true
            default: false
            }
        }
    }
}
