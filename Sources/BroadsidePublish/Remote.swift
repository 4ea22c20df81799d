/// Where a file of the site goes on the host: URLs for libcurl and paths for its quote
/// commands, kept apart from the transport so they can be tested without a connection.
struct Remote: Sendable {
    var settings: PublishSettings

    /// `sftp://host:port/var/www/site/` (or `/~/public_html/` for a folder under the home);
    /// `ftp://host:port/%2Fvar/www/site/` (`%2F`: an absolute folder, not one under the login's).
    func url(_ path: String) -> String {
        let scheme = settings.transport == .sftp ? "sftp" : "ftp"
        let port = settings.port.map { ":\($0)" } ?? ""
        return "\(scheme)://\(bracketed(settings.host))\(port)\(folderInURL)/\(encoded(path))"
    }

    /// The path an SFTP `rename`/`rm` takes (relative folders are under the login's home).
    func sftpPath(_ path: String) -> String {
        settings.folder == "/" ? "/" + path : settings.folder + "/" + path
    }

    /// `.name.broadside-tmp` beside `name`: renamed into place, so a page is never half there.
    static func temporary(_ path: String) -> String {
        var parts = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        parts[parts.count - 1] = "." + parts[parts.count - 1] + ".broadside-tmp"
        return parts.joined(separator: "/")
    }

    static func name(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }

    /// A path in an SFTP quote command, in double quotes (libcurl's syntax for spaces).
    static func quoted(_ path: String) -> String {
        "\"" + path.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    private var folderInURL: String {
        let folder = settings.folder
        let absolute = folder.hasPrefix("/")
        let rest = encoded(String(folder.drop { $0 == "/" }))
        switch settings.transport {
        case .sftp: return absolute ? (rest.isEmpty ? "" : "/" + rest) : "/~/" + rest
        case .ftp, .ftps: return absolute ? "/%2F" + rest : "/" + rest
        }
    }

    private func bracketed(_ host: String) -> String {
        host.contains(":") ? "[\(host)]" : host
    }

    /// Each segment percent-encoded, the slashes kept.
    private func encoded(_ path: String) -> String {
        path.split(separator: "/", omittingEmptySubsequences: false).map { segment in
            var out = ""
            for byte in segment.utf8 {
                let c = Character(Unicode.Scalar(byte))
                if c.isASCII && (c.isLetter || c.isNumber || "-._~".contains(c)) { out.append(c) } else {
                    out += "%" + String(byte, radix: 16, uppercase: true).leftPadded
                }
            }
            return out
        }.joined(separator: "/")
    }
}

private extension String {
    var leftPadded: String { count == 1 ? "0" + self : self }
}
