// swift-tools-version: 6.0
import PackageDescription

// Why these dependencies:
// - swift-argument-parser: the command tree, help screens and usage errors (exit 64) for free.
// - GRDB.swift: one well-kept gateway over the system SQLite, with migrations and records.
// - ZIPFoundation: reads the zip an .xlsx is, for `import projects 进度表.xlsx`; the XML parts
//   inside it are read with Foundation's own XMLParser.
// - postgres-nio: a maintained PostgreSQL wire-protocol client (SCRAM auth, extended query
//   protocol, typed server errors) for the second store; we write no protocol code of our own.
//   It is imported only under Sources/ZoneLedgerCore/Store/Postgres.
// Everything else (dates, display width, JSON/CSV writers) is small enough to be our own code.
let package = Package(
    name: "zoneledger",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "zoneledger", targets: ["zoneledger"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.0"),
    ],
    targets: [
        // The core knows nothing of argument parsing: ledger, dates, references, reports.
        .target(
            name: "ZoneLedgerCore",
            // GRDBSQLite: the system SQLite's C API, for the few statements a bulk import runs per row.
            dependencies: [
                .product(name: "GRDB", package: "GRDB.swift"), .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ],
            exclude: ["Seeds/README.md", "Seeds/NOTES-extraction.md"],
            // Embedded so the binary runs when copied away from .build (Bundle.module would not).
            resources: [
                .embedInCode("Schema/0001_ledger.sql"),
                .embedInCode("Schema/0002_undo.sql"),
                .embedInCode("Schema/0003_command_parts.sql"),
                .embedInCode("Schema/0004_subject_indexes.sql"),
                .embedInCode("Schema/0005_hot_path_indexes.sql"),
                .embedInCode("Schema/0006_check_without_in_lists.sql"),
                .embedInCode("Schema/0007_every_fact_an_entry.sql"),
                .embedInCode("Schema/0008_spans.sql"),
                .embedInCode("Schema/0009_investment_and_responsibility.sql"),
                .embedInCode("Schema/0010_problems.sql"),
                .embedInCode("Schema/postgres/0001_postgres_ledger.sql"),
                .embedInCode("Seeds/work-report-2020.txt"),
                .embedInCode("Seeds/parks.txt"),
                .embedInCode("Seeds/parcels.txt"),
                .embedInCode("Seeds/projects.txt"),
                .embedInCode("Seeds/tenants.txt"),
                .embedInCode("Seeds/milestones.txt"),
                .embedInCode("Seeds/figures.txt"),
            ]
        ),
        // libxlsxwriter from Debian's libxlsxwriter-dev: a real workbook, which our own code should not attempt.
        // libxlsxwriter is opened when an xlsx is written, not linked: see Sources/CXlsxWriter/shim.h.
        .systemLibrary(name: "CXlsxWriter", providers: [.apt(["libxlsxwriter-dev"])]),
        // The commands: parse arguments, call the core, render per format.
        .target(
            name: "ZoneLedgerCommands",
            dependencies: [
                "ZoneLedgerCore",
                "CXlsxWriter",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "zoneledger", dependencies: ["ZoneLedgerCommands"]),
        .testTarget(name: "ZoneLedgerCoreTests", dependencies: ["ZoneLedgerCore", .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        .testTarget(name: "ZoneLedgerCommandsTests", dependencies: ["ZoneLedgerCommands"]),
        .testTarget(name: "EndToEndTests", dependencies: ["ZoneLedgerCore"]),
    ]
)
