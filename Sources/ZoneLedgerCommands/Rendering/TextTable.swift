// A plain-text table whose columns line up in a terminal even with Chinese text,
// because every cell is measured and padded by display width, not by `count`.

public struct TextTable: Sendable {
    public typealias Alignment = TextAlignment

    public struct Column: Sendable {
        public var header: String
        public var alignment: Alignment
        /// Whether this column may be narrowed (cells cut with "…") to fit `maxWidth`.
        /// Numbers are right-aligned and should never be cut, hence the default.
        public var shrinkable: Bool

        public init(header: String, alignment: Alignment = .left, shrinkable: Bool? = nil) {
            self.header = header
            self.alignment = alignment
            self.shrinkable = shrinkable ?? (alignment == .left)
        }
    }

    public var columns: [Column]
    /// Rows of cells; a short row is filled with blanks, cells beyond the columns are ignored.
    public var rows: [[String]]

    public init(columns: [Column], rows: [[String]] = []) {
        self.columns = columns
        self.rows = rows
    }

    /// Columns are never narrowed below this, so a cut cell still says something.
    static let minimumShrunkWidth = 6
    static let separator = "  "

    /// The table as lines ending in "\n": header, a "─" rule, then the rows.
    ///
    /// With `maxWidth`, shrinkable columns are narrowed (widest first) until the
    /// table fits or every one is at its minimum; the table may then still be wider.
    public func render(maxWidth: Int? = nil) -> String {
        guard !columns.isEmpty else { return "" }
        let headers = columns.map { Self.singleLine($0.header) }
        let body = rows.map { row in
            columns.indices.map { $0 < row.count ? Self.singleLine(row[$0]) : "" }
        }
        var widths = headers.map(\.displayWidth)
        for row in body {
            for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.displayWidth) }
        }
        if let maxWidth { shrink(&widths, toFit: maxWidth) }

        let tableWidth = widths.reduce(0, +) + Self.separator.count * (columns.count - 1)
        var out = renderLine(headers, widths: widths)
        out += String(repeating: "─", count: tableWidth) + "\n"
        for row in body { out += renderLine(row, widths: widths) }
        return out
    }

    /// Narrows shrinkable columns one column at a time, always the widest, so
    /// long text columns give up room before short ones.
    func shrink(_ widths: inout [Int], toFit maxWidth: Int) {
        let floors = columns.indices.map { i in
            // A free-text column gives way down to the minimum, its header cut like its cells:
            // long English headings would otherwise keep a narrow terminal's table too wide.
            columns[i].shrinkable ? min(widths[i], Self.minimumShrunkWidth) : widths[i]
        }
        var excess = widths.reduce(0, +) + Self.separator.count * (columns.count - 1) - maxWidth
        while excess > 0 {
            let candidates = widths.indices.filter { widths[$0] > floors[$0] }
            guard let widest = candidates.max(by: { widths[$0] < widths[$1] }) else { return }
            widths[widest] -= 1
            excess -= 1
        }
    }

    func renderLine(_ cells: [String], widths: [Int]) -> String {
        var bytes: [UInt8] = [], ranges: [Range<Int>] = []
        for cell in cells {
            let start = bytes.count
            bytes.append(contentsOf: cell.utf8)
            ranges.append(start..<bytes.count)
        }
        var line: [UInt8] = []
        bytes.withUnsafeBufferPointer { appendLine($0, cells: ranges, widths: widths, to: &line) }
        return String(decoding: line, as: UTF8.self)
    }

    /// One row's line, padded and ended with "\n", appended to `out` as bytes: the cells are
    /// ranges of `bytes` (UTF-8). A big table's rows are written this way, with no String between.
    func appendLine(_ bytes: UnsafeBufferPointer<UInt8>, cells: [Range<Int>], widths: [Int], to out: inout [UInt8]) {
        let lineStart = out.count
        for (i, range) in cells.enumerated() {
            if i > 0 { out.append(contentsOf: Self.separator.utf8) }
            let cell = UnsafeBufferPointer(rebasing: bytes[range])
            // Measured once: most cells fit and only need their padding.
            let width = String.commonWidth(cell) ?? String(decoding: cell, as: UTF8.self).displayWidth
            if width > widths[i] {
                let text = String(decoding: cell, as: UTF8.self)
                out.append(contentsOf: text.truncated(toWidth: widths[i]).padded(toWidth: widths[i], alignment: columns[i].alignment).utf8)
            } else if columns[i].alignment == .left {
                out.append(contentsOf: cell)
                out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: widths[i] - width))
            } else {
                out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: widths[i] - width))
                out.append(contentsOf: cell)
            }
        }
        // Padding of a left-aligned last column (or of blank trailing cells) would
        // leave trailing spaces, which diff badly and wrap oddly when copied.
        while out.count > lineStart, out[out.count - 1] == UInt8(ascii: " ") { out.removeLast() }
        out.append(UInt8(ascii: "\n"))
    }

    /// A cell must stay on one line: newlines, tabs and other control
    /// characters would break the column grid, so each becomes a space.
    static func singleLine(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        return String(text.map { character -> Character in character.unicodeScalars.contains(where: isControl) ? " " : character })
    }

    /// General category Cc: exactly U+0000–U+001F and U+007F–U+009F, checked without a property lookup.
    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }
}
