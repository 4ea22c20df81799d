/// The tags of HTML or XML text, in order: the name (lower-cased, `/` of end tags dropped)
/// and what follows it up to `>`. Text and attribute values are escaped in Broadside's
/// output, so every `<` found starts a tag that something wrote on purpose.
public func tags(in markup: String) -> [(name: String, attributes: Substring)] {
    var found: [(String, Substring)] = []
    var rest = markup[...]
    while let open = rest.firstIndex(of: "<") {
        rest = rest[rest.index(after: open)...]
        if rest.first == "/" { rest = rest.dropFirst() }
        let name = rest.prefix { $0.isLetter || $0.isNumber || "!-?:".contains($0) }
        let end = rest.firstIndex(of: ">") ?? rest.endIndex
        found.append((name.lowercased(), rest[..<end]))
    }
    return found
}

/// Characters XML 1.0 forbids; one of them makes a feed reader reject the whole feed.
public func isForbiddenInXML(_ scalar: Unicode.Scalar) -> Bool {
    (scalar.value < 0x20 && scalar != "\t" && scalar != "\n" && scalar != "\r")
        || scalar.value == 0xFFFE || scalar.value == 0xFFFF
}
