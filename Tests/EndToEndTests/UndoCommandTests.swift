import Foundation
import Testing

/// `undo` and `undo --list`: the last command is voided, not deleted; repeated undo goes
/// further back; init cannot be undone.
@Suite struct UndoCommandTests {
    /// The blocks of `undo --list`: one per command, its first line `#N command（time，author）`.
    static func blocks(_ output: String) -> [[String]] {
        output.components(separatedBy: "\n\n").map { $0.split(separator: "\n").map(String.init) }.filter { !$0.isEmpty }
    }

    static func show(_ sandbox: Sandbox, _ ref: String) throws -> [String: Any] {
        let outcome = try sandbox.zl("project", "show", ref, "--format", "json")
        try #require(outcome.status == 0, "\(outcome)")
        return try jsonObject(outcome)
    }

    @Test func undoTakesBackTheLastCommandThenTheOneBefore() throws {
        let sandbox = try Sandbox()
        try sandbox.seeded()
        expectSuccess(try sandbox.zl("project", "edit", "台邦", "--name", "台邦精密减速器二期项目", "--on", "2020-12-05"))
        expectSuccess(try sandbox.zl("project", "update", "台邦", "--stage", "在建", "--on", "2020-12-10"))
        #expect(try Self.show(sandbox, "P5")["stage_label"] as? String == "在建")

        // The list names the update first, then the edit; listing changes nothing.
        let beforeList = sandbox.bytes()
        let listed = try sandbox.zl("undo", "--list")
        expectSuccess(listed)
        #expect(sandbox.bytes() == beforeList)
        let blocks = Self.blocks(listed.stdout)
        try #require(blocks.count >= 2, "\(listed)")
        #expect(blocks[0][0].firstMatch(of: /^#\d+ project update（.+，测试员）$/) != nil, "\(listed)")
        #expect(blocks[0].dropFirst().contains { $0.contains("2020-12-10") && $0.contains("P5") && $0.contains("阶段：在建") }, "\(listed)")
        #expect(blocks[1][0].contains("project edit"), "\(listed)")
        #expect(blocks[1].dropFirst().contains { $0.contains("2020-12-05") && $0.contains("台邦精密减速器二期项目") }, "\(listed)")

        // undo: prints what it took back; the stage is what the report said.
        let undone = try sandbox.zl("undo")
        expectSuccess(undone)
        #expect(undone.stdout.hasPrefix("已撤销 \(blocks[0][0])"), "\(undone)")
        #expect(undone.stdout.contains("阶段：在建"))
        #expect(try Self.show(sandbox, "P5")["stage_label"] as? String == "开工")
        #expect(try Self.show(sandbox, "P5")["name"] as? String == "台邦精密减速器二期项目", "only the last command is undone")

        // The voided entry is still in the log, marked; the edit is not (yet).
        let log = try jsonArray(try sandbox.zl("log", "P5", "--format", "json"))
        let update = try #require(log.first { $0["effective_on"] as? String == "2020-12-10" })
        #expect(update["change"] as? String == "阶段：在建")
        let voidedBy = try #require(update["voided_by"] as? String, "voided_by is null: \(update)")
        #expect(voidedBy.hasSuffix(" " + Pinned.author), "\(voidedBy)")
        let edit = try #require(log.first { $0["effective_on"] as? String == "2020-12-05" })
        #expect(edit["voided_by"] is NSNull)
        // The list now starts with the edit.
        #expect(Self.blocks(try sandbox.zl("undo", "--list").stdout).first?.first == blocks[1][0])

        // Again: the edit's old name comes back, and the new name no longer finds it.
        let again = try sandbox.zl("undo")
        expectSuccess(again)
        #expect(again.stdout.hasPrefix("已撤销 \(blocks[1][0])"), "\(again)")
        #expect(try Self.show(sandbox, "P5")["name"] as? String == "台邦精密减速器项目")
        #expect(try Self.show(sandbox, "台邦精密减速器项目")["code"] as? String == "P5")
        expectRefusal(try sandbox.zl("project", "show", "台邦精密减速器二期项目"), 65, ["找不到"])
        let voided = try jsonArray(try sandbox.zl("log", "P5", "--format", "json")).filter { !($0["voided_by"] is NSNull) }
        #expect(voided.count == 2)

        // Nothing left: init cannot be undone; the refusal writes nothing.
        let exhausted = sandbox.bytes()
        expectRefusal(try sandbox.zl("undo"), 65, ["没有可以撤销的命令"])
        #expect(sandbox.bytes() == exhausted)
        #expect(try sandbox.zl("undo", "--list").stdout == "没有可以撤销的命令\n")
        let check = try sandbox.zl("check")
        #expect(check.status == 0 && check.stdout.isEmpty && check.stderr.isEmpty, "\(check)")
    }

    /// An import is one command: one undo takes back every row, and the state is as before.
    @Test func undoTakesBackAWholeImport() throws {
        let sandbox = try Sandbox()
        try sandbox.seeded()
        let csv = "名称,类别,阶段\r\n撤销导入甲,工业,前期\r\n撤销导入乙,工业,在建\r\n"
        try sandbox.write(Data(csv.utf8), to: "撤销.csv")
        let before = try jsonArray(try sandbox.zl("project", "list", "--format", "json")).count
        expectSuccess(try sandbox.zl("import", "projects", sandbox.path("撤销.csv")))
        #expect(try jsonArray(try sandbox.zl("project", "list", "--format", "json")).count == before + 2)
        let undone = try sandbox.zl("undo")
        expectSuccess(undone)
        #expect(undone.stdout.contains("import projects") && undone.stdout.contains("撤销导入甲") && undone.stdout.contains("撤销导入乙"), "\(undone)")
        #expect(try jsonArray(try sandbox.zl("project", "list", "--format", "json")).count == before)
        let check = try sandbox.zl("check")
        #expect(check.status == 0 && check.stdout.isEmpty, "\(check)")
    }

    /// Once `project add` (or an import) is undone the project is gone: not listed, not found,
    /// and its name is free again, so adding it or importing the same file again adds it anew,
    /// with the next code (the undone one is never revived).
    /// (Found at 26bb8a3: the name stayed taken, `project show` still found the undone project,
    /// and a re-import skipped the row as "already in the ledger".)
    @Test func anUndoneAddCanBeAddedAgain() throws {
        let sandbox = try Sandbox()
        try sandbox.seeded()
        let seeded = try jsonArray(try sandbox.zl("project", "list", "--format", "json")).count
        let first = try sandbox.zl("project", "add", "撤销后重加项目", "--kind", "工业")
        expectSuccess(first)
        let firstCode = try #require(first.stdout.firstMatch(of: #/已新增项目 (P\d+) /#)?.output.1)
        expectSuccess(try sandbox.zl("undo"))
        let listed = try jsonArray(try sandbox.zl("project", "list", "--format", "json"))
        #expect(listed.count == seeded && !listed.contains { $0["name"] as? String == "撤销后重加项目" }, "undone, so no longer listed")
        expectRefusal(try sandbox.zl("project", "show", "撤销后重加项目"), 65, ["找不到"])
        // Added again, it is a new project with the next code: the undone one stays undone.
        let second = try sandbox.zl("project", "add", "撤销后重加项目", "--kind", "工业", "--stage", "前期")
        expectSuccess(second)
        let secondCode = try #require(second.stdout.firstMatch(of: #/已新增项目 (P\d+) /#)?.output.1)
        #expect(firstCode == "P37" && secondCode == "P38", "\(first.stdout)\(second.stdout)")
        #expect(try Self.show(sandbox, "撤销后重加项目")["code"] as? String == "P38")
        #expect(try Self.show(sandbox, "撤销后重加项目")["stage_label"] as? String == "前期")
        expectRefusal(try sandbox.zl("project", "show", "P37"), 65, ["P37"])
        #expect(try jsonArray(try sandbox.zl("project", "list", "--format", "json")).count == seeded + 1)

        let csv = "名称,类别\r\n撤销后重导项目,工业\r\n"
        try sandbox.write(Data(csv.utf8), to: "重导.csv")
        expectSuccess(try sandbox.zl("import", "projects", sandbox.path("重导.csv")))
        expectSuccess(try sandbox.zl("undo"))
        #expect(!(try jsonArray(try sandbox.zl("project", "list", "--format", "json"))).contains { $0["name"] as? String == "撤销后重导项目" })
        let again = try sandbox.zl("import", "projects", sandbox.path("重导.csv"))
        expectSuccess(again)
        #expect(again.stdout.contains("新增1行"), "\(again)")
        #expect(try jsonArray(try sandbox.zl("project", "list", "--format", "json")).contains { $0["name"] as? String == "撤销后重导项目" })
        let check = try sandbox.zl("check")
        #expect(check.status == 0 && check.stdout.isEmpty, "\(check)")
    }

    /// An `import updates` whose rows keep their author and time (记录人, 记录时间, as `export`
    /// writes them) is still one command, and so is `import all DIR`: one undo takes all of it
    /// back. (Found at 26bb8a3: one batch per author and time, and per file, and undo took back
    /// only the last of them.)
    @Test func oneUndoTakesBackAnImportThatKeptItsAuthors() throws {
        let sandbox = try Sandbox()
        try sandbox.seeded()
        let csv = """
            对象,生效日期,说明,记录人,记录时间\r
            P5,2020-12-01,张三记的,张三,2020-12-01T08:00:00Z\r
            P6,2020-12-02,李四记的,李四,2020-12-02T08:00:00Z\r

            """
        try sandbox.write(Data(csv.utf8), to: "两人.csv")
        expectSuccess(try sandbox.zl("import", "updates", sandbox.path("两人.csv")))
        let undone = try sandbox.zl("undo")
        expectSuccess(undone)
        let live = try sandbox.history().filter { $0["voided_by"] is NSNull }.compactMap { $0["note"] as? String }
        #expect(!live.contains("李四记的"))
        #expect(!live.contains("张三记的"), "\(undone)")
        let list = try sandbox.zl("undo", "--list")
        #expect(!list.stdout.contains("import updates"), "\(list)")

        // The same through import all: merged into a ledger that has commands of its own, a whole
        // exported ledger is one command.
        let folder = sandbox.path("导出")
        expectSuccess(try sandbox.zl("export", "--out", folder))
        let copy = sandbox.path("新账本.sqlite")
        expectSuccess(try sandbox.run(["init", "--empty", "--db", copy]))
        expectSuccess(try sandbox.run(["zone", "rename", "合并区", "--db", copy]))
        expectSuccess(try sandbox.run(["import", "all", folder, "--db", copy]))
        #expect(try jsonArray(try sandbox.run(["project", "list", "--format", "json", "--db", copy])).count == 36)
        expectSuccess(try sandbox.run(["undo", "--db", copy]))
        let projects = try jsonArray(try sandbox.run(["project", "list", "--format", "json", "--db", copy]))
        #expect(projects.isEmpty, "\(projects.count) projects still listed after undoing the import")
        #expect(try jsonArray(try sandbox.run(["park", "list", "--format", "json", "--db", copy])).isEmpty)
        #expect(try sandbox.run(["undo", "--list", "--db", copy]).stdout == "没有可以撤销的命令\n")

        // Into a ledger with no commands at all, import all restores the ledger as it was: the
        // same commands, the undone import still undone, nothing new to undo.
        let restored = sandbox.path("恢复.sqlite")
        expectSuccess(try sandbox.run(["init", "--empty", "--db", restored]))
        expectSuccess(try sandbox.run(["import", "all", folder, "--db", restored]))
        #expect(try sandbox.contents("恢复.sqlite").replacingOccurrences(of: restored, with: sandbox.ledger) == (try sandbox.contents()))
        #expect(try sandbox.run(["undo", "--list", "--db", restored]).stdout == list.stdout)
    }
}
