import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Where an import file's bytes come from: a file on disk, read a chunk at a time (a file of
/// millions of rows is never held whole), or bytes already in memory.
enum ByteSource: Sendable {
    case data(Data)
    case file(String)

    /// Bytes read at a time; tests read in pieces of a few bytes, to cut records and characters.
    static let chunkSize = 1 << 20

    func forEachChunk(size: Int = chunkSize, _ body: (UnsafeBufferPointer<UInt8>) throws -> Void) throws {
        switch self {
        case .data(let data):
            try data.withUnsafeBytes { raw in
                let bytes = raw.bindMemory(to: UInt8.self)
                var start = 0
                while start < bytes.count {
                    let end = min(start + size, bytes.count)
                    try body(UnsafeBufferPointer(rebasing: bytes[start..<end]))
                    start = end
                }
            }
        case .file(let path):
            let descriptor = open(path, O_RDONLY)
            guard descriptor >= 0 else { throw LedgerError.data("读不到文件“\(path)”") }
            defer { close(descriptor) }
            let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: size)
            defer { buffer.deallocate() }
            while true {
                let count = read(descriptor, buffer, size)
                if count < 0 {
                    if errno == EINTR { continue }
                    throw LedgerError.data("读不到文件“\(path)”")
                }
                if count == 0 { break }
                try body(UnsafeBufferPointer(start: buffer, count: count))
            }
        }
    }
}

/// UTF-8 checked as it streams by, by the Unicode standard's table of well-formed sequences
/// (no overlong forms, no surrogates, nothing past U+10FFFF): what `String(data:encoding:)` accepts.
struct UTF8Validator {
    private var needed = 0
    private var lower: UInt8 = 0x80, upper: UInt8 = 0xBF
    private(set) var valid = true
    /// Whether any byte was not ASCII: only then can the bytes be another encoding's too.
    private(set) var sawNonASCII = false
    /// The line the bytes stopped being UTF-8 on (counted by line feeds), or the last line.
    private(set) var line = 1

    mutating func feed(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard valid else { return }
        for byte in bytes {
            if needed == 0 {
                if byte < 0x80 {
                    if byte == 0x0A { line += 1 }
                    continue
                }
                sawNonASCII = true
                switch byte {
                case 0xC2...0xDF: needed = 1
                case 0xE0: needed = 2; lower = 0xA0
                case 0xE1...0xEC, 0xEE, 0xEF: needed = 2
                case 0xED: needed = 2; upper = 0x9F
                case 0xF0: needed = 3; lower = 0x90
                case 0xF1...0xF3: needed = 3
                case 0xF4: needed = 3; upper = 0x8F
                default: valid = false; return
                }
            } else {
                guard byte >= lower, byte <= upper else { valid = false; return }
                lower = 0x80; upper = 0xBF
                needed -= 1
            }
        }
    }

    /// Valid, and not cut inside a character.
    var isComplete: Bool { valid && needed == 0 }
}

/// GB18030 to UTF-8 through the C library's iconv, a chunk at a time: a character cut by a
/// chunk's end waits for the next. `succeeded` is false when the bytes were not GB18030.
final class GB18030Converter {
    private let converter: iconv_t
    private var carry: [CChar] = []
    private var failed = false
    private let outputSize = 1 << 16
    private let output: UnsafeMutablePointer<CChar>

    init?() {
        converter = iconv_open("UTF-8", "GB18030")
        guard converter != iconv_t(bitPattern: -1) else { return nil }
        output = .allocate(capacity: outputSize)
    }

    deinit {
        iconv_close(converter)
        output.deallocate()
    }

    var succeeded: Bool { !failed && carry.isEmpty }
    var hasFailed: Bool { failed }

    func feed(_ chunk: UnsafeBufferPointer<UInt8>, _ emit: (UnsafeBufferPointer<UInt8>) throws -> Void) throws {
        guard !failed else { return }
        var input = carry
        input.append(contentsOf: UnsafeRawBufferPointer(chunk).bindMemory(to: CChar.self))
        carry.removeAll()
        guard !input.isEmpty else { return }
        try input.withUnsafeMutableBufferPointer { inBuffer in
            var inPointer = inBuffer.baseAddress
            var inLeft = inBuffer.count
            while inLeft > 0 {
                var outPointer: UnsafeMutablePointer<CChar>? = output
                var outLeft = outputSize
                let result = iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft)
                let produced = outputSize - outLeft
                if produced > 0 {
                    try emit(UnsafeBufferPointer(start: UnsafeRawPointer(output).assumingMemoryBound(to: UInt8.self), count: produced))
                }
                if result == -1 {
                    switch errno {
                    case E2BIG: continue
                    case EINVAL:
                        // A character cut at the chunk's end: keep its bytes for the next chunk.
                        if let start = inPointer { carry = Array(UnsafeBufferPointer(start: start, count: inLeft)) }
                        inLeft = 0
                    default:
                        failed = true
                        inLeft = 0
                    }
                }
            }
        }
    }
}

/// An import file's text: its bytes, the encoding they turned out to be in, and whether they
/// began with a UTF-8 byte order mark. Read as UTF-8 chunks, as often as needed.
struct ImportText: Sendable {
    let source: ByteSource
    let encoding: TextEncoding
    let bom: Bool

    func forEachChunk(size: Int = ByteSource.chunkSize, _ body: (UnsafeBufferPointer<UInt8>) throws -> Void) throws {
        switch encoding {
        case .utf8:
            try Self.withoutBOM(source, bom, size: size, body)
        case .gb18030:
            guard let converter = GB18030Converter() else { return }
            try Self.withoutBOM(source, bom, size: size) { try converter.feed($0, body) }
        }
    }

    /// Every record, the header included, in order.
    func forEachRecord(file: String, chunkSize: Int = ByteSource.chunkSize, _ body: (CSVRecord) throws -> Void) throws {
        var parser = CSVParser(file: file)
        try forEachChunk(size: chunkSize) { try parser.feed($0, body) }
        try parser.finish(body)
    }

    static func withoutBOM(_ source: ByteSource, _ bom: Bool, size: Int = ByteSource.chunkSize,
                           _ body: (UnsafeBufferPointer<UInt8>) throws -> Void) throws {
        var skip = bom ? 3 : 0
        try source.forEachChunk(size: size) { chunk in
            if skip > 0 {
                let dropped = min(skip, chunk.count)
                skip -= dropped
                if dropped < chunk.count { try body(UnsafeBufferPointer(rebasing: chunk[dropped...])) }
            } else {
                try body(chunk)
            }
        }
    }
}

/// A file read through once before anything is written, as the importer read whole files before:
/// its encoding found, its CSV checked, its records counted, its header kept.
struct ScannedFile: Sendable {
    let text: ImportText
    /// Records, the header included.
    let records: Int
    let header: CSVRecord?
}

extension TextDecoding {
    /// `decode` and `CSVReader.records` in one or two streaming passes, with the same refusals in
    /// the same order: a NUL byte, a BOM with --encoding gb18030, not UTF-8 when told so, neither
    /// encoding, then the first CSV error.
    static func scan(_ source: ByteSource, as encoding: TextEncoding?, file: String, chunkSize: Int = ByteSource.chunkSize) throws -> ScannedFile {
        var hasNUL = false
        var prefix: [UInt8] = []
        var validator = UTF8Validator()
        var utf8Scan = CSVScan(file: file)
        // The first three bytes decide the BOM; everything after them is checked as UTF-8 and CSV.
        func body(_ bytes: UnsafeBufferPointer<UInt8>) {
            validator.feed(bytes)
            utf8Scan.feed(bytes)
        }
        try source.forEachChunk(size: chunkSize) { chunk in
            if !hasNUL, chunk.contains(0) { hasNUL = true }
            var rest = chunk[...]
            if prefix.count < 3 {
                let taken = min(3 - prefix.count, rest.count)
                prefix += rest.prefix(taken)
                rest = rest.dropFirst(taken)
                if prefix.count == 3 {
                    if prefix != [0xEF, 0xBB, 0xBF] { prefix.withUnsafeBufferPointer { body($0) } }
                }
            }
            if !rest.isEmpty { body(UnsafeBufferPointer(rebasing: rest)) }
        }
        let bom = prefix == [0xEF, 0xBB, 0xBF]
        if prefix.count < 3 { prefix.withUnsafeBufferPointer { body($0) } }
        if hasNUL { throw LedgerError.data("“\(file)”含有 NUL 字节：不是文本 CSV 文件") }
        if bom, encoding == .gb18030 { throw LedgerError.data("“\(file)”以 UTF-8 的 BOM 开头，却指定了 --encoding gb18030") }
        if encoding != .gb18030, validator.isComplete {
            // Without a BOM or --encoding, bytes that are GB18030 too are read as the one that looks like Chinese.
            if encoding == nil, !bom, validator.sawNonASCII, let gb = try readAsGB18030(source, chunkSize: chunkSize, file: file, stopAtFailure: true) {
                var asUTF8 = TextPlausibility()
                try source.forEachChunk(size: chunkSize) { asUTF8.feed($0) }
                if try EncodingGuess.choose(utf8: asUTF8, gb18030: gb.look, file: file) == .gb18030 {
                    var scan = gb.scan
                    return try scan.result(ImportText(source: source, encoding: .gb18030, bom: false))
                }
            }
            return try utf8Scan.result(ImportText(source: source, encoding: .utf8, bom: bom))
        }
        if encoding == .utf8 { throw LedgerError.data("“\(file)”不是有效的 UTF-8 文本：若是 WPS/Excel 存的“CSV（逗号分隔）”，请用 --encoding gb18030") }
        guard var gb = try readAsGB18030(source, bom: bom, chunkSize: chunkSize, file: file, stopAtFailure: false) else {
            throw EncodingGuess.neither(file: file, notUTF8AtLine: validator.line)
        }
        if encoding == nil { try EncodingGuess.checkGB18030(gb.look, notUTF8AtLine: validator.line, file: file) }
        return try gb.scan.result(ImportText(source: source, encoding: .gb18030, bom: bom))
    }

    /// The file read as GB18030: its CSV checked and its look taken, or nil when it is not
    /// GB18030 (found at the first bad character when `stopAtFailure`, without reading on).
    private static func readAsGB18030(_ source: ByteSource, bom: Bool = false, chunkSize: Int, file: String,
                                      stopAtFailure: Bool) throws -> (scan: CSVScan, look: TextPlausibility)? {
        struct NotGB18030: Error {}
        guard let converter = GB18030Converter() else { return nil }
        var scan = CSVScan(file: file)
        var look = TextPlausibility()
        do {
            try ImportText.withoutBOM(source, bom, size: chunkSize) { chunk in
                try converter.feed(chunk) { scan.feed($0); look.feed($0) }
                if stopAtFailure, converter.hasFailed { throw NotGB18030() }
            }
        } catch is NotGB18030 {
            return nil
        }
        return converter.succeeded ? (scan, look) : nil
    }
}

/// A CSV check that remembers its first error instead of throwing it, for when another refusal
/// (the encoding's) may yet take precedence; it keeps the header.
private struct CSVScan {
    var parser: CSVParser
    var error: Error?
    var header: CSVRecord?

    init(file: String) { parser = CSVParser(file: file, materialise: false, firstOnly: true) }

    mutating func feed(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard error == nil else { return }
        var first = header
        do { try parser.feed(bytes) { record in if first == nil { first = record } } } catch { self.error = error }
        header = first
    }

    mutating func result(_ text: ImportText) throws -> ScannedFile {
        if let error { throw error }
        var first = header
        try parser.finish { record in if first == nil { first = record } }
        return ScannedFile(text: text, records: parser.records, header: first)
    }
}
