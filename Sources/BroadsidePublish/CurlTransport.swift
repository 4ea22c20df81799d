import CCurl
import CPublish
import Foundation

/// A failed transfer: libcurl's code and message, classified by `PublishError`.
struct TransferError: Error {
    var code: CURLcode
    var message: String
}

/// One libcurl handle for the whole publish, so every transfer reuses its connection.
/// Files are uploaded to a temporary name and renamed by the quote commands that follow
/// the transfer; nothing is ever built into a shell command.
final class CurlTransport {
    let remote: Remote
    let secrets: Secrets
    private let handle: UnsafeMutableRawPointer

    init(settings: PublishSettings, secrets: Secrets) {
        curl_global_init(Int(CURL_GLOBAL_DEFAULT))
        remote = Remote(settings: settings)
        self.secrets = secrets
        handle = curl_easy_init()
    }

    deinit { curl_easy_cleanup(handle) }

    /// A file of the host folder, or nil when it is not there.
    func download(_ path: String) throws(TransferError) -> Data? {
        try fetch(path, body: true)
    }

    /// What the host answers for `path`, held in memory; nil when it has no such file. Without
    /// `body`, only whether it is there: FTP still answers in header-like lines (Content-Length: …),
    /// written as a body would be, so they go to the buffer too.
    private func fetch(_ path: String, body: Bool) throws(TransferError) -> Data? {
        var buffer = bs_buffer(data: nil, size: 0)
        defer { bs_buffer_free(&buffer) }
        prepare(remote.url(path))
        if !body { bs_curl_set_long(handle, CURLOPT_NOBODY, 1) }
        bs_curl_write_to_buffer(handle, &buffer)
        let code = curl_easy_perform(handle)
        if code == CURLE_REMOTE_FILE_NOT_FOUND { return nil }
        try check(code)
        guard let data = buffer.data else { return Data() }
        return Data(bytes: data, count: buffer.size)
    }

    /// Copies a file of the host folder into `local`; false when the host has no such file.
    func download(_ path: String, to local: URL) throws(TransferError) -> Bool {
        guard let file = fopen(local.path, "wb") else {
            throw TransferError(code: CURLE_WRITE_ERROR, message: "cannot write \(local.path)")
        }
        defer { fclose(file) }
        prepare(remote.url(path))
        // libcurl's own write function: fwrite to the FILE* given as its data.
        bs_curl_set_pointer(handle, CURLOPT_WRITEDATA, file)
        let code = curl_easy_perform(handle)
        if code == CURLE_REMOTE_FILE_NOT_FOUND { return false }
        // FTP cannot enter a folder the host lacks: nor has it the file.
        if code == CURLE_REMOTE_ACCESS_DENIED, remote.settings.transport != .sftp { return false }
        try check(code)
        return true
    }

    /// Uploads `local` as `.name.broadside-tmp` beside `path`, then renames it into place.
    func upload(_ local: URL, to path: String) throws(TransferError) {
        guard let file = fopen(local.path, "rb") else {
            throw TransferError(code: CURLE_READ_ERROR, message: "cannot read \(local.path)")
        }
        defer { fclose(file) }
        let size = ((try? FileManager.default.attributesOfItem(atPath: local.path)[.size]) as? Int) ?? 0
        let temporary = Remote.temporary(path)
        prepare(remote.url(temporary))
        bs_curl_set_long(handle, CURLOPT_UPLOAD, 1)
        bs_curl_set_off(handle, CURLOPT_INFILESIZE_LARGE, curl_off_t(size))
        bs_curl_set_long(handle, CURLOPT_FTP_CREATE_MISSING_DIRS, Int(CURLFTP_CREATE_DIR_RETRY.rawValue))
        bs_curl_read_from_file(handle, file)
        try withCommands(renameCommands(from: temporary, to: path), option: CURLOPT_POSTQUOTE) { () throws(TransferError) in
            try check(curl_easy_perform(handle))
        }
    }

    /// Deletes a file Broadside put on the host, then the folders it leaves empty (a folder
    /// with anything else in it refuses, which is ignored). False when the host refused and
    /// the file is still there (permissions); one already gone counts as deleted.
    func delete(_ path: String) throws(TransferError) -> Bool {
        let parts = path.split(separator: "/").map(String.init)
        let parent = parts.dropLast().joined(separator: "/")
        let folders = (1..<max(parts.count, 1)).reversed().map { parts[0..<$0].joined(separator: "/") }
        // `*`: libcurl goes on when the command fails. Whether the file went is asked after
        // (a refusal and a file already gone are the same 550 to an FTP client), before its
        // folders go: asked about a file in a missing folder, FTP answers "access denied".
        switch remote.settings.transport {
        case .sftp:
            try quote(["*rm " + Remote.quoted(remote.sftpPath(path))], in: "")
        case .ftp, .ftps:
            do {
                try quote(["*DELE " + Remote.name(path)], in: parent)
            } catch where error.code == CURLE_REMOTE_ACCESS_DENIED {
                // The file's folder cannot be entered: gone already, with the file.
                return true
            }
        }
        guard try !exists(path) else { return false }
        let emptied: [String] = switch remote.settings.transport {
        case .sftp: folders.map { "*rmdir " + Remote.quoted(remote.sftpPath($0)) }
        case .ftp, .ftps: folders.map { "*RMD " + $0 }
        }
        if !emptied.isEmpty { try quote(emptied, in: "") }
        return true
    }

    /// Commands of the protocol run in `folder` (below the host folder), without a transfer.
    /// FTP sends `CURLOPT_QUOTE` before it changes to the URL's folder, in whichever folder the
    /// last transfer left, so its commands go after (`POSTQUOTE`); SFTP's take absolute paths.
    private func quote(_ commands: [String], in folder: String) throws(TransferError) {
        prepare(remote.url(folder.isEmpty ? "" : folder + "/"))
        bs_curl_set_long(handle, CURLOPT_NOBODY, 1)
        let option = remote.settings.transport == .sftp ? CURLOPT_QUOTE : CURLOPT_POSTQUOTE
        try withCommands(commands, option: option) { () throws(TransferError) in
            try check(curl_easy_perform(handle))
        }
    }

    /// Whether the host has a file at `path`, asked without reading it.
    private func exists(_ path: String) throws(TransferError) -> Bool {
        try fetch(path, body: false) != nil
    }

    /// SFTP's rename does not replace an existing file on OpenSSH (protocol 3), so the old one
    /// is removed first: the page is missing for the moment between two commands, never half
    /// written. FTP's RNFR/RNTO replaces it in one step.
    private func renameCommands(from temporary: String, to path: String) -> [String] {
        switch remote.settings.transport {
        case .sftp:
            return ["*rm " + Remote.quoted(remote.sftpPath(path)),
                    "rename " + Remote.quoted(remote.sftpPath(temporary)) + " " + Remote.quoted(remote.sftpPath(path))]
        case .ftp, .ftps:
            return ["RNFR " + Remote.name(temporary), "RNTO " + Remote.name(path)]
        }
    }

    private func withCommands(_ commands: [String], option: CURLoption, _ body: () throws(TransferError) -> Void) throws(TransferError) {
        var list: UnsafeMutablePointer<curl_slist>?
        for command in commands { list = curl_slist_append(list, command) }
        defer { curl_slist_free_all(list) }
        bs_curl_set_pointer(handle, option, list)
        try body()
    }

    /// The options every transfer has: who, where, how the host is checked, how long to wait.
    private func prepare(_ url: String) {
        curl_easy_reset(handle)
        bs_curl_set_string(handle, CURLOPT_URL, url)
        bs_curl_set_string(handle, CURLOPT_USERNAME, remote.settings.user)
        if let password = secrets.password {
            bs_curl_set_string(handle, CURLOPT_PASSWORD, password)
        } else {
            bs_curl_set_long(handle, CURLOPT_NETRC, Int(CURL_NETRC_OPTIONAL.rawValue))
        }
        bs_curl_set_long(handle, CURLOPT_CONNECTTIMEOUT, 20)
        // A connection that moves less than a byte a second for a minute is lost: retry.
        bs_curl_set_long(handle, CURLOPT_LOW_SPEED_LIMIT, 1)
        bs_curl_set_long(handle, CURLOPT_LOW_SPEED_TIME, 60)
        switch remote.settings.transport {
        case .sftp: prepareSSH()
        case .ftps: prepareTLS()
        case .ftp: break
        }
    }

    private func prepareSSH() {
        bs_curl_set_string(handle, CURLOPT_SSH_KNOWNHOSTS, secrets.knownHosts)
        var types = CURLSSH_AUTH_AGENT | CURLSSH_AUTH_PUBLICKEY
        if secrets.password != nil { types |= CURLSSH_AUTH_PASSWORD }
        bs_curl_set_long(handle, CURLOPT_SSH_AUTH_TYPES, Int(types))
        if let key = secrets.keyFile {
            bs_curl_set_string(handle, CURLOPT_SSH_PRIVATE_KEYFILE, key)
            // Empty: libssh2 derives the public key from the private one.
            bs_curl_set_string(handle, CURLOPT_SSH_PUBLIC_KEYFILE, "")
        }
    }

    private func prepareTLS() {
        bs_curl_set_long(handle, CURLOPT_USE_SSL, Int(CURLUSESSL_ALL.rawValue))
        if let pin = remote.settings.pinnedPublicKey {
            // A self-signed certificate: no chain to verify, the pinned key is the check.
            bs_curl_set_long(handle, CURLOPT_SSL_VERIFYPEER, 0)
            bs_curl_set_long(handle, CURLOPT_SSL_VERIFYHOST, 0)
            bs_curl_set_string(handle, CURLOPT_PINNEDPUBLICKEY, pin)
        }
    }

    private func check(_ code: CURLcode) throws(TransferError) {
        guard code != CURLE_OK else { return }
        throw TransferError(code: code, message: String(cString: curl_easy_strerror(code)))
    }
}
