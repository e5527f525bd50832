import Foundation
import Testing
@testable import ZoneLedgerCore

/// Reading a file in pieces gives what reading it whole gives.
@Suite struct ImportStreamTests {
    static let texts = [
        "名称,说明\r\n\"台邦,\"\"精密\"\"\",\"第一行\r\n第二行\"\r\n乙,\n",
        "a,b\r\n1,2\r\n\r\n",
        "\"x\"\"\",\"\"\n\"\"\"\",y\r",
        "台邦,144.73\r\n,\n\n\"\"\r\n",
        "h\n\"a\nb\"\nc\n",
        "名称\n\"open",
        "a,\"b\"c\n",
    ]

    @Test(arguments: [1, 2, 3, 5, 64])
    func chunkedReadingMatchesWholeReading(chunk: Int) throws {
        for text in Self.texts {
            let whole = Result { try CSVReader.records(text, file: "t.csv") }
            for bom in [false, true] {
                let data = Data(((bom ? "\u{FEFF}" : "") + text).utf8)
                let streamed = Result { () throws -> [CSVRecord] in
                    let scan = try TextDecoding.scan(.data(data), as: nil, file: "t.csv", chunkSize: chunk)
                    var records: [CSVRecord] = []
                    try scan.text.forEachRecord(file: "t.csv", chunkSize: chunk) { records.append($0) }
                    #expect(scan.records == records.count)
                    #expect(scan.header == records.first)
                    return records
                }
                switch (whole, streamed) {
                case (.success(let a), .success(let b)): #expect(a == b, "\(text.debugDescription) in chunks of \(chunk)")
                case (.failure(let a), .failure(let b)): #expect("\(a)" == "\(b)", "\(text.debugDescription)")
                default: Issue.record("\(text.debugDescription) in chunks of \(chunk): \(whole) vs \(streamed)")
                }
            }
        }
    }

    @Test(arguments: [1, 2, 3, 7])
    func gb18030InPiecesIsGB18030Whole(chunk: Int) throws {
        let text = "名称,面积(亩)\r\n乐海地块,144.73\r\n“引号”,€\r\n"
        let iconv = try #require(["/usr/bin/iconv", "/bin/iconv"].first { FileManager.default.isExecutableFile(atPath: $0) })
        let process = Process()
        process.executableURL = URL(fileURLWithPath: iconv)
        process.arguments = ["-f", "UTF-8", "-t", "GB18030"]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(Data(text.utf8))
        try input.fileHandleForWriting.close()
        let gb = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let scan = try TextDecoding.scan(.data(gb), as: nil, file: "g.csv", chunkSize: chunk)
        #expect(scan.text.encoding == .gb18030)
        var records: [CSVRecord] = []
        try scan.text.forEachRecord(file: "g.csv", chunkSize: chunk) { records.append($0) }
        #expect(records == (try CSVReader.records(text, file: "g.csv")))
        // Cut inside a character at the very end: not GB18030.
        #expect(refusal { _ = try TextDecoding.scan(.data(gb + Data([0x81])), as: nil, file: "g.csv", chunkSize: chunk) }?.contains("GB18030") == true)
    }

    @Test func refusalsComeInTheOrderDecodingGaveThem() {
        let scan = { (data: [UInt8], encoding: TextEncoding?) in
            refusal { _ = try TextDecoding.scan(.data(Data(data)), as: encoding, file: "f", chunkSize: 2) } ?? ""
        }
        // A NUL anywhere wins over a CSV error before it.
        #expect(scan(Array("\"open,\n".utf8) + [0], nil).contains("NUL"))
        #expect(scan([0xEF, 0xBB, 0xBF] + Array("a".utf8), .gb18030).contains("BOM"))
        #expect(scan([0xC3, 0xFB], .utf8).contains("不是有效的 UTF-8"))
        #expect(scan([0xFF, 0xFF, 0xFF], nil).contains("既不是有效的 UTF-8"))
        // A CSV error in a file that is not UTF-8 is found in its GB18030 reading.
        #expect(scan([0x22, 0xC3, 0xFB], nil).contains("引号没有闭合"))
        #expect(scan(Array("\"open".utf8), nil).contains("引号没有闭合"))
        #expect(scan(Array("ok\n".utf8) + [0xE5, 0x8F], .utf8).contains("不是有效的 UTF-8"))
    }

    @Test func filesOnDiskAreReadInPieces() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("zl-stream-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var text = "名称,类别\n"
        for i in 0..<500 { text += "磁盘项目\(i),工业\n" }
        let path = folder.appendingPathComponent("p.csv").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        let ledger = try seededCopy()
        let results = try ledger.importCSV([ImportFile(kind: .projects, name: "p.csv", path: path)], context: context())
        #expect(results.first?.added == 500)
        #expect(refusal { _ = try ledger.importCSV([ImportFile(kind: .projects, name: "x.csv", path: folder.path + "/none.csv")], context: context()) }?
                    .contains("读不到文件") == true)
    }
}
