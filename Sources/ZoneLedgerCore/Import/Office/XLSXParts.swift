import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// The XML parts of an .xlsx, each read by one small XMLParser delegate.
enum XLSXParts {
    /// `xl/workbook.xml`: the sheets in order, each name with its relationship id.
    static func sheets(_ xml: Data, file: String) throws -> [(name: String, relation: String)] {
        let reader = ElementCollector(element: "sheet")
        try parse(xml, reader, part: "xl/workbook.xml", file: file)
        return reader.found.compactMap { attributes in
            guard let name = attributes["name"], let id = attributes["r:id"] ?? attributes.first(where: { $0.key.hasSuffix(":id") })?.value else { return nil }
            return (name, id)
        }
    }

    /// `xl/_rels/workbook.xml.rels`: relationship id → target part.
    static func relationships(_ xml: Data, file: String) throws -> [String: String] {
        let reader = ElementCollector(element: "Relationship")
        try parse(xml, reader, part: "xl/_rels/workbook.xml.rels", file: file)
        var targets: [String: String] = [:]
        for attributes in reader.found { if let id = attributes["Id"], let target = attributes["Target"] { targets[id] = target } }
        return targets
    }

    /// `xl/sharedStrings.xml`: each `<si>`'s text, rich-text runs joined, phonetic guides left out.
    static func sharedStrings(_ xml: Data, file: String) throws -> [String] {
        let reader = SharedStringReader()
        try parse(xml, reader, part: "xl/sharedStrings.xml", file: file)
        return reader.strings
    }

    /// A worksheet's cells as text, row by row, and its merged ranges.
    static func worksheet(_ xml: Data, strings: [String], file: String, sheet: String) throws -> ([[String]], [CellRange]) {
        let reader = WorksheetReader(strings: strings)
        try parse(xml, reader, part: "工作表“\(sheet)”", file: file)
        return (reader.rows, reader.merges)
    }

    private static func parse(_ xml: Data, _ delegate: XMLParserDelegate, part: String, file: String) throws {
        let parser = XMLParser(data: xml)
        parser.delegate = delegate
        guard parser.parse() else {
            throw LedgerError.data("“\(file)”的\(part)不是有效的 XML，读不出来：请在 Excel/WPS 中重新保存")
        }
    }
}

/// Every element of one name, by its attributes.
private final class ElementCollector: NSObject, XMLParserDelegate {
    let element: String
    var found: [[String: String]] = []

    init(element: String) { self.element = element }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        if name == element || name.hasSuffix(":" + element) { found.append(attributes) }
    }
}

/// Local name of a possibly prefixed element (`x:t` → `t`).
private func local(_ name: String) -> Substring {
    name.split(separator: ":").last ?? Substring(name)
}

private final class SharedStringReader: NSObject, XMLParserDelegate {
    var strings: [String] = []
    private var current = ""
    private var inText = false
    private var inPhonetic = false

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        switch local(name) {
        case "si": current = ""
        case "t": inText = !inPhonetic
        case "rPh": inPhonetic = true
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inText { current += string }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        switch local(name) {
        case "si": strings.append(current)
        case "t": inText = false
        case "rPh": inPhonetic = false
        default: break
        }
    }
}

private final class WorksheetReader: NSObject, XMLParserDelegate {
    let strings: [String]
    var rows: [[String]] = []
    var merges: [CellRange] = []
    private var row = -1
    private var column = -1
    private var type = ""
    private var value = ""
    private var inline = ""
    private var inValue = false
    private var inInlineText = false
    private var inPhonetic = false

    init(strings: [String]) { self.strings = strings }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        switch local(name) {
        case "row":
            // Rows without r= follow the previous one.
            row = attributes["r"].flatMap(Int.init).map { $0 - 1 } ?? row + 1
            column = -1
        case "c":
            if let reference = attributes["r"].flatMap(CellReference.init) {
                row = reference.row
                column = reference.column
            } else {
                column += 1
            }
            type = attributes["t"] ?? "n"
            value = ""
            inline = ""
        case "v": inValue = true
        case "t": inInlineText = !inPhonetic
        case "rPh": inPhonetic = true
        case "mergeCell":
            if let range = attributes["ref"].flatMap(CellRange.init(reference:)) { merges.append(range) }
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inValue { value += string } else if inInlineText { inline += string }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        switch local(name) {
        case "v": inValue = false
        case "t": inInlineText = false
        case "rPh": inPhonetic = false
        case "c": store(text())
        default: break
        }
    }

    private func text() -> String {
        switch type {
        case "s": return Int(value.trimmingWhitespace()).flatMap { $0 < strings.count ? strings[$0] : nil } ?? ""
        case "inlineStr": return inline
        case "str", "e": return value
        case "b": return value == "1" ? "TRUE" : value == "0" ? "FALSE" : value
        default: return ExcelNumber.text(value) ?? value
        }
    }

    private func store(_ text: String) {
        guard row >= 0, column >= 0, !text.isEmpty else { return }
        while rows.count <= row { rows.append([]) }
        while rows[row].count <= column { rows[row].append("") }
        rows[row][column] = text
    }
}

/// A number cell's `<v>` as the text a person sees: Excel keeps 15 significant digits, so the
/// float noise past them (3.0000000000000004, 1234.5600000000002) is rounded away, and the
/// decimal string is read digit by digit, never through Double: `1E+6` is "1000000".
enum ExcelNumber {
    static func text(_ raw: String) -> String? {
        var text = Substring(raw.trimmingWhitespace())
        guard !text.isEmpty else { return nil }
        var negative = false
        if text.first == "-" { negative = true; text = text.dropFirst() } else if text.first == "+" { text = text.dropFirst() }
        var exponent = 0
        if let e = text.firstIndex(where: { $0 == "E" || $0 == "e" }) {
            guard let power = Int(text[text.index(after: e)...]) else { return nil }
            exponent = power
            text = text[..<e]
        }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), parts.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }) else { return nil }
        var digits = (parts[0] + (parts.count == 2 ? parts[1] : "")).compactMap { $0.wholeNumberValue }
        guard !digits.isEmpty else { return nil }
        // The decimal point sits after `point` digits.
        var point = parts[0].count + exponent
        while digits.first == 0, digits.count > 1 { digits.removeFirst(); point -= 1 }
        if digits == [0] { return "0" }
        // Round to 15 significant digits.
        if digits.count > 15 {
            let roundUp = digits[15] >= 5
            digits = Array(digits.prefix(15))
            if roundUp {
                var index = 14
                while index >= 0 {
                    if digits[index] == 9 { digits[index] = 0; index -= 1 } else { digits[index] += 1; break }
                }
                if index < 0 { digits.insert(1, at: 0); point += 1; digits.removeLast() }
            }
        }
        // Trailing zeros after the point carry nothing.
        while digits.count > max(point, 1), digits.last == 0 { digits.removeLast() }
        var whole = "", fraction = ""
        if point <= 0 {
            whole = "0"
            fraction = String(repeating: "0", count: -point) + digits.map(String.init).joined()
        } else if point >= digits.count {
            whole = digits.map(String.init).joined() + String(repeating: "0", count: point - digits.count)
        } else {
            whole = digits.prefix(point).map(String.init).joined()
            fraction = digits.dropFirst(point).map(String.init).joined()
        }
        while fraction.hasSuffix("0") { fraction.removeLast() }
        let body = fraction.isEmpty ? whole : whole + "." + fraction
        return negative && body != "0" ? "-" + body : body
    }
}
