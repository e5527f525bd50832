// A JSON tree written by hand rather than through JSONSerialization/JSONEncoder,
// for two reasons: amounts must appear exactly as stored ("144.73", never
// 144.72999999999999 via Double), and object keys must keep the order we chose.

public indirect enum JSONValue: Sendable {
    case null
    case bool(Bool)
    case string(String)
    /// An exact decimal literal such as "144.73" or "-0.5", written verbatim.
    case number(String)
    case int(Int)
    case array([JSONValue])
    /// Members in insertion order; duplicate keys are the caller's business.
    case object([(String, JSONValue)])

    /// The JSON text, without a trailing newline.
    /// Pretty output indents by two spaces and writes `"key": value`.
    /// `depth` indents it as a member nested that deep, for documents written piece by piece.
    public func serialized(pretty: Bool = true, depth: Int = 0) -> String {
        var out = ""
        write(to: &out, pretty: pretty, depth: depth)
        return out
    }

    private func write(to out: inout String, pretty: Bool, depth: Int) {
        switch self {
        case .null: out += "null"
        case .bool(let value): out += value ? "true" : "false"
        case .int(let value): out += String(value)
        case .string(let value): Self.writeString(value, to: &out)
        case .number(let literal):
            // A malformed literal would make the whole document unparseable;
            // writing it as a string keeps the output valid and the value visible.
            if Self.isNumberLiteral(literal) { out += literal } else { Self.writeString(literal, to: &out) }
        case .array(let elements):
            writeContainer(open: "[", close: "]", count: elements.count, to: &out, pretty: pretty, depth: depth) { i, out in
                elements[i].write(to: &out, pretty: pretty, depth: depth + 1)
            }
        case .object(let members):
            writeContainer(open: "{", close: "}", count: members.count, to: &out, pretty: pretty, depth: depth) { i, out in
                Self.writeString(members[i].0, to: &out)
                out += pretty ? ": " : ":"
                members[i].1.write(to: &out, pretty: pretty, depth: depth + 1)
            }
        }
    }

    private func writeContainer(
        open: String, close: String, count: Int, to out: inout String, pretty: Bool, depth: Int,
        element: (Int, inout String) -> Void
    ) {
        guard count > 0 else {
            out += open + close
            return
        }
        let indent = pretty ? String(repeating: "  ", count: depth + 1) : ""
        out += open
        for i in 0..<count {
            if i > 0 { out += "," }
            if pretty { out += "\n" + indent }
            element(i, &out)
        }
        if pretty { out += "\n" + String(repeating: "  ", count: depth) }
        out += close
    }

    /// RFC 8259 string escaping. Non-ASCII (Chinese) stays as UTF-8 so the
    /// output is readable; "/" needs no escape.
    static func writeString(_ value: String, to out: inout String) {
        out += "\""
        // Most strings need no escape: append them whole rather than scalar by scalar. The bytes are
        // looked at in place (a native string's contiguous UTF-8), not through the generic view.
        let clean = value.utf8.withContiguousStorageIfAvailable { bytes in
            !bytes.contains { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }
        } ?? !value.utf8.contains { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }
        if clean {
            out += value
            out += "\""
            return
        }
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            case "\u{00}"..."\u{1F}":
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default:
                out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }

    /// The RFC 8259 number grammar: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
    static func isNumberLiteral(_ literal: String) -> Bool {
        var chars = literal.utf8[...]
        func digits() -> Int {
            let run = chars.prefix { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
            chars = chars.dropFirst(run.count)
            return run.count
        }
        if chars.first == UInt8(ascii: "-") { chars = chars.dropFirst() }
        if chars.first == UInt8(ascii: "0") {
            chars = chars.dropFirst()
        } else if digits() == 0 {
            return false
        }
        if chars.first == UInt8(ascii: ".") {
            chars = chars.dropFirst()
            if digits() == 0 { return false }
        }
        if chars.first == UInt8(ascii: "e") || chars.first == UInt8(ascii: "E") {
            chars = chars.dropFirst()
            if chars.first == UInt8(ascii: "+") || chars.first == UInt8(ascii: "-") { chars = chars.dropFirst() }
            if digits() == 0 { return false }
        }
        return chars.isEmpty
    }
}

/// Written by hand because tuples (the object members) are not Equatable.
/// Equality is structural: `.number("1")` is not `.int(1)`, and member order
/// matters, since it changes the serialized text.
extension JSONValue: Equatable {
    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): return true
        case let (.bool(a), .bool(b)): return a == b
        case let (.string(a), .string(b)): return a == b
        case let (.number(a), .number(b)): return a == b
        case let (.int(a), .int(b)): return a == b
        case let (.array(a), .array(b)): return a == b
        case let (.object(a), .object(b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        default: return false
        }
    }
}
