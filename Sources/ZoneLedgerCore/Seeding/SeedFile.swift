/// One record of a seed file: a `[CODE]` header and `key: value` lines.
struct SeedRecord {
    let file: String
    let line: Int
    let code: String
    let fields: [(key: String, value: String)]

    func value(_ key: String) -> String? { fields.last { $0.key == key }?.value }
    func values(_ key: String) -> [String] { fields.filter { $0.key == key }.map(\.value) }
    func flag(_ key: String) -> Bool { value(key) == "yes" }

    func required(_ key: String) throws -> String {
        guard let value = value(key), !value.isEmpty else { throw problem("缺少“\(key)”") }
        return value
    }

    func problem(_ message: String) -> LedgerError {
        .data("种子数据 \(file) 第\(line)行 [\(code)]：\(message)")
    }
}

/// The reviewable text form of Seeds/: `#` comments, blank lines, `[CODE]` headers, `key: value` lines.
enum SeedFile {
    static func parse(_ text: String, file: String) throws -> [SeedRecord] {
        var records: [SeedRecord] = []
        var current: (line: Int, code: String, fields: [(key: String, value: String)])?
        func finish() {
            if let done = current { records.append(SeedRecord(file: file, line: done.line, code: done.code, fields: done.fields)) }
        }
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line.hasPrefix("[") && line.hasSuffix("]") {
                finish()
                current = (index + 1, String(line.dropFirst().dropLast()), [])
                continue
            }
            guard let colon = line.firstIndex(of: ":"), current != nil else {
                throw LedgerError.data("种子数据 \(file) 第\(index + 1)行：应为“键: 值”或“[编号]”")
            }
            let key = line[..<colon].trimmingCharacters(in: .whitespaces)
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            current?.fields.append((key, value))
        }
        finish()
        return records
    }
}
