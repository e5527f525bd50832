import Foundation
import Testing
import ZIPFoundation
@testable import ZoneLedgerCore

/// Reading office workbooks: the XLSX grid (shared, inline and rich strings, numbers, merges)
/// and the reading of headers, periods and heading rows, as tables.
@Suite struct OfficeSheetTests {
    @Test(arguments: [
        ("1234.5", "1234.5"), ("3.0000000000000004", "3"), ("0.30000000000000004", "0.3"), ("1234.5600000000002", "1234.56"),
        ("1E+6", "1000000"), ("1.5E-3", "0.0015"), ("-0.5", "-0.5"), ("100", "100"), ("9.9999999999999999", "10"),
        ("0", "0"), ("12000", "12000"), ("123456789012.5", "123456789012.5"),
    ])
    func numbersReadAsAPersonSeesThem(raw: String, shown: String) {
        #expect(ExcelNumber.text(raw) == shown)
    }

    /// A workbook zipped by hand, so that every kind of cell is there exactly as Excel and WPS write it.
    static func workbook(sheet: String, strings: String) throws -> Data {
        let parts: [(String, String)] = [
            ("[Content_Types].xml", #"<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>"#),
            ("xl/workbook.xml", #"""
                <?xml version="1.0" encoding="UTF-8"?>
                <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
                <sheets><sheet name="封面" sheetId="2" r:id="rId2"/><sheet name="8月" sheetId="1" r:id="rId1"/></sheets></workbook>
                """#),
            ("xl/_rels/workbook.xml.rels", #"""
                <?xml version="1.0" encoding="UTF-8"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
                <Relationship Id="rId1" Type="worksheet" Target="worksheets/sheet1.xml"/>
                <Relationship Id="rId2" Type="worksheet" Target="/xl/worksheets/sheet2.xml"/>
                <Relationship Id="rId3" Type="sharedStrings" Target="sharedStrings.xml"/></Relationships>
                """#),
            ("xl/sharedStrings.xml", strings),
            ("xl/worksheets/sheet1.xml", sheet),
            ("xl/worksheets/sheet2.xml", #"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>封面</t></is></c></row></sheetData></worksheet>"#),
        ]
        let archive = try Archive(data: Data(), accessMode: .create)
        for (path, text) in parts {
            let data = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return try #require(archive.data)
    }

    static let strings = #"""
        <?xml version="1.0" encoding="UTF-8"?>
        <sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="3" uniqueCount="3">
        <si><t>项目名称</t></si>
        <si><r><rPr><b/></rPr><t>2010年</t></r><r><t xml:space="preserve">计划投资 </t></r><r><t>(万元)</t></r></si>
        <si><t>某某项目</t><rPh sb="0" eb="2"><t>ボウボウ</t></rPh></si>
        </sst>
        """#

    static let sheet = #"""
        <?xml version="1.0" encoding="UTF-8"?>
        <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
        <row r="1"><c r="A1" t="inlineStr"><is><t>2010年1-8月重点项目进度表</t></is></c></row>
        <row r="3"><c r="A3" t="s"><v>0</v></c><c r="B3" t="s"><v>1</v></c><c t="inlineStr"><is><r><t>备</t></r><r><t>注</t></r></is></c></row>
        <row r="4"><c r="A4" t="s"><v>2</v></c><c r="B4"><v>1234.5600000000002</v></c><c r="C4" t="str"><f>A4</f><v>某某项目</v></c><c r="D4" t="b"><v>1</v></c><c r="E4" t="s"/></row>
        <row><c r="A5"><v>1E+6</v></c><c r="F5" t="inlineStr"><is><t xml:space="preserve"> </t></is></c></row>
        </sheetData><mergeCells count="1"><mergeCell ref="A1:F1"/></mergeCells></worksheet>
        """#

    @Test func gridReadsEveryKindOfCell() throws {
        let book = try XLSXWorkbook(data: try Self.workbook(sheet: Self.sheet, strings: Self.strings), name: "表.xlsx")
        #expect(book.sheetNames == ["封面", "8月"])
        let sheet = try book.sheet(named: "8月")
        #expect(sheet.cells == [
            ["2010年1-8月重点项目进度表", "", "", "", "", ""],
            ["", "", "", "", "", ""],
            ["项目名称", "2010年计划投资 (万元)", "备注", "", "", ""],
            ["某某项目", "1234.56", "某某项目", "TRUE", "", ""],
            ["1000000", "", "", "", "", " "],
        ])
        #expect(sheet.merges == [CellRange(firstRow: 0, firstColumn: 0, lastRow: 0, lastColumn: 5)])
        #expect(try book.sheet(named: "封面").cells == [["封面"]])
    }

    @Test func badWorkbooksAndSheetsAreRefusedInChinese() throws {
        #expect(refusal { _ = try XLSXWorkbook(data: Data("a,b\n".utf8), name: "表.xlsx") }?.contains("不是有效的 .xlsx 文件") == true)
        let book = try XLSXWorkbook(data: try Self.workbook(sheet: Self.sheet, strings: Self.strings), name: "表.xlsx")
        #expect(refusal { _ = try book.sheet(named: "9月") } == "工作簿里没有名为“9月”的工作表：有 “封面”、“8月”")
    }

    @Test(arguments: [
        (["项目名称"], HeaderMeaning(.name)),
        (["序号"], HeaderMeaning(.serial, reason: "序号不导入")),
        (["项目业主单位", "业主名称"], HeaderMeaning(.owner)),
        (["项目业主单位", "联系人、电话"], HeaderMeaning(.ignored, reason: "不导入")),
        (["总投资\n（亿元）"], HeaderMeaning(.investment, unit: "亿元")),
        (["2010年计划投资 (万元)"], HeaderMeaning(.plan, year: 2010, unit: "万元")),
        (["2010年1-7月完成投资"], HeaderMeaning(.yearToDate, year: 2010, month: 7)),
        (["1-7月累计完成投资(万元)"], HeaderMeaning(.yearToDate, month: 7, unit: "万元")),
        (["1-  月累计"], HeaderMeaning(.yearToDate)),
        (["至2009年底累计完成投资"], HeaderMeaning(.openingBalance, year: 2009)),
        (["开工至上年底累计完成投资（万元）"], HeaderMeaning(.openingBalance, unit: "万元", previousYear: true)),
        (["8月", "当月完成投资额"], HeaderMeaning(.monthInvested, month: 8)),
        (["8月", "形象  进度"], HeaderMeaning(.monthImage, month: 8)),
        (["2010年8月", "当月完成投资额（万元）"], HeaderMeaning(.monthInvested, year: 2010, month: 8, unit: "万元")),
        (["本月完成投资"], HeaderMeaning(.monthInvested)),
        (["2010年形象进度计划"], HeaderMeaning(.planImage, year: 2010)),
        (["项目\n性质"], HeaderMeaning(.stage)),
        (["建设起止时间"], HeaderMeaning(.period)),
        (["建设内容\n及规模"], HeaderMeaning(.scope)),
        (["挂钩领导"], HeaderMeaning(.leader)),
        (["责任单位"], HeaderMeaning(.department)),
        (["类别"], HeaderMeaning(.kind)),
        (["备注"], HeaderMeaning(.note)),
        (["investment"], HeaderMeaning(.investment)),
        (["用地指标"], HeaderMeaning(.ignored, reason: "不认识的表头，不导入")),
    ])
    func headersReadIntoFieldYearMonthAndUnit(parts: [String], meaning: HeaderMeaning) {
        #expect(OfficeHeader.meaning(parts) == meaning)
    }

    @Test(arguments: [
        ("2010-", "2010年", nil), ("2009-2011", "2009年", "2011年"), ("2011.01-2012.12", "2011年1月", "2012年12月"),
        ("2010.3-2012.6", "2010年3月", "2012年6月"), ("2010年3月—2012年6月", "2010年3月", "2012年6月"), ("２０１０～２０１２", "2010年", "2012年"),
    ] as [(String, String?, String?)])
    func periodsBecomeDatesTheParserReads(cell: String, start: String?, completion: String?) throws {
        let period = try #require(OfficeRows.period(cell))
        #expect(period.start == start)
        #expect(period.completion == completion)
        for text in [start, completion].compactMap({ $0 }) { #expect(throws: Never.self) { try DateParser.parse(text, relativeTo: day("2010-08-31")) } }
    }

    @Test func unreadablePeriodIsNil() {
        #expect(OfficeRows.period("明年开工") == nil)
        #expect(OfficeRows.period("2010-2011-2012") == nil)
    }

    @Test(arguments: [
        ("一、工业项目", 1, ProjectKind.industrial, nil), ("二、基础设施", 1, .infrastructure, nil), ("（一）在建项目", 2, nil, ProjectStage.construction),
        ("(二)新开工项目（12个）", 2, nil, .started), ("续建项目", 2, nil, .construction), ("三、社会事业类", 1, .social, nil),
        ("四、其他", 1, nil, nil),
    ] as [(String, Int, ProjectKind?, ProjectStage?)])
    func headingsSetKindOrStage(text: String, level: Int, kind: ProjectKind?, stage: ProjectStage?) throws {
        let heading = try #require(OfficeRows.heading(text))
        #expect(heading.level == level)
        #expect(heading.kind == kind)
        #expect(heading.stage == stage)
    }

    @Test func rowsThatAreNoProjects() {
        #expect(OfficeRows.heading("某某新材料项目") == nil)
        #expect(OfficeRows.heading("三峡路改造工程") == nil)
        for total in ["合计", "小 计", "全区总计", "其中：省重点项目", "★小计"] { #expect(OfficeRows.isTotal(total), "\(total)") }
        #expect(!OfficeRows.isTotal("某某项目"))
        for note in ["注：★为省重点项目", "说明：单位万元", "填表人：某某科", "填报单位：某某管委会"] { #expect(OfficeRows.isFootnote(note), "\(note)") }
        #expect(!OfficeRows.isFootnote("某某注塑项目"))
        #expect(OfficeRows.stripMarkers(" ★某某项目● ") == "某某项目")
        #expect(OfficeRows.text(" ") == nil)
        #expect(OfficeRows.text("标准厂房\n8万平方米") == "标准厂房8万平方米")
        #expect(OfficeRows.figure("１，２００") == "1,200")
        #expect(OfficeRows.figure(" — ") == nil)
    }
}
