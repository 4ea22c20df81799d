extension PageRenderer {
    /// `/events/` in two parts, upcoming and past. The list is paged as one (upcoming first), and
    /// each page shows a heading over each part it holds, so a page that starts in the past
    /// events still says so.
    func eventSections(_ list: PostList, positions: Range<Int>, into context: inout TemplateMap) {
        let (first, last) = (positions.lowerBound, positions.upperBound)
        let split = min(max(site.upcomingEvents[list.lang] ?? 0, first), last)
        let item = { (index: Int) in entries[index] }
        context["upcoming"] = .maps(list.posts[first..<split].map(item))
        context["has_upcoming"] = .bool(split > first)
        context["past"] = .maps(list.posts[split..<last].map(item))
        context["has_past"] = .bool(last > split)
    }
}
