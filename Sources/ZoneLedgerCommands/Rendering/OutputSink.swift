import Foundation
import ZoneLedgerCore

/// Where output goes, written as it is made in 64 KiB chunks, so a province's sheet never sits
/// whole in memory: standard output, or a file that appears only when complete. A failed write
/// throws an `OutputError` at once, so rendering stops instead of making output nobody gets.
final class OutputSink {
    private static let chunk = 1 << 16
    private var buffer: [UInt8] = []
    private let descriptor: Int32
    private let target: OutputError.Target

    private init(descriptor: Int32, target: OutputError.Target) {
        self.descriptor = descriptor
        self.target = target
        buffer.reserveCapacity(Self.chunk)
    }

    func write(_ text: String) throws {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= Self.chunk { try flush() }
    }

    /// Bytes written straight into the buffer by `body` (JSON rows), with no String between.
    func append(_ body: (inout [UInt8]) -> Void) throws {
        body(&buffer)
        if buffer.count >= Self.chunk { try flush() }
    }

    /// Bytes made whole elsewhere (the workbook): written as they are, not copied into the buffer.
    func write(_ data: Data) throws {
        try flush()
        try data.withUnsafeBytes { try put($0) }
    }

    private func flush() throws {
        try buffer.withUnsafeBytes { try put($0) }
        buffer.removeAll(keepingCapacity: true)
    }

    private func put(_ bytes: UnsafeRawBufferPointer) throws {
        if let code = StandardStreams.writeAll(bytes, to: descriptor) { throw OutputError(code: code, target: target) }
    }

    /// Streams `body`'s output to an open descriptor, everything flushed before it returns.
    static func to(_ descriptor: Int32, target: OutputError.Target, _ body: (OutputSink) throws -> Void) throws {
        let sink = OutputSink(descriptor: descriptor, target: target)
        try body(sink)
        try sink.flush()
    }

    static func toStandardOutput(_ body: (OutputSink) throws -> Void) throws {
        try to(STDOUT_FILENO, target: .standardOutput, body)
    }

    /// Streams into `path` through a temporary file in the same folder, renamed into place
    /// only when `body` finishes: a failed or interrupted run leaves no half-written file.
    /// A link is written through to its target, a device or FIFO streamed into (`OutputFile.destination`).
    static func toFile(_ given: String, _ body: (OutputSink) throws -> Void) throws {
        let path: String
        switch try OutputFile.destination(for: given) {
        case .stream(let special):
            let descriptor = open(special, O_WRONLY | O_CLOEXEC)
            guard descriptor >= 0 else { throw OutputFile.cannotCreate(given, errno) }
            defer { close(descriptor) }
            try to(descriptor, target: .file(given), body)
            return
        case .file(let file):
            path = file
        }
        let temporary = try OutputFile.temporaryPath(for: path)
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw OutputFile.cannotCreate(path, errno) }
        do {
            try to(descriptor, target: .file(path), body)
        } catch {
            close(descriptor)
            unlink(temporary)
            throw error
        }
        // Some file systems (NFS) report a full disk only when the file is closed.
        guard close(descriptor) == 0 else {
            let code = errno
            unlink(temporary)
            throw OutputError(code: code, target: .file(path))
        }
        try OutputFile.commit(temporary, to: path)
    }
}
