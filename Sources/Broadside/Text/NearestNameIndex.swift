/// `NearestName.nearest` over many names asked about many times (`check` of a site whose 30,000
/// links are all broken, against 10,000 post addresses): the same answer, without comparing each
/// question with every name.
///
/// Two edits (insert, delete, replace, swap neighbours) touch at most four of a name's five
/// pieces, so a name within reach keeps one piece whole, found in the written text at most two
/// characters from where it sits in the name (the partition filter of PassJoin, Li et al. 2011).
/// Names are indexed by length and piece; a question looks up its substrings at those places and
/// compares only the names found. Letter case and plurals are handled as `NearestName` does: the
/// index holds lower-cased names, and a plural form is looked up as its singular too.
struct NearestNameIndex {
    private static let pieceCount = 5
    private static let reach = 2

    private let names: [String]
    /// Names too short to cut into five pieces: compared one by one (there are few).
    private let short: [Int]
    private var pieces: [PieceKey: [Int]] = [:]

    private struct PieceKey: Hashable {
        let length: Int
        let piece: Int
        let text: String
    }

    /// `names` in the order `NearestName` should prefer among equally near ones.
    init(_ names: [String]) {
        self.names = names
        var short: [Int] = []
        for (number, name) in names.enumerated() {
            let lowered = Array(name.lowercased())
            guard lowered.count >= Self.pieceCount else {
                short.append(number)
                continue
            }
            for (piece, range) in Self.pieces(ofLength: lowered.count).enumerated() {
                let key = PieceKey(length: lowered.count, piece: piece, text: String(lowered[range]))
                pieces[key, default: []].append(number)
            }
        }
        self.short = short
    }

    func nearest(to written: String) -> String? {
        var found = Set(short)
        let lowered = written.lowercased()
        for form in Self.forms(of: lowered) { collect(near: form, into: &found) }
        return NearestName.nearest(to: written, in: found.sorted().map { names[$0] })
    }

    /// The written text, and its singular when it looks plural: `NearestName` counts a plural
    /// as no edit at all, and `categories` is three edits from `category`.
    private static func forms(of lowered: String) -> [String] {
        var forms = [lowered]
        if lowered.hasSuffix("ies") { forms.append(lowered.dropLast(3) + "y") }
        if lowered.hasSuffix("s") { forms.append(String(lowered.dropLast())) }
        if lowered.hasSuffix("y") { forms.append(lowered.dropLast() + "ies") }
        return forms
    }

    private func collect(near lowered: String, into found: inout Set<Int>) {
        let characters = Array(lowered)
        guard characters.count + Self.reach >= Self.pieceCount else { return }
        let lengths = max(Self.pieceCount, characters.count - Self.reach)...(characters.count + Self.reach)
        for length in lengths {
            for (piece, range) in Self.pieces(ofLength: length).enumerated() {
                for shift in -Self.reach...Self.reach {
                    let start = range.lowerBound + shift
                    guard start >= 0, start + range.count <= characters.count else { continue }
                    let key = PieceKey(length: length, piece: piece,
                        text: String(characters[start..<(start + range.count)]))
                    if let numbers = pieces[key] { found.formUnion(numbers) }
                }
            }
        }
    }

    /// Five pieces as even as the length allows, the longer ones last.
    private static func pieces(ofLength length: Int) -> [Range<Int>] {
        let base = length / pieceCount, longer = length % pieceCount
        var start = 0
        return (0..<pieceCount).map { piece in
            let count = base + (piece >= pieceCount - longer ? 1 : 0)
            defer { start += count }
            return start..<(start + count)
        }
    }
}
