import Foundation
import ZoneLedgerCore

/// Writes a file whole or not at all: a temporary file in the same folder, then a rename.
enum OutputFile {
    static func write(_ data: Data, to path: String) throws {
        try OutputSink.toFile(path) { try $0.write(data) }
    }

    /// A refused permission is the folder's (77); anything else, a full disk say, is an I/O error (74).
    static func cannotCreate(_ path: String, _ code: Int32) -> Error {
        [EACCES, EPERM, EROFS].contains(code)
            ? LedgerError(.permission, "无法写入“\(path)”：检查文件夹权限")
            : OutputError(code: code, target: .file(path))
    }

    /// Where output for `path` really goes. A symbolic link is followed to the file it names
    /// (made if missing), so the link stays a link; a character device or a FIFO (`/dev/null`, a
    /// pipe another program reads) is written into as it is, never replaced by a regular file;
    /// any other special file is refused. Everything else is written whole through a rename.
    enum Destination: Equatable {
        case file(String)
        case stream(String)
    }

    static func destination(for path: String) throws -> Destination {
        var current = path
        for _ in 0..<40 {
            var info = stat()
            guard lstat(current, &info) == 0 else { return .file(current) }  // not there yet: made
            switch info.st_mode & S_IFMT {
            case S_IFLNK:
                guard let target = try? FileManager.default.destinationOfSymbolicLink(atPath: current) else {
                    throw LedgerError.usage("--out “\(path)”是无法读取的链接")
                }
                // A relative target is read from the link's own folder.
                if !target.hasPrefix("/"), let slash = current.lastIndex(of: "/") {
                    current = current[...slash] + target
                } else {
                    current = target
                }
            case S_IFCHR, S_IFIFO:
                return .stream(current)
            case S_IFREG, S_IFDIR:
                return .file(current)  // a folder is refused with its own message by temporaryPath
            default:
                throw LedgerError.usage("--out “\(path)”是特殊文件（块设备或套接字）：请给出普通文件名")
            }
        }
        throw LedgerError.usage("--out “\(path)”的链接层数过多（可能是循环链接）")
    }

    /// The hidden temporary next to `path`, after checking that `path` can be a file there.
    static func temporaryPath(for path: String) throws -> String {
        let url = URL(fileURLWithPath: path)
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw LedgerError.usage("--out “\(path)”是文件夹：请给出文件名，如 \(path)/月度进度表.xlsx")
        }
        let folder = url.deletingLastPathComponent().path
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw LedgerError.usage("--out 的文件夹“\(folder)”不存在")
        }
        return folder + "/.zoneledger-out-\(ProcessInfo.processInfo.processIdentifier).partial"
    }

    static func commit(_ temporary: String, to path: String) throws {
        guard rename(temporary, path) == 0 else {
            try? FileManager.default.removeItem(atPath: temporary)
            throw LedgerError(.permission, "无法写入“\(path)”：检查文件夹权限")
        }
    }
}
