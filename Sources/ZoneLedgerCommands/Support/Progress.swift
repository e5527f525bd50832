import Foundation

/// A progress line for long work (import, rebuild), on standard error and only when it is a
/// terminal, only once the work has run a second: "重建 12000/100000（8000/秒，约11秒）". Nothing
/// when stderr is a file or a pipe, so logs and scripts see only the result.
final class Progress: @unchecked Sendable {
    private let label: String
    private let started = Date()
    private var lastShown = Date.distantPast
    private var shown = false

    private init(label: String) { self.label = label }

    /// A progress line, or nil when standard error is not a terminal.
    static func line(label: String) -> Progress? {
        isatty(2) == 1 ? Progress(label: label) : nil
    }

    func report(_ done: Int, _ total: Int) {
        let now = Date()
        let elapsed = now.timeIntervalSince(started)
        guard elapsed >= 1, now.timeIntervalSince(lastShown) >= 0.2 else { return }
        lastShown = now
        shown = true
        let rate = Double(done) / max(elapsed, 0.001)
        let left = rate > 0 && total > done ? "，约\(Int((Double(total - done) / rate).rounded(.up)))秒" : ""
        StandardStreams.partial("\r\u{1B}[K\(label) \(done)/\(total)（\(Int(rate))/秒\(left)）")
    }

    func finish() {
        if shown { StandardStreams.partial("\r\u{1B}[K") }
    }
}
