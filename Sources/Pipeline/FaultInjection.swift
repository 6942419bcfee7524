#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A test hook: with `PLAN2JSON_FAULT_KILL_AT=N` in the environment, the process kills itself
/// (SIGKILL) at the N-th step of replacing the outputs, so tests can prove that a kill at any
/// step leaves all the previous outputs or all the new ones. Without the variable it does nothing.
enum FaultInjection {
    private static let target: Int? = getenv("PLAN2JSON_FAULT_KILL_AT").flatMap { Int(String(cString: $0)) }
    nonisolated(unsafe) private static var steps = 0

    /// One step done (called from the writing thread only).
    static func step() {
        guard let target else { return }
        steps += 1
        if steps == target { kill(getpid(), SIGKILL) }
    }
}
