#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Words by their UTF-8 bytes, each with a number: a reader finds a word it has seen before
/// without making a String of it or hashing one (a site's millions of words are some thousands
/// of different ones). Open addressing over the words' bytes laid end to end, never more than
/// half full, so that a probe ends soon at an empty slot.
struct WordTable {
    /// Every word's bytes, one after another: word n is `bytes[starts[n]..<starts[n + 1]]`.
    private var bytes: [UInt8] = []
    private var starts: [Int] = [0]
    private var values: [Int] = []
    /// A word's hash in the high half, its number + 1 in the low (0 for an empty slot): most
    /// probes that do not find the word end without reading its bytes. A power of two of them.
    private var slots = [UInt64](repeating: 0, count: 1024)

    /// The value added with `word`, if it was.
    func value(of word: UnsafeBufferPointer<UInt8>) -> Int? {
        let hash = Self.hash(word)
        let mask = slots.count - 1
        var slot = Int(hash) & mask
        while slots[slot] != 0 {
            let number = Int(truncatingIfNeeded: UInt32(truncatingIfNeeded: slots[slot])) - 1
            if slots[slot] >> 32 == hash, equal(number, word) { return values[number] }
            slot = (slot + 1) & mask
        }
        return nil
    }

    /// Adds `word`, which is not in the table yet.
    mutating func add(_ word: UnsafeBufferPointer<UInt8>, value: Int) {
        if (values.count + 1) * 2 > slots.count { grow() }
        bytes.append(contentsOf: word)
        starts.append(bytes.count)
        values.append(value)
        place(Self.hash(word) << 32 | UInt64(values.count))
    }

    private mutating func place(_ entry: UInt64) {
        let mask = slots.count - 1
        var slot = Int(entry >> 32) & mask
        while slots[slot] != 0 { slot = (slot + 1) & mask }
        slots[slot] = entry
    }

    private mutating func grow() {
        let old = slots
        slots = [UInt64](repeating: 0, count: slots.count * 2)
        for entry in old where entry != 0 { place(entry) }
    }

    private func equal(_ number: Int, _ word: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = starts[number]
        guard starts[number + 1] - start == word.count else { return false }
        return bytes.withUnsafeBufferPointer { memcmp($0.baseAddress! + start, word.baseAddress!, word.count) == 0 }
    }

    /// FNV-1a: words are short, and a few multiplications hash one.
    private static func hash(_ word: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt32 = 2_166_136_261
        for byte in word { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
        return UInt64(hash)
    }
}
