import Foundation
import Testing

/// parcel add | list | show | update | edit. Areas are exact: 144.73 stays 144.73.
@Suite struct ParcelCommandTests {
    @Test func theReportsParcelKeepsItsExactArea() throws {
        let sandbox = try Sandbox()
        try sandbox.seeded()
        let json = try sandbox.zl("parcel", "show", "L1", "--format", "json")
        expectSuccess(json)
        #expect(json.stdout.contains(#""area_mu": 144.73,"#), "\(json)")
        #expect(!json.stdout.contains("144.73000") && !json.stdout.contains("144.729"))
        let parcel = try jsonObject(json)
        #expect(parcel["area_mu"] as? Double == 144.73)
        #expect(parcel["status_label"] as? String == "挂牌")
        #expect(parcel["status"] as? String == "listed")
        #expect((parcel["projects"] as? String)?.hasPrefix("P31 ") == true)
        let table = try sandbox.zl("parcel", "show", "L1")
        #expect(table.lines.contains { $0.hasPrefix("面积(亩)") && $0.hasSuffix("  144.73") }, "\(table)")
        let csv = csvRecords(try sandbox.zl("parcel", "list", "--format", "csv").stdoutData)
        #expect(csv.first?.contains("面积(亩)") == true)
        #expect(csv.dropFirst().first?.contains("144.73") == true, "\(csv)")
        let list = try #require(printedTables(try sandbox.zl("parcel", "list").stdout).first)
        #expect(list.cell("面积(亩)", row: "L1") == "144.73")
        #expect(list.cell("状态", row: "L1") == "挂牌")
    }

    @Test func addUpdateAndList() throws {
        let sandbox = try Sandbox()
        try sandbox.seeded()
        let added = try sandbox.zl("parcel", "add", "滨海二期A地块", "--area", "52.36", "--land-use", "工业", "--status", "规划",
                                   "--project", "台邦", "--on", "2020-12-01")
        expectSuccess(added)
        #expect(added.stdout == "已新增地块 L2 滨海二期A地块（52.36亩，规划）\n")
        let updated = try sandbox.zl("parcel", "update", "滨海", "--status", "挂牌", "--on", "2020-12-10", "--note", "公开挂牌")
        expectSuccess(updated)
        #expect(updated.stdout == "已记录 L2 滨海二期A地块（2020-12-10）：状态：挂牌；说明：公开挂牌\n")
        let json = try sandbox.zl("parcel", "show", "L2", "--format", "json")
        #expect(json.stdout.contains(#""area_mu": 52.36,"#))
        let parcel = try jsonObject(json)
        #expect(parcel["status_label"] as? String == "挂牌")
        #expect(parcel["land_use"] as? String == "工业")
        #expect((parcel["projects"] as? String)?.contains("P5 台邦精密减速器项目") == true)
        // As of a day before the update, it was still 规划.
        let earlier = try #require(printedTables(try sandbox.zl("parcel", "list", "--as-of", "2020-12-05").stdout).first)
        #expect(earlier.cell("状态", row: "L2") == "规划")
        // Going back from 挂牌 to 规划 needs --correction.
        expectRefusal(try sandbox.zl("parcel", "update", "L2", "--status", "规划"), 65, ["倒退", "--correction"])
        expectSuccess(try sandbox.zl("parcel", "update", "L2", "--status", "规划", "--correction", "--note", "挂牌撤回"))
    }

    @Test func editChangesTheArea() throws {
        let sandbox = try Sandbox()
        try sandbox.seeded()
        expectSuccess(try sandbox.zl("parcel", "add", "滨海二期A地块", "--area", "52.36"))
        let edited = try sandbox.zl("parcel", "edit", "L2", "--area", "52.4", "--name", "滨海二期甲地块")
        expectSuccess(edited)
        let json = try sandbox.zl("parcel", "show", "L2", "--format", "json")
        #expect(json.stdout.contains(#""area_mu": 52.4,"#), "\(json)")
        #expect(try jsonObject(json)["name"] as? String == "滨海二期甲地块")
    }

    /// The edit's history entry speaks in mu, not in the stored hundredths of a mu.
    @Test func editHistoryShowsTheAreaInMu() throws {
        let sandbox = try Sandbox()
        try sandbox.seeded()
        expectSuccess(try sandbox.zl("parcel", "add", "滨海二期A地块", "--area", "52.36"))
        let edited = try sandbox.zl("parcel", "edit", "L2", "--area", "52.4")
        expectSuccess(edited)
        let change = try #require(try jsonArray(try sandbox.zl("log", "L2", "--limit", "1", "--format", "json")).first?["change"] as? String)
        #expect(change.contains("52.36") && change.contains("52.4"), "change: \(change)")
        #expect(!change.contains("5236") && !edited.stdout.contains("5236"), "\(edited)")
    }
}
