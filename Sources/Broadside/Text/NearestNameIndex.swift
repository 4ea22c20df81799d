/// `NearestName.nearest` over many names asked about many times (`check` of a site whose 30,000
/// links are all broken, against 10,000 post addresses): the same answer, without comparing each
/// question with every name.
///
/// Two edits (insert, delete, replace, swap neighbours) touch at most four of a name's pieces, so
/// a name within reach keeps all its other pieces whole, each found in the written text at most
/// two characters from where it sits in the name (the partition filter of PassJoin, Li et al.
/// 2011). Names are indexed by length and piece; a question looks up its substrings at those
/// places and compares only the names of which it holds all pieces but four (a long name is cut
/// in more pieces, so that addresses as alike as a corpus's `an-open-letter-to-…` are told apart
/// by the filter, not by the edit distance). Letter case and plurals are handled as `NearestName` does: the
/// index holds lower-cased names, and a plural form is looked up as its singular too.
struct NearestNameIndex {
    /// The fewest pieces: four may be touched, one must be whole.
    private static let pieceCount = 5
    private static let touched = 4
    private static let reach = 2

    private let names: [String]
    /// What every name starts with (`/posts/`), left out of the pieces: a piece inside it would
    /// lead to every name.
    private let prefix: [Character]
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
        let loweredNames = names.map { Array($0.lowercased()) }
        prefix = Self.commonPrefix(loweredNames)
        var short: [Int] = []
        for (number, whole) in loweredNames.enumerated() {
            let lowered = whole.dropFirst(prefix.count)
            guard lowered.count >= Self.pieceCount else {
                short.append(number)
                continue
            }
            for (piece, range) in Self.pieces(ofLength: lowered.count).enumerated() {
                let key = PieceKey(length: lowered.count, piece: piece,
                    text: String(lowered[(lowered.startIndex + range.lowerBound)...].prefix(range.count)))
                pieces[key, default: []].append(number)
            }
        }
        self.short = short
    }

    func nearest(to written: String) -> String? {
        var found = Set(short)
        for form in Self.forms(of: written.lowercased()) {
            let characters = Array(form)
            // Rare (a question in the same folder but off the common prefix): compare with all.
            guard characters.starts(with: prefix) else { return NearestName.nearest(to: written, in: names) }
            collect(near: Array(characters.dropFirst(prefix.count)), into: &found)
        }
        return NearestName.nearest(to: written, in: found.sorted().map { names[$0] })
    }

    private static func commonPrefix(_ names: [[Character]]) -> [Character] {
        guard var prefix = names.first else { return [] }
        for name in names.dropFirst() {
            prefix = Array(zip(prefix, name).prefix { $0 == $1 }.map(\.0))
        }
        return prefix
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

    private func collect(near characters: [Character], into found: inout Set<Int>) {
        guard characters.count + Self.reach >= Self.pieceCount else { return }
        let lengths = max(Self.pieceCount, characters.count - Self.reach)...(characters.count + Self.reach)
        for length in lengths {
            let cuts = Self.pieces(ofLength: length)
            var wholePieces: [Int: Int] = [:]
            for (piece, range) in cuts.enumerated() {
                var holding = Set<Int>()
                for shift in -Self.reach...Self.reach {
                    let start = range.lowerBound + shift
                    guard start >= 0, start + range.count <= characters.count else { continue }
                    let key = PieceKey(length: length, piece: piece,
                        text: String(characters[start..<(start + range.count)]))
                    if let numbers = pieces[key] { holding.formUnion(numbers) }
                }
                for number in holding { wholePieces[number, default: 0] += 1 }
            }
            for (number, count) in wholePieces where count >= cuts.count - Self.touched { found.insert(number) }
        }
    }

    /// At least five pieces, of four characters or more, as even as the length allows, the
    /// longer ones last.
    private static func pieces(ofLength length: Int) -> [Range<Int>] {
        let total = max(pieceCount, length / 4)
        let base = length / total, longer = length % total
        var start = 0
        return (0..<total).map { piece in
            let count = base + (piece >= total - longer ? 1 : 0)
            defer { start += count }
            return start..<(start + count)
        }
    }
}
