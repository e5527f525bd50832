import ZoneLedgerCore

/// Headings in the chosen language; the data itself stays as recorded.
struct SheetLabels {
    let english: Bool

    init(_ language: SheetLanguage) { english = language == .en }

    func title(_ sheet: some SheetHeading) -> String {
        switch sheet.kind {
        case .zone:
            english ? "\(sheet.zone) — Monthly progress sheet, \(sheet.month)" : "\(sheet.zone)\(sheet.month.chinese)月度进度表"
        case .city(let zones):
            english ? "Zones' monthly progress, \(sheet.month) (\(zones.count) zones)" : "\(sheet.month.chinese)开发区月度进度汇总表（\(zones.count)个开发区）"
        }
    }

    /// The day only: a sheet regenerated as recorded at a moment is, byte for byte, the sheet
    /// generated at that moment, so it carries no mark of its own.
    func asOf(_ sheet: some SheetHeading) -> String { english ? "As of \(sheet.asOf.iso)" : "数据截至\(sheet.asOf.chinese)" }
    func generated(_ sheet: some SheetHeading) -> String { english ? "Generated \(sheet.generatedAt)" : "生成于 \(sheet.generatedAt)" }
    func section(_ section: some SectionHeading) -> String { english ? section.english : section.title }
    func column(_ column: Column) -> String { english ? column.english : column.label }
    var none: String { english ? "(none)" : "（无）" }
}

extension Cell {
    /// A cell on one line: lists joined the Chinese way.
    var oneLine: String { plain }
}

/// What the headings read from a sheet, held (xlsx, tests) or streamed (every other format).
protocol SheetHeading {
    var zone: String { get }
    var month: Month { get }
    var asOf: Day { get }
    var recorded: RecordedAt? { get }
    var generatedAt: String { get }
    var kind: SheetKind { get }
}

protocol SectionHeading {
    var title: String { get }
    var english: String { get }
}

extension MonthlySheet: SheetHeading {}
extension SheetStream: SheetHeading {}
extension MonthlySheet.Section: SectionHeading {}
extension StreamSection: SectionHeading {}
