extension PageRenderer {
    /// `/events/` in two parts, upcoming and past. The list is paged as one (upcoming first), and
    /// each page shows a heading over each part it holds, so a page that starts in the past
    /// events still says so.
    func eventSections(_ list: PostList, positions: Range<Int>, into context: inout TemplateContext) {
        let (first, last) = (positions.lowerBound, positions.upperBound)
        let split = min(max(site.upcomingEvents[list.lang] ?? 0, first), last)
        let item = { (index: Int) in entries[index] }
        context["upcoming"] = list.posts[first..<split].map(item)
        context["has_upcoming"] = split > first
        context["past"] = list.posts[split..<last].map(item)
        context["has_past"] = last > split
    }
}
