import Yams

/// A front-matter key Broadside does not know goes to the theme as a param, silently: `catgories:`
/// would drop the post's categories without a word. A key close to a known one is taken for a
/// typo and named; a key far from all of them is the theme's business and stays silent.
enum KeySuggestions {
    /// The warning for the unknown key `key`, if it is near one of `known` that the post does not set.
    /// A post that sets both `image:` and `images:` means the second for its theme.
    static func warning(for key: Node, known: Set<String>, written: Set<String>, file: String) -> Diagnostic? {
        guard let name = key.text,
            let meant = NearestName.nearest(to: name, in: known.sorted()), !written.contains(meant)
        else { return nil }
        return .warning(file, line: key.line.map { $0 + 1 }, column: key.column,
            "the key `\(name)` is not one Broadside knows, so its value is not used as `\(meant)`",
            hint: "did you mean `\(meant)`? Correct the key; if it is meant for the theme, give it a name less like `\(meant)`")
    }

    /// `hint`, begun with "did you mean `x`?" when one of `names` is near `written`.
    static func hint(_ hint: String, near written: String, in names: [String], paths: Bool = false) -> String {
        guard let meant = paths ? NearestName.nearestPath(to: written, in: names) : NearestName.nearest(to: written, in: names)
        else { return hint }
        return "did you mean `\(meant)`? " + hint.prefix(1).uppercased() + hint.dropFirst()
    }
}
