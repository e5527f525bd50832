import Foundation

/// A write that failed: to standard output, an --out file or a temporary file. RunMain turns it
/// into exit 74 (EX_IOERR) with one line on stderr; a reader that went away (EPIPE) ends quietly.
struct OutputError: Error {
    enum Target: Sendable {
        case standardOutput
        case file(String)
        case temporary
    }

    /// The errno of the failed write.
    let code: Int32
    let target: Target
    /// What a write command had done before its confirmation failed, and where to look: the
    /// message must say the entry is in the ledger, or someone runs the command again.
    var committed: (done: String, seeAlso: String?)?

    init(code: Int32, target: Target) {
        self.code = code
        self.target = target
    }

    /// `zoneledger log | head -1`: the reader has what it wanted, like any Unix filter.
    var readerWentAway: Bool {
        if code == EPIPE, case .standardOutput = target { true } else { false }
    }

    var message: String {
        let reason = String(cString: strerror(code))
        if let committed {
            return "\(committed.done)，但无法输出确认（\(reason)）：请勿重复执行" + (committed.seeAlso.map { "，" + $0 } ?? "")
        }
        switch target {
        case .standardOutput: return "无法写出结果（\(reason)）"
        case .file(let path): return "无法写入“\(path)”（\(reason)）"
        case .temporary: return "无法写临时文件（\(reason)）：检查 /tmp 的空间"
        }
    }
}

/// The one owner of how bytes leave the process: every write to stdout, stderr or an --out
/// file goes through `writeAll`, so each failure is either reported (exit 74) or, for a reader
/// that went away, quiet; never a crash, never output lost under exit 0.
enum StandardStreams {
    /// Run first. SIGPIPE and SIGXFSZ would kill the process mid-write; ignored, they become
    /// EPIPE and EFBIG from write(2), which the writes handle. A descriptor that came closed
    /// (`>&-`) is filled with /dev/null opened read-only: writes to it still fail (EBADF), and
    /// no file opened later (a temporary, the workbook) can take its number and get our output.
    static func prepare() {
        signal(SIGPIPE, SIG_IGN)
        signal(SIGXFSZ, SIG_IGN)
        for descriptor in Int32(0)...2 where fcntl(descriptor, F_GETFD) == -1 && errno == EBADF {
            _ = open("/dev/null", O_RDONLY)  // the lowest free number, which is this one
        }
    }

    /// Writes every byte: a short write continues, EINTR is retried and a non-blocking descriptor
    /// waited on. Returns the errno of a write that failed, nil when all went out.
    static func writeAll(_ bytes: UnsafeRawBufferPointer, to descriptor: Int32) -> Int32? {
        var offset = 0
        while offset < bytes.count {
            let written = Foundation.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written > 0 {
                offset += written
                continue
            }
            // write(2) returns 0 only for an empty write: count it as a failure rather than spin.
            let code = written == 0 ? EIO : errno
            switch code {
            case EINTR:
                continue
            case EAGAIN, EWOULDBLOCK:
                var ready = pollfd(fd: descriptor, events: Int16(POLLOUT), revents: 0)
                _ = poll(&ready, 1, -1)
            default:
                return code
            }
        }
        return nil
    }

    /// One line on stderr. If stderr cannot take it there is nowhere left to tell: the exit
    /// code still says what happened.
    static func report(_ line: String) {
        partial(line + "\n")
    }

    /// Text on stderr without a line end: a progress line rewritten in place.
    static func partial(_ text: String) {
        var text = text
        _ = text.withUTF8 { writeAll(UnsafeRawBufferPointer($0), to: STDERR_FILENO) }
    }
}

extension Output {
    /// Text a read command prints; a failure is thrown as an `OutputError`.
    static func write(_ text: String) throws {
        try OutputSink.toStandardOutput { try $0.write(text) }
    }

    static func write(_ data: Data) throws {
        try OutputSink.toStandardOutput { try $0.write(data) }
    }

    /// A write command's confirmation, printed after the ledger committed. When it cannot be
    /// printed the error says what was done (`done`), so the command is not run a second time.
    static func confirm(_ text: String, done: String = "已写入账本", seeAlso: String? = "可用 zoneledger log 查看") throws {
        do {
            try write(text)
        } catch var error as OutputError {
            error.committed = (done, seeAlso)
            throw error
        }
    }
}
