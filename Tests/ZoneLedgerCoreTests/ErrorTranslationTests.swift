import GRDB
import Testing
@testable import ZoneLedgerCore

/// Every result code SQLite can hand the translation layer becomes a sentence: never a bare number.
struct ErrorTranslationTests {
    /// SQLite's primary result codes that are errors (0, 100 and 101 are not).
    static let codes = Array(1...28)

    @Test(arguments: codes)
    func everyResultCodeIsASentence(_ code: Int) {
        let error = DatabaseError(resultCode: ResultCode(rawValue: Int32(code)), message: "disk I/O error")
        let message = translate(error).message
        #expect(!message.hasPrefix("账本操作失败（"), "code \(code): \(message)")
        #expect(message.unicodeScalars.filter { (0x4E00...0x9FFF).contains($0.value) }.count >= 6, "code \(code) has words: \(message)")
        #expect(!message.contains("disk I/O error"), "SQLite's own English stays out: \(message)")
    }

    @Test func extendedCodesTakeTheirPrimaryCodesSentence() {
        // SQLITE_IOERR_READ (266) and SQLITE_IOERR_SHORT_READ (522) read as the I/O error they are.
        for code: Int32 in [266, 522, 10] {
            let message = translate(DatabaseError(resultCode: ResultCode(rawValue: code))).message
            #expect(message.contains("读写账本文件时出错"), "\(code): \(message)")
        }
    }
}
