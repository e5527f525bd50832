/// Where long work (a migration's rebuild of the derived state) reports how far it got: the CLI
/// sets this once at start-up to a progress line on a terminal; nothing is reported otherwise.
public enum LongWork {
    public typealias Report = @Sendable (_ what: String, _ done: Int, _ total: Int) -> Void
    nonisolated(unsafe) public static var report: Report?
}
