import Dispatch
import Foundation

/// SIGINT and SIGTERM while outputs are being written: the half-written generation is
/// removed, the previous outputs stay as they were, and the process then dies of the signal
/// as it would have. (A kill -9 cannot be caught: the next run removes what it left.)
enum Interruption {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var pending: (generation: String, folder: String)?
    nonisolated(unsafe) private static var sources: [any DispatchSourceSignal] = []

    /// Starts watching; `generation` is removed if a signal comes before `publish` runs.
    static func watch(generation: String, folder: String) {
        lock.withLock {
            pending = (generation, folder)
            guard sources.isEmpty else { return }
            for number in [SIGINT, SIGTERM] {
                signal(number, SIG_IGN)
                let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
                source.setEventHandler { interrupted(by: number) }
                source.resume()
                sources.append(source)
            }
        }
    }

    /// Runs `body` (the switch to the new outputs) where no signal can remove the generation.
    static func publishing<T, E: Error>(_ body: () throws(E) -> T) throws(E) -> T {
        lock.lock()
        defer { lock.unlock() }
        pending = nil
        return try body()
    }

    private static func interrupted(by number: Int32) {
        lock.withLock {
            if let (generation, folder) = pending {
                // Renamed first, so the writing thread cannot add files to it while it goes.
                let doomed = generation + ".interrupted"
                if rename(generation, doomed) == 0 { try? FileManager.default.removeItem(atPath: doomed) }
                StandardStreams.error("plan2json: interrupted; \(folder)/ left as the last complete run wrote it\n")
            }
            // Die of the signal. libdispatch keeps it blocked (and reads it from a signalfd), so
            // unblock it on this thread and send it here.
            var set = sigset_t()
            sigemptyset(&set)
            sigaddset(&set, number)
            pthread_sigmask(SIG_UNBLOCK, &set, nil)
            signal(number, SIG_DFL)
            raise(number)
        }
    }
}
