import Foundation

/// The temporary folders this test process made, removed when it exits: a test run makes hundreds of them
/// (recordings, clips, databases) and they would otherwise pile up in the system's temporary directory.
final class TemporaryFolders: @unchecked Sendable {
    static let shared: TemporaryFolders = {
        let folders = TemporaryFolders()
        if ProcessInfo.processInfo.environment["CLIPKIT_KEEP_TEST_FILES"] == nil {
            atexit { TemporaryFolders.shared.removeAll() }
        }
        return folders
    }()

    private let lock = NSLock()
    private var urls: [URL] = []

    func remember(_ url: URL) {
        lock.withLock { urls.append(url) }
    }

    private func removeAll() {
        for url in lock.withLock({ urls }) { try? FileManager.default.removeItem(at: url) }
    }
}
