import Foundation

/// The preview's own folder under the system's temporary folder, removed when the preview
/// stops (Ctrl-C, or a TERM or HUP from the system), so its drafts are never left behind.
enum PreviewTemporaryFolder {
    static func make() throws -> URL {
        let base = FileManager.default.temporaryDirectory.path
        var template = Array((base + "/broadside-preview-XXXXXX").utf8CString)
        guard let made = mkdtemp(&template) else {
            throw usageError(.error(nil, "cannot make a temporary folder in \(base) for the preview",
                hint: "check that the temporary folder exists and can be written to, or set TMPDIR to one that can"))
        }
        return URL(fileURLWithPath: String(cString: made))
    }

    static func remove(_ folder: URL) {
        try? FileManager.default.removeItem(at: folder)
    }

    /// Waits for a running build to end (it would write into the folder again), removes the
    /// folder, and exits with status 0: stopping is how a preview ends.
    static func removeOnSignal(_ folder: URL, waitingFor building: NSLock) {
        for signalNumber in [SIGINT, SIGTERM, SIGHUP] {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler {
                building.lock()
                remove(folder)
                exit(0)
            }
            source.resume()
            sources.append(source)
        }
    }

    /// Kept alive for as long as the process runs.
    nonisolated(unsafe) private static var sources: [any DispatchSourceSignal] = []
}
