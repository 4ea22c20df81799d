import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Files `init` and `new` write for the editor. They never replace one: the file is created
/// with `O_EXCL`, so even a file that appears between the check and the write is kept.
enum NewFile {
    enum Outcome: Equatable {
        case written
        case exists
        case failed(String)
    }

    static func create(_ path: String, _ text: String) -> Outcome {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            return errno == EEXIST ? .exists : .failed(SiteFolder.reason(errno))
        }
        defer { close(descriptor) }
        return writeAll(text, to: descriptor) ? .written : .failed(SiteFolder.reason(errno))
    }

    private static func writeAll(_ text: String, to descriptor: Int32) -> Bool {
        let bytes = Array(text.utf8)
        var done = 0
        while done < bytes.count {
            let written = bytes[done...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                return false
            }
            done += written
        }
        return true
    }

    /// What is at `path` when it is neither nothing nor a regular file: "a link", "a folder", "a pipe"…
    static func notARegularFile(_ path: String) -> String? {
        var status = stat()
        guard lstat(path, &status) == 0 else { return nil }
        switch status.st_mode & S_IFMT {
        case S_IFREG: return nil
        case S_IFLNK: return "a link"
        case S_IFDIR: return "a folder"
        case S_IFIFO: return "a pipe"
        case S_IFSOCK: return "a socket"
        default: return "a device"
        }
    }

    /// Adds `text` at the end of the regular file `path`, never through a link (`O_NOFOLLOW`).
    static func append(_ text: String, to path: String) -> Bool {
        let descriptor = open(path, O_WRONLY | O_APPEND | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        return writeAll(text, to: descriptor)
    }

    /// Whether anything is at `path`, a broken link included.
    static func exists(_ path: String) -> Bool {
        var status = stat()
        return lstat(path, &status) == 0
    }

    /// `text` as a YAML double-quoted scalar, on one line.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F: out += " "
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
