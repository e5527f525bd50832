import Foundation
import Testing

/// figure list | show | add, and zone show | rename.
@Suite struct FigureAndZoneTests {
    @Test func listFiltersByCategory() throws {
        let sandbox = try Sandbox()
        try sandbox.seeded()
        let all = try jsonArray(try sandbox.zl("figure", "list", "--format", "json"))
        let indicators = try jsonArray(try sandbox.zl("figure", "list", "--category", "指标", "--format", "json"))
        let targets = try jsonArray(try sandbox.zl("figure", "list", "--category", "目标", "--format", "json"))
        #expect(!indicators.isEmpty && indicators.count < all.count)
        #expect(indicators.allSatisfy { $0["category_label"] as? String == "指标" })
        #expect(targets.contains { $0["metric"] as? String == "土地出让" && $0["value"] as? Int == 405 && $0["unit"] as? String == "亩" })
        // Exact decimals as written: 34.36, not 34.359999.
        let raw = try sandbox.zl("figure", "list", "--format", "json").stdout
        #expect(raw.contains(#""value": 34.36,"#))
        let table = try #require(printedTables(try sandbox.zl("figure", "list").stdout).first)
        #expect(table.alignmentProblems.isEmpty, "\(table.alignmentProblems)")
        expectRefusal(try sandbox.zl("figure", "list", "--category", "猜测"), 64, ["目标", "指标"])
    }

    @Test func addThenShow() throws {
        let sandbox = try Sandbox()
        try sandbox.seeded()
        let added = try sandbox.zl("figure", "add", "土地出让面积", "--category", "目标", "--key", "land_sold_area",
                                   "--from", "2021-01", "--to", "2021年", "--value", "450.5", "--unit", "亩", "--park", "博通")
        expectSuccess(added)
        let code = String(try #require(added.stdout.firstMatch(of: /已新增数据 (F\d+) 土地出让面积：450.5亩（2021-01-01至2021-12-31，2026-11-29获知）/)?.output.1))
        let json = try sandbox.zl("figure", "show", code, "--format", "json")
        let figure = try jsonObject(json)
        #expect(figure["category_label"] as? String == "目标")
        #expect(figure["category"] as? String == "target")
        #expect(figure["known_on"] as? String == Pinned.today, "known today unless --on says otherwise")
        #expect(figure["scope"] as? String == "__博通小微园")
        #expect(figure["period_from"] as? String == "2021-01-01")
        #expect(figure["period_to"] as? String == "2021-12-31")
        #expect(json.stdout.contains(#""value": 450.5,"#))
        expectSuccess(try sandbox.zl("figure", "add", "工业增加值", "--category", "指标", "--from", "2021-01-01", "--to", "2021-06-30",
                                     "--value", "20", "--unit", "亿元", "--yoy", "-3.2", "--approximate"))
        let latest = try #require(try jsonArray(try sandbox.zl("figure", "list", "--category", "指标", "--format", "json")).last)
        #expect(latest["yoy_percent"] as? Double == -3.2)
        #expect(latest["approximate"] as? Bool == true)
        #expect(latest["known_on"] as? String == Pinned.today)
        // --on is the day it became known: a list as of an earlier day leaves it out.
        let known = try sandbox.zl("figure", "add", "工业投资", "--category", "指标", "--from", "2021-01-01", "--to", "2021-03-31",
                                   "--value", "8", "--unit", "亿元", "--on", "2021-04-15")
        expectSuccess(known)
        #expect(known.stdout.contains("2021-04-15获知"), "\(known)")
        let knownCode = String(try #require(known.stdout.firstMatch(of: #/已新增数据 (F\d+) /#)?.output.1))
        #expect(try jsonObject(try sandbox.zl("figure", "show", knownCode, "--format", "json"))["known_on"] as? String == "2021-04-15")
        let codes = { (asOf: String) in
            try jsonArray(try sandbox.zl("figure", "list", "--as-of", asOf, "--format", "json")).compactMap { $0["code"] as? String }
        }
        #expect(try codes("2021-04-14").contains(knownCode) == false)
        #expect(try codes("2021-04-15").contains(knownCode))
        #expect(try codes("2020-11-29").isEmpty, "the seeded figures became known on 2020-11-30")
        #expect(try codes("2020-11-30").contains("F1"))
        expectRefusal(try sandbox.zl("figure", "show", "F9999"), 65, ["找不到", "F9999"])
        expectRefusal(try sandbox.zl("figure", "add", "x", "--category", "指标", "--from", "2021", "--to", "2021",
                                     "--value", "很多", "--unit", "个"), 65, ["很多"])
    }

    @Test func renameTheZone() throws {
        let sandbox = try Sandbox()
        try sandbox.seeded()
        let renamed = try sandbox.zl("zone", "rename", "某某经济开发区")
        expectSuccess(renamed)
        #expect(renamed.stdout == "开发区名称：__经济开发区 → 某某经济开发区\n")
        let shown = try sandbox.zl("zone", "show")
        #expect(shown.lines.first == "某某经济开发区")
        #expect(detailAlignmentProblems(shown.stdout).isEmpty, "\(shown)")
        // `zone` alone shows it too.
        #expect(try sandbox.zl("zone").stdout == shown.stdout)
        let csv = csvRecords(try sandbox.zl("zone", "show", "--format", "csv").stdoutData)
        #expect(csv.contains(["开发区", "某某经济开发区"]))
        expectRefusal(try sandbox.zl("zone", "rename", ""), 65, ["不能为空"])
    }
}
