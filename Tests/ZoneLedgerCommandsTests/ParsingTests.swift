import ArgumentParser
import Testing
@testable import ZoneLedgerCommands
import ZoneLedgerCore

/// The command line as a contract: what parses, what is refused, and with which words and exit code.
@Suite struct ParsingTests {
    @Test(arguments: [
        (["project", "list"], "ProjectList"),
        (["project", "update", "台邦", "--stage", "结顶"], "ProjectUpdate"),
        (["parcel", "update", "L1", "--status", "sold"], "ParcelUpdate"),
        (["milestone", "reschedule", "M7", "--due", "2021年6月底", "--reason", "招标延后"], "MilestoneReschedule"),
        (["sheet", "--month", "2020-11", "--format", "xlsx", "--out", "x.xlsx"], "Sheet"),
        (["overdue", "--within", "30", "--fail-if-any"], "Overdue"),
        (["log", "台邦", "--limit", "5"], "Log"),
        (["zone"], "ZoneShow"),
    ])
    func parses(_ arguments: [String], _ type: String) throws {
        let command = try ZoneLedger.parseAsRoot(arguments)
        #expect(String(describing: Swift.type(of: command)) == type)
    }

    @Test(arguments: [
        (["project", "update"], "Missing expected argument '<ref>'"),
        (["parcel", "add", "X"], "Missing expected argument '--area <mu>'"),
        (["projects", "list"], "2 unexpected arguments: 'projects', 'list'"),
        (["sheet", "--format", "pdf"], "The value 'pdf' is invalid for '--format <format>'"),
        (["milestone", "add", "节点", "--due", "年底"], "请用 --project、--parcel、--park、--tenant 中的一个指明节点关于谁"),
        (["milestone", "add", "节点", "--due", "年底", "--project", "P1", "--park", "Y1"], "请用 --project、--parcel、--park、--tenant 中的一个"),
        (["log", "--limit", "0"], "--limit 应为正整数"),
        (["overdue", "--within", "-1"], "--within 应为不小于0的天数"),
    ])
    func usageErrorsExit64(_ arguments: [String], _ message: String) {
        do {
            _ = try ZoneLedger.parseAsRoot(arguments)
            Issue.record("\(arguments) parsed, but should have been refused")
        } catch {
            #expect(ZoneLedger.message(for: error).contains(message), "\(ZoneLedger.message(for: error))")
            #expect(ZoneLedger.exitCode(for: error).rawValue == 64)
        }
    }

    @Test(arguments: [
        (["--db", "a.sqlite", "project", "list"], ["project", "list", "--db", "a.sqlite"]),
        (["--db=a.sqlite", "log"], ["log", "--db=a.sqlite"]),
        (["project", "list", "--db", "a.sqlite"], ["project", "list", "--db", "a.sqlite"]),
        (["--help"], ["--help"]),
        (["--db", "a.sqlite", "project", "add", "--", "-名称"], ["project", "add", "--db", "a.sqlite", "--", "-名称"]),
    ])
    func ledgerOptionMayComeFirst(_ given: [String], _ expected: [String]) {
        #expect(GlobalOptions.hoistingLedgerOption(given) == expected)
    }

    @Test func ledgerOptionBeforeTheSubcommandReachesIt() throws {
        let command = try ZoneLedger.parseAsRoot(GlobalOptions.hoistingLedgerOption(["--db", "x.sqlite", "project", "list"]))
        let list = try #require(command as? ProjectList)
        #expect(list.global.path == "x.sqlite")
    }

    @Test(arguments: [("结顶", ProjectStage.toppedOut), ("topped-out", .toppedOut), ("TOPPED_OUT", .toppedOut),
                      ("封顶", .toppedOut), ("投用", .operating), ("谋划", .planning)])
    func stagesTakeLabelsKeysAndAliases(_ text: String, _ stage: ProjectStage) throws {
        #expect(try choice(text, ProjectStage.self) == stage)
    }

    @Test func unknownStageNamesTheValueAndTheChoices() {
        do {
            _ = try choice("不存在", ProjectStage.self)
            Issue.record("accepted an unknown stage")
        } catch let error as LedgerError {
            #expect(error.kind == .usage)
            #expect(error.message == "阶段无效“不存在”：可选 谋划(planning)、前期(preliminary)、开工(started)、在建(construction)、结顶(topped-out)、竣工(completed)、投产(operating)")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test(arguments: [(LedgerError.Kind.usage, Int32(64)), (.data, 65), (.noLedger, 66), (.busy, 75), (.permission, 77)])
    func exitCodesFollowSysexits(_ kind: LedgerError.Kind, _ code: Int32) {
        #expect(kind.exitCode == code)
    }

    @Test(arguments: [("是", true), ("yes", true), ("否", false), ("no", false)])
    func yesNoTakesChineseAndEnglish(_ text: String, _ value: Bool) throws {
        #expect(try yesNo(text, "--registered") == value)
    }

    @Test func yesNoRefusesOtherWords() {
        #expect(throws: LedgerError.usage("--registered 的值“也许”无效：应为 是/否（yes/no）")) { try yesNo("也许", "--registered") }
    }

    @Test func defaultLedgerFollowsXDGThenHome() {
        #expect(GlobalOptions.defaultPath(["XDG_DATA_HOME": "/d", "HOME": "/h"]) == "/d/zoneledger/ledger.sqlite")
        #expect(GlobalOptions.defaultPath(["HOME": "/h"]) == "/h/.local/share/zoneledger/ledger.sqlite")
    }
}
