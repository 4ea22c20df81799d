/// The name an editor most likely meant, for "did you mean …?" hints.
///
/// Close enough means: the same but for letter case, the singular or plural of it, or a
/// Damerau–Levenshtein distance of at most 2 (1 for names of 4 characters or fewer, where
/// two edits turn `data` or `note` into `date`: a theme's own keys are not typos).
enum NearestName {
    static func nearest(to written: String, in names: some Sequence<String>) -> String? {
        let lowered = written.lowercased()
        var best: (name: String, distance: Int)?
        for name in names where name != written {
            let candidate = name.lowercased()
            let distance: Int
            if candidate == lowered || candidate == lowered + "s" || lowered == candidate + "s"
                || pluralIES(candidate, lowered) || pluralIES(lowered, candidate)
            {
                distance = 0
            } else {
                let limit = min(candidate.count, lowered.count) <= 4 ? 1 : 2
                // The lengths alone may rule a name out before the table is filled.
                guard abs(candidate.count - lowered.count) <= limit else { continue }
                distance = damerauLevenshtein(Array(lowered), Array(candidate))
                guard distance <= limit else { continue }
            }
            if best == nil || distance < best!.distance { best = (name, distance) }
        }
        return best?.name
    }

    /// For paths (`partials/header`): the nearest whole path, else the path whose last part is
    /// nearest, as when `{{> header}}` leaves out the folder.
    static func nearestPath(to written: String, in paths: [String]) -> String? {
        if let whole = nearest(to: written, in: paths) { return whole }
        let last = { (path: String) in String(path.split(separator: "/").last ?? "") }
        let byLast = Dictionary(paths.map { (last($0), $0) }, uniquingKeysWith: { first, _ in first })
        if let same = byLast[last(written)] { return same }
        return nearest(to: last(written), in: byLast.keys.sorted()).flatMap { byLast[$0] }
    }

    /// `category` and `categories`.
    private static func pluralIES(_ singular: String, _ plural: String) -> Bool {
        singular.hasSuffix("y") && plural == singular.dropLast() + "ies"
    }

    /// Edits (insert, delete, replace, swap two neighbours) from `a` to `b`, in the "optimal
    /// string alignment" form: no substring is edited twice, which is all typos need.
    static func damerauLevenshtein(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var before = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], before[j - 2] + 1)
                }
            }
            (before, previous, current) = (previous, current, before)
        }
        return previous[b.count]
    }
}
