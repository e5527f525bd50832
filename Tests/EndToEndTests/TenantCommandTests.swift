import Foundation
import Testing

/// tenant add | list | show | update | edit.
@Suite struct TenantCommandTests {
    @Test func listAndShowTheReportsTenants() throws {
        let sandbox = try Sandbox()
        try sandbox.seeded()
        let table = try #require(printedTables(try sandbox.zl("tenant", "list").stdout).first)
        #expect(table.alignmentProblems.isEmpty, "\(table.alignmentProblems)")
        #expect(table.cell("企业名称", row: "E1") == "百川生物科技")
        #expect(table.cell("园区", row: "E1") == "生态智慧岛")
        #expect(table.cell("状态", row: "E1") == "签约")
        let tenant = try jsonObject(try sandbox.zl("tenant", "show", "百川", "--format", "json"))
        #expect(tenant["code"] as? String == "E1")
        #expect((tenant["park"] as? String)?.contains("生态智慧岛") == true)
        // Filtering by a park with no tenants gives an empty list, not an error.
        let none = try sandbox.zl("tenant", "list", "--park", "博通", "--format", "json")
        expectSuccess(none)
        #expect(none.stdout == "[]\n")
    }

    @Test func addUpdateEdit() throws {
        let sandbox = try Sandbox()
        try sandbox.seeded()
        let added = try sandbox.zl("tenant", "add", "某某电气有限公司", "--park", "博通", "--on", "2020-12-01")
        expectSuccess(added)
        #expect(added.stdout == "已新增企业 E4 某某电气有限公司（签约）\n")
        let updated = try sandbox.zl("tenant", "update", "某某", "--status", "在建", "--on", "2021-03-01")
        expectSuccess(updated)
        #expect(updated.stdout == "已记录 E4 某某电气有限公司（2021-03-01）：状态：在建\n")
        expectSuccess(try sandbox.zl("tenant", "edit", "E4", "--name", "某某电气股份有限公司"))
        let inPark = try #require(printedTables(try sandbox.zl("tenant", "list", "--park", "博通").stdout).first)
        #expect(inPark.rows.count == 1)
        #expect(inPark.cell("企业名称", row: "E4") == "某某电气股份有限公司")
        #expect(inPark.cell("状态", row: "E4") == "在建")
        let park = try jsonObject(try sandbox.zl("park", "show", "博通", "--format", "json"))
        let tenants = try #require(park["tenants"] as? [[String: Any]])
        #expect(tenants.compactMap { $0["code"] as? String } == ["E4"])
        // Moving backwards needs --correction; an English status key works too.
        expectRefusal(try sandbox.zl("tenant", "update", "E4", "--status", "signed"), 65, ["倒退", "--correction"])
        expectSuccess(try sandbox.zl("tenant", "update", "E4", "--status", "signed", "--correction"))
        // A status that does not exist lists the choices.
        expectRefusal(try sandbox.zl("tenant", "update", "E4", "--status", "倒闭"), 64, ["签约", "投产"])
    }
}
