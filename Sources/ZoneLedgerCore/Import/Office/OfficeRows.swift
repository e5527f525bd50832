/// How the rows of an office sheet read: totals, headings, footnotes, markers, cell texts and
/// 建设起止时间. One owner for each of these rules.
enum OfficeRows {
    /// 合计, 总计, 小计, 共计, 其中…: sums of the rows around them, never projects.
    static func isTotal(_ text: String) -> Bool {
        let plain = OfficeHeader.normalised(stripMarkers(text))
        return ["合计", "总计", "小计", "共计"].contains { plain.contains($0) } || plain.hasPrefix("其中")
    }

    /// 注：, 说明：, 填报单位：, 填表人 … at the bottom of the sheet.
    static func isFootnote(_ text: String) -> Bool {
        let plain = OfficeHeader.normalised(text)
        return ["注:", "注1", "注：", "说明:", "备注:", "填报单位", "填表人", "填报人", "制表", "审核", "审核人", "单位负责人", "统计负责人",
                "联系电话", "报送", "填报日期", "填表日期"].contains { plain.hasPrefix($0) } || plain == "注"
    }

    /// A heading row's text: `一、工业项目` (level 1), `（一）在建项目` (level 2), or a bare
    /// `工业项目` / `新开工项目` (level 2), with the 类别 or 阶段 it sets, if any. Nil: not a heading.
    static func heading(_ text: String) -> (level: Int, kind: ProjectKind?, stage: ProjectStage?)? {
        var plain = Substring(OfficeHeader.normalised(stripMarkers(text)))
        var level = 2, enumerated = false
        if let match = plain.prefixMatch(of: /[一二三四五六七八九十]+[、.．,，]/) {
            level = 1; enumerated = true; plain = plain[match.range.upperBound...]
        } else if let match = plain.prefixMatch(of: /\([一二三四五六七八九十]+\)[、.]?/) {
            enumerated = true; plain = plain[match.range.upperBound...]
        }
        // Counts and colons: 工业项目(12个), 在建项目：
        var body = String(plain).replacing(/\((共)?\d+(个|项)?\)/, with: "").replacing(/[:：]$/, with: "")
        if body.hasSuffix("类") { body.removeLast() }
        let bare = body.hasSuffix("项目") ? String(body.dropLast(2)) : body
        if let kind = ProjectKind(key: body) ?? ProjectKind(key: bare) { return (level, kind, nil) }
        if let stage = ProjectStage(key: bare) ?? ProjectStage(key: body) { return (level, nil, stage) }
        return enumerated && !bare.isEmpty ? (level, nil, nil) : nil
    }

    static let markers: Set<Character> = ["★", "☆", "●", "○", "▲", "△", "◆", "◇", "■", "□", "◎", "※", "▼", "*", "＊"]

    /// A cell without its leading and trailing markers (★某某项目●) and spaces.
    static func stripMarkers(_ text: String) -> String {
        var result = Substring(text.trimmingWhitespaceAndNewlines())
        while let first = result.first, markers.contains(first) || first.isWhitespace { result = result.dropFirst() }
        while let last = result.last, markers.contains(last) || last.isWhitespace { result = result.dropLast() }
        return String(result)
    }

    /// The markers a cell held, for the dry run.
    static func markersIn(_ text: String) -> String {
        String(text.filter { markers.contains($0) })
    }

    /// A text cell as one line: spaces only is empty; a line break between two Chinese
    /// characters disappears, between two words it becomes a space.
    static func text(_ cell: String) -> String? {
        let lines = cell.split(whereSeparator: \.isNewline).map { String($0).trimmingWhitespace() }.filter { !$0.isEmpty }
        guard var result = lines.first else { return nil }
        for line in lines.dropFirst() {
            let joinWithSpace = (result.last?.isASCII ?? false) && (line.first?.isASCII ?? false)
            result += (joinWithSpace ? " " : "") + line
        }
        result = result.replacingOccurrences(of: "\t", with: " ")
        return result.isEmpty ? nil : result
    }

    /// A figure cell: full-width digits made ASCII, spaces dropped; `-`, `—`, `/`, `无` are empty.
    static func figure(_ cell: String) -> String? {
        var result = ""
        for scalar in cell.unicodeScalars {
            switch scalar.value {
            case 0xFF01...0xFF5E: result.unicodeScalars.append(Unicode.Scalar(scalar.value - 0xFEE0)!)
            case _ where scalar.isFoundationWhitespaceOrNewline: continue
            default: result.unicodeScalars.append(scalar)
            }
        }
        return ["", "-", "--", "—", "——", "/", "无", "－"].contains(result) ? nil : result
    }

    /// 建设起止时间 as the planned start and completion, in words the date parser reads:
    /// `2010-` → (2010年, nil); `2009-2011` → (2009年, 2011年); `2011.01-2012.12` and
    /// `2010年3月-2012年6月` → (2011年1月, 2012年12月). Nil when it is none of these.
    static func period(_ cell: String) -> (start: String?, completion: String?)? {
        let plain = OfficeHeader.normalised(cell).replacingOccurrences(of: "至", with: "-").replacingOccurrences(of: "~", with: "-")
        guard !plain.isEmpty else { return (nil, nil) }
        let ends = plain.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        guard (1...2).contains(ends.count) else { return nil }
        var read: [String?] = []
        for end in ends {
            if end.isEmpty { read.append(nil); continue }
            guard let match = end.wholeMatch(of: /(\d{4})(年)?(([.\/年])?(\d{1,2})(月)?(份)?)?(底|末)?/),
                  let year = Int(match.1), (1900...2200).contains(year) else { return nil }
            if let month = match.5.flatMap({ Int($0) }) {
                guard (1...12).contains(month) else { return nil }
                read.append("\(year)年\(month)月")
            } else {
                read.append("\(year)年")
            }
        }
        return (read[0], read.count > 1 ? read[1] : nil)
    }
}
