import Foundation

/// Percent-encoding for the parts of a postgres URL (RFC 3986, as libpq reads it).
enum URLText {
    /// `text` with `%XX` turned back into bytes, which must then be UTF-8. `+` stays a plus:
    /// this is a URI, not a form.
    static func decoded(_ text: Substring, part: String) throws(LedgerError) -> String {
        guard text.contains("%") else { return String(text) }
        var bytes: [UInt8] = []
        var rest = text.utf8
        while let byte = rest.popFirst() {
            guard byte == UInt8(ascii: "%") else { bytes.append(byte); continue }
            guard rest.count >= 2, let value = UInt8(String(decoding: rest.prefix(2), as: UTF8.self), radix: 16) else {
                throw PostgresURL.refusal("的\(part)里 % 后面应是两位十六进制数")
            }
            bytes.append(value)
            rest = rest.dropFirst(2)
        }
        guard let decoded = String(bytes: bytes, encoding: .utf8) else {
            throw PostgresURL.refusal("的\(part)解码后不是 UTF-8 文本")
        }
        return decoded
    }

    /// `text` with only what would change the URL's structure encoded, so a Chinese user or
    /// database name stays readable in a message.
    static func encoded(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            if structural.contains(scalar) || scalar.properties.generalCategory == .control || scalar == " " {
                for byte in String(scalar).utf8 { result += String(format: "%%%02X", byte) }
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    private static let structural: Set<Unicode.Scalar> = ["%", "@", ":", "/", "?", "#", "[", "]", "&", "="]
}
