import Benchmark

// Placeholder: the owning issue replaces this with real benchmarks.
let benchmarks: @Sendable () -> Void = {}
