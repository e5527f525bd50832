/// An enumeration stored by its English key and shown by its Chinese label.
/// Input takes either, so `--stage 结顶` and `--stage topped-out` mean the same.
public protocol Labeled: RawRepresentable, CaseIterable, Hashable, Sendable where RawValue == String {
    var label: String { get }
    /// Other words people in the office use for the same value.
    var aliases: [String] { get }
    /// What the value is, for error messages ("阶段").
    static var noun: String { get }
}

extension Labeled {
    public var aliases: [String] { [] }

    public init?(key text: String) {
        let wanted = text.trimmingCharacters(in: .whitespaces)
        let english = wanted.lowercased().replacingOccurrences(of: "_", with: "-")
        guard let match = Self.allCases.first(where: {
            $0.rawValue == english || $0.label == wanted || $0.aliases.contains(wanted)
        }) else { return nil }
        self = match
    }

    /// Like `init?(key:)`, but a refusal names the value and lists the choices.
    public static func parse(_ text: String) throws(LedgerError) -> Self {
        guard let value = Self(key: text) else {
            throw .usage("\(noun)无效“\(text)”：可选 \(choices)")
        }
        return value
    }

    /// "谋划(planning)、前期(preliminary)…", for help and errors.
    public static var choices: String {
        allCases.map { "\($0.label)(\($0.rawValue))" }.joined(separator: "、")
    }
}
