// CSV that Excel and WPS open correctly: a UTF-8 BOM so Chinese is not read as
// the local legacy code page, CRLF line endings, and RFC 4180 quoting.

/// One CSV field. Numbers are kept apart from text so they are never formula-guarded.
public enum CSVCell: Sendable, Equatable {
    case text(String)
    /// A validated decimal string such as "-1.5" or "144.73", written as-is.
    case number(String)
}

public enum CSVWriter {
    static let byteOrderMark = "\u{FEFF}"
    static let lineEnding = "\r\n"

    /// One table: BOM, header line, then one line per row, every line ending in CRLF.
    public static func document(header: [String], rows: [[CSVCell]]) -> String {
        byteOrderMark + table(header: header, rows: rows)
    }

    /// Several tables in one file: one BOM, each table preceded by a line holding
    /// its title, tables separated by an empty line.
    public static func sections(_ sections: [(title: String, header: [String], rows: [[CSVCell]])]) -> String {
        let parts = sections.map { section in
            line([.text(section.title)]) + table(header: section.header, rows: section.rows)
        }
        return byteOrderMark + parts.joined(separator: lineEnding)
    }

    private static func table(header: [String], rows: [[CSVCell]]) -> String {
        var out = line(header.map(CSVCell.text))
        for row in rows { out += line(row) }
        return out
    }

    static func line(_ cells: [CSVCell]) -> String {
        cells.map(field).joined(separator: ",") + lineEnding
    }

    /// The field as written: formula-guarded if text, then quoted if needed.
    static func field(_ cell: CSVCell) -> String {
        switch cell {
        case .text(let text): return quoted(guardingFormula(text))
        case .number(let number): return quoted(number)
        }
    }

    /// Spreadsheets run a cell starting with = + - @ (or TAB/CR, which some
    /// skip before looking) as a formula, so text from the ledger could execute.
    /// A leading apostrophe makes Excel and WPS show the text literally. Text that already starts
    /// with an apostrophe gets one more, so that import, which drops one, gives it back unchanged.
    static func guardingFormula(_ text: String) -> String {
        guard let first = text.unicodeScalars.first, "=+-@\t\r'".unicodeScalars.contains(first) else {
            return text
        }
        return "'" + text
    }

    /// RFC 4180: quote fields with a comma, quote, CR or LF, doubling inner quotes.
    /// Leading/trailing spaces are quoted too, since some readers trim bare fields.
    static func quoted(_ field: String) -> String {
        let scalars = field.unicodeScalars
        let needsQuotes = scalars.contains { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" }
            || scalars.first == " " || scalars.last == " "
        guard needsQuotes else { return field }
        var out = "\""
        for scalar in scalars {
            if scalar == "\"" { out.unicodeScalars.append(scalar) }
            out.unicodeScalars.append(scalar)
        }
        return out + "\""
    }
}
