import ArgumentParser

struct ProblemCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "problem", abstract: "存在问题（需协调解决的问题）：提出、列表、查看、解决、重开、修改。",
        subcommands: [ProblemAdd.self, ProblemList.self, ProblemShow.self, ProblemResolve.self, ProblemReopen.self, ProblemEdit.self])
}
