/// Copies of arrays in memory that is never freed.
///
/// The conversion tables are built once per process (in `static let`s) and read on every
/// character. Holding them as raw buffers that outlive everything means the loops read them
/// without `withUnsafeBufferPointer` closures, retains or bounds checks, and a converter or plan
/// is a bundle of pointers that copies for free. The cost is that a table, once made, is never
/// freed, so only process-wide tables may use this.
enum ImmortalStorage {
    static func copy<Element>(_ array: [Element]) -> UnsafeBufferPointer<Element> {
        let storage = UnsafeMutableBufferPointer<Element>.allocate(capacity: max(array.count, 1))
        _ = storage.initialize(from: array)
        return UnsafeBufferPointer(rebasing: storage[..<array.count])
    }
}
