import Broadside
import CCurl

/// A failed transfer as one message with its fix, for the CLI to print.
enum PublishError {
    static func diagnostic(_ error: TransferError, settings: PublishSettings, secrets: Secrets) -> Diagnostic {
        let host = settings.host
        let port = settings.port ?? (settings.transport == .sftp ? 22 : 21)
        let (message, hint): (String, String?) = switch error.code {
        case CURLE_LOGIN_DENIED:
            ("\(host) refused the login of \(settings.user).",
             settings.transport == .sftp
                ? "Check the user, and that your SSH key (agent, BROADSIDE_PUBLISH_KEY or ~/.ssh/id_ed25519) is accepted by the host, or set BROADSIDE_PUBLISH_PASSWORD."
                : "Check the user and the password (BROADSIDE_PUBLISH_PASSWORD, or a machine \(host) line in ~/.netrc).")
        case CURLE_PEER_FAILED_VERIFICATION where settings.transport == .sftp:
            ("The SSH host key of \(host) is not in \(secrets.knownHosts), or differs from the one there.",
             "If this is a new host, run ssh-keyscan -p \(port) \(host) > key.txt; check its fingerprint (ssh-keygen -lf key.txt) against the one your hosting company gives, then append key.txt to \(secrets.knownHosts). If the key changed and you did not expect it, do not publish: ask your host.")
        case CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CACERT_BADFILE:
            ("The TLS certificate of \(host) could not be verified.",
             "If the host uses a self-signed certificate, pin its key in site.yml (publish: pinned_public_key: sha256//...). \(PublishSettings.pinHint)")
        case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
            ("The TLS key of \(host) is not the one pinned in site.yml (pinned_public_key).",
             "If the host changed its certificate, check the new key with your hosting company, then update the pin. \(PublishSettings.pinHint)")
        case CURLE_REMOTE_ACCESS_DENIED, CURLE_QUOTE_ERROR, CURLE_UPLOAD_FAILED:
            ("\(host) refused to write in \(settings.folder): \(error.message).",
             "Check publish: folder in site.yml and that \(settings.user) may write there.")
        case CURLE_REMOTE_DISK_FULL:
            ("The disk of \(host) is full.", "Free space on the host, then run broadside publish again: it resumes.")
        case CURLE_COULDNT_RESOLVE_HOST:
            ("\(host) is not a host name that resolves.", "Check publish: host in site.yml.")
        default:
            ("Publishing to \(host) failed: \(error.message).",
             "Run broadside publish again: it resumes where it stopped.")
        }
        return .error("site.yml", message + " The site on the host is whole: every file there is complete.", hint: hint)
    }

    /// A lost connection, worth another attempt after a pause.
    static func isTransient(_ code: CURLcode) -> Bool {
        [CURLE_COULDNT_CONNECT, CURLE_OPERATION_TIMEDOUT, CURLE_SEND_ERROR, CURLE_RECV_ERROR, CURLE_GOT_NOTHING,
         CURLE_PARTIAL_FILE, CURLE_SSH, CURLE_SSL_CONNECT_ERROR, CURLE_FTP_ACCEPT_TIMEOUT].contains(code)
    }
}
