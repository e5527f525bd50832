import Foundation
import Testing

/// Help screens (swift-argument-parser's, with our Chinese texts). COLUMNS is unset and stdout
/// is not a terminal, so the parser wraps at its default of 80 columns.
@Suite struct HelpTests {
    @Test func rootHelpListsTheCommands() throws {
        let sandbox = try Sandbox()
        let help = try sandbox.run(["--help"])
        expectSuccess(help)
        #expect(help.stdout.hasPrefix("OVERVIEW: 开发区管委会台账"))
        #expect(help.stdout.contains("USAGE: zoneledger <subcommand>"))
        for command in ["init", "zone", "log", "project", "parcel", "park", "tenant", "milestone", "figure"] {
            #expect(help.lines.contains { $0.hasPrefix("  \(command) ") }, "\(command) missing from\n\(help.stdout)")
        }
        // The exit codes are documented where people look.
        for code in ["64 用法错误", "65 数据被拒绝", "66 没有账本", "74 无法写出结果", "77 账本不可写"] { #expect(help.stdout.contains(code)) }
        // No subcommand at all shows the same help, successfully or as a usage error, never a crash.
        let bare = try sandbox.run([])
        #expect(bare.status == 0 || bare.status == 64, "\(bare)")
        #expect((bare.stdout + bare.stderr).contains("USAGE: zoneledger"))
        let version = try sandbox.run(["--version"])
        expectSuccess(version)
        #expect(version.stdout.firstMatch(of: /^\d+\.\d+\.\d+\n$/) != nil, "\(version)")
    }

    @Test func projectUpdateHelpListsStagesInChineseAndEnglish() throws {
        let sandbox = try Sandbox()
        let help = try sandbox.run(["project", "update", "--help"])
        expectSuccess(help)
        let stages = ["谋划/planning", "前期/preliminary", "开工/started", "在建/construction", "结顶/topped-out", "竣工/completed", "投产/operating"]
        // In order, in the --stage option's help.
        let text = help.stdout.replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "  ", with: " ")
        var cursor = text.startIndex
        for stage in stages {
            let found = try #require(text.range(of: stage, range: cursor..<text.endIndex), "\(stage) missing (or out of order) in\n\(help.stdout)")
            cursor = found.upperBound
        }
        for option in ["--stage <stage>", "--progress <progress>", "--note <note>", "--correction", "--on <date>", "--by <name>", "--db <path>"] {
            #expect(help.stdout.contains(option), "\(option)")
        }
        // Every subcommand's help works.
        for command in [["project", "add"], ["parcel", "update"], ["tenant", "update"], ["milestone", "reschedule"], ["figure", "add"], ["log"]] {
            let sub = try sandbox.run(command + ["--help"])
            expectSuccess(sub)
            #expect(sub.stdout.contains("USAGE: zoneledger \(command.joined(separator: " "))"), "\(sub)")
        }
    }

    static let milestoneHelp = """
        OVERVIEW: 节点（带到期日的承诺）：新增、列表、查看、完成、改期、取消、重开、修改。

        USAGE: zoneledger milestone <subcommand>

        OPTIONS:
          --version               Show the version.
          -h, --help              Show help information.

        SUBCOMMANDS:
          add                     新增节点：关于一个项目、地块、园区或企业，到期日保留原话（春节前、2021年春季…）。
          list                    列出节点（按到期日），及其在某日的状态。
          show                    查看一个节点：字段、历史记录、报告原文。
          done                    标记节点完成（不早于节点立下之日）。
          reschedule              节点改期：原定到期日保留，改期次数可见。
          cancel                  取消节点（须写原因）。
          reopen                  重开已完成或已取消的节点（更正；两条记录都保留）。
          edit                    修改节点内容、责任部门或所关于的对象（到期日请用 reschedule）。

          See 'zoneledger help milestone <subcommand>' for detailed help.

        """

    @Test(arguments: [["milestone", "--help"], ["milestone", "-h"], ["help", "milestone"]])
    func milestoneHelpIsPinned(_ arguments: [String]) throws {
        let sandbox = try Sandbox()
        let help = try sandbox.run(arguments)
        expectSuccess(help)
        #expect(help.stdout == Self.milestoneHelp)
    }
}
