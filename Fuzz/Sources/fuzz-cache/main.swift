// Any bytes read back as a post of `.broadside-cache/posts` (`PostRecord`, and the `BinaryCoder`
// encoding its rarer fields take; a record's check sums are only a
// guard against accidents): an error or a post, never a crash, and what reads back is what
// its encoding writes again; and as a block of the search index's cache.
import Foundation
import FuzzSupport

@testable import Broadside

runFuzzer { bytes in
    // The same bytes as a block of `.broadside-cache/search`: nothing, or a part that writes
    // and reads back the same.
    if let part = SearchPartCode.decode(bytes.assumingMemoryBound(to: UInt8.self), documents: 0..<64) {
        let back = SearchPartCode.encode(part).withUnsafeBufferPointer { SearchPartCode.decode($0, documents: 0..<64) }
        require(back?.forms == part.forms && back?.postings.mapValues(\.stored) == part.postings.mapValues(\.stored)
            && back?.lengths == part.lengths, "a search block written again reads back otherwise")
    }
    let raw = UnsafeRawBufferPointer(bytes)
    // As a record of the post cache (`PostRecord`): what reads back writes the same bytes again.
    if let entry = try? PostRecord.decode(raw) {
        let again = try? PostRecord.encode(entry)
        let back = again.flatMap { again in again.withUnsafeBytes { try? PostRecord.decode($0) } }
        require(back?.post == entry.post && back?.diagnostics == entry.diagnostics && back?.fields == entry.fields,
            "a post record written again reads back otherwise: \(entry.post.source)")
    }
    guard let entry = try? BinaryCoder.decode(PostCache.Entry.self, from: raw) else { return }
    guard let again = try? BinaryCoder.encode(entry) else {
        require(false, "a post read back cannot be written again: \(entry.post.source)")
        return
    }
    let back = again.withUnsafeBytes { try? BinaryCoder.decode(PostCache.Entry.self, from: $0) }
    require(back?.post == entry.post && back?.diagnostics == entry.diagnostics, "a post written again reads back otherwise: \(entry.post.source)")
}
