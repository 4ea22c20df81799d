// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Broadside",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "broadside", targets: ["BroadsideCLI"]),
        .library(name: "Broadside", targets: ["Broadside"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        // The preview server (`broadside serve`) only; the library never sees it.
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
    ],
    targets: [
        // cmark from Debian's libcmark-dev, found through pkg-config.
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        // libvips from Debian's libvips-dev, and the small C target that calls its variadic API.
        .systemLibrary(
            name: "CVips",
            pkgConfig: "vips",
            providers: [.apt(["libvips-dev"])]
        ),
        .target(name: "CImage", dependencies: ["CVips"]),
        // copy_file_range and SEEK_DATA/SEEK_HOLE, which Swift's Glibc module leaves out.
        .target(name: "CFiles"),
        // libcurl from Debian's libcurl4-openssl-dev (SFTP through libssh2, FTP and FTPS through
        // OpenSSL), and the small C target that calls its variadic setopt and getinfo.
        .systemLibrary(
            name: "CCurl",
            pkgConfig: "libcurl",
            providers: [.apt(["libcurl4-openssl-dev"])]
        ),
        .target(name: "CPublish", dependencies: ["CCurl"]),
        // Snowball's stemmers from Debian's libstemmer-dev (no pkg-config file: linked by name).
        .systemLibrary(
            name: "CStemmer",
            providers: [.apt(["libstemmer-dev"])]
        ),
        // zlib from Debian's zlib1g-dev: the search index is written gzipped.
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        .target(
            name: "Broadside",
            dependencies: [
                "CCmark",
                "CImage",
                "CFiles",
                "CStemmer",
                "CZlib",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            plugins: ["EmbedTheme"]
        ),
        // themes/default/ as Swift source in the library (see Plugins/EmbedTheme).
        .plugin(name: "EmbedTheme", capability: .buildTool()),
        // The preview server of `broadside serve`: HTTP on loopback over FlyingFox, which the
        // library never sees; what works around FlyingFox 0.27.1 is in FlyingFox-0.27.1/.
        .target(
            name: "BroadsidePreview",
            dependencies: [
                "Broadside",
                .product(name: "FlyingFox", package: "FlyingFox"),
                .product(name: "FlyingSocks", package: "FlyingFox"),
            ]
        ),
        // `broadside publish`: the plan of what to upload and delete (pure), and its transport
        // over libcurl, which the library never sees.
        .target(
            name: "BroadsidePublish",
            dependencies: [
                "Broadside",
                "CImage",
                "CPublish",
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        .executableTarget(
            name: "BroadsideCLI",
            dependencies: [
                "Broadside",
                "BroadsidePreview",
                "BroadsidePublish",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            // A release build is the binary `make install` ships: the Swift runtime and Foundation
            // linked in. Runtime calls are then direct, not through the dynamic loader's table: the
            // 10,000-post bench builds about 10 % faster (docs/performance.md).
            swiftSettings: [.unsafeFlags(["-static-stdlib"], .when(configuration: .release))],
            linkerSettings: [.unsafeFlags(["-static-stdlib"], .when(configuration: .release))]
        ),
        .testTarget(
            name: "BroadsideTests",
            dependencies: ["Broadside", "CZlib"],
            exclude: ["Fixtures", "MustacheSpec"]
        ),
        // Real sockets on 127.0.0.1, so the thread sanitizer sees the server's threads too.
        .testTarget(
            name: "BroadsidePublishTests",
            dependencies: ["BroadsidePublish", "Broadside", .product(name: "Yams", package: "Yams")]
        ),
        .testTarget(
            name: "BroadsidePreviewTests",
            dependencies: ["BroadsidePreview", "Broadside"]
        ),
    ]
)
