public enum ProjectKind: String, Labeled {
    case industrial, infrastructure, social, commercial, platform
    public static let noun = "项目类别"
    public var label: String {
        switch self {
        case .industrial: "工业"
        case .infrastructure: "基础设施"
        case .social: "社会事业"
        case .commercial: "商住"
        case .platform: "平台"
        }
    }
    public var aliases: [String] {
        switch self {
        case .industrial: ["工业项目", "产业"]
        case .infrastructure: ["基础设施项目", "基建"]
        case .social: ["社会事业项目"]
        case .commercial: ["商业", "住宅", "商住项目"]
        case .platform: ["平台项目"]
        }
    }
}

public enum ParkKind: String, Labeled {
    case microPark = "micro-park", town, highTechZone = "high-tech-zone", platform, startupPark = "startup-park"
    public static let noun = "园区类别"
    public var label: String {
        switch self {
        case .microPark: "小微园"
        case .town: "特色小镇"
        case .highTechZone: "高新园区"
        case .platform: "产业平台"
        case .startupPark: "创业园"
        }
    }
    public var aliases: [String] {
        switch self {
        case .microPark: ["小微企业园"]
        case .town: ["小镇"]
        case .highTechZone: ["高新技术产业园区"]
        case .platform: ["平台"]
        case .startupPark: ["孵化器"]
        }
    }
}

/// What a milestone, an entry or a reference is about.
public enum SubjectKind: String, Labeled {
    case project, parcel, park, tenant, milestone, problem
    public static let noun = "对象类别"
    public var label: String {
        switch self {
        case .project: "项目"
        case .parcel: "地块"
        case .park: "园区"
        case .tenant: "企业"
        case .milestone: "节点"
        case .problem: "问题"
        }
    }
    /// Codes start with this letter: P1 is a project, L2 a parcel (land), Y3 a park (园), E4 a tenant enterprise,
    /// M5 a milestone, W6 a problem to coordinate (问题).
    public var codePrefix: String {
        switch self {
        case .project: "P"
        case .parcel: "L"
        case .park: "Y"
        case .tenant: "E"
        case .milestone: "M"
        case .problem: "W"
        }
    }
    var table: String { rawValue }
    var foreignKey: String { rawValue + "_id" }
}

public enum FigureCategory: String, Labeled {
    case target, reported, indicator
    public static let noun = "数据类别"
    public var label: String {
        switch self {
        case .target: "目标"
        case .reported: "报告数"
        case .indicator: "指标"
        }
    }
}
