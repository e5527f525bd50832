import Foundation

/// An edit's changes in words: "名称：甲 → 乙；总投资：9亿元 → 10亿元".
enum ChangeSummary {
    static func text(_ json: String) -> String {
        guard let data = json.data(using: .utf8),
              let changes = try? JSONSerialization.jsonObject(with: data) as? [String: [Any]] else { return json }
        return changes.keys.sorted().map { field in
            let pair = changes[field] ?? []
            let old = value(field, pair.first as? String), new = value(field, pair.count > 1 ? pair[1] as? String : nil)
            return "\(label(field))：\(old) → \(new)"
        }.joined(separator: "；")
    }

    static func label(_ field: String) -> String {
        [
            "name": "名称", "title": "节点内容", "kind": "类别", "investment_yuan": "总投资", "park": "园区", "parcel": "地块",
            "provincial_major": "省重大产业项目", "registered": "统计入库", "department": "责任部门",
            "planned_start": "计划开工", "planned_completion": "计划竣工", "area_mu_hundredths": "面积",
            "area_approximate": "面积为约数", "plot_ratio_hundredths": "容积率", "floor_area_m2": "建筑面积",
            "expected_output_yuan": "预计年产值", "expected_tax_yuan": "预计年税收", "buildings": "建筑幢数",
            "industries": "主导产业", "land_use": "用地性质",
        ][field] ?? field
    }

    static func value(_ field: String, _ raw: String?) -> String {
        guard let raw else { return "（空）" }
        switch field {
        case "investment_yuan", "expected_output_yuan", "expected_tax_yuan": return Int64(raw).map { Money(yuan: $0).description } ?? raw
        case "area_mu_hundredths": return Int64(raw).map { Area(hundredths: $0).description + "亩" } ?? raw
        case "plot_ratio_hundredths": return Int64(raw).map { ExactDecimal(units: $0, scale: 2).description } ?? raw
        case "floor_area_m2": return raw + "平方米"
        case "provincial_major", "registered", "area_approximate": return raw == "true" ? "是" : "否"
        case "kind": return ProjectKind(rawValue: raw)?.label ?? ParkKind(rawValue: raw)?.label ?? raw
        default: return raw
        }
    }
}
