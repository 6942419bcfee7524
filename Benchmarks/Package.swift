// swift-tools-version: 6.1
import PackageDescription

// Benchmarks live in their own package so that `swift build`, `swift test` and CI never
// build package-benchmark (its first build takes minutes). Run from this folder:
//   swift package --allow-writing-to-package-directory benchmark
let package = Package(
    name: "plan2json-benchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "plan2json", path: "../"),
        .package(url: "https://github.com/ordo-one/package-benchmark", from: "1.38.0", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "ScriptConversion",
            dependencies: [
                .product(name: "Benchmark", package: "package-benchmark"),
                .product(name: "Plan2JSONKit", package: "plan2json"),
            ],
            path: "Benchmarks/ScriptConversion",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "package-benchmark")]),
        .executableTarget(
            name: "QuantityTime",
            dependencies: [
                .product(name: "Benchmark", package: "package-benchmark"),
                .product(name: "Plan2JSONKit", package: "plan2json"),
            ],
            path: "Benchmarks/QuantityTime",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "package-benchmark")]),
        .executableTarget(
            name: "PipelineBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "package-benchmark"),
                .product(name: "Plan2JSONKit", package: "plan2json"),
            ],
            path: "Benchmarks/Pipeline",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "package-benchmark")]),
    ],
    swiftLanguageModes: [.v6]
)
