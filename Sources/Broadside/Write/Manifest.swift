import Foundation

/// `.broadside-manifest`: the record, left in the output folder, of the files a build wrote.
/// Its presence is what makes a folder Broadside's to replace; its list is what the next
/// build may drop without asking. Sorted and without a date, so the site stays byte-identical.
public enum Manifest {
    public static let fileName = ".broadside-manifest"
    /// The first line; a file that starts otherwise is not a record Broadside left.
    static let header = "# broadside manifest 1: the files Broadside wrote to this folder; the next build replaces the folder"

    static func text(of paths: [String]) -> String {
        // Made to its size: joined and then ended with a line break, the text of 200,000 paths
        // was copied into twice its room where a build ends, at its peak.
        let lines = paths.sorted().map(encode)
        var text = ""
        text.reserveCapacity(lines.reduce(header.utf8.count + 1) { $0 + $1.utf8.count + 1 })
        text += header + "\n"
        for line in lines {
            text += line
            text += "\n"
        }
        return text
    }

    /// The paths a folder's record lists, or nil when the folder has no record of Broadside's.
    public static func read(in folder: String) -> Set<String>? {
        guard let data = FileManager.default.contents(atPath: folder + "/" + fileName),
            let text = String(data: data, encoding: .utf8)
        else { return nil }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: true)
        guard lines.first.map(String.init) == header else { return nil }
        lines.removeFirst()
        return Set(lines.map { decode(String($0)) })
    }

    // A static file's name may hold a line break; one path per line needs it spelled out.
    private static func encode(_ path: String) -> String {
        guard path.contains(where: { $0 == "%" || $0 == "\n" || $0 == "\r" }) else { return path }
        return path.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\n", with: "%0A")
            .replacingOccurrences(of: "\r", with: "%0D")
    }

    private static func decode(_ line: String) -> String {
        guard line.contains("%") else { return line }
        return line.replacingOccurrences(of: "%0A", with: "\n").replacingOccurrences(of: "%0D", with: "\r")
            .replacingOccurrences(of: "%25", with: "%")
    }
}
