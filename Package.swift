// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Mengvorm",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "mengvorm", targets: ["mengvorm"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        // Yams 5.0.1: 1.3-6x faster front matter than 6.x here (shared/reference/swift-deps.md §3.4).
        .package(url: "https://github.com/jpsim/Yams", exact: "5.0.1"),
        // The preview server of `mengvorm serve`.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        // Already under Hummingbird; named for its graceful-shutdown handler (long-poll requests end at Ctrl-C).
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        // Also already under Hummingbird; named so the server tests can keep its log quiet.
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    ],
    targets: [
        // The system libcmark (Debian libcmark-dev), found through pkg-config.
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        // Byte scans that want vector instructions, which Swift's SIMD types did not give here.
        .target(name: "CByteScan"),
        // The only Swift code that touches cmark pointers.
        .target(name: "Markdown", dependencies: ["CCmark"]),
        // The Mustache engine: parser, renderer and library of the theme's templates.
        .target(name: "Templates", dependencies: ["CByteScan"]),
        // Config, discovery, front matter, site index, views, templates, checks, output.
        .target(
            name: "MengvormCore",
            dependencies: [
                "Markdown",
                .product(name: "Yams", package: "Yams"),
                "Templates",
                "CByteScan",
            ]
        ),
        // `mengvorm serve`: builds, serves on 127.0.0.1, watches the site and reloads the browser.
        .target(
            name: "Server",
            dependencies: [
                "MengvormCore",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        .executableTarget(
            name: "mengvorm",
            dependencies: [
                "MengvormCore",
                "Server",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            // mimalloc (Debian libmimalloc-dev) replaces glibc's malloc in the binary: rendering allocates
            // many small strings from two threads, and glibc's arenas cost a fifth of a 10,000-page build.
            linkerSettings: [.linkedLibrary("mimalloc")]
        ),
        // Fuzz targets over front matter, Markdown transforms and template rendering. The library
        // holds the targets; `mengvorm-fuzz` runs them under libFuzzer (scripts/fuzz.sh) or replays files.
        .target(
            name: "MengvormFuzzing",
            dependencies: ["MengvormCore", "Markdown"],
            path: "Fuzz/Sources/MengvormFuzzing"
        ),
        .executableTarget(name: "mengvorm-fuzz", dependencies: ["MengvormFuzzing"], path: "Fuzz/Sources/mengvorm-fuzz"),
        // What every test target shares: inline fixture sites with one minimal theme, and runners for
        // the command line and the preview server as processes.
        .target(name: "TestSupport", dependencies: ["MengvormCore"], path: "Tests/TestSupport"),
        .testTarget(name: "FuzzRegressionTests", dependencies: ["MengvormFuzzing", "TestSupport"], path: "Tests/FuzzRegressionTests"),
        .testTarget(name: "MarkdownTests", dependencies: ["Markdown"]),
        // The official Mustache spec vectors (Spec/README.md) and the engine's own additions.
        .testTarget(name: "TemplatesTests", dependencies: ["Templates"], resources: [.copy("Spec")]),
        .testTarget(name: "MengvormCoreTests", dependencies: ["MengvormCore", "TestSupport"]),
        // The preview server's routes served in process on a real port, beside the `mengvorm serve`
        // process tests in CLITests. (No HummingbirdTesting: it would add an HTTP client and TLS to the build.)
        .testTarget(
            name: "ServerTests", dependencies: ["Server", "TestSupport", .product(name: "Logging", package: "swift-log")]),
        .testTarget(name: "CLITests", dependencies: ["mengvorm", "TestSupport"]),
    ]
)
