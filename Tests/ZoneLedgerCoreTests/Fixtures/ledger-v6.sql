PRAGMA foreign_keys=OFF;
BEGIN TRANSACTION;
CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY);
INSERT INTO grdb_migrations VALUES('0001_ledger.sql');
INSERT INTO grdb_migrations VALUES('0002_undo.sql');
INSERT INTO grdb_migrations VALUES('0003_command_parts.sql');
INSERT INTO grdb_migrations VALUES('0004_subject_indexes.sql');
INSERT INTO grdb_migrations VALUES('0005_hot_path_indexes.sql');
INSERT INTO grdb_migrations VALUES('0006_check_without_in_lists.sql');
CREATE TABLE zone (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    name TEXT NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 200),
    report_day TEXT CHECK (report_day IS NULL OR date(report_day) IS report_day)
) STRICT;
INSERT INTO zone VALUES(1,'__经济开发区','2020-11-30');
CREATE TABLE batch (
    id INTEGER PRIMARY KEY,
    recorded_at TEXT NOT NULL,
    author TEXT NOT NULL CHECK (length(author) BETWEEN 1 AND 100),
    command TEXT NOT NULL CHECK (length(command) BETWEEN 1 AND 100)
, undoes INTEGER REFERENCES batch(id), part_of INTEGER REFERENCES batch(id)) STRICT;
INSERT INTO batch VALUES(1,'2026-12-01T18:46:36Z','工作报告','init',NULL,NULL);
INSERT INTO batch VALUES(2,'2026-12-01T18:46:36Z','tester','project edit',NULL,NULL);
INSERT INTO batch VALUES(3,'2026-12-01T18:46:36Z','tester','project edit',NULL,NULL);
INSERT INTO batch VALUES(4,'2026-12-01T18:46:36Z','tester','project update',NULL,NULL);
INSERT INTO batch VALUES(5,'2026-12-01T18:46:36Z','tester','project edit',NULL,NULL);
INSERT INTO batch VALUES(6,'2026-12-01T18:46:36Z','tester','project edit',NULL,NULL);
INSERT INTO batch VALUES(7,'2026-12-01T18:46:37Z','tester','undo',6,NULL);
INSERT INTO batch VALUES(8,'2026-12-01T18:46:37Z','tester','project add',NULL,NULL);
INSERT INTO batch VALUES(9,'2026-12-01T18:46:37Z','tester','project edit',NULL,NULL);
INSERT INTO batch VALUES(10,'2026-12-01T18:46:37Z','tester','undo',9,NULL);
INSERT INTO batch VALUES(11,'2026-12-01T18:46:37Z','tester','undo',8,NULL);
INSERT INTO batch VALUES(12,'2026-12-01T18:46:37Z','tester','project add',NULL,NULL);
INSERT INTO batch VALUES(13,'2026-12-01T18:46:37Z','tester','parcel add',NULL,NULL);
INSERT INTO batch VALUES(14,'2026-12-01T18:46:37Z','tester','tenant edit',NULL,NULL);
INSERT INTO batch VALUES(15,'2026-12-01T18:46:37Z','tester','tenant update',NULL,NULL);
INSERT INTO batch VALUES(16,'2026-12-01T18:46:37Z','tester','park edit',NULL,NULL);
INSERT INTO batch VALUES(17,'2026-12-01T18:46:37Z','tester','milestone edit',NULL,NULL);
INSERT INTO batch VALUES(18,'2026-12-01T18:46:38Z','tester','milestone reschedule',NULL,NULL);
INSERT INTO batch VALUES(19,'2026-12-01T18:46:38Z','tester','milestone done',NULL,NULL);
INSERT INTO batch VALUES(20,'2026-12-01T18:46:38Z','tester','parcel update',NULL,NULL);
INSERT INTO batch VALUES(21,'2026-12-01T18:46:38Z','tester','figure add',NULL,NULL);
INSERT INTO batch VALUES(22,'2026-12-01T18:46:38Z','tester','parcel edit',NULL,NULL);
CREATE TABLE park (
    id INTEGER PRIMARY KEY,
    code TEXT NOT NULL UNIQUE CHECK (length(code) BETWEEN 1 AND 40),
    name TEXT NOT NULL UNIQUE CHECK (length(trim(name)) BETWEEN 1 AND 200),
    kind TEXT NOT NULL CHECK (kind IN ('micro-park', 'town', 'high-tech-zone', 'platform', 'startup-park')),
    area_mu_hundredths INTEGER CHECK (area_mu_hundredths > 0),
    area_approximate INTEGER NOT NULL DEFAULT 0 CHECK (area_approximate IN (0, 1)),
    plot_ratio_hundredths INTEGER CHECK (plot_ratio_hundredths > 0),
    floor_area_m2 INTEGER CHECK (floor_area_m2 > 0),
    investment_yuan INTEGER CHECK (investment_yuan > 0),
    expected_output_yuan INTEGER CHECK (expected_output_yuan > 0),
    expected_tax_yuan INTEGER CHECK (expected_tax_yuan > 0),
    buildings INTEGER CHECK (buildings > 0),
    industries TEXT CHECK (length(industries) <= 500),
    quote TEXT
) STRICT;
INSERT INTO park VALUES(1,'Y1','__湾电力科技小镇','town',NULL,0,NULL,NULL,NULL,NULL,NULL,NULL,'输配电高端装备制造、发电、储电、用电和调电等装备制造',replace('__湾电力科技小镇以输配电高端装备制造为核心,发电、储电、用电和调电等装备制造为关联产业,着力打造电力装备全产业链。\n今年8月,__湾电力科技小镇完成省级培育申报,并入选省级特色小镇第三批培育名单。\n11月,小镇客厅设计方案已经初步完成','\n',char(10)));
INSERT INTO park VALUES(2,'Y2','生态智慧岛','platform',130000,1,NULL,NULL,NULL,NULL,NULL,NULL,'新材料、生物科技、前沿电工电子',replace('生态智慧岛总用地面积约1300亩,将生态建设与智慧产业开发相融合,计划布局新材料、生物科技、前沿电工电子等产业。\n正在加快基础设施建设和项目引进','\n',char(10)));
INSERT INTO park VALUES(3,'Y3','__智能电气高新技术产业园区','high-tech-zone',NULL,0,NULL,NULL,NULL,NULL,NULL,NULL,NULL,'__智能电气高新技术产业园区以电力科技小镇、科技孵化器等为重要载体,成为高新技术产业发展的重要集聚地。');
INSERT INTO park VALUES(4,'Y4','__智能电气小微园一期','micro-park',21700,0,260,375000,900000000,1800000000,NULL,NULL,'智能电气、智能装备及配套',replace('__智能电气小微园一期217亩,容积率2.6,总建筑面积37.5万平方米,总投资9亿元,全部投产后预计年产值可达18亿元,主导产业为为智能电气、智能装备及配套。\n目前已有37家企业完成主体建设,12家进驻生产\n今年8月份,作为全省小微园现场会观摩点。','\n',char(10)));
INSERT INTO park VALUES(5,'Y5','博通小微园新名','micro-park',5600,0,172,400000,250000000,1000000000,50000000,20,'电子、电器',replace('__博通小微园规划面积56亩,总投资2.5亿元,以电子、电器为主导产业,容积率1.72,建筑面积64618平方米,共20幢建筑。\n共入驻企业38家,投产后预计年产值达10亿元,税收5000万元。\n现正在办理竣工验收手续','\n',char(10)));
INSERT INTO park VALUES(6,'Y6','乐商创业园','startup-park',NULL,0,NULL,NULL,NULL,NULL,NULL,NULL,NULL,'目前已完成对4个党群服务中心的整合提升(开发区党群服务中心、乐商创业园党群服务中心、特色小镇党群服务中心和智能电气小微园党群服务中心)');
CREATE TABLE parcel (
    id INTEGER PRIMARY KEY,
    code TEXT NOT NULL UNIQUE CHECK (length(code) BETWEEN 1 AND 40),
    name TEXT NOT NULL UNIQUE CHECK (length(trim(name)) BETWEEN 1 AND 200),
    area_mu_hundredths INTEGER NOT NULL CHECK (area_mu_hundredths > 0),
    land_use TEXT CHECK (length(land_use) <= 100),
    quote TEXT
) STRICT;
INSERT INTO parcel VALUES(1,'L1','盐盆九个村乐海围垦区安置工业返回地',14473,'工业',replace('完成了盐盆九个村乐海围垦区安置工业返回地(共计144.73亩)的处置方案\n盐盆九村以土地出资成立__市九合投资管理有限公司,土地由开发区投资公司出资建设并使用15年后归还给九合公司。\n该项目分为三个地块,目前均已完成了方案设计会审、地质勘探并公开挂牌','\n',char(10)));
INSERT INTO parcel VALUES(2,'L2','新地块',1250,'工业',NULL);
CREATE TABLE tenant (
    id INTEGER PRIMARY KEY,
    code TEXT NOT NULL UNIQUE CHECK (length(code) BETWEEN 1 AND 40),
    name TEXT NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 200),
    park_id INTEGER NOT NULL REFERENCES park(id),
    quote TEXT,
    UNIQUE (park_id, name)
) STRICT;
INSERT INTO tenant VALUES(1,'E1','百川生物科技',5,'目前一期已引进百川生物科技、格林美新材料、韩宇光电等项目。');
INSERT INTO tenant VALUES(2,'E2','格林美新材料',2,'目前一期已引进百川生物科技、格林美新材料、韩宇光电等项目。');
INSERT INTO tenant VALUES(3,'E3','韩宇光电',2,'目前一期已引进百川生物科技、格林美新材料、韩宇光电等项目。');
CREATE TABLE figure (
    id INTEGER PRIMARY KEY,
    code TEXT NOT NULL UNIQUE CHECK (length(code) BETWEEN 1 AND 40),
    category TEXT NOT NULL CHECK (category IN ('target', 'reported', 'indicator')),
    metric TEXT NOT NULL CHECK (length(trim(metric)) BETWEEN 1 AND 200),
    key TEXT CHECK (key GLOB '[a-z]*' AND key NOT GLOB '*[^a-z0-9_]*'),
    park_id INTEGER REFERENCES park(id),
    period_from TEXT NOT NULL CHECK (date(period_from) IS period_from),
    period_to TEXT NOT NULL CHECK (date(period_to) IS period_to),
    value TEXT NOT NULL CHECK (value GLOB '[0-9]*' AND value NOT GLOB '*[^0-9.]*' AND value NOT GLOB '*.*.*' AND value NOT GLOB '*.'),
    unit TEXT NOT NULL CHECK (length(unit) BETWEEN 1 AND 20),
    approximate INTEGER NOT NULL DEFAULT 0 CHECK (approximate IN (0, 1)),
    yoy_percent TEXT CHECK (yoy_percent GLOB '[0-9-]*' AND substr(yoy_percent, 2) NOT GLOB '*[^0-9.]*'),
    batch_id INTEGER NOT NULL REFERENCES batch(id),
    quote TEXT,
    CHECK (period_from <= period_to)
) STRICT;
INSERT INTO figure VALUES(1,'F1','indicator','规上工业企业',NULL,NULL,'2020-11-30','2020-11-30','269','家',0,NULL,1,'区内现有规上工业企业269家');
INSERT INTO figure VALUES(2,'F2','indicator','超亿元企业',NULL,NULL,'2020-11-30','2020-11-30','75','家',0,NULL,1,'其中超亿元企业75家');
INSERT INTO figure VALUES(3,'F3','indicator','上市企业',NULL,NULL,'2020-11-30','2020-11-30','10','家',0,NULL,1,'上市企业10家(其中新三板7家)');
INSERT INTO figure VALUES(4,'F4','indicator','新三板上市企业',NULL,NULL,'2020-11-30','2020-11-30','7','家',0,NULL,1,'上市企业10家(其中新三板7家)');
INSERT INTO figure VALUES(5,'F5','indicator','高新技术企业',NULL,NULL,'2020-11-30','2020-11-30','80','家',0,NULL,1,'高新技术企业80家');
INSERT INTO figure VALUES(6,'F6','indicator','工业总产值',NULL,NULL,'2020-01-01','2020-11-30','171','亿元',0,'11.7',1,'1—11月,开发区实现工业总产值171亿元,同比增长11.7%');
INSERT INTO figure VALUES(7,'F7','indicator','工业增加值',NULL,NULL,'2020-01-01','2020-11-30','34.36','亿元',0,'12.24',1,'工业增加值34.36亿元,同比增长12.24%');
INSERT INTO figure VALUES(8,'F8','indicator','技术(研究)开发费',NULL,NULL,'2020-01-01','2020-11-30','4.87','亿元',0,NULL,1,'技术(研究)开发费4.87亿元,占主营业务收入比重提升至2.95%');
INSERT INTO figure VALUES(9,'F9','indicator','技术(研究)开发费占主营业务收入比重',NULL,NULL,'2020-01-01','2020-11-30','2.95','%',0,NULL,1,'技术(研究)开发费4.87亿元,占主营业务收入比重提升至2.95%');
INSERT INTO figure VALUES(10,'F10','indicator','数字经济增加值',NULL,NULL,'2020-01-01','2020-11-30','8.3','亿元',0,'21.4',1,'数字经济增加值8.3亿元,同比增长21.4%,远超全市平均水平');
INSERT INTO figure VALUES(11,'F11','indicator','工业性投资',NULL,NULL,'2020-01-01','2020-11-30','14.86','亿元',0,NULL,1,'完成工业性投资任务14.86亿元,入库项目98个');
INSERT INTO figure VALUES(12,'F12','indicator','入库项目',NULL,NULL,'2020-01-01','2020-11-30','98','个',0,NULL,1,'完成工业性投资任务14.86亿元,入库项目98个');
INSERT INTO figure VALUES(13,'F13','indicator','招商引资到位资金',NULL,NULL,'2020-01-01','2020-11-30','8.9','亿元',0,NULL,1,'招商引资到位资金8.9亿元,其中1—10亿元项目4个');
INSERT INTO figure VALUES(14,'F14','indicator','招商引资1—10亿元项目',NULL,NULL,'2020-01-01','2020-11-30','4','个',0,NULL,1,'招商引资到位资金8.9亿元,其中1—10亿元项目4个');
INSERT INTO figure VALUES(15,'F15','indicator','小升规已达标企业',NULL,NULL,'2020-01-01','2020-11-30','22','家',0,NULL,1,'小升规已达标企业22家,完成全年任务的104.7%');
INSERT INTO figure VALUES(16,'F16','indicator','小升规完成全年任务比例',NULL,NULL,'2020-01-01','2020-11-30','104.7','%',0,NULL,1,'小升规已达标企业22家,完成全年任务的104.7%');
INSERT INTO figure VALUES(17,'F17','indicator','累计高新技术企业',NULL,3,'2020-11-30','2020-11-30','96','家',0,NULL,1,'目前,园区累计高新技术企业96家。');
INSERT INTO figure VALUES(18,'F18','indicator','高新技术增加值',NULL,3,'2020-01-01','2020-10-31','81.18','亿元',0,'18.3',1,'1—10月,园区实现高新技术增加值81.18亿元,同比增长18.3%');
INSERT INTO figure VALUES(19,'F19','indicator','新产品产值',NULL,3,'2020-01-01','2020-10-31','17.67','亿元',0,'11.4',1,'新产品产值17.67亿元,同比增长11.4%');
INSERT INTO figure VALUES(20,'F20','indicator','规上工业企业技术(研究)开发费用',NULL,3,'2020-01-01','2020-10-31','12.06','亿元',0,'13.2',1,'规上工业企业技术(研究)开发费用12.06亿元,同比增长13.2%');
INSERT INTO figure VALUES(21,'F21','indicator','利税总额',NULL,3,'2020-01-01','2020-10-31','66','亿元',0,'30.7',1,'利税总额66亿元,同比增长30.7%');
INSERT INTO figure VALUES(22,'F22','reported','走访考察企业',NULL,NULL,'2020-01-01','2020-11-30','80','家',1,NULL,1,'今年,共走访考察企业80余家');
INSERT INTO figure VALUES(23,'F23','indicator','招商引资到位资金',NULL,NULL,'2020-01-01','2020-10-31','6.7','亿元',0,NULL,1,'截至10月,完成招商引资到位资金6.7亿元,其中1-10亿元项目4个(固力发、哥伦、三尚、美硕)。');
INSERT INTO figure VALUES(24,'F24','indicator','招商引资1—10亿元项目',NULL,NULL,'2020-01-01','2020-10-31','4','个',0,NULL,1,'截至10月,完成招商引资到位资金6.7亿元,其中1-10亿元项目4个(固力发、哥伦、三尚、美硕)。');
INSERT INTO figure VALUES(25,'F25','target','土地出让','land_sold_area',NULL,'2020-01-01','2020-12-31','405','亩',0,NULL,1,'本年计划完成土地出让共计405亩');
INSERT INTO figure VALUES(26,'F26','reported','已完成土地出让宗数','land_sold_count',NULL,'2020-01-01','2020-11-30','10','宗',0,NULL,1,'目前已完成出让10宗210.5亩');
INSERT INTO figure VALUES(27,'F27','reported','已完成土地出让面积','land_sold_area',NULL,'2020-01-01','2020-11-30','210.5','亩',0,NULL,1,'目前已完成出让10宗210.5亩');
INSERT INTO figure VALUES(28,'F28','reported','公告挂牌期内土地宗数','land_listed_count',NULL,'2020-11-30','2020-11-30','8','宗',0,NULL,1,'公告挂牌期内土地8宗194亩');
INSERT INTO figure VALUES(29,'F29','reported','公告挂牌期内土地面积','land_listed_area',NULL,'2020-11-30','2020-11-30','194','亩',0,NULL,1,'公告挂牌期内土地8宗194亩');
INSERT INTO figure VALUES(30,'F30','reported','省重大产业项目',NULL,NULL,'2020-11-30','2020-11-30','4','个',0,NULL,1,'其中省重大产业项目4个(台邦精密减速器项目、科都电气基建项目、红光智能电气产业园项目、德威硬质合金基建项目)。');
INSERT INTO figure VALUES(31,'F31','reported','完成主体建设企业',NULL,4,'2020-11-30','2020-11-30','37','家',0,NULL,1,'目前已有37家企业完成主体建设,12家进驻生产');
INSERT INTO figure VALUES(32,'F32','reported','进驻生产企业',NULL,4,'2020-11-30','2020-11-30','12','家',0,NULL,1,'目前已有37家企业完成主体建设,12家进驻生产');
INSERT INTO figure VALUES(33,'F33','reported','入驻企业',NULL,5,'2020-11-30','2020-11-30','38','家',0,NULL,1,'共入驻企业38家');
INSERT INTO figure VALUES(34,'F34','reported','闲置土地利用或容积率调整新建厂房已结顶面积',NULL,NULL,'2020-01-01','2020-11-30','4.4','万平方米',0,NULL,1,'1—11月,因闲置土地利用或容积率调整所新建的厂房已结顶面积达4.4万平方米,在建厂房面积达4万平方米,手续办理中还未开建的厂房面积约10万平方米。');
INSERT INTO figure VALUES(35,'F35','reported','闲置土地利用或容积率调整在建厂房面积',NULL,NULL,'2020-01-01','2020-11-30','4','万平方米',0,NULL,1,'1—11月,因闲置土地利用或容积率调整所新建的厂房已结顶面积达4.4万平方米,在建厂房面积达4万平方米,手续办理中还未开建的厂房面积约10万平方米。');
INSERT INTO figure VALUES(36,'F36','reported','闲置土地利用或容积率调整手续办理中还未开建的厂房面积',NULL,NULL,'2020-01-01','2020-11-30','10','万平方米',1,NULL,1,'1—11月,因闲置土地利用或容积率调整所新建的厂房已结顶面积达4.4万平方米,在建厂房面积达4万平方米,手续办理中还未开建的厂房面积约10万平方米。');
INSERT INTO figure VALUES(37,'F37','reported','已完成法院处置企业厂房面积',NULL,NULL,'2020-01-01','2020-11-30','6.1','万平方米',0,NULL,1,'今年已完成法院处置企业厂房面积6.1万平方米');
INSERT INTO figure VALUES(38,'F38','reported','已进入司法拍卖程序的企业厂房面积',NULL,NULL,'2020-11-30','2020-11-30','13.3','万平方米',0,NULL,1,'已进入司法拍卖程序的企业厂房面积13.3万平方米');
INSERT INTO figure VALUES(39,'F39','indicator','规划核实规定完成时间',NULL,NULL,'2020-11-30','2020-11-30','15','个工作日',0,NULL,1,'规定完成时间为15个工作日,但我们基本上是1周内都把它完成');
INSERT INTO figure VALUES(40,'F40','indicator','规划核实实际完成时间(基本上1周内)',NULL,NULL,'2020-11-30','2020-11-30','1','周',0,NULL,1,'规定完成时间为15个工作日,但我们基本上是1周内都把它完成');
INSERT INTO figure VALUES(41,'F41','reported','完成规划核实企业',NULL,NULL,'2020-01-01','2020-11-30','42','家',0,NULL,1,'今年共完成了42家企业的规划核实');
INSERT INTO figure VALUES(42,'F42','reported','环保审批项目',NULL,NULL,'2020-01-01','2020-11-30','57','件',0,NULL,1,'1—11月,共完成开发区环保审批项目57件。');
INSERT INTO figure VALUES(43,'F43','reported','亩产效益综合评价参评企业',NULL,NULL,'2020-01-01','2020-11-30','685','家',0,NULL,1,'区内亩产效益综合评价参评企业685家');
INSERT INTO figure VALUES(44,'F44','reported','整治名单内已基本完成整治企业',NULL,NULL,'2020-01-01','2020-11-30','63','家',0,NULL,1,'截止11月开发区整治名单内63家企业已基本完成整治工作');
INSERT INTO figure VALUES(45,'F45','reported','整治名单内自有厂房企业',NULL,NULL,'2020-11-30','2020-11-30','28','家',0,NULL,1,'目前,28家自有厂房企业中,已有23家计入其承租方税款后满足亩均三万元的基本标准');
INSERT INTO figure VALUES(46,'F46','reported','计入承租方税款后满足亩均三万元标准的自有厂房企业',NULL,NULL,'2020-11-30','2020-11-30','23','家',0,NULL,1,'目前,28家自有厂房企业中,已有23家计入其承租方税款后满足亩均三万元的基本标准');
INSERT INTO figure VALUES(47,'F47','reported','关停被依法拍卖企业',NULL,NULL,'2020-11-30','2020-11-30','3','家',0,NULL,1,'3家企业关停被依法拍卖,腾出面积93.08亩');
INSERT INTO figure VALUES(48,'F48','reported','关停拍卖企业腾出面积',NULL,NULL,'2020-11-30','2020-11-30','93.08','亩',0,NULL,1,'3家企业关停被依法拍卖,腾出面积93.08亩');
INSERT INTO figure VALUES(49,'F49','reported','亩均税收未达三万元企业',NULL,NULL,'2020-11-30','2020-11-30','2','家',0,NULL,1,'2家企业亩均税收未达三万元,合计补税6.63万元');
INSERT INTO figure VALUES(50,'F50','reported','亩均税收未达标企业合计补税',NULL,NULL,'2020-11-30','2020-11-30','6.63','万元',0,NULL,1,'2家企业亩均税收未达三万元,合计补税6.63万元');
INSERT INTO figure VALUES(51,'F51','reported','满足亩均税收要求的承租企业',NULL,NULL,'2020-11-30','2020-11-30','35','家',0,NULL,1,'其余35家承租企业已全部满足亩均税收要求。');
INSERT INTO figure VALUES(52,'F52','indicator','初审通过并备案的企业技术改造项目',NULL,NULL,'2020-01-01','2020-11-30','87','个',0,NULL,1,'1—11月底,区内初审通过并备案的企业技术改造项目87个,赋码的技术改造项目23个,共计110个。');
INSERT INTO figure VALUES(53,'F53','indicator','赋码的技术改造项目',NULL,NULL,'2020-01-01','2020-11-30','23','个',0,NULL,1,'1—11月底,区内初审通过并备案的企业技术改造项目87个,赋码的技术改造项目23个,共计110个。');
INSERT INTO figure VALUES(54,'F54','indicator','技术改造项目合计',NULL,NULL,'2020-01-01','2020-11-30','110','个',0,NULL,1,'1—11月底,区内初审通过并备案的企业技术改造项目87个,赋码的技术改造项目23个,共计110个。');
INSERT INTO figure VALUES(55,'F55','indicator','备案技术改造项目总投资',NULL,NULL,'2020-01-01','2020-11-30','11.2','亿元',0,NULL,1,'其中备案项目总投资11.2亿元,赋码项目总投资1.7亿元,共计12.9亿元。');
INSERT INTO figure VALUES(56,'F56','indicator','赋码技术改造项目总投资',NULL,NULL,'2020-01-01','2020-11-30','1.7','亿元',0,NULL,1,'其中备案项目总投资11.2亿元,赋码项目总投资1.7亿元,共计12.9亿元。');
INSERT INTO figure VALUES(57,'F57','indicator','技术改造项目总投资合计',NULL,NULL,'2020-01-01','2020-11-30','12.9','亿元',0,NULL,1,'其中备案项目总投资11.2亿元,赋码项目总投资1.7亿元,共计12.9亿元。');
INSERT INTO figure VALUES(58,'F58','reported','今年完成的桥梁、疏浚、临时河道、沥青路面及绿化提升工程完成投资',NULL,NULL,'2020-01-01','2020-11-30','2000','万元',1,NULL,1,'今年,完成了纬十二路、十五路桥梁工程,完成浦道疏浚工程,完成了南片临时河道工程,完成滨海北三路、纬十二路(东片)、纬十六(东片)、中心大道、经九路(纬八路-纬十一路)、小微园区间二路的沥青路面,完成纬一路、经五路、纬十七路绿化提升工程,完成投资约2000万元');
INSERT INTO figure VALUES(59,'F59','reported','续建纬十二、纬十五、纬十六路工程完成投资',NULL,NULL,'2020-01-01','2020-11-30','1500','万元',1,NULL,1,'续建纬十二、纬十五、纬十六路工程,完成纬十二路桥梁工程,纬十五、十六路西段路面工程,完成投资约1500万元');
INSERT INTO figure VALUES(60,'F60','reported','续建东海河(纬十路-纬十七路)河道工程完成投资',NULL,NULL,'2020-01-01','2020-11-30','800','万元',1,NULL,1,'续建东海河(纬十路-纬十七路)河道工程,完成了河岸的基础处理工程,完成投资约800万元。');
INSERT INTO figure VALUES(61,'F61','reported','安全生产标准化达标企业',NULL,NULL,'2020-01-01','2020-11-30','106','家',0,NULL,1,'完成安全生产标准化达标企业106家');
INSERT INTO figure VALUES(62,'F62','reported','拆除存在违法建设企业',NULL,NULL,'2020-01-01','2020-11-30','24','家',0,NULL,1,'综合行政执法中队今年共拆除存在违法建设企业24家、拆除总面积7907平方米');
INSERT INTO figure VALUES(63,'F63','reported','拆除违法建设总面积',NULL,NULL,'2020-01-01','2020-11-30','7907','平方米',0,NULL,1,'综合行政执法中队今年共拆除存在违法建设企业24家、拆除总面积7907平方米');
INSERT INTO figure VALUES(64,'F64','reported','拆除违法堆放的集装箱及违法搭建的活动板房(处)',NULL,NULL,'2020-01-01','2020-11-30','8','处',0,NULL,1,'拆除违法堆放的集装箱及违法搭建的活动板房8处16个');
INSERT INTO figure VALUES(65,'F65','reported','拆除违法堆放的集装箱及违法搭建的活动板房(个)',NULL,NULL,'2020-01-01','2020-11-30','16','个',0,NULL,1,'拆除违法堆放的集装箱及违法搭建的活动板房8处16个');
INSERT INTO figure VALUES(66,'F66','reported','完成整合提升的党群服务中心',NULL,NULL,'2020-01-01','2020-11-30','4','个',0,NULL,1,'目前已完成对4个党群服务中心的整合提升');
INSERT INTO figure VALUES(67,'F67','reported','正风肃纪专项督查',NULL,NULL,'2020-01-01','2020-11-30','14','次',0,NULL,1,'截至目前,开发区开展正风肃纪专项督查14次,查处问题1个,处理2人。');
INSERT INTO figure VALUES(68,'F68','reported','查处问题',NULL,NULL,'2020-01-01','2020-11-30','1','个',0,NULL,1,'截至目前,开发区开展正风肃纪专项督查14次,查处问题1个,处理2人。');
INSERT INTO figure VALUES(69,'F69','reported','处理人员',NULL,NULL,'2020-01-01','2020-11-30','2','人',0,NULL,1,'截至目前,开发区开展正风肃纪专项督查14次,查处问题1个,处理2人。');
INSERT INTO figure VALUES(70,'F70','reported','区域性党群服务站建设',NULL,NULL,'2020-01-01','2020-11-30','8','个',0,NULL,1,'完成了八大区域性党群服务站建设');
INSERT INTO figure VALUES(71,'F71','reported','已完成土地出让面积','land_sold_area',NULL,'2021-01-01','2021-05-31','100','亩',0,NULL,21,NULL);
CREATE TABLE entry_void (
    entry_id INTEGER PRIMARY KEY REFERENCES entry(id),
    batch_id INTEGER NOT NULL REFERENCES batch(id)
) STRICT;
INSERT INTO entry_void VALUES(58,7);
INSERT INTO entry_void VALUES(59,11);
INSERT INTO entry_void VALUES(60,10);
CREATE TABLE figure_void (
    figure_id INTEGER PRIMARY KEY REFERENCES figure(id),
    batch_id INTEGER NOT NULL REFERENCES batch(id)
) STRICT;
CREATE TABLE IF NOT EXISTS "project" (
    id INTEGER PRIMARY KEY,
    code TEXT NOT NULL UNIQUE CHECK (length(code) BETWEEN 1 AND 40),
    name TEXT NOT NULL UNIQUE CHECK (length(trim(name)) BETWEEN 1 AND 200),
    kind TEXT NOT NULL CHECK ((kind = 'industrial' OR kind = 'infrastructure' OR kind = 'social' OR kind = 'commercial' OR kind = 'platform')),
    investment_yuan INTEGER CHECK (investment_yuan > 0),
    park_id INTEGER REFERENCES park(id),
    parcel_id INTEGER REFERENCES parcel(id),
    provincial_major INTEGER NOT NULL DEFAULT 0 CHECK ((provincial_major = 0 OR provincial_major = 1)),
    registered INTEGER NOT NULL DEFAULT 0 CHECK ((registered = 0 OR registered = 1)),
    department TEXT CHECK (length(department) <= 100),
    planned_start TEXT CHECK (planned_start IS NULL OR date(planned_start) IS planned_start),
    planned_completion TEXT CHECK (planned_completion IS NULL OR date(planned_completion) IS planned_completion),
    quote TEXT,
    CHECK (planned_start IS NULL OR planned_completion IS NULL OR planned_start <= planned_completion)
) STRICT;
INSERT INTO project VALUES(1,'P1','固力发','industrial',NULL,NULL,NULL,0,0,NULL,NULL,NULL,'截至10月,完成招商引资到位资金6.7亿元,其中1-10亿元项目4个(固力发、哥伦、三尚、美硕)。');
INSERT INTO project VALUES(2,'P2','哥伦','industrial',NULL,NULL,NULL,0,0,NULL,NULL,NULL,'截至10月,完成招商引资到位资金6.7亿元,其中1-10亿元项目4个(固力发、哥伦、三尚、美硕)。');
INSERT INTO project VALUES(3,'P3','三尚','industrial',NULL,NULL,NULL,0,0,NULL,NULL,NULL,'截至10月,完成招商引资到位资金6.7亿元,其中1-10亿元项目4个(固力发、哥伦、三尚、美硕)。');
INSERT INTO project VALUES(4,'P4','美硕','industrial',NULL,NULL,NULL,0,0,NULL,NULL,NULL,'截至10月,完成招商引资到位资金6.7亿元,其中1-10亿元项目4个(固力发、哥伦、三尚、美硕)。');
INSERT INTO project VALUES(5,'P5','乙','industrial',NULL,NULL,NULL,1,1,NULL,NULL,NULL,replace('其中省重大产业项目4个(台邦精密减速器项目、科都电气基建项目、红光智能电气产业园项目、德威硬质合金基建项目)。\n科都已基本完成了打桩,台邦、德威、红光已于11月进场试桩,均已完成统计入库,现正在办理施工许可证。','\n',char(10)));
INSERT INTO project VALUES(6,'P6','科都电气基建项目','industrial',300000000,NULL,NULL,1,1,'经发局',NULL,NULL,replace('其中省重大产业项目4个(台邦精密减速器项目、科都电气基建项目、红光智能电气产业园项目、德威硬质合金基建项目)。\n科都已基本完成了打桩,台邦、德威、红光已于11月进场试桩,均已完成统计入库,现正在办理施工许可证。','\n',char(10)));
INSERT INTO project VALUES(7,'P7','红光智能电气产业园项目','industrial',NULL,NULL,NULL,1,1,NULL,NULL,NULL,replace('其中省重大产业项目4个(台邦精密减速器项目、科都电气基建项目、红光智能电气产业园项目、德威硬质合金基建项目)。\n科都已基本完成了打桩,台邦、德威、红光已于11月进场试桩,均已完成统计入库,现正在办理施工许可证。','\n',char(10)));
INSERT INTO project VALUES(8,'P8','德威硬质合金基建项目','industrial',NULL,NULL,NULL,1,1,NULL,NULL,NULL,replace('其中省重大产业项目4个(台邦精密减速器项目、科都电气基建项目、红光智能电气产业园项目、德威硬质合金基建项目)。\n科都已基本完成了打桩,台邦、德威、红光已于11月进场试桩,均已完成统计入库,现正在办理施工许可证。','\n',char(10)));
INSERT INTO project VALUES(9,'P9','纬十二路桥梁工程','infrastructure',NULL,NULL,NULL,0,0,NULL,NULL,NULL,replace('完成了纬十二路、十五路桥梁工程\n完成纬十二路桥梁工程','\n',char(10)));
INSERT INTO project VALUES(10,'P10','纬十五路桥梁工程','infrastructure',NULL,NULL,NULL,0,0,NULL,NULL,NULL,'完成了纬十二路、十五路桥梁工程');
INSERT INTO project VALUES(11,'P11','浦道疏浚工程','infrastructure',NULL,NULL,NULL,0,0,NULL,NULL,NULL,'完成浦道疏浚工程');
INSERT INTO project VALUES(12,'P12','南片临时河道工程','infrastructure',NULL,NULL,NULL,0,0,NULL,NULL,NULL,'完成了南片临时河道工程');
INSERT INTO project VALUES(13,'P13','滨海北三路沥青路面','infrastructure',NULL,NULL,NULL,0,0,NULL,NULL,NULL,'完成滨海北三路、纬十二路(东片)、纬十六(东片)、中心大道、经九路(纬八路-纬十一路)、小微园区间二路的沥青路面');
INSERT INTO project VALUES(14,'P14','纬十二路(东片)沥青路面','infrastructure',NULL,NULL,NULL,0,0,NULL,NULL,NULL,'完成滨海北三路、纬十二路(东片)、纬十六(东片)、中心大道、经九路(纬八路-纬十一路)、小微园区间二路的沥青路面');
INSERT INTO project VALUES(15,'P15','纬十六(东片)沥青路面','infrastructure',NULL,NULL,NULL,0,0,NULL,NULL,NULL,'完成滨海北三路、纬十二路(东片)、纬十六(东片)、中心大道、经九路(纬八路-纬十一路)、小微园区间二路的沥青路面');
INSERT INTO project VALUES(16,'P16','中心大道沥青路面','infrastructure',NULL,NULL,NULL,0,0,NULL,NULL,NULL,'完成滨海北三路、纬十二路(东片)、纬十六(东片)、中心大道、经九路(纬八路-纬十一路)、小微园区间二路的沥青路面');
INSERT INTO project VALUES(17,'P17','经九路(纬八路-纬十一路)沥青路面','infrastructure',NULL,NULL,NULL,0,0,NULL,NULL,NULL,'完成滨海北三路、纬十二路(东片)、纬十六(东片)、中心大道、经九路(纬八路-纬十一路)、小微园区间二路的沥青路面');
INSERT INTO project VALUES(18,'P18','小微园区间二路沥青路面','infrastructure',NULL,NULL,NULL,0,0,NULL,NULL,NULL,'完成滨海北三路、纬十二路(东片)、纬十六(东片)、中心大道、经九路(纬八路-纬十一路)、小微园区间二路的沥青路面');
INSERT INTO project VALUES(19,'P19','纬一路绿化提升工程','infrastructure',NULL,NULL,NULL,0,0,NULL,NULL,NULL,'完成纬一路、经五路、纬十七路绿化提升工程');
INSERT INTO project VALUES(20,'P20','经五路绿化提升工程','infrastructure',NULL,NULL,NULL,0,0,NULL,NULL,NULL,'完成纬一路、经五路、纬十七路绿化提升工程');
INSERT INTO project VALUES(21,'P21','纬十七路绿化提升工程','infrastructure',NULL,NULL,NULL,0,0,NULL,NULL,NULL,'完成纬一路、经五路、纬十七路绿化提升工程');
INSERT INTO project VALUES(22,'P22','纬十二路工程','infrastructure',NULL,NULL,NULL,0,0,NULL,NULL,NULL,'续建纬十二、纬十五、纬十六路工程,完成纬十二路桥梁工程,纬十五、十六路西段路面工程,完成投资约1500万元');
INSERT INTO project VALUES(23,'P23','纬十五路工程','infrastructure',NULL,NULL,NULL,0,0,NULL,NULL,NULL,'续建纬十二、纬十五、纬十六路工程,完成纬十二路桥梁工程,纬十五、十六路西段路面工程,完成投资约1500万元');
INSERT INTO project VALUES(24,'P24','纬十六路工程','infrastructure',NULL,NULL,NULL,0,0,NULL,NULL,NULL,'续建纬十二、纬十五、纬十六路工程,完成纬十二路桥梁工程,纬十五、十六路西段路面工程,完成投资约1500万元');
INSERT INTO project VALUES(25,'P25','纬十五路西段路面工程','infrastructure',NULL,NULL,NULL,0,0,NULL,NULL,NULL,'完成纬十二路桥梁工程,纬十五、十六路西段路面工程');
INSERT INTO project VALUES(26,'P26','纬十六路西段路面工程','infrastructure',NULL,NULL,NULL,0,0,NULL,NULL,NULL,'完成纬十二路桥梁工程,纬十五、十六路西段路面工程');
INSERT INTO project VALUES(27,'P27','东海河(纬十路-纬十七路)河道工程','infrastructure',NULL,NULL,NULL,0,0,NULL,NULL,NULL,'续建东海河(纬十路-纬十七路)河道工程,完成了河岸的基础处理工程,完成投资约800万元。');
INSERT INTO project VALUES(28,'P28','九年一贯制学校','social',NULL,NULL,NULL,0,0,NULL,NULL,NULL,'九年一贯制学校至今已经完成了小学部的三幢教学楼和体育馆结顶工作,预计在2021年春季完成主体工程建设。');
INSERT INTO project VALUES(29,'P29','配套综合体(邻里中心)','commercial',NULL,NULL,NULL,0,0,NULL,NULL,NULL,'包括星级酒店、文体中心和商贸中心等的配套综合体(邻里中心)项目正有序建设');
INSERT INTO project VALUES(30,'P30','都会玖著','commercial',NULL,NULL,NULL,0,0,NULL,NULL,NULL,'开发区首个住宅小区项目(都会玖著)也已开工建设。');
INSERT INTO project VALUES(31,'P31','盐盆九个村乐海围垦区安置工业返回地项目','platform',NULL,NULL,1,0,0,NULL,NULL,NULL,replace('完成了盐盆九个村乐海围垦区安置工业返回地(共计144.73亩)的处置方案\n盐盆九村以土地出资成立__市九合投资管理有限公司,土地由开发区投资公司出资建设并使用15年后归还给九合公司。\n该项目分为三个地块,目前均已完成了方案设计会审、地质勘探并公开挂牌,不久将完成前期审批手续,进入工程招标工作','\n',char(10)));
INSERT INTO project VALUES(32,'P32','盐盆段经二河','infrastructure',NULL,NULL,NULL,0,0,NULL,NULL,NULL,'基本完成了盐盆段经二河涉及到村的政策处理工作');
INSERT INTO project VALUES(33,'P33','盐盆段经二路','infrastructure',NULL,NULL,NULL,0,0,NULL,NULL,NULL,'基本完成了盐盆段经二河涉及到村的政策处理工作、盐盆段经二路征地及农转用报批前期工作');
INSERT INTO project VALUES(34,'P34','沙头矿处置','infrastructure',NULL,NULL,NULL,0,0,NULL,NULL,NULL,'基本完成了沙头矿处置、沙头矿建设堆场和城中村建筑垃圾消纳场临时用地填方工作(新山川内)');
INSERT INTO project VALUES(35,'P35','沙头矿建设堆场和城中村建筑垃圾消纳场临时用地填方工作','infrastructure',NULL,NULL,NULL,0,0,NULL,NULL,NULL,'基本完成了沙头矿处置、沙头矿建设堆场和城中村建筑垃圾消纳场临时用地填方工作(新山川内)');
INSERT INTO project VALUES(36,'P36','小镇客厅','platform',NULL,1,NULL,0,0,NULL,NULL,NULL,'11月,小镇客厅设计方案已经初步完成');
INSERT INTO project VALUES(37,'P37','新项目甲','infrastructure',NULL,NULL,2,0,0,NULL,NULL,NULL,NULL);
CREATE TABLE IF NOT EXISTS "milestone" (
    id INTEGER PRIMARY KEY,
    code TEXT NOT NULL UNIQUE CHECK (length(code) BETWEEN 1 AND 40),
    title TEXT NOT NULL CHECK (length(trim(title)) BETWEEN 1 AND 200),
    project_id INTEGER REFERENCES project(id),
    parcel_id INTEGER REFERENCES parcel(id),
    park_id INTEGER REFERENCES park(id),
    tenant_id INTEGER REFERENCES tenant(id),
    due_on TEXT NOT NULL CHECK (date(due_on) IS due_on),
    due_text TEXT NOT NULL CHECK (length(due_text) BETWEEN 1 AND 100),
    due_precision TEXT NOT NULL CHECK ((due_precision = 'day' OR due_precision = 'xun' OR due_precision = 'month' OR due_precision = 'quarter' OR due_precision = 'half' OR due_precision = 'season' OR due_precision = 'year' OR due_precision = 'festival')),
    department TEXT CHECK (length(department) <= 100),
    quote TEXT,
    CHECK ((project_id IS NOT NULL) + (parcel_id IS NOT NULL) + (park_id IS NOT NULL) + (tenant_id IS NOT NULL) = 1)
) STRICT;
INSERT INTO milestone VALUES(1,'M1','争创省级特色小镇',NULL,NULL,1,NULL,'2021-12-31','明年','year',NULL,replace('11月,小镇客厅设计方案已经初步完成,明年争创省级特色小镇。\n做好省级特色小镇创建工作','\n',char(10)));
INSERT INTO milestone VALUES(2,'M2','全部竣工投用',NULL,NULL,4,NULL,'2021-12-31','2021年底','year',NULL,'预计2021年底实现全部竣工投用');
INSERT INTO milestone VALUES(3,'M3','交付使用',NULL,NULL,5,NULL,'2021-02-11','春节前','festival','经发局','现正在办理竣工验收手续,预计春节前交付企业使用');
INSERT INTO milestone VALUES(4,'M4','12家首批入驻项目实现投产',NULL,NULL,5,NULL,'2021-02-28','2021年2月','month',NULL,'2021年2月12家首批入驻项目实现投产');
INSERT INTO milestone VALUES(5,'M5','其余项目全部投产',NULL,NULL,5,NULL,'2021-12-31','2021年下半年','half',NULL,'其余项目2021年下半年全部投产');
INSERT INTO milestone VALUES(6,'M6','完成主体工程建设',28,NULL,NULL,NULL,'2021-05-31','2021年春季','season',NULL,'预计在2021年春季完成主体工程建设');
INSERT INTO milestone VALUES(7,'M7','三个地块全部竣工投产',31,NULL,NULL,NULL,'2020-12-31','2021年1月前','month',NULL,'力争在约定的2021年1月前三个地块全部竣工投产');
CREATE TABLE IF NOT EXISTS "entry" (
    id INTEGER PRIMARY KEY,
    batch_id INTEGER NOT NULL REFERENCES batch(id),
    effective_on TEXT NOT NULL CHECK (date(effective_on) IS effective_on),
    action TEXT NOT NULL CHECK ((action = 'add' OR action = 'update' OR action = 'edit' OR action = 'done' OR action = 'reschedule' OR action = 'cancel' OR action = 'reopen')),
    project_id INTEGER REFERENCES project(id),
    parcel_id INTEGER REFERENCES parcel(id),
    park_id INTEGER REFERENCES park(id),
    tenant_id INTEGER REFERENCES tenant(id),
    milestone_id INTEGER REFERENCES milestone(id),
    stage TEXT CHECK ((stage = 'planning' OR stage = 'preliminary' OR stage = 'started' OR stage = 'construction' OR stage = 'topped-out' OR stage = 'completed' OR stage = 'operating')),
    progress INTEGER CHECK (progress BETWEEN 0 AND 100),
    parcel_status TEXT CHECK ((parcel_status = 'planned' OR parcel_status = 'listed' OR parcel_status = 'sold' OR parcel_status = 'construction' OR parcel_status = 'completed' OR parcel_status = 'idle' OR parcel_status = 'reclaimed' OR parcel_status = 'auction')),
    tenant_status TEXT CHECK ((tenant_status = 'signed' OR tenant_status = 'construction' OR tenant_status = 'topped-out' OR tenant_status = 'moved-in' OR tenant_status = 'producing' OR tenant_status = 'exited')),
    due_on TEXT CHECK (due_on IS NULL OR date(due_on) IS due_on),
    due_text TEXT CHECK (length(due_text) BETWEEN 1 AND 100),
    due_precision TEXT CHECK ((due_precision = 'day' OR due_precision = 'xun' OR due_precision = 'month' OR due_precision = 'quarter' OR due_precision = 'half' OR due_precision = 'season' OR due_precision = 'year' OR due_precision = 'festival')),
    correction INTEGER NOT NULL DEFAULT 0 CHECK ((correction = 0 OR correction = 1)),
    note TEXT CHECK (length(note) <= 2000),
    changes TEXT CHECK (changes IS NULL OR json_valid(changes)),
    CHECK ((project_id IS NOT NULL) + (parcel_id IS NOT NULL) + (park_id IS NOT NULL)
         + (tenant_id IS NOT NULL) + (milestone_id IS NOT NULL) = 1),
    CHECK (stage IS NULL AND progress IS NULL OR project_id IS NOT NULL),
    CHECK (parcel_status IS NULL OR parcel_id IS NOT NULL),
    CHECK (tenant_status IS NULL OR tenant_id IS NOT NULL),
    CHECK (NOT (action = 'done' OR action = 'reschedule' OR action = 'cancel' OR action = 'reopen') OR milestone_id IS NOT NULL),
    CHECK ((action = 'reschedule') = (due_on IS NOT NULL)),
    CHECK (NOT (action = 'reschedule' OR action = 'cancel') OR length(trim(note)) > 0),
    CHECK ((due_on IS NULL) = (due_text IS NULL) AND (due_on IS NULL) = (due_precision IS NULL))
) STRICT;
INSERT INTO entry VALUES(1,1,'2020-11-30','add',NULL,NULL,1,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,0,'今年8月完成省级培育申报,并入选省级特色小镇第三批培育名单;11月,小镇客厅设计方案已经初步完成',NULL);
INSERT INTO entry VALUES(2,1,'2020-11-30','add',NULL,NULL,2,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,0,'将生态建设与智慧产业开发相融合,计划布局新材料、生物科技、前沿电工电子等产业;正在加快基础设施建设和项目引进',NULL);
INSERT INTO entry VALUES(3,1,'2020-11-30','add',NULL,NULL,3,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,0,'以电力科技小镇、科技孵化器等为重要载体,成为高新技术产业发展的重要集聚地',NULL);
INSERT INTO entry VALUES(4,1,'2020-11-30','add',NULL,NULL,4,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,0,'目前已有37家企业完成主体建设,12家进驻生产;今年8月份,作为全省小微园现场会观摩点',NULL);
INSERT INTO entry VALUES(5,1,'2020-11-30','add',NULL,NULL,5,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,0,'面积56亩为规划面积;现正在办理竣工验收手续',NULL);
INSERT INTO entry VALUES(6,1,'2020-11-30','add',NULL,NULL,6,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,0,'乐商创业园党群服务中心已完成整合提升',NULL);
INSERT INTO entry VALUES(7,1,'2020-11-30','add',NULL,1,NULL,NULL,NULL,NULL,NULL,'listed',NULL,NULL,NULL,NULL,0,'三个地块(各地块面积报告未列);处置方案已完成;盐盆九村以土地出资成立__市九合投资管理有限公司,土地由开发区投资公司出资建设并使用15年后归还给九合公司;三个地块均已完成了方案设计会审、地质勘探并公开挂牌',NULL);
INSERT INTO entry VALUES(8,1,'2020-10-31','add',1,NULL,NULL,NULL,NULL,'preliminary',NULL,NULL,NULL,NULL,NULL,NULL,0,'1-10亿元项目(截至10月招商引资到位资金统计)',NULL);
INSERT INTO entry VALUES(9,1,'2020-10-31','add',2,NULL,NULL,NULL,NULL,'preliminary',NULL,NULL,NULL,NULL,NULL,NULL,0,'1-10亿元项目(截至10月招商引资到位资金统计)',NULL);
INSERT INTO entry VALUES(10,1,'2020-10-31','add',3,NULL,NULL,NULL,NULL,'preliminary',NULL,NULL,NULL,NULL,NULL,NULL,0,'1-10亿元项目(截至10月招商引资到位资金统计)',NULL);
INSERT INTO entry VALUES(11,1,'2020-10-31','add',4,NULL,NULL,NULL,NULL,'preliminary',NULL,NULL,NULL,NULL,NULL,NULL,0,'1-10亿元项目(截至10月招商引资到位资金统计)',NULL);
INSERT INTO entry VALUES(12,1,'2020-11-30','add',5,NULL,NULL,NULL,NULL,'started',NULL,NULL,NULL,NULL,NULL,NULL,0,'已于11月进场试桩,已完成统计入库,现正在办理施工许可证',NULL);
INSERT INTO entry VALUES(13,1,'2020-11-30','add',6,NULL,NULL,NULL,NULL,'started',NULL,NULL,NULL,NULL,NULL,NULL,0,'已基本完成了打桩,已完成统计入库,现正在办理施工许可证',NULL);
INSERT INTO entry VALUES(14,1,'2020-11-30','add',7,NULL,NULL,NULL,NULL,'started',NULL,NULL,NULL,NULL,NULL,NULL,0,'已于11月进场试桩,已完成统计入库,现正在办理施工许可证',NULL);
INSERT INTO entry VALUES(15,1,'2020-11-30','add',8,NULL,NULL,NULL,NULL,'started',NULL,NULL,NULL,NULL,NULL,NULL,0,'已于11月进场试桩,已完成统计入库,现正在办理施工许可证',NULL);
INSERT INTO entry VALUES(16,1,'2020-11-30','add',9,NULL,NULL,NULL,NULL,'completed',NULL,NULL,NULL,NULL,NULL,NULL,0,'今年完成',NULL);
INSERT INTO entry VALUES(17,1,'2020-11-30','add',10,NULL,NULL,NULL,NULL,'completed',NULL,NULL,NULL,NULL,NULL,NULL,0,'今年完成',NULL);
INSERT INTO entry VALUES(18,1,'2020-11-30','add',11,NULL,NULL,NULL,NULL,'completed',NULL,NULL,NULL,NULL,NULL,NULL,0,'今年完成',NULL);
INSERT INTO entry VALUES(19,1,'2020-11-30','add',12,NULL,NULL,NULL,NULL,'completed',NULL,NULL,NULL,NULL,NULL,NULL,0,'今年完成',NULL);
INSERT INTO entry VALUES(20,1,'2020-11-30','add',13,NULL,NULL,NULL,NULL,'completed',NULL,NULL,NULL,NULL,NULL,NULL,0,'今年完成沥青路面',NULL);
INSERT INTO entry VALUES(21,1,'2020-11-30','add',14,NULL,NULL,NULL,NULL,'completed',NULL,NULL,NULL,NULL,NULL,NULL,0,'今年完成沥青路面',NULL);
INSERT INTO entry VALUES(22,1,'2020-11-30','add',15,NULL,NULL,NULL,NULL,'completed',NULL,NULL,NULL,NULL,NULL,NULL,0,'今年完成沥青路面',NULL);
INSERT INTO entry VALUES(23,1,'2020-11-30','add',16,NULL,NULL,NULL,NULL,'completed',NULL,NULL,NULL,NULL,NULL,NULL,0,'今年完成沥青路面',NULL);
INSERT INTO entry VALUES(24,1,'2020-11-30','add',17,NULL,NULL,NULL,NULL,'completed',NULL,NULL,NULL,NULL,NULL,NULL,0,'今年完成沥青路面',NULL);
INSERT INTO entry VALUES(25,1,'2020-11-30','add',18,NULL,NULL,NULL,NULL,'completed',NULL,NULL,NULL,NULL,NULL,NULL,0,'今年完成沥青路面',NULL);
INSERT INTO entry VALUES(26,1,'2020-11-30','add',19,NULL,NULL,NULL,NULL,'completed',NULL,NULL,NULL,NULL,NULL,NULL,0,'今年完成',NULL);
INSERT INTO entry VALUES(27,1,'2020-11-30','add',20,NULL,NULL,NULL,NULL,'completed',NULL,NULL,NULL,NULL,NULL,NULL,0,'今年完成',NULL);
INSERT INTO entry VALUES(28,1,'2020-11-30','add',21,NULL,NULL,NULL,NULL,'completed',NULL,NULL,NULL,NULL,NULL,NULL,0,'今年完成',NULL);
INSERT INTO entry VALUES(29,1,'2020-11-30','add',22,NULL,NULL,NULL,NULL,'construction',NULL,NULL,NULL,NULL,NULL,NULL,0,'续建;完成纬十二路桥梁工程',NULL);
INSERT INTO entry VALUES(30,1,'2020-11-30','add',23,NULL,NULL,NULL,NULL,'construction',NULL,NULL,NULL,NULL,NULL,NULL,0,'续建;完成纬十五路西段路面工程',NULL);
INSERT INTO entry VALUES(31,1,'2020-11-30','add',24,NULL,NULL,NULL,NULL,'construction',NULL,NULL,NULL,NULL,NULL,NULL,0,'续建;完成纬十六路西段路面工程',NULL);
INSERT INTO entry VALUES(32,1,'2020-11-30','add',25,NULL,NULL,NULL,NULL,'completed',NULL,NULL,NULL,NULL,NULL,NULL,0,'今年完成',NULL);
INSERT INTO entry VALUES(33,1,'2020-11-30','add',26,NULL,NULL,NULL,NULL,'completed',NULL,NULL,NULL,NULL,NULL,NULL,0,'今年完成',NULL);
INSERT INTO entry VALUES(34,1,'2020-11-30','add',27,NULL,NULL,NULL,NULL,'construction',NULL,NULL,NULL,NULL,NULL,NULL,0,'续建;完成了河岸的基础处理工程',NULL);
INSERT INTO entry VALUES(35,1,'2020-11-30','add',28,NULL,NULL,NULL,NULL,'construction',NULL,NULL,NULL,NULL,NULL,NULL,0,'至今已经完成了小学部的三幢教学楼和体育馆结顶工作',NULL);
INSERT INTO entry VALUES(36,1,'2020-11-30','add',29,NULL,NULL,NULL,NULL,'construction',NULL,NULL,NULL,NULL,NULL,NULL,0,'包括星级酒店、文体中心和商贸中心等;项目正有序建设',NULL);
INSERT INTO entry VALUES(37,1,'2020-11-30','add',30,NULL,NULL,NULL,NULL,'construction',NULL,NULL,NULL,NULL,NULL,NULL,0,'开发区首个住宅小区项目,已开工建设',NULL);
INSERT INTO entry VALUES(38,1,'2020-11-30','add',31,NULL,NULL,NULL,NULL,'preliminary',NULL,NULL,NULL,NULL,NULL,NULL,0,'土地由开发区投资公司出资建设并使用15年后归还给九合公司;分为三个地块,均已完成了方案设计会审、地质勘探并公开挂牌;不久将完成前期审批手续,进入工程招标工作',NULL);
INSERT INTO entry VALUES(39,1,'2020-11-30','add',32,NULL,NULL,NULL,NULL,'preliminary',NULL,NULL,NULL,NULL,NULL,NULL,0,'基本完成了盐盆段经二河涉及到村的政策处理工作',NULL);
INSERT INTO entry VALUES(40,1,'2020-11-30','add',33,NULL,NULL,NULL,NULL,'preliminary',NULL,NULL,NULL,NULL,NULL,NULL,0,'基本完成了盐盆段经二路征地及农转用报批前期工作',NULL);
INSERT INTO entry VALUES(41,1,'2020-11-30','add',34,NULL,NULL,NULL,NULL,'completed',NULL,NULL,NULL,NULL,NULL,NULL,0,'基本完成',NULL);
INSERT INTO entry VALUES(42,1,'2020-11-30','add',35,NULL,NULL,NULL,NULL,'completed',NULL,NULL,NULL,NULL,NULL,NULL,0,'基本完成;新山川内',NULL);
INSERT INTO entry VALUES(43,1,'2020-11-30','add',36,NULL,NULL,NULL,NULL,'preliminary',NULL,NULL,NULL,NULL,NULL,NULL,0,'11月,小镇客厅设计方案已经初步完成',NULL);
INSERT INTO entry VALUES(44,1,'2020-11-30','add',NULL,NULL,NULL,1,NULL,NULL,NULL,NULL,'signed',NULL,NULL,NULL,0,'一期已引进',NULL);
INSERT INTO entry VALUES(45,1,'2020-11-30','add',NULL,NULL,NULL,2,NULL,NULL,NULL,NULL,'signed',NULL,NULL,NULL,0,'一期已引进',NULL);
INSERT INTO entry VALUES(46,1,'2020-11-30','add',NULL,NULL,NULL,3,NULL,NULL,NULL,NULL,'signed',NULL,NULL,NULL,0,'一期已引进',NULL);
INSERT INTO entry VALUES(47,1,'2020-11-30','add',NULL,NULL,NULL,NULL,1,NULL,NULL,NULL,NULL,NULL,NULL,NULL,0,NULL,NULL);
INSERT INTO entry VALUES(48,1,'2020-11-30','add',NULL,NULL,NULL,NULL,2,NULL,NULL,NULL,NULL,NULL,NULL,NULL,0,NULL,NULL);
INSERT INTO entry VALUES(49,1,'2020-11-30','add',NULL,NULL,NULL,NULL,3,NULL,NULL,NULL,NULL,NULL,NULL,NULL,0,NULL,NULL);
INSERT INTO entry VALUES(50,1,'2020-11-30','add',NULL,NULL,NULL,NULL,4,NULL,NULL,NULL,NULL,NULL,NULL,NULL,0,NULL,NULL);
INSERT INTO entry VALUES(51,1,'2020-11-30','add',NULL,NULL,NULL,NULL,5,NULL,NULL,NULL,NULL,NULL,NULL,NULL,0,NULL,NULL);
INSERT INTO entry VALUES(52,1,'2020-11-30','add',NULL,NULL,NULL,NULL,6,NULL,NULL,NULL,NULL,NULL,NULL,NULL,0,NULL,NULL);
INSERT INTO entry VALUES(53,1,'2020-11-30','add',NULL,NULL,NULL,NULL,7,NULL,NULL,NULL,NULL,NULL,NULL,NULL,0,NULL,NULL);
INSERT INTO entry VALUES(54,2,'2021-03-01','edit',5,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,0,NULL,'{"name":["台邦精密减速器项目","甲"]}');
INSERT INTO entry VALUES(55,3,'2021-01-01','edit',5,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,0,NULL,'{"name":["甲","乙"]}');
INSERT INTO entry VALUES(56,4,'2021-02-01','update',5,NULL,NULL,NULL,NULL,'construction',20,NULL,NULL,NULL,NULL,NULL,0,'主体施工',NULL);
INSERT INTO entry VALUES(57,5,'2021-01-15','edit',6,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,0,NULL,'{"department":[null,"经发局"],"investment_yuan":[null,"300000000"]}');
INSERT INTO entry VALUES(58,6,'2021-02-15','edit',6,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,0,NULL,'{"department":["经发局","建设局"]}');
INSERT INTO entry VALUES(59,8,'2021-01-10','add',37,NULL,NULL,NULL,NULL,'planning',NULL,NULL,NULL,NULL,NULL,NULL,0,NULL,NULL);
INSERT INTO entry VALUES(60,9,'2021-01-20','edit',37,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,0,NULL,'{"park":[null,"Y5"]}');
INSERT INTO entry VALUES(61,12,'2021-02-10','add',37,NULL,NULL,NULL,NULL,'planning',NULL,NULL,NULL,NULL,NULL,NULL,0,NULL,NULL);
INSERT INTO entry VALUES(62,13,'2021-02-12','add',NULL,2,NULL,NULL,NULL,NULL,NULL,'planned',NULL,NULL,NULL,NULL,0,NULL,NULL);
INSERT INTO entry VALUES(63,13,'2021-02-12','edit',37,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,0,'地块 L2 服务此项目','{"parcel":[null,"L2"]}');
INSERT INTO entry VALUES(64,14,'2021-01-05','edit',NULL,NULL,NULL,1,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,0,NULL,'{"park":["Y2","Y5"]}');
INSERT INTO entry VALUES(65,15,'2021-01-06','update',NULL,NULL,NULL,1,NULL,NULL,NULL,NULL,'construction',NULL,NULL,NULL,0,NULL,NULL);
INSERT INTO entry VALUES(66,16,'2021-04-01','edit',NULL,NULL,5,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,0,NULL,'{"floor_area_m2":["64618","400000"],"name":["__博通小微园","博通小微园新名"]}');
INSERT INTO entry VALUES(67,17,'2021-01-02','edit',NULL,NULL,NULL,NULL,3,NULL,NULL,NULL,NULL,NULL,NULL,NULL,0,NULL,'{"department":[null,"经发局"],"title":["交付企业使用","交付使用"]}');
INSERT INTO entry VALUES(68,18,'2021-02-01','reschedule',NULL,NULL,NULL,NULL,3,NULL,NULL,NULL,NULL,'2021-06-30','2021年6月底','month',0,'延后',NULL);
INSERT INTO entry VALUES(69,19,'2021-05-01','done',NULL,NULL,NULL,NULL,2,NULL,NULL,NULL,NULL,NULL,NULL,NULL,0,NULL,NULL);
INSERT INTO entry VALUES(70,20,'2021-03-03','update',NULL,1,NULL,NULL,NULL,NULL,NULL,'sold',NULL,NULL,NULL,NULL,0,NULL,NULL);
INSERT INTO entry VALUES(71,22,'2021-03-01','edit',NULL,2,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,0,NULL,'{"land_use":[null,"工业"]}');
CREATE INDEX tenant_park ON tenant(park_id);
CREATE INDEX figure_key ON figure(key, period_to);
CREATE UNIQUE INDEX batch_undoes ON batch(undoes) WHERE undoes IS NOT NULL;
CREATE TRIGGER entry_void_no_update BEFORE UPDATE ON entry_void BEGIN SELECT RAISE(ABORT, 'voids are append-only'); END;
CREATE TRIGGER entry_void_no_delete BEFORE DELETE ON entry_void BEGIN SELECT RAISE(ABORT, 'voids are append-only'); END;
CREATE VIEW live_figure AS
    SELECT * FROM figure WHERE NOT EXISTS (SELECT 1 FROM figure_void v WHERE v.figure_id = figure.id);
CREATE INDEX batch_part_of ON batch(part_of) WHERE part_of IS NOT NULL;
CREATE INDEX parcel_code_nocase ON parcel(code COLLATE NOCASE);
CREATE INDEX park_code_nocase ON park(code COLLATE NOCASE);
CREATE INDEX tenant_code_nocase ON tenant(code COLLATE NOCASE);
CREATE INDEX figure_park ON figure(park_id) WHERE park_id IS NOT NULL;
CREATE INDEX project_park ON project(park_id);
CREATE INDEX project_code_nocase ON project(code COLLATE NOCASE);
CREATE INDEX project_parcel ON project(parcel_id) WHERE parcel_id IS NOT NULL;
CREATE INDEX milestone_due ON milestone(due_on);
CREATE INDEX milestone_code_nocase ON milestone(code COLLATE NOCASE);
CREATE INDEX milestone_project ON milestone(project_id) WHERE project_id IS NOT NULL;
CREATE INDEX milestone_parcel ON milestone(parcel_id) WHERE parcel_id IS NOT NULL;
CREATE INDEX milestone_park ON milestone(park_id) WHERE park_id IS NOT NULL;
CREATE INDEX milestone_tenant ON milestone(tenant_id) WHERE tenant_id IS NOT NULL;
CREATE INDEX entry_project ON entry(project_id, effective_on) WHERE project_id IS NOT NULL;
CREATE INDEX entry_parcel ON entry(parcel_id, effective_on) WHERE parcel_id IS NOT NULL;
CREATE INDEX entry_park ON entry(park_id, effective_on) WHERE park_id IS NOT NULL;
CREATE INDEX entry_tenant ON entry(tenant_id, effective_on) WHERE tenant_id IS NOT NULL;
CREATE INDEX entry_milestone ON entry(milestone_id, effective_on) WHERE milestone_id IS NOT NULL;
CREATE INDEX entry_effective ON entry(effective_on);
CREATE INDEX entry_batch ON entry(batch_id);
CREATE INDEX entry_reschedule ON entry(effective_on, milestone_id) WHERE action = 'reschedule';
CREATE INDEX entry_edit ON entry(effective_on) WHERE action = 'edit';
CREATE TRIGGER entry_no_update BEFORE UPDATE ON entry
BEGIN SELECT RAISE(ABORT, 'entries are append-only'); END;
CREATE TRIGGER entry_no_delete BEFORE DELETE ON entry
BEGIN SELECT RAISE(ABORT, 'entries are append-only'); END;
CREATE VIEW live_entry AS
    SELECT * FROM entry WHERE NOT EXISTS (SELECT 1 FROM entry_void v WHERE v.entry_id = entry.id);
COMMIT;
