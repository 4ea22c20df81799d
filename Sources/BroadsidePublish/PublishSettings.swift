import Broadside
import Foundation
import Yams

/// `publish:` in site.yml: where the site goes. Secrets are never here: the password comes
/// from `BROADSIDE_PUBLISH_PASSWORD` or `~/.netrc`, an SSH key from the agent or a key file.
public struct PublishSettings: Sendable, Equatable {
    public enum Transport: String, Sendable, CaseIterable {
        case sftp, ftps, ftp
    }

    public var transport: Transport
    public var host: String
    public var port: Int?
    public var user: String
    /// The remote folder, without a trailing slash (`/var/www/site`, or `public_html`).
    public var folder: String
    /// FTPS: `sha256//BASE64` of a self-signed certificate's public key, accepted instead of a
    /// verified chain. SFTP: the host key is checked against known_hosts, not here.
    public var pinnedPublicKey: String?

    static let keys = ["protocol", "host", "port", "user", "folder", "pinned_public_key"]

    /// The settings in `site.yml` of `source`, or every problem with its line and column.
    public static func load(from source: URL) -> Result<PublishSettings, BuildFailure> {
        let file = "site.yml"
        guard let text = try? String(contentsOf: source.appendingPathComponent(file), encoding: .utf8) else {
            return .failure(failure(.error(file, "There is no site.yml, so there is nowhere to publish to.", hint: example)))
        }
        let root: Node?
        do { root = try Yams.compose(yaml: text) } catch {
            return .failure(failure(.error(file, "site.yml is not valid YAML: \(error)")))
        }
        guard let node = root?.mapping?["publish"] else {
            return .failure(failure(.error(file, "site.yml has no publish: settings.", hint: example)))
        }
        return parse(node, file: file)
    }

    static let example = "for example publish: { protocol: sftp, host: example.org, user: editor, folder: public_html } (see docs/publish.md)"

    static func parse(_ node: Node, file: String) -> Result<PublishSettings, BuildFailure> {
        var problems: [Diagnostic] = []
        func at(_ node: Node, _ message: String, hint: String? = nil) {
            problems.append(.error(file, line: node.mark.map { $0.line }, column: node.mark.map { $0.column }, message, hint: hint))
        }
        guard let mapping = node.mapping else {
            at(node, "publish: should be a list of settings (protocol, host, user, folder).", hint: example)
            return .failure(BuildFailure(problems))
        }
        var values: [String: (String, Node)] = [:]
        for (key, value) in mapping {
            guard let name = key.string else { continue }
            guard keys.contains(name) else {
                at(key, "Unknown publish setting \(name).", hint: "The settings are \(keys.joined(separator: ", ")).")
                continue
            }
            guard let scalar = value.scalar?.string, !scalar.isEmpty else {
                at(value, "publish: \(name) should be a single value.")
                continue
            }
            values[name] = (scalar, value)
        }
        for name in ["protocol", "host", "user", "folder"] where values[name] == nil {
            at(node, "publish: has no \(name).", hint: example)
        }
        var transport = Transport.sftp
        if let (name, value) = values["protocol"] {
            if let known = Transport(rawValue: name.lowercased()) { transport = known } else {
                at(value, "publish: protocol \(name) is not one Broadside speaks.", hint: "Use sftp, ftps or ftp.")
            }
        }
        var port: Int?
        if let (text, value) = values["port"] {
            port = Int(text)
            if port.map({ !(1...65535).contains($0) }) ?? true { at(value, "publish: port \(text) is not a port number (1 to 65535).") }
        }
        if let (pin, value) = values["pinned_public_key"], !pin.hasPrefix("sha256//") {
            at(value, "publish: pinned_public_key should start with sha256//.", hint: pinHint)
        }
        guard problems.isEmpty else { return .failure(BuildFailure(problems)) }
        var folder = values["folder"]!.0
        while folder.count > 1 && folder.hasSuffix("/") { folder.removeLast() }
        return .success(PublishSettings(
            transport: transport, host: values["host"]!.0, port: port, user: values["user"]!.0, folder: folder,
            pinnedPublicKey: values["pinned_public_key"]?.0))
    }

    static let pinHint = "Get it with: openssl s_client -connect HOST:PORT -starttls ftp </dev/null | openssl x509 -pubkey -noout | openssl pkey -pubin -outform der | openssl dgst -sha256 -binary | base64"

    public init(transport: Transport, host: String, port: Int? = nil, user: String, folder: String, pinnedPublicKey: String? = nil) {
        self.transport = transport
        self.host = host
        self.port = port
        self.user = user
        self.folder = folder
        self.pinnedPublicKey = pinnedPublicKey
    }

    static func failure(_ problem: Diagnostic) -> BuildFailure { BuildFailure([problem]) }
}
