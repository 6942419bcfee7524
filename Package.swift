// swift-tools-version: 6.1
import PackageDescription

// The tree tells the architecture: every stage (Ingest, Normalize, Emit) depends on the
// model (PlanModel) and never on each other; Pipeline wires them; the executable only
// parses arguments. C libraries sit behind one system-library target each, and exactly
// one Swift file imports each of them.
let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "plan2json",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "plan2json", targets: ["plan2json"]),
        .library(name: "Pipeline", targets: ["Pipeline"]),
        // Every stage as a library, for the nested Benchmarks package and other tools.
        .library(name: "Plan2JSONKit", targets: ["PlanModel", "Ingest", "Normalize", "Emit", "Pipeline"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        // SHA-256 of every input (document ids, the incremental manifest): BoringSSL's, which
        // uses the CPU's SHA instructions.
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    ],
    targets: [
        // Pure Swift values shared by every stage.
        .target(name: "PlanModel", swiftSettings: swiftSettings),

        // C libraries, one target each.
        .systemLibrary(
            name: "CLibXML2", pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]),
        // ICU (libicu-dev) behind a compiled C shim, not a module map over ICU's headers: those
        // clash with the ICU inside Foundation on Linux (see Sources/CICU/include/cicu.h).
        .target(name: "CICU", linkerSettings: [.linkedLibrary("icuuc"), .linkedLibrary("icudata")]),
        .systemLibrary(
            name: "CSQLite", pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"])]),

        // Byte <-> text conversion (ICU); shared by Ingest (decoding) and Normalize
        // (re-encoding damaged runs), so ICU is imported in one place only.
        .target(name: "Charsets", dependencies: ["CICU"], swiftSettings: swiftSettings),

        // bytes -> text -> document model (table dumps, HTML, plain text).
        .target(
            name: "Ingest", dependencies: ["PlanModel", "Charsets", "CLibXML2"],
            swiftSettings: swiftSettings),

        // script, Unicode cleanup, damage repair, quantities, times, task records.
        // Run-time data (OpenCC dictionaries, phrase lists) under Resources/ is compiled
        // into the binary by the EmbedResources plugin, never loaded via Bundle.module.
        .target(
            name: "Normalize", dependencies: ["PlanModel", "Charsets"],
            exclude: ["Resources"],
            swiftSettings: swiftSettings,
            plugins: ["EmbedResources"]),

        // JSON Lines, CSV, SQLite, schema.
        .target(name: "Emit", dependencies: ["PlanModel", "CSQLite"], swiftSettings: swiftSettings),

        // detect -> read -> normalize -> build records -> write, for one file or a batch.
        .target(
            name: "Pipeline",
            dependencies: ["PlanModel", "Ingest", "Normalize", "Emit", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: swiftSettings),

        .executableTarget(
            name: "plan2json",
            dependencies: ["Pipeline", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            swiftSettings: swiftSettings),

        // Build-time tool: turns data files into a Swift source of static string literals.
        .executableTarget(name: "resource-embedder", swiftSettings: swiftSettings),
        .plugin(name: "EmbedResources", capability: .buildTool(), dependencies: ["resource-embedder"]),

        // Helpers shared by test targets (a JSON Schema validator, a seeded generator); never shipped.
        .target(name: "TestSupport", dependencies: ["Emit"], path: "Tests/Support", swiftSettings: swiftSettings),
        .testTarget(name: "PlanModelTests", dependencies: ["PlanModel"], swiftSettings: swiftSettings),
        .testTarget(
            name: "IngestTests", dependencies: ["Ingest", "PlanModel", "Charsets", "TestSupport"], swiftSettings: swiftSettings),
        .testTarget(
            name: "NormalizeTests", dependencies: ["Normalize", "Ingest", "PlanModel", "TestSupport"], exclude: ["Data"],
            swiftSettings: swiftSettings),
        .testTarget(name: "EmitTests", dependencies: ["Emit", "PlanModel", "TestSupport"], swiftSettings: swiftSettings),
        .testTarget(
            name: "PipelineTests",
            dependencies: ["Pipeline", "Emit", "PlanModel", "Ingest", "Normalize", "TestSupport", "plan2json"],
            swiftSettings: swiftSettings),
    ],
    swiftLanguageModes: [.v6]
)
