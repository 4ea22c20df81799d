import Foundation

/// Where the password and the SSH key come from: never site.yml.
public struct Secrets: Sendable {
    /// `BROADSIDE_PUBLISH_PASSWORD`; nil lets libcurl read `~/.netrc`.
    public var password: String?
    /// `BROADSIDE_PUBLISH_KEY`, else `~/.ssh/id_ed25519` or `~/.ssh/id_rsa` when there.
    public var keyFile: String?
    /// `BROADSIDE_KNOWN_HOSTS` (for tests), else `~/.ssh/known_hosts`.
    public var knownHosts: String

    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> Secrets {
        let home = environment["HOME"] ?? NSHomeDirectory()
        let keys = [environment["BROADSIDE_PUBLISH_KEY"], home + "/.ssh/id_ed25519", home + "/.ssh/id_rsa"]
        return Secrets(
            password: environment["BROADSIDE_PUBLISH_PASSWORD"].flatMap { $0.isEmpty ? nil : $0 },
            keyFile: keys.compactMap { $0 }.first { FileManager.default.fileExists(atPath: $0) },
            knownHosts: environment["BROADSIDE_KNOWN_HOSTS"] ?? home + "/.ssh/known_hosts")
    }
}
