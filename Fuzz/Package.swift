// swift-tools-version:6.0
import PackageDescription

// libFuzzer targets for Broadside, kept out of the root package so `swift build` and
// `swift test` never compile them. Build and run them through `make fuzz` (see docs/reliability.md §6):
// they need `-sanitize=fuzzer,address` and `-enable-testing` (for `@testable import Broadside`).
let package = Package(
    name: "BroadsideFuzz",
    dependencies: [
        .package(name: "Broadside", path: ".."),
        // The engine Broadside renders with today, which fuzz-engine compares its own engine to.
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.0"),
    ],
    targets: [
        // Declares libFuzzer's LLVMFuzzerRunDriver; the sanitizer runtime provides it at link time.
        .systemLibrary(name: "CLibFuzzer"),
        .target(name: "FuzzSupport", dependencies: ["CLibFuzzer"]),
        .executableTarget(name: "fuzz-front-matter", dependencies: ["FuzzSupport", .product(name: "Broadside", package: "Broadside")]),
        .executableTarget(name: "fuzz-slugs", dependencies: ["FuzzSupport", .product(name: "Broadside", package: "Broadside")]),
        .executableTarget(name: "fuzz-markdown", dependencies: ["FuzzSupport", .product(name: "Broadside", package: "Broadside")]),
        .executableTarget(name: "fuzz-post", dependencies: ["FuzzSupport", .product(name: "Broadside", package: "Broadside")]),
        .executableTarget(name: "fuzz-images", dependencies: ["FuzzSupport", .product(name: "Broadside", package: "Broadside")]),
        .executableTarget(name: "fuzz-new", dependencies: ["FuzzSupport", .product(name: "Broadside", package: "Broadside")]),
        .executableTarget(name: "fuzz-search", dependencies: ["FuzzSupport", .product(name: "Broadside", package: "Broadside")]),
        .executableTarget(name: "fuzz-cache", dependencies: ["FuzzSupport", .product(name: "Broadside", package: "Broadside")]),
        .executableTarget(name: "fuzz-templates", dependencies: ["FuzzSupport", .product(name: "Broadside", package: "Broadside")]),
        .executableTarget(name: "fuzz-engine", dependencies: [
            "FuzzSupport", .product(name: "Broadside", package: "Broadside"), .product(name: "Mustache", package: "swift-mustache"),
        ]),
    ]
)
