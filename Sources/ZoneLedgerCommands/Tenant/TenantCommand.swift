import ArgumentParser

struct TenantCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tenant", abstract: "园区入驻企业：新增、列表、查看、更新状态、修改。",
        subcommands: [TenantAdd.self, TenantList.self, TenantShow.self, TenantUpdate.self, TenantEdit.self])
}
