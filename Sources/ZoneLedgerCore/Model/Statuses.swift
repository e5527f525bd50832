/// A status whose normal course runs forwards; moving back is a correction and must say so.
public protocol Progression: Labeled {
    /// Position on the normal course; nil for side states (idle, exited) reachable from anywhere.
    var rank: Int? { get }
}

extension Progression {
    /// Whether going from `self` to `next` runs backwards along the normal course.
    public func isBackwards(to next: Self) -> Bool {
        guard let from = rank, let to = next.rank else { return false }
        return to < from
    }
}

public enum ProjectStage: String, Progression {
    case planning, preliminary, started, construction, toppedOut = "topped-out", completed, operating
    public static let noun = "阶段"
    public var label: String {
        switch self {
        case .planning: "谋划"
        case .preliminary: "前期"
        case .started: "开工"
        case .construction: "在建"
        case .toppedOut: "结顶"
        case .completed: "竣工"
        case .operating: "投产"
        }
    }
    public var aliases: [String] {
        switch self {
        case .planning: ["储备"]
        case .preliminary: ["前期工作"]
        case .started: ["新开工"]
        case .construction: ["施工", "续建"]
        case .toppedOut: ["封顶"]
        case .completed: ["完工", "完成"]
        case .operating: ["投用", "运营"]
        }
    }
    public var rank: Int? { Self.allCases.firstIndex(of: self) }
}

public enum ParcelStatus: String, Progression {
    case planned, listed, sold, construction, completed, idle, reclaimed, auction
    public static let noun = "地块状态"
    public var label: String {
        switch self {
        case .planned: "规划"
        case .listed: "挂牌"
        case .sold: "出让"
        case .construction: "在建"
        case .completed: "竣工"
        case .idle: "闲置"
        case .reclaimed: "收回"
        case .auction: "司法拍卖"
        }
    }
    public var aliases: [String] {
        switch self {
        case .listed: ["公告挂牌"]
        case .sold: ["已出让", "成交"]
        case .auction: ["拍卖"]
        default: []
        }
    }
    public var rank: Int? {
        switch self {
        case .planned: 0
        case .listed: 1
        case .sold: 2
        case .construction: 3
        case .completed: 4
        case .idle, .reclaimed, .auction: nil
        }
    }
}

public enum TenantStatus: String, Progression {
    case signed, construction, toppedOut = "topped-out", movedIn = "moved-in", producing, exited
    public static let noun = "企业状态"
    public var label: String {
        switch self {
        case .signed: "签约"
        case .construction: "在建"
        case .toppedOut: "结顶"
        case .movedIn: "入驻"
        case .producing: "投产"
        case .exited: "退出"
        }
    }
    public var aliases: [String] {
        switch self {
        case .signed: ["引进"]
        case .toppedOut: ["封顶"]
        case .movedIn: ["进驻"]
        case .producing: ["生产"]
        default: []
        }
    }
    public var rank: Int? { self == .exited ? nil : Self.allCases.firstIndex(of: self) }
}

/// A milestone's state, derived from its entries.
public enum MilestoneState: String, Labeled {
    case open, done, cancelled
    public static let noun = "节点状态"
    public var label: String {
        switch self {
        case .open: "未完成"
        case .done: "已完成"
        case .cancelled: "已取消"
        }
    }
}

/// A problem to coordinate: open until resolved; a resolved one may be reopened.
public enum ProblemState: String, Labeled {
    case open, resolved
    public static let noun = "问题状态"
    public var label: String {
        switch self {
        case .open: "未解决"
        case .resolved: "已解决"
        }
    }
    public var aliases: [String] {
        switch self {
        case .open: ["待解决", "open"]
        case .resolved: ["已解决", "解决"]
        }
    }
}
