import ArgumentParser

/// `--project`, `--parcel`, `--park`, `--tenant` on an edit: what a milestone or problem is about
/// from then on. At most one.
struct SubjectLinkOptions: ParsableArguments {
    @Option(help: "改为关于这个项目") var project: String?
    @Option(help: "改为关于这个地块") var parcel: String?
    @Option(help: "改为关于这个园区") var park: String?
    @Option(help: "改为关于这个企业") var tenant: String?

    func validate() throws {
        if texts.count > 1 {
            throw ValidationError("--project、--parcel、--park、--tenant 只能给一个：节点或问题只关于一个对象")
        }
    }

    /// The one given, as an edit's (field key, REF): the key names the kind.
    var texts: [(String, String)] {
        [("project", project), ("parcel", parcel), ("park", park), ("tenant", tenant)].compactMap { key, text in text.map { (key, $0) } }
    }
}
