import ArgumentParser
import ZoneLedgerCore

/// `show` is the same for every kind but the words: one implementation, one file per command name.
protocol ShowCommand: ParsableCommand {
    static var kind: SubjectKind { get }
    var global: GlobalOptions { get }
    var output: FormatOptions { get }
    var asOf: AsOfOptions { get }
    var ref: String { get }
}

extension ShowCommand {
    func run() throws {
        try Output.emit(try global.openForReading().show(ref, kind: Self.kind, try asOf.moment()), output.format)
    }

    static func showConfiguration(_ example: String) -> CommandConfiguration {
        CommandConfiguration(commandName: "show",
                             abstract: "查看一个\(kind.label)：字段、\(kind == .milestone ? "" : "节点、")历史记录、报告原文。",
                             discussion: "例：\(example)")
    }
}
