/// What one column of an office sheet holds, read from its header text (parents joined with
/// children by "/"): the field, and for figures the year, the month and the money unit.
public struct HeaderMeaning: Equatable, Sendable {
    public enum Field: String, Sendable {
        case serial, name, kind, stage, investment, owner, department, leader, scope, period, plannedStart, plannedCompletion, note
        /// 年度计划投资 / 年度形象进度计划 for `year`.
        case plan, planImage
        /// 1-N月累计完成投资 (month N; nil when the header leaves it blank: `1-  月累计`).
        case yearToDate
        /// 至Y年底累计完成投资: the opening balance at the end of `year`.
        case openingBalance
        /// 当月完成投资 and 形象进度 of `month` (nil: the report month, as in 本月完成投资).
        case monthInvested, monthImage
        /// A column not imported (负责人, 联系人、电话, or a header not understood).
        case ignored
    }

    public var field: Field
    public var year: Int?
    public var month: Int?
    /// 元, 万元 or 亿元 when the header names one.
    public var unit: String?
    /// Why a column is ignored, for the dry run.
    public var reason: String?
    /// 上年底, 以前年度: the year before the sheet's year.
    public var previousYear = false

    public init(_ field: Field, year: Int? = nil, month: Int? = nil, unit: String? = nil, reason: String? = nil, previousYear: Bool = false) {
        self.field = field
        self.year = year
        self.month = month
        self.unit = unit
        self.reason = reason
        self.previousYear = previousYear
    }

    public var isFigure: Bool { [.plan, .yearToDate, .openingBalance, .monthInvested].contains(field) }

    /// Whether the column holds a dated figure or note, which needs a year.
    var isDated: Bool { isFigure || field == .planImage || field == .monthImage }
}

/// Header texts as offices write them, normalised and read. One owner for which header means what.
public enum OfficeHeader {
    /// Full-width brackets and digits to ASCII; line breaks, runs of spaces and U+3000 removed.
    public static func normalised(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0xFF08: result += "("
            case 0xFF09: result += ")"
            case 0x3010, 0xFF3B: result += "["
            case 0x3011, 0xFF3D: result += "]"
            case 0xFF10...0xFF19: result.unicodeScalars.append(Unicode.Scalar(scalar.value - 0xFF10 + 48)!)
            case 0xFF0D, 0x2014, 0x2013, 0x2015, 0xFF5E, 0x301C, 0x7E: result += "-"
            case 0xFF0F: result += "/"
            case 0xFF1A: result += ":"
            case _ where scalar.isFoundationWhitespaceOrNewline: continue
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// A money unit written in brackets, `(万元)`, and the text without it.
    static func unit(_ text: String) -> (String, String?) {
        for unit in ["亿元", "万元", "元"] {
            for form in ["(\(unit))", "(单位:\(unit))", "(单位\(unit))", "单位:\(unit)"] where text.contains(form) {
                return (text.replacingOccurrences(of: form, with: ""), unit)
            }
        }
        return (text, nil)
    }

    /// Reads a column's header: `parts` from the top header row down (merged parents first).
    public static func meaning(_ parts: [String]) -> HeaderMeaning {
        var units: String?
        let cleaned = parts.map { part -> String in
            let (text, unit) = unit(normalised(part))
            if let unit { units = unit }
            return text.replacingOccurrences(of: "()", with: "")
        }.filter { !$0.isEmpty }
        var meaning = read(cleaned)
        if meaning.isFigure || meaning.field == .investment { meaning.unit = units }
        if meaning.year == nil, meaning.isDated, let year = cleaned.joined().firstMatch(of: /(\d{4})年/) { meaning.year = Int(year.1) }
        return meaning
    }

    private static func read(_ parts: [String]) -> HeaderMeaning {
        guard let leaf = parts.last else { return HeaderMeaning(.ignored, reason: "表头为空") }
        let all = parts.joined()
        let parent = parts.dropLast().joined()
        func has(_ words: String...) -> Bool { words.contains { all.contains($0) } }
        if ["序号", "序", "编号", "号"].contains(leaf) { return HeaderMeaning(.serial, reason: "序号不导入") }
        if parent.contains("业主") || (parts.count == 1 && leaf.contains("业主")) {
            if parts.count == 1 || leaf.contains("名称") || leaf.contains("业主") || leaf == "单位" { return HeaderMeaning(.owner) }
            return HeaderMeaning(.ignored, reason: "不导入")
        }
        if has("联系人", "电话", "负责人", "手机") { return HeaderMeaning(.ignored, reason: "不导入") }
        if ["项目名称", "名称", "项目", "建设项目", "建设项目名称", "项目名"].contains(leaf) { return HeaderMeaning(.name) }
        if has("领导") { return HeaderMeaning(.leader) }
        if has("责任单位", "责任部门", "牵头单位", "主管部门", "挂钩单位", "服务单位", "责任科室") { return HeaderMeaning(.department) }
        if has("起止", "建设年限", "建设期限", "建设周期") { return HeaderMeaning(.period) }
        if has("计划开工", "开工时间", "开工日期") { return HeaderMeaning(.plannedStart) }
        if has("计划竣工", "计划完工", "竣工时间", "竣工日期") { return HeaderMeaning(.plannedCompletion) }
        if has("性质", "阶段", "项目状态", "建设状态") { return HeaderMeaning(.stage) }
        if ["类别", "项目类别", "类型", "项目类型", "项目分类", "分类"].contains(leaf) { return HeaderMeaning(.kind) }
        if has("总投资"), !has("累计", "完成") { return HeaderMeaning(.investment) }
        // Figures with dates: the opening balance, 1-N月累计, months, the year's plan.
        if let balance = all.firstMatch(of: /(至|截至|截止|到)((\d{4})年|上年|去年)?(年)?(底|末)/), has("累计", "完成") {
            return HeaderMeaning(.openingBalance, year: balance.3.flatMap { Int($0) }, previousYear: balance.3 == nil)
        }
        if has("以前年度", "往年累计") { return HeaderMeaning(.openingBalance, previousYear: true) }
        let isImage = leaf.contains("形象进度") || leaf.contains("进展") || leaf.contains("工程进度") || leaf.contains("完成情况")
        if let range = all.firstMatch(of: /1(-|至|到)(\d{0,2})月(份)?/), has("完成", "累计", "投资") {
            return HeaderMeaning(isImage ? .monthImage : .yearToDate, month: Int(range.2))
        }
        if has("计划", "目标") || (isImage && has("年度")) {
            if isImage || leaf.contains("建设内容") || leaf.contains("目标") { return HeaderMeaning(.planImage) }
            if has("投资") { return HeaderMeaning(.plan) }
        }
        if leaf.contains("建设内容") || leaf.contains("建设规模") {
            return has("年度", "年") && all.firstMatch(of: /\d{4}年/) != nil ? HeaderMeaning(.planImage) : HeaderMeaning(.scope)
        }
        // A month: a parent `8月` over 当月完成投资额 / 形象进度, or `8月份完成投资`.
        let month = parts.lazy.compactMap { $0.firstMatch(of: /^(\d{4}年)?(\d{1,2})月(份)?/) }.first.flatMap { Int($0.2) }
        if month != nil || has("当月", "本月") {
            if leaf.contains("投资") || leaf.contains("金额") { return HeaderMeaning(.monthInvested, month: month) }
            if isImage { return HeaderMeaning(.monthImage, month: month) }
        }
        if isImage { return HeaderMeaning(.monthImage) }
        if ["备注", "说明"].contains(leaf) { return HeaderMeaning(.note) }
        // The projects file's own headers, Chinese or English (name, kind, 计划开工 …).
        if let (column, _) = ImportHeader.match(ImportColumn.normalised(leaf), ImportKind.projects.columns) {
            let fields: [String: HeaderMeaning.Field] = [
                "name": .name, "kind": .kind, "stage": .stage, "investment": .investment, "owner": .owner, "department": .department,
                "leader": .leader, "scope": .scope, "planned_start": .plannedStart, "planned_completion": .plannedCompletion, "note": .note,
            ]
            if let field = fields[column.key] { return HeaderMeaning(field) }
        }
        return HeaderMeaning(.ignored, reason: "不认识的表头，不导入")
    }
}
