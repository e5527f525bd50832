/// What a CSV file holds, and the columns it may have: Chinese or English headers.
public enum ImportKind: String, CaseIterable, Sendable {
    case zone, parks, parcels, projects, tenants, milestones, problems, figures, updates

    /// The order `import all` and `export` use: everything a row refers to comes first.
    public static let loadOrder: [ImportKind] = [.zone, .parks, .parcels, .projects, .tenants, .milestones, .problems, .figures, .updates]

    public var label: String {
        switch self {
        case .zone: "开发区"
        case .parks: "园区"
        case .parcels: "地块"
        case .projects: "项目"
        case .tenants: "企业"
        case .milestones: "节点"
        case .problems: "问题"
        case .figures: "数据"
        case .updates: "状态记录"
        }
    }

    /// Columns: a key, the Chinese header (first, used in templates and exports), other accepted names.
    public var columns: [ImportColumn] {
        switch self {
        case .zone: [.init("name", "开发区", required: true), .init("report_day", "报告数据截至")]
        case .parks: [
            .code, .init("name", "名称", ["园区名称", "园区"], required: true), .init("kind", "类别", ["园区类别"], required: true),
            .init("area_mu", "面积(亩)", ["面积"]), .init("area_approximate", "面积为约数", ["约数"]), .init("plot_ratio", "容积率"),
            .init("floor_area_m2", "建筑面积(平方米)", ["建筑面积", "总建筑面积"]), .money("investment", "总投资"),
            .money("expected_output", "预计年产值"), .money("expected_tax", "预计年税收"), .init("buildings", "建筑幢数", ["幢数"]),
            .init("industries", "主导产业"), .on, .note, .quote,
        ]
        case .parcels: [
            .code, .init("name", "名称", ["地块名称", "地块"], required: true), .init("area_mu", "面积(亩)", ["面积"], required: true),
            .init("land_use", "用地性质"), .init("status", "状态", ["地块状态"]), .init("project", "项目"), .on, .note, .quote,
        ]
        case .projects: [
            .code, .init("name", "名称", ["项目名称", "项目"], required: true), .init("kind", "类别", ["项目类别"], required: true),
            .init("stage", "阶段", ["形象进度"]), .init("progress", "进度%", ["进度", "进度(%)"]), .money("investment", "总投资"),
            .init("park", "园区"), .init("parcel", "地块"), .init("provincial_major", "省重大产业项目", ["省重大"]),
            .init("registered", "统计入库", ["入库"]), .init("department", "责任部门", ["责任单位"]),
            .init("planned_start", "计划开工", ["计划开工日期"]), .init("planned_completion", "计划竣工", ["计划竣工日期"]),
            .init("owner", "项目业主单位", Field.owner.aliases), .init("leader", "挂钩领导", Field.leader.aliases),
            .init("scope", "建设内容及规模", Field.scope.aliases),
            .on, .note, .quote,
        ]
        case .tenants: [
            .code, .init("name", "企业名称", ["名称", "企业"], required: true), .init("park", "园区", required: true),
            .init("status", "状态", ["企业状态"]), .on, .note, .quote,
        ]
        case .milestones: [
            .code, .init("title", "节点", ["节点内容", "内容"], required: true), .init("project", "项目"), .init("parcel", "地块"),
            .init("park", "园区"), .init("tenant", "企业"), .init("due", "到期", ["到期日", "计划完成时间", "完成时限"], required: true),
            .init("department", "责任部门", ["责任单位"]), .init("on", "立下日期", ["生效日期", "日期"]), .note, .quote,
        ]
        case .problems: [
            .code, .init("title", "存在问题", ["问题", "问题描述", "需协调解决问题"], required: true), .init("project", "项目"), .init("parcel", "地块"),
            .init("park", "园区"), .init("tenant", "企业"), .init("department", "责任单位", ["责任部门", "牵头单位"]),
            .init("leader", "挂钩领导", ["责任领导", "协调领导"]), .init("due", "期限", ["完成时限", "解决时限", "期限(原话)"]),
            .init("on", "提出日期", ["生效日期", "日期"]), .note, .quote,
        ]
        case .figures: [
            .code, .init("category", "类别", required: true), .init("metric", "指标", ["指标名称"], required: true),
            .init("key", "键名"), .init("park", "范围", ["园区"]), .init("from", "起", ["统计期起"], required: true),
            .init("to", "止", ["统计期止"], required: true), .init("value", "数值", required: true), .init("unit", "单位", required: true),
            .init("approximate", "约数"), .init("yoy", "同比%", ["同比", "同比增长"]), .init("known_on", "获知日期", ["生效日期"]), .quote,
        ]
        case .updates: [
            .init("subject", "对象", ["编号", "项目", "名称"], required: true), .init("on", "生效日期", ["日期"], required: true),
            .init("action", "动作"), .init("stage", "阶段", ["形象进度"]), .init("progress", "进度%", ["进度", "进度(%)"]),
            .init("status", "状态"), .init("due", "到期", ["新到期日"]), .note, .init("correction", "更正"),
            .init("author", "记录人"), .init("recorded_at", "记录时间"), .init("changes", "修改内容"),
            .money("invested", "本月完成投资"), .money("invested_ytd", "1-N月累计完成投资"), .money("invested_total", "开工累计完成投资"),
            .init("plan_year", "计划年度"), .money("plan_investment", "年度计划投资"), .init("plan_image", "形象进度计划"),
        ]
        }
    }
}

/// One column a file may have. Money columns take their unit from the header: 总投资(亿元).
public struct ImportColumn: Sendable {
    public let key: String
    public let header: String
    public let aliases: [String]
    public let required: Bool
    public let isMoney: Bool

    init(_ key: String, _ header: String, _ aliases: [String] = [], required: Bool = false, isMoney: Bool = false) {
        self.key = key
        self.header = header
        self.aliases = aliases
        self.required = required
        self.isMoney = isMoney
    }

    static func money(_ key: String, _ header: String) -> ImportColumn {
        ImportColumn(key, header + "(万元)", [header], isMoney: true)
    }

    static let code = ImportColumn("code", "编号")
    static let on = ImportColumn("on", "生效日期", ["日期", "记入日期"])
    static let note = ImportColumn("note", "说明", ["备注", "进展", "最新进展"])
    static let quote = ImportColumn("quote", "报告原文")

    /// Every name this column answers to, normalised: Chinese headers, aliases, the English key.
    var names: [String] {
        ([header, key] + aliases).map(ImportColumn.normalised)
    }

    /// Full-width brackets and spaces make no difference: "总投资（万元）" is "总投资(万元)".
    static func normalised(_ header: String) -> String {
        String(header.lowercased().compactMap { character -> Character? in
            switch character {
            case "（": "("
            case "）": ")"
            case " ", "\u{3000}", "\t": nil
            default: character
            }
        })
    }
}
