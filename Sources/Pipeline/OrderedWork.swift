import Foundation

/// Work over indices `0..<count` done by several threads, each taking the next index as it
/// finishes one (a slow file holds up one worker, not a window of them), with the results
/// handed to the calling thread strictly in index order. At most `window` results are taken
/// and not yet handed over, so memory stays bounded however unevenly the work is spread.
/// (A class only to share the queue's state between its threads under one lock.)
final class OrderedWork<Result: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private let count: Int
    private let window: Int
    /// Results by `index % window`; a slot is filled only after its previous occupant was taken.
    private var slots: [Result?]
    private var next = 0
    private var handedOver = 0
    private var stopped = false
    private var runningWorkers = 0

    private init(count: Int, window: Int) {
        self.count = count
        self.window = window
        slots = Array(repeating: nil, count: window)
    }

    /// Calls `produce` for every index on `workers` threads and `consume` with each result, in
    /// index order, on the calling thread. With one worker everything runs on the calling
    /// thread. If `consume` throws, the workers stop after their current item and it rethrows.
    static func run<E: Error>(
        count: Int, workers: Int, window: Int, produce: @escaping @Sendable (Int) -> Result,
        consume: (Result) throws(E) -> Void
    ) throws(E) {
        let workers = min(workers, count)
        if workers <= 1 {
            for index in 0..<count { try consume(produce(index)) }
            return
        }
        let work = OrderedWork(count: count, window: max(window, workers))
        work.runningWorkers = workers
        for _ in 0..<workers {
            let thread = Thread { work.work(produce) }
            // The normalizer recurses; give workers the main thread's stack size.
            thread.stackSize = 8 << 20
            thread.start()
        }
        do throws(E) {
            for index in 0..<count { try consume(work.take(index)) }
        } catch {
            work.stop()
            throw error
        }
        work.stop()
    }

    private func work(_ produce: @Sendable (Int) -> Result) {
        while let index = claim() {
            let result = produce(index)
            condition.lock()
            slots[index % window] = result
            condition.broadcast()
            condition.unlock()
        }
        condition.lock()
        runningWorkers -= 1
        condition.broadcast()
        condition.unlock()
    }

    /// The next index to work on, once it is within the window; nil when there is none.
    private func claim() -> Int? {
        condition.lock()
        defer { condition.unlock() }
        while !stopped, next < count, next - handedOver >= window { condition.wait() }
        guard !stopped, next < count else { return nil }
        next += 1
        return next - 1
    }

    private func take(_ index: Int) -> Result {
        condition.lock()
        defer { condition.unlock() }
        while slots[index % window] == nil { condition.wait() }
        let result = slots[index % window]!
        slots[index % window] = nil
        handedOver = index + 1
        condition.broadcast()
        return result
    }

    /// Lets no worker take more and waits until every one has finished.
    private func stop() {
        condition.lock()
        stopped = true
        condition.broadcast()
        while runningWorkers > 0 { condition.wait() }
        condition.unlock()
    }
}
