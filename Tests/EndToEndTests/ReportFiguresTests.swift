import Foundation
import Testing

/// After init, `show` gives back the 2020 work report's own figures.
@Suite struct ReportFiguresTests {
    @Test func boTongSmallParkHasTheReportsFigures() throws {
        let sandbox = try Sandbox()
        try sandbox.seeded()
        let table = try sandbox.zl("park", "show", "博通")
        expectSuccess(table)
        #expect(table.lines.first == "园区 Y5 __博通小微园")
        func field(_ label: String) -> String? {
            table.lines.first { $0.hasPrefix(label + " ") }.map { String($0.dropFirst(label.count)).trimmingCharacters(in: .whitespaces) }
        }
        #expect(field("容积率") == "1.72")
        #expect(field("建筑面积(㎡)") == "64618")
        #expect(field("总投资(万元)") == "25000", "2.5亿元 = 25000万元")
        #expect(field("面积(亩)") == "56")
        #expect(field("建筑(幢)") == "20")
        #expect(table.stdout.contains("总投资2.5亿元"), "the report's own words are quoted")
        let json = try sandbox.zl("park", "show", "博通", "--format", "json")
        let park = try jsonObject(json)
        #expect(park["plot_ratio"] as? Double == 1.72)
        #expect(park["floor_area_m2"] as? Int == 64618)
        #expect(park["investment_wan"] as? Int == 25000)
        #expect(park["area_mu"] as? Int == 56)
        #expect(json.stdout.contains(#""plot_ratio": 1.72,"#))
        let figures = try #require(park["figures"] as? [[String: Any]])
        #expect(figures.contains { $0["metric"] as? String == "入驻企业" && $0["value"] as? Int == 38 })
    }

    @Test func parcelL1Is144Point73Mu() throws {
        let sandbox = try Sandbox()
        try sandbox.seeded()
        let table = try sandbox.zl("parcel", "show", "L1")
        #expect(table.lines.contains { $0.hasPrefix("面积(亩)") && $0.hasSuffix(" 144.73") }, "\(table)")
        #expect(table.stdout.contains("共计144.73亩"))
    }

    @Test func springFestival2021DueDateIsTheEveFebruary11() throws {
        let sandbox = try Sandbox()
        try sandbox.seeded()
        let milestones = try jsonArray(try sandbox.zl("milestone", "list", "--format", "json"))
        let m3 = try #require(milestones.first { $0["code"] as? String == "M3" })
        #expect(m3["title"] as? String == "交付企业使用")
        #expect(m3["due_text"] as? String == "春节前")
        #expect(m3["due_on"] as? String == "2021-02-11", "Spring Festival 2021 was February 12")
        #expect(m3["state_label"] as? String == "未完成")
        #expect(m3["reschedules"] as? Int == 0)
        // The other readings of the report's dates: a month ends on its last day, so does 年底.
        func due(_ text: String) -> String? { milestones.first { $0["due_text"] as? String == text }?["due_on"] as? String }
        #expect(due("2021年2月") == "2021-02-28")
        #expect(due("2021年底") == "2021-12-31")
    }

    @Test func grossIndustrialOutputIs171YiYuanUp11Point7() throws {
        let sandbox = try Sandbox()
        try sandbox.seeded()
        // Find the figure's code by listing, then show it.
        let figures = try jsonArray(try sandbox.zl("figure", "list", "--format", "json"))
        let listed = try #require(figures.first { $0["metric"] as? String == "工业总产值" && $0["scope"] as? String == "全区" })
        let code = try #require(listed["code"] as? String)
        #expect(code.hasPrefix("F"))
        let json = try sandbox.zl("figure", "show", code, "--format", "json")
        let figure = try jsonObject(json)
        #expect(figure["value"] as? Int == 171)
        #expect(figure["unit"] as? String == "亿元")
        #expect(figure["yoy_percent"] as? Double == 11.7)
        #expect(figure["period_from"] as? String == "2020-01-01")
        #expect(figure["period_to"] as? String == "2020-11-30")
        #expect(json.stdout.contains(#""yoy_percent": 11.7"#))
        let table = try sandbox.zl("figure", "show", code)
        #expect(table.lines.first == "数据 \(code) 工业总产值")
        #expect(table.lines.contains { $0.hasPrefix("数值") && $0.hasSuffix(" 171") })
        #expect(table.lines.contains { $0.hasPrefix("单位") && $0.hasSuffix(" 亿元") })
        #expect(table.lines.contains { $0.hasPrefix("同比%") && $0.hasSuffix(" 11.7") })
        #expect(table.stdout.contains("工业总产值171亿元,同比增长11.7%"))
    }

    @Test func theZoneIsAnonymisedUntilRenamed() throws {
        let sandbox = try Sandbox()
        try sandbox.seeded()
        let zone = try jsonObject(try sandbox.zl("zone", "show", "--format", "json"))
        #expect(zone["name"] as? String == "__经济开发区")
        #expect(zone["report_day"] as? String == "2020-11-30")
    }
}
