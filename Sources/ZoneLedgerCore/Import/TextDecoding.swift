import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The encodings Excel and WPS save CSV in, in China.
public enum TextEncoding: String, Sendable, CaseIterable {
    case utf8 = "utf-8"
    case gb18030
}

enum TextDecoding {
    /// UTF-8 with or without a BOM, else GB18030; bytes valid as both are read as the one that
    /// looks like Chinese text, or refused when that cannot be told (`EncodingGuess`).
    static func decode(_ data: Data, as encoding: TextEncoding?, file: String) throws -> (text: String, encoding: TextEncoding) {
        if data.contains(0) { throw LedgerError.data("“\(file)”含有 NUL 字节：不是文本 CSV 文件") }
        var bytes = data
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            guard encoding != .gb18030 else { throw LedgerError.data("“\(file)”以 UTF-8 的 BOM 开头，却指定了 --encoding gb18030") }
            bytes = bytes.dropFirst(3)
        }
        if encoding != .gb18030, let text = String(data: bytes, encoding: .utf8) {
            // Without a BOM or --encoding, bytes that are GB18030 too are read as the one that looks like Chinese.
            guard encoding == nil, !data.starts(with: [0xEF, 0xBB, 0xBF]), text.utf8.contains(where: { $0 >= 0x80 }),
                  let other = gb18030(bytes) else { return (text, .utf8) }
            var asUTF8 = TextPlausibility(), asGB = TextPlausibility()
            asUTF8.feed(bytes)
            asGB.feed(Data(other.utf8))
            return try EncodingGuess.choose(utf8: asUTF8, gb18030: asGB, file: file) == .utf8 ? (text, .utf8) : (other, .gb18030)
        }
        if encoding == .utf8 { throw LedgerError.data("“\(file)”不是有效的 UTF-8 文本：若是 WPS/Excel 存的“CSV（逗号分隔）”，请用 --encoding gb18030") }
        var validator = UTF8Validator()
        bytes.withUnsafeBytes { validator.feed($0.bindMemory(to: UInt8.self)) }
        guard let text = gb18030(bytes) else { throw EncodingGuess.neither(file: file, notUTF8AtLine: validator.line) }
        if encoding == nil {
            var look = TextPlausibility()
            look.feed(Data(text.utf8))
            try EncodingGuess.checkGB18030(look, notUTF8AtLine: validator.line, file: file)
        }
        return (text, .gb18030)
    }

    /// GB18030 through the C library's iconv, which every Linux has; Foundation on Linux lacks it.
    static func gb18030(_ data: Data) -> String? {
        let converter = iconv_open("UTF-8", "GB18030")
        guard converter != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(converter) }
        var input = [CChar](repeating: 0, count: data.count)
        data.withUnsafeBytes { raw in for (index, byte) in raw.enumerated() { input[index] = CChar(bitPattern: byte) } }
        var output = [CChar](repeating: 0, count: data.count * 2 + 16)
        var inLeft = input.count, outLeft = output.count
        let converted: Int = input.withUnsafeMutableBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer in
                var inPointer = inBuffer.baseAddress, outPointer = outBuffer.baseAddress
                return iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft)
            }
        }
        guard converted != -1, inLeft == 0 else { return nil }
        let produced = output.count - outLeft
        return String(decoding: output.prefix(produced).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
