// What the output is going to: a terminal gets sized tables and maybe colour,
// a pipe or file gets plain text at its natural width.

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

public enum Terminal {
    /// Whether the file descriptor is connected to a terminal.
    public static func isTerminal(_ fd: Int32) -> Bool {
        isatty(fd) != 0
    }

    /// The width to fit tables to: the terminal's own size when stdout is one,
    /// else a positive COLUMNS from the environment, else nil (do not limit).
    public static func columns() -> Int? {
        let terminal = isTerminal(STDOUT_FILENO)
        return columns(
            windowColumns: terminal ? windowColumns(STDOUT_FILENO) : nil,
            environment: ProcessInfo.processInfo.environment
        )
    }

    /// True only when stdout is a terminal, NO_COLOR is unset or empty
    /// (https://no-color.org), and TERM is not "dumb".
    public static var colorAllowed: Bool {
        colorAllowed(isTerminal: isTerminal(STDOUT_FILENO), environment: ProcessInfo.processInfo.environment)
    }

    /// The decision behind `columns()`, apart from the system calls so tests can drive it.
    static func columns(windowColumns: Int?, environment: [String: String]) -> Int? {
        if let windowColumns, windowColumns > 0 { return windowColumns }
        if let value = environment["COLUMNS"], let n = Int(value.trimmingCharacters(in: .whitespaces)), n > 0 {
            return n
        }
        return nil
    }

    /// The decision behind `colorAllowed`, apart from the system calls so tests can drive it.
    static func colorAllowed(isTerminal: Bool, environment: [String: String]) -> Bool {
        guard isTerminal else { return false }
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return false }
        return environment["TERM"] != "dumb"
    }

    /// The terminal's width in columns via TIOCGWINSZ, or nil if it cannot tell
    /// (some terminals, e.g. a serial console, report 0).
    private static func windowColumns(_ fd: Int32) -> Int? {
        var size = winsize()
        guard ioctl(fd, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
    }
}
