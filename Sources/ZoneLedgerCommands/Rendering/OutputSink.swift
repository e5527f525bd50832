import Foundation
import ZoneLedgerCore

/// Where a streamed report goes, written as it is made in 64 KiB chunks, so a province's sheet
/// never sits whole in memory: standard output, or a file that appears only when complete.
final class OutputSink {
    private var buffer: [UInt8] = []
    private let descriptor: Int32

    init(descriptor: Int32) {
        self.descriptor = descriptor
        buffer.reserveCapacity(1 << 16)
    }

    static var standardOutput: OutputSink { OutputSink(descriptor: 1) }

    func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 16 { flush() }
    }

    func flush() {
        var offset = 0
        while offset < buffer.count {
            let written = buffer[offset...].withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) }
            if written < 0 && errno == EINTR { continue }
            // The reader went away (`| head`): the rest has nowhere to go, like any Unix filter.
            guard written > 0 else { exit(0) }
            offset += written
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Streams into `path` through a temporary file in the same folder, renamed into place
    /// only when `body` finishes: a failed or interrupted run leaves no half-written sheet.
    static func toFile(_ path: String, _ body: (OutputSink) throws -> Void) throws {
        let temporary = try OutputFile.temporaryPath(for: path)
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { throw LedgerError(.permission, "无法写入“\(path)”：检查文件夹权限") }
        let sink = OutputSink(descriptor: descriptor)
        do {
            try body(sink)
            sink.flush()
            close(descriptor)
        } catch {
            close(descriptor)
            unlink(temporary)
            throw error
        }
        try OutputFile.commit(temporary, to: path)
    }
}
