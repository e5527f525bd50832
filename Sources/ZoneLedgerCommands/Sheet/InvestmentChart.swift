import ZoneLedgerCore

/// The chart of 1-N月累计完成投资 against time progress, drawn from the 投资进度（按月） table:
/// inline SVG for the HTML page (no script, no network), the same points the XLSX chart plots.
enum InvestmentChart {
    /// The table's points: month number, year to date and time line, in 万元 as exact text.
    struct Point {
        let month: Int
        let yearToDate: String?
        let timeLine: String?
    }

    static func points(_ table: Table) -> [Point] {
        let ytd = table.columns.firstIndex { $0.key == "ytd_wan" }, line = table.columns.firstIndex { $0.key == "time_line_wan" }
        return table.rows.enumerated().map { index, row in
            func value(_ column: Int?) -> String? {
                guard let column, case .number(let text) = row[column] else { return nil }
                return text
            }
            return Point(month: index + 1, yearToDate: value(ytd), timeLine: value(line))
        }
    }

    /// An SVG of the whole year: the time-progress line from nothing to the plan at December,
    /// the year-to-date line through the sheet's month. Nil when there is nothing to draw.
    static func svg(_ table: Table, english: Bool) -> String? {
        let points = points(table)
        let plan = table.columns.firstIndex { $0.key == "plan_wan" }.flatMap { column in
            table.rows.first.flatMap { row -> Double? in if case .number(let text) = row[column] { Double(text) } else { nil } }
        }
        let actual = points.compactMap { point in point.yearToDate.flatMap(Double.init).map { (point.month, $0) } }
        guard !actual.isEmpty || plan != nil else { return nil }
        // Positions only: the figures themselves are in the table above, exact.
        let top = max(plan ?? 0, actual.map(\.1).max() ?? 0, 1)
        let width = 640.0, height = 260.0, left = 70.0, right = 20.0, upper = 30.0, lower = 40.0
        func x(_ month: Double) -> Double { left + (width - left - right) * month / 12 }
        func y(_ value: Double) -> Double { height - lower - (height - upper - lower) * value / top }
        func format(_ value: Double) -> String { String(format: "%.1f", value) }
        var svg = "<svg class=\"chart\" width=\"\(Int(width))\" height=\"\(Int(height))\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\">\n"
        svg += "<title>\(english ? "Investment this year against time progress" : "1-N月累计完成投资与时间进度")</title>\n"
        // Axes, a grid line per quarter of the scale, a tick per month.
        svg += "<line x1=\"\(format(x(0)))\" y1=\"\(format(y(0)))\" x2=\"\(format(x(12)))\" y2=\"\(format(y(0)))\" stroke=\"#666\"/>\n"
        svg += "<line x1=\"\(format(x(0)))\" y1=\"\(format(y(0)))\" x2=\"\(format(x(0)))\" y2=\"\(format(y(top)))\" stroke=\"#666\"/>\n"
        for step in 1...4 {
            let value = top * Double(step) / 4
            svg += "<line x1=\"\(format(x(0)))\" y1=\"\(format(y(value)))\" x2=\"\(format(x(12)))\" y2=\"\(format(y(value)))\" stroke=\"#ddd\"/>\n"
            svg += "<text x=\"\(format(x(0) - 6))\" y=\"\(format(y(value) + 4))\" text-anchor=\"end\" font-size=\"10\">\(Int(value.rounded()))</text>\n"
        }
        for month in 1...12 {
            svg += "<text x=\"\(format(x(Double(month))))\" y=\"\(format(y(0) + 16))\" text-anchor=\"middle\" font-size=\"10\">\(english ? "\(month)" : "\(month)月")</text>\n"
        }
        svg += "<text x=\"\(format(x(0) - 6))\" y=\"\(format(upper - 12))\" text-anchor=\"end\" font-size=\"10\">\(english ? "10k yuan" : "万元")</text>\n"
        if let plan {
            svg += "<line class=\"time\" x1=\"\(format(x(0)))\" y1=\"\(format(y(0)))\" x2=\"\(format(x(12)))\" y2=\"\(format(y(plan)))\" stroke=\"#999\" stroke-dasharray=\"5,4\" stroke-width=\"1.5\"/>\n"
        }
        if !actual.isEmpty {
            let path = ([(0, 0.0)] + actual).map { "\(format(x(Double($0.0)))),\(format(y($0.1)))" }.joined(separator: " ")
            svg += "<polyline class=\"actual\" points=\"\(path)\" fill=\"none\" stroke=\"#2b5c9e\" stroke-width=\"2.5\"/>\n"
            for (month, value) in actual {
                svg += "<circle cx=\"\(format(x(Double(month))))\" cy=\"\(format(y(value)))\" r=\"3\" fill=\"#2b5c9e\"/>\n"
            }
        }
        // Legend.
        let legendY = upper - 12
        svg += "<line x1=\"\(format(x(0) + 10))\" y1=\"\(format(legendY - 4))\" x2=\"\(format(x(0) + 34))\" y2=\"\(format(legendY - 4))\" stroke=\"#2b5c9e\" stroke-width=\"2.5\"/>\n"
        svg += "<text x=\"\(format(x(0) + 40))\" y=\"\(format(legendY))\" font-size=\"11\">\(english ? "Invested this year" : "1-N月累计完成投资")</text>\n"
        svg += "<line x1=\"\(format(x(0) + 200))\" y1=\"\(format(legendY - 4))\" x2=\"\(format(x(0) + 224))\" y2=\"\(format(legendY - 4))\" stroke=\"#999\" stroke-dasharray=\"5,4\" stroke-width=\"1.5\"/>\n"
        svg += "<text x=\"\(format(x(0) + 230))\" y=\"\(format(legendY))\" font-size=\"11\">\(english ? "Time progress (plan spread evenly)" : "时间进度（年度计划按月均分）")</text>\n"
        return svg + "</svg>\n"
    }
}
