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
            let text = String(validatingUTF8: data)
        else { return nil }
        // Split as bytes: split as characters, 20,000 paths took a rebuild 60 ms on one core.
        let lines = text.utf8.split(separator: UInt8(ascii: "\n"))
        guard let first = lines.first, String(Substring(first)) == header else { return nil }
        var paths = Set<String>(minimumCapacity: lines.count - 1)
        for line in lines.dropFirst() { paths.insert(decode(line)) }
        return paths
    }

    // A static file's name may hold a line break; one path per line needs it spelled out.
    // Byte by byte: as characters, "\r\n" is one that is neither "\r" nor "\n".
    private static func encode(_ path: String) -> String {
        guard path.utf8.contains(where: { $0 == percent || $0 == 10 || $0 == 13 }) else { return path }
        var bytes: [UInt8] = []
        for byte in path.utf8 {
            switch byte {
            case percent: bytes += Array("%25".utf8)
            case 10: bytes += Array("%0A".utf8)
            case 13: bytes += Array("%0D".utf8)
            default: bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func decode(_ line: Substring.UTF8View) -> String {
        guard line.contains(percent) else { return String(Substring(line)) }
        let written = Array(line)
        var bytes: [UInt8] = []
        var index = 0
        while index < written.count {
            let code = index + 2 < written.count && written[index] == percent ? String(decoding: written[index + 1...index + 2], as: UTF8.self) : ""
            switch code {
            case "25": bytes.append(percent)
            case "0A": bytes.append(10)
            case "0D": bytes.append(13)
            default:
                bytes.append(written[index])
                index += 1
                continue
            }
            index += 3
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static let percent = UInt8(ascii: "%")
}
