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
