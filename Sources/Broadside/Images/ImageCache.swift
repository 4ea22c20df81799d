import Foundation

/// Derived images kept between builds in `.broadside-cache/images/` of the site, one folder per
/// source content and settings (`<key>/`), so a build processes only new or changed photos.
/// Safe to delete. Every file is checked against the size and SHA-256 recorded with it before
/// it is used again; a damaged entry is made anew.
struct ImageCache: Sendable {
    static let folderName = ".broadside-cache/images"
    /// Bumped when the way images are made changes, so old entries are never reused.
    static let version = "broadside-images-3"

    let root: String
    let site: URL

    init(site: URL) {
        self.site = site
        root = site.appendingPathComponent(Self.folderName).path
    }

    /// A file of an entry: its name in the entry's folder, and what it holds.
    struct Item: Sendable, Equatable {
        var name: String
        var width: Int
        var height: Int
        var format: ImageFormat
        var size: Int
        var digest: String
    }

    struct Entry: Sendable, Equatable {
        var format: ImageFormat
        var width: Int
        var height: Int
        /// The source's own size, orientation applied.
        var sourceWidth: Int
        var sourceHeight: Int
        var hadGPS: Bool
        var items: [Item]
    }

    func folder(_ key: String) -> String { root + "/" + key }

    /// The entry of `key` when every one of its files is whole; nil otherwise.
    func entry(_ key: String) -> Entry? {
        guard let text = try? String(contentsOfFile: folder(key) + "/entry", encoding: .utf8) else { return nil }
        var lines = text.split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
        guard let head = lines.first, head.count == 7, head[0] == Self.version, let format = ImageFormat(rawValue: head[1]),
            let width = Int(head[2]), let height = Int(head[3]), let sourceWidth = Int(head[5]), let sourceHeight = Int(head[6])
        else { return nil }
        lines.removeFirst()
        var items: [Item] = []
        for fields in lines {
            guard fields.count == 6, let width = Int(fields[1]), let height = Int(fields[2]), let format = ImageFormat(rawValue: fields[3]),
                let size = Int(fields[4]), !fields[0].contains("/")
            else { return nil }
            let item = Item(name: fields[0], width: width, height: height, format: format, size: size, digest: fields[5])
            guard let data = FileManager.default.contents(atPath: folder(key) + "/" + item.name), data.count == size,
                ImageCodec.sha256(data) == item.digest
            else { return nil }
            items.append(item)
        }
        return Entry(format: format, width: width, height: height, sourceWidth: sourceWidth, sourceHeight: sourceHeight,
            hadGPS: head[4] == "gps", items: items)
    }

    /// Writes the entry's files into a folder of its own, then moves it into place in one step,
    /// so a build that stops half-way leaves no half entry. False when the cache cannot be written.
    func store(_ key: String, entry: Entry, files: [String: [UInt8]]) -> Bool {
        guard CacheFolder.isWritable(holding: root) else { return false }
        let temporary = root + "/.tmp-\(key)-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let manager = FileManager.default
        do {
            try manager.createDirectory(atPath: temporary, withIntermediateDirectories: true)
            for (name, bytes) in files {
                guard manager.createFile(atPath: temporary + "/" + name, contents: Data(bytes)) else { throw CocoaError(.fileWriteUnknown) }
            }
            var text = "\(Self.version) \(entry.format.rawValue) \(entry.width) \(entry.height) \(entry.hadGPS ? "gps" : "-") "
                + "\(entry.sourceWidth) \(entry.sourceHeight)\n"
            for item in entry.items {
                text += "\(item.name) \(item.width) \(item.height) \(item.format.rawValue) \(item.size) \(item.digest)\n"
            }
            try Data(text.utf8).write(to: URL(fileURLWithPath: temporary + "/entry"))
            try? manager.removeItem(atPath: folder(key))
            try manager.moveItem(atPath: temporary, toPath: folder(key))
            return true
        } catch {
            try? manager.removeItem(atPath: temporary)
            // Another build made the same entry at the same time: theirs is as good.
            return self.entry(key) != nil
        }
    }

    /// Removes every entry no image of this build uses, and leftovers of builds that stopped.
    func trim(keeping keys: Set<String>) {
        guard CacheFolder.isWritable(holding: root) else { return }
        let manager = FileManager.default
        guard let names = try? manager.contentsOfDirectory(atPath: root) else { return }
        for name in names where !keys.contains(name) {
            try? manager.removeItem(atPath: root + "/" + name)
        }
    }
}
