import Foundation
import Testing
import ZoneLedgerCore
@testable import ZoneLedgerCommands

/// The streamed writers must write exactly what the whole-document writers write, for tables
/// small enough to hold and for tables big enough to spill to a temporary file.
@Suite struct StreamRenderingTests {
    /// A table of `count` rows: Chinese text, numbers, days, lists, flags, an empty column, control characters.
    static func table(_ count: Int) -> ZoneLedgerCore.Table {
        ZoneLedgerCore.Table(columns: [
            Column("code", "编号"), Column("name", "名称"), Column("due_on", "到期日"), Column("days", "天数", numeric: true),
            Column("blank", "空列"), Column("note", "说明"),
        ], rows: (0..<count).map { i in
            [.text("M\(i)"), .text(String(repeating: "园", count: i % 7) + "区\(i)"), .day(Day(iso: "2021-02-11")!.adding(days: i % 400)),
             .integer(Int64(i * 37 % 1000 - 300)), .empty, [Cell.text("第一行\n第二行\t\"引号\""), .list([]), .number("144.73"), .flag(i % 2 == 0),
                                                                .list(["甲", "乙\(i)"])][i % 5]]
        })
    }

    /// Everything a sink writes, through a pipe read on another thread.
    static func captured(_ body: (OutputSink) throws -> Void) throws -> String {
        var ends: [Int32] = [0, 0]
        #expect(pipe(&ends) == 0)
        let reader = FileHandle(fileDescriptor: ends[0], closeOnDealloc: true)
        nonisolated(unsafe) var data = Data()
        let done = DispatchSemaphore(value: 0)
        Thread { data = reader.readDataToEndOfFile(); done.signal() }.start()
        try OutputSink.to(ends[1], target: .standardOutput, body)
        close(ends[1])
        done.wait()
        return String(decoding: data, as: UTF8.self)
    }

    @Test(arguments: [0, 1, 3, SpilledTextTable.heldLimit, SpilledTextTable.heldLimit + 1, 9000])
    func textTableMatchesTheWholeTable(rows: Int) throws {
        let table = Self.table(rows)
        for width in [nil, 60] as [Int?] {
            let streamed = try Self.captured { sink in
                let spilled = try SpilledTextTable(RowStream(table))
                #expect(spilled.count == rows)
                try spilled.render(maxWidth: width, to: sink)
            }
            let whole = rows == 0 ? "" : Output.textTable(table).render(maxWidth: width)
            #expect(streamed == whole, "rows \(rows), width \(String(describing: width))")
        }
    }

    @Test(arguments: [0, 2, 5000])
    func jsonAndCSVMatchTheWholeDocument(rows: Int) throws {
        let table = Self.table(rows)
        let sections = [(key: "first", title: "第一节", table: table), (key: "second", title: "第二节", table: Self.table(0))]
        let json = try Self.captured { try Output.emitStreams(sections.map { ($0.key, $0.title, RowStream($0.table)) },
                                                                heading: [("as_of", .day(Day(iso: "2021-03-01")!))], format: .json, to: $0) }
        let wholeJSON = JSONValue.object([("as_of", .string("2021-03-01"))] + sections.map { ($0.key, Output.json($0.table)) }).serialized() + "\n"
        #expect(json == wholeJSON)
        let csv = try Self.captured { try Output.emitStreams(sections.map { ($0.key, $0.title, RowStream($0.table)) },
                                                               heading: [], format: .csv, to: $0) }
        let wholeCSV = CSVWriter.sections(sections.map { ($0.title, $0.table.columns.map(\.label), $0.table.rows.map { $0.map(Output.csvCell) }) })
        #expect(csv == wholeCSV)
    }
}
