// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Exemplar",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "exemplar", targets: ["exemplar"]),
        .library(name: "ExemplarCore", targets: ["ExemplarCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
    ],
    targets: [
        // The system's libcmark (Debian: libcmark-dev).
        .systemLibrary(
            name: "CMark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"]), .brew(["cmark"])]
        ),
        // The system's libvips (Debian: libvips42): decodes, turns, resizes and encodes photos.
        // Opened when the first photo is processed (`Sources/CVips/shim.h`), not linked.
        .systemLibrary(name: "CVips"),
        // The pipeline: load → validate → link → plan → render → write. No printing, no exit.
        .target(
            name: "ExemplarCore",
            dependencies: [
                "CMark",
                "CVips",
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        // The live preview: HTTP server, file watcher, reload events. Kept out of the core so
        // that `build` and the library need no server.
        .target(
            name: "ExemplarServe",
            dependencies: [
                "ExemplarCore",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // The command line: parses arguments, prints diagnostics, chooses the exit code.
        .executableTarget(
            name: "exemplar",
            dependencies: [
                "ExemplarCore",
                "ExemplarServe",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // libFuzzer target over ContentLoader.readItem; not a product. A plain build gives a
        // replayer of saved inputs; scripts/fuzz.sh builds the fuzzer (-D FUZZING, -sanitize=fuzzer).
        .executableTarget(
            name: "ExemplarFuzz",
            dependencies: ["ExemplarCore"]
        ),
        // Times a kept site session (bench/session.sh); not a product.
        .executableTarget(
            name: "ExemplarBench",
            dependencies: ["ExemplarCore"]
        ),
        .testTarget(
            name: "ExemplarCoreTests",
            // The executable too: command-line tests run it as a user would.
            dependencies: ["ExemplarCore", "exemplar"]
        ),
    ]
)
