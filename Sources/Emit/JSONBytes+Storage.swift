import Synchronization

extension JSONBytes {
    /// The memory a `JSONBytes` writes into: one buffer that grows by doubling. A buffer of
    /// the size of a piece of task lines goes back to `Pool` when let go, for the next piece,
    /// so that the pages of the lines of a run are mapped and cleared once, not once a document.
    /// (A class to own the memory; `JSONBytes` copies it before writing to a shared one.)
    final class Storage: @unchecked Sendable {
        private(set) var base: UnsafeMutablePointer<UInt8>
        private(set) var capacity: Int
        var count = 0

        /// Room past `EncodedRecords.pieceSize` for the line that fills a piece, so it rarely grows.
        static let pieceCapacity = EncodedRecords.pieceSize + (64 << 10)

        init(capacity: Int) {
            self.capacity = max(capacity, 64)
            base = .allocate(capacity: self.capacity)
        }

        /// A buffer of `pieceCapacity` bytes, an idle one if the pool has one.
        init(pooledPieceCapacity: Void) {
            capacity = Self.pieceCapacity
            base = Pool.take() ?? .allocate(capacity: Self.pieceCapacity)
        }

        /// A copy of the bytes, with room for `extra` more.
        func copy(reserving extra: Int) -> Storage {
            let copy = Storage(capacity: count + extra)
            copy.base.initialize(from: base, count: count)
            copy.count = count
            return copy
        }

        /// Room for `needed` bytes in all, at least twice the capacity so appends stay cheap.
        func grow(toHold needed: Int) {
            let newCapacity = max(needed, capacity * 2)
            let newBase = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
            newBase.initialize(from: base, count: count)
            release(base, capacity: capacity)
            base = newBase
            capacity = newCapacity
        }

        private func release(_ pointer: UnsafeMutablePointer<UInt8>, capacity: Int) {
            if capacity == Self.pieceCapacity, Pool.give(pointer) { return }
            pointer.deallocate()
        }

        deinit { release(base, capacity: capacity) }
    }
}

extension JSONBytes.Storage {
    /// Piece buffers let go and not yet taken again, a few at most (they are taken again as
    /// soon as the next document is encoded; more idle ones would only hold memory).
    enum Pool {
        static let limit = 8
        /// Addresses of idle buffers of `pieceCapacity` bytes.
        private static let idle = Mutex<[UInt]>([])

        static func take() -> UnsafeMutablePointer<UInt8>? {
            idle.withLock { $0.popLast() }.flatMap { UnsafeMutablePointer(bitPattern: $0) }
        }

        /// Whether the pool keeps `pointer` (otherwise the caller frees it).
        static func give(_ pointer: UnsafeMutablePointer<UInt8>) -> Bool {
            idle.withLock { idle in
                guard idle.count < limit else { return false }
                idle.append(UInt(bitPattern: pointer))
                return true
            }
        }
    }
}
