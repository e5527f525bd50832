import Foundation
import ZoneLedgerCore

/// A terminal table over streamed rows. Aligning needs every row's width before the first line is
/// written, so the first pass measures each row and spills it to an unnamed temporary file (past a
/// few thousand rows); the second reads them back and pads them. Memory holds one row at a time.
struct SpilledTextTable {
    let columns: [Column]
    let label: (Column) -> String
    /// Leave out columns empty in every row (lists do; the sheet keeps its fixed layout).
    let dropEmpty: Bool
    private(set) var count = 0
    private var widths: [Int]
    private var filled: [Bool]
    private var dated: [Bool]
    /// Rows as their cells' UTF-8 joined by tabs (a single-line cell holds none).
    private var held: [[UInt8]] = []
    private var spill: UnsafeMutablePointer<FILE>?
    static let heldLimit = 4096

    init(_ rows: RowStream, label: @escaping (Column) -> String = \.label, dropEmpty: Bool = true) throws {
        columns = rows.columns
        self.label = label
        self.dropEmpty = dropEmpty
        widths = Array(repeating: 0, count: columns.count)
        filled = Array(repeating: false, count: columns.count)
        dated = Array(repeating: false, count: columns.count)
        try rows.forEach { try add($0) }
    }

    private mutating func add(_ row: [Cell]) throws {
        count += 1
        let texts = columns.indices.map { $0 < row.count ? TextTable.singleLine(Output.display(row[$0])) : "" }
        for (index, text) in texts.enumerated() {
            widths[index] = max(widths[index], text.displayWidth)
            if !text.isEmpty { filled[index] = true }
            if index < row.count, case .day = row[index] { dated[index] = true }
        }
        let line = Array(texts.joined(separator: "\t").utf8)
        if spill == nil && held.count < Self.heldLimit {
            held.append(line)
            return
        }
        if spill == nil {
            guard let file = tmpfile() else { throw LedgerError(.permission, "无法创建临时文件：检查 TMPDIR 的空间和权限") }
            spill = file
            for row in held { write(row, to: file) }
            held = []
        }
        write(line, to: spill!)
    }

    /// Single-line cells hold no tab or newline, so these two separate them safely.
    private func write(_ line: [UInt8], to file: UnsafeMutablePointer<FILE>) {
        line.withUnsafeBufferPointer { _ = fwrite($0.baseAddress, 1, $0.count, file) }
        fputc(0x0A, file)
    }

    /// The table's lines: header, rule, rows; `line` may recolour a row before it is written.
    func render(maxWidth: Int?, to sink: OutputSink, line recolour: ((String) -> String)? = nil) throws {
        let kept = columns.indices.filter { !dropEmpty || filled[$0] }
        let table = TextTable(columns: kept.map { index in
            let column = columns[index]
            return TextTable.Column(header: label(column), alignment: column.numeric ? .right : .left,
                                    shrinkable: !column.numeric && !dated[index] && column.key != "code")
        })
        let headers = table.columns.map { TextTable.singleLine($0.header) }
        var keptWidths = kept.enumerated().map { max(widths[$0.element], headers[$0.offset].displayWidth) }
        guard !kept.isEmpty else { return }
        if let maxWidth { table.shrink(&keptWidths, toFit: maxWidth) }
        try sink.write(table.renderLine(headers, widths: keptWidths))
        try sink.write(String(repeating: "─", count: keptWidths.reduce(0, +) + TextTable.separator.count * (kept.count - 1)) + "\n")
        // A row's line: split at its tabs, the kept cells padded, written as bytes.
        func emit(_ row: UnsafeBufferPointer<UInt8>) throws {
            var cells: [Range<Int>] = [], start = 0
            for index in 0..<row.count where row[index] == UInt8(ascii: "\t") {
                cells.append(start..<index)
                start = index + 1
            }
            cells.append(start..<row.count)
            let keptCells = kept.map { cells[$0] }
            if let recolour {
                try sink.write(recolour(table.renderLine(keptCells.map { String(decoding: UnsafeBufferPointer(rebasing: row[$0]), as: UTF8.self) },
                                                         widths: keptWidths)))
            } else {
                try sink.append { table.appendLine(row, cells: keptCells, widths: keptWidths, to: &$0) }
            }
        }
        if let spill {
            defer { fclose(spill) }
            // A spill that could not be written (a full /tmp) would lose rows without a word.
            guard fflush(spill) == 0, ferror(spill) == 0 else { throw OutputError(code: errno == 0 ? EIO : errno, target: .temporary) }
            rewind(spill)
            var buffer: UnsafeMutablePointer<CChar>?
            defer { free(buffer) }
            var capacity = 0
            var length = getline(&buffer, &capacity, spill)
            while length > 0, let start = buffer {
                try emit(UnsafeRawBufferPointer(start: start, count: length - 1).bindMemory(to: UInt8.self))
                length = getline(&buffer, &capacity, spill)
            }
        } else {
            for row in held { try row.withUnsafeBufferPointer { try emit($0) } }
        }
    }
}
