import Testing
@testable import ZoneLedgerCore

@Suite struct ReferenceTests {
    @Test(arguments: [
        ("P5", "P5"), ("p5", "P5"), (" P5 ", "P5"), ("5", "P5"), ("台邦精密减速器项目", "P5"), ("台邦", "P5"), ("减速器", "P5"),
        ("固力发", "P1"), ("P36", "P36"), ("36", "P36"),
    ])
    func projectsResolveByCodeIdNameOrUniqueFragment(ref: String, code: String) throws {
        let ledger = try seededCopy()
        #expect(try ledger.resolve(ref, kind: .project).code == code)
    }

    @Test func otherKindsResolveTheSameWay() throws {
        let ledger = try seededCopy()
        #expect(try ledger.resolve("l1", kind: .parcel).name == "盐盆九个村乐海围垦区安置工业返回地")
        #expect(try ledger.resolve("博通", kind: .park).code == "Y5")
        #expect(try ledger.resolve("格林美", kind: .tenant).code == "E2")
        #expect(try ledger.resolve("m3", kind: .milestone).name == "交付企业使用")
        #expect(try ledger.resolve("首批入驻", kind: .milestone).code == "M4")
    }

    @Test func anExactNameWinsOverFragmentsOfLongerNames() throws {
        // Given 东区 and 东区二期, so the fragment 东区 is in both names
        let ledger = try emptyLedger()
        try addProject(ledger, "东区二期")
        try addProject(ledger, "东区")
        // Then 东区 is the project of that exact name, and 二期 the only one containing it
        #expect(try ledger.resolve("东区", kind: .project).code == "P2")
        #expect(try ledger.resolve("二期", kind: .project).code == "P1")
        // And on the seeded ledger the parcel's exact name, also inside P31's name, names each in its own kind
        let seeded = try seededCopy()
        #expect(try seeded.resolve("盐盆九个村乐海围垦区安置工业返回地", kind: .parcel).code == "L1")
        #expect(try seeded.resolve("盐盆九个村乐海围垦区安置工业返回地", kind: .project).code == "P31")
    }

    @Test func anAmbiguousFragmentListsTheCandidates() throws {
        let ledger = try seededCopy()
        let message = try #require(refusal { _ = try ledger.resolve("项目", kind: .project) })
        #expect(message.contains("“项目”对应多个项目"))
        #expect(message.contains("P5 台邦精密减速器项目"))
        #expect(message.contains("P6 科都电气基建项目"))
        #expect(message.contains("请写得更具体，或用编号"))
    }

    @Test func longCandidateListsAreCutAtTen() throws {
        // 路 is in more than ten project names: ten are listed, then an ellipsis.
        let ledger = try seededCopy()
        let message = try #require(refusal { _ = try ledger.resolve("路", kind: .project) })
        let listed = message.split(separator: "：", maxSplits: 1)[1].split(separator: "。")[0]
        #expect(listed.split(separator: "、").count == 10)
        #expect(listed.hasSuffix("…"))
    }

    @Test func anUnknownNameSuggestsTheNearest() throws {
        let ledger = try seededCopy()
        let message = refusal { _ = try ledger.resolve("台帮", kind: .project) }
        #expect(message == "找不到项目“台帮”。最接近的：P5 台邦精密减速器项目")
    }

    @Test func anUnknownNameSharingNoCharacterSuggestsNothing() throws {
        let ledger = try seededCopy()
        #expect(refusal { _ = try ledger.resolve("xyz", kind: .tenant) } == "找不到企业“xyz”。账本里没有相近的企业")
        #expect(refusal { _ = try ledger.resolve("   ", kind: .park) }?.contains("园区引用为空") == true)
    }

    @Test(arguments: ["'; DROP TABLE project; --", "%", "_", "\" OR 1=1 --", "P5' OR '1'='1", "*", "[P]%"])
    func sqlMetacharactersAreJustText(ref: String) throws {
        // Given the seeded ledger; When a REF full of SQL metacharacters is resolved
        let ledger = try seededCopy()
        let message = refusal { _ = try ledger.resolve(ref, kind: .project) }
        // Then it is simply not found (no LIKE wildcard, no injection), and the projects are all still there
        #expect(message?.hasPrefix("找不到项目") == true, "\(ref): \(message ?? "resolved")")
        #expect(try ledger.count("project") == 36)
    }

    @Test func aNameWithMetacharactersResolvesByItsOwnCharacters() throws {
        let ledger = try emptyLedger()
        try addProject(ledger, "100%达标_工程")
        try addProject(ledger, "另一个工程")
        #expect(try ledger.resolve("%", kind: .project).code == "P1")
        #expect(try ledger.resolve("_", kind: .project).code == "P1")
    }

    @Test func aFragmentFoldsASCIILettersOnly() throws {
        // Given names with ASCII letters, full-width letters and a backslash
        let ledger = try emptyLedger()
        try addProject(ledger, "ABC产业园")
        try addProject(ledger, "ＤＥ工程")
        try addProject(ledger, "路\\桥工程")
        // Then ASCII letters match in either case, full-width ones only as written, a backslash as itself
        #expect(try ledger.resolve("bc产", kind: .project).code == "P1")
        #expect(try ledger.resolve("ＤＥ", kind: .project).code == "P2")
        #expect(refusal { _ = try ledger.resolve("ｄｅ", kind: .project) }?.hasPrefix("找不到项目") == true)
        #expect(try ledger.resolve("\\", kind: .project).code == "P3")
        #expect(PortableSQL.containing("A_%\\ｂZ") == "%a\\_\\%\\\\ｂz%")
    }

    // MARK: Any kind

    @Test(arguments: [("M3", SubjectKind.milestone, "M3"), ("y5", .park, "Y5"), ("P5", .project, "P5"), ("E1", .tenant, "E1"),
                      ("L1", .parcel, "L1"), ("博通", .park, "Y5"), ("格林美", .tenant, "E2"), ("交付企业", .milestone, "M3")])
    func resolveAnyFindsTheKindFromTheCodeOrTheOnlyName(ref: String, kind: SubjectKind, code: String) throws {
        let ledger = try seededCopy()
        let subject = try ledger.resolveAny(ref)
        #expect(subject.kind == kind)
        #expect(subject.code == code)
    }

    @Test func resolveAnyListsCandidatesOfEveryKind() throws {
        // 盐盆九个村乐海围垦区安置工业返回地 is the parcel's exact name and a fragment of project P31's name.
        let ledger = try seededCopy()
        let message = try #require(refusal { _ = try ledger.resolveAny("乐海围垦区") })
        #expect(message.contains("对应多个对象"))
        #expect(message.contains("P31 项目 盐盆九个村乐海围垦区安置工业返回地项目"))
        #expect(message.contains("L1 地块 盐盆九个村乐海围垦区安置工业返回地"))
    }

    @Test func resolveAnyPrefersAnExactNameToFragmentsOfOtherKinds() throws {
        // Given the parcel L1's exact name, which is also a fragment of project P31's name
        let ledger = try seededCopy()
        // When resolved across kinds; Then the exact name should win, as it does within one kind
        let found = try? ledger.resolveAny("盐盆九个村乐海围垦区安置工业返回地")
        #expect(found?.code == "L1")
    }

    @Test func resolveAnyRefusesWhatNothingIsCalled() throws {
        let ledger = try seededCopy()
        #expect(refusal { _ = try ledger.resolveAny("M99") }?.contains("找不到“M99”") == true)
        #expect(refusal { _ = try ledger.resolveAny("'; DELETE FROM entry; --") }?.contains("找不到") == true)
        #expect(refusal { _ = try ledger.resolveAny("") }?.contains("引用为空") == true)
        #expect(try ledger.count("entry") > 0)
    }

    @Test func aNumericRefIsAnIdNotACode() throws {
        // Given a project whose name is a number that is also another row's id
        let ledger = try emptyLedger()
        try addProject(ledger, "甲")
        try addProject(ledger, "1")
        // Then "1" is the id of 甲; the project named "1" is reached by code
        #expect(try ledger.resolve("1", kind: .project).name == "甲")
        #expect(try ledger.resolve("P2", kind: .project).name == "1")
    }
}
