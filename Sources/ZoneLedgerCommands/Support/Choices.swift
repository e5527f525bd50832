import ZoneLedgerCore

/// Enumerated options are taken as text, so a wrong value gets a Chinese message listing
/// the choices (exit 64), and the Chinese label and the English key both work.
func choice<Value: Labeled>(_ text: String?, _ type: Value.Type) throws -> Value? {
    guard let text else { return nil }
    return try Value.parse(text)
}

func choiceHelp<Value: Labeled>(_ type: Value.Type) -> String {
    Value.allCases.map { "\($0.label)/\($0.rawValue)" }.joined(separator: "、")
}
