import Foundation
import Testing
@testable import Pipeline

@Suite struct OrderedWorkTests {
    /// Counts items taken and not yet handed over, to check the window bound.
    final class InFlight: @unchecked Sendable {
        private let lock = NSLock()
        private var current = 0
        private(set) var most = 0

        func enter() { lock.withLock { current += 1; most = max(most, current) } }
        func leave() { lock.withLock { current -= 1 } }
    }

    @Test(arguments: [1, 2, 4])
    func resultsComeInIndexOrderWithinTheWindow(workers: Int) {
        let inFlight = InFlight()
        var seen: [Int] = []
        OrderedWork<Int>.run(count: 40, workers: workers, window: 8) { index in
            inFlight.enter()
            // Early items are the slow ones, so later ones finish first.
            usleep(UInt32((40 - index) % 7) * 300)
            return index * 10
        } consume: { value in
            inFlight.leave()
            seen.append(value)
        }
        #expect(seen == (0..<40).map { $0 * 10 })
        // The window, plus the one result the consumer holds while workers take the next.
        #expect(inFlight.most <= max(8, workers) + 1)
    }

    struct Stop: Error {}

    @Test func aFailingConsumerStopsTheWorkers() {
        let inFlight = InFlight()
        #expect(throws: Stop.self) {
            try OrderedWork<Int>.run(count: 1000, workers: 3, window: 6) { index in
                inFlight.enter()
                return index
            } consume: { (value: Int) throws(Stop) in
                if value == 5 { throw Stop() }
            }
        }
        // Nothing beyond the window was started.
        #expect(inFlight.most <= 12)
    }
}
