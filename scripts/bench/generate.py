#!/usr/bin/env python3
"""Deterministic synthetic ledgers for the benchmark, in zoneledger's import format.

    python3 scripts/bench/generate.py zone|city|province OUTDIR

Writes parks.csv, parcels.csv, projects.csv, milestones.csv, updates.csv (UTF-8 with BOM) with
realistic Chinese names, kinds, parks and parcels, due dates spread over 2019-2024, about 60% of
milestones done and some rescheduled. The same scale always gives the same bytes (seeded)."""
import csv
import random
import sys
from datetime import date, timedelta

SCALES = {  # projects, milestones, status entries (updates)
    "zone": (1_000, 10_000, 50_000),
    "city": (10_000, 100_000, 500_000),
    "province": (100_000, 1_000_000, 5_000_000),
}
PLACES = ["滨海", "瓯江", "乐清", "柳市", "北白象", "虹桥", "翁垟", "南岳", "盐盆", "磐石", "七里港", "象阳", "石帆", "天成", "淡溪"]
INDUSTRIES = ["智能电气", "精密减速器", "新材料", "生物科技", "光电", "硬质合金", "输配电装备", "新能源", "汽车零部件", "智能装备", "电子元件", "节能环保"]
SUFFIXES = ["产业园项目", "基建项目", "技改项目", "扩产项目", "研发中心项目", "智能工厂项目"]
ROADS = ["纬{}路", "经{}路", "滨海{}路"]
KINDS = ["工业", "工业", "工业", "基础设施", "社会事业", "商住", "平台"]
PARK_KINDS = ["小微园", "特色小镇", "高新园区", "产业平台", "创业园"]
STAGES = ["谋划", "前期", "开工", "在建", "结顶", "竣工", "投产"]
PARCEL_STATUSES = ["规划", "挂牌", "出让", "在建", "竣工"]
TITLES = ["取得施工许可证", "主体结顶", "竣工验收", "投产", "完成供地", "完成设计审查", "进场施工", "入库统计"]
DUE_WORDS = ["{y}年底", "{y}年{m}月", "{y}年上半年", "{y}年下半年", "{y}-{m:02d}-{d:02d}", "{y}年第{q}季度", "{y}年{m}月底"]
START = date(2019, 1, 1)


def writer(folder, name, header):
    handle = open(f"{folder}/{name}", "w", encoding="utf-8-sig", newline="")
    out = csv.writer(handle, lineterminator="\r\n")
    out.writerow(header)
    return handle, out


def main(scale, folder):
    projects, milestones, updates = SCALES[scale]
    rng = random.Random(f"zoneledger-{scale}")
    parks = max(10, projects // 100)
    parcels = projects // 2
    handle, out = writer(folder, "parks.csv", ["编号", "名称", "类别", "面积(亩)", "总投资(万元)", "生效日期"])
    for i in range(1, parks + 1):
        name = f"{rng.choice(PLACES)}{rng.choice(INDUSTRIES)}{rng.choice(['小微园', '小镇', '园区', '产业平台'])}{i}号"
        out.writerow([f"Y{i}", name, rng.choice(PARK_KINDS), f"{rng.randint(20, 2000)}.{rng.randint(0, 99):02d}", rng.randint(1000, 900000), "2019-01-01"])
    handle.close()
    handle, out = writer(folder, "parcels.csv", ["编号", "名称", "面积(亩)", "用地性质", "状态", "生效日期"])
    for i in range(1, parcels + 1):
        out.writerow([f"L{i}", f"{rng.choice(PLACES)}{i}号地块", f"{rng.randint(5, 300)}.{rng.randint(0, 99):02d}", "工业", rng.choice(PARCEL_STATUSES[:3]), "2019-01-01"])
    handle.close()
    handle, out = writer(folder, "projects.csv", ["编号", "名称", "类别", "阶段", "进度%", "总投资(万元)", "园区", "地块", "省重大产业项目",
                                                  "统计入库", "责任部门", "计划开工", "计划竣工", "生效日期"])
    plans = []
    for i in range(1, projects + 1):
        kind = rng.choice(KINDS)
        name = (rng.choice(ROADS).format(rng.randint(1, 30)) + f"工程{i}") if kind == "基础设施" else \
            f"{rng.choice(PLACES)}{rng.choice(INDUSTRIES)}{rng.choice(SUFFIXES)}{i}"
        start = START + timedelta(days=rng.randint(0, 900))
        end = start + timedelta(days=rng.randint(180, 1100))
        plans.append(start)
        out.writerow([f"P{i}", name, kind, "前期", 0, rng.randint(500, 500000), f"Y{rng.randint(1, parks)}",
                      f"L{i}" if i <= parcels else "", "是" if rng.random() < 0.05 else "否", "是" if rng.random() < 0.6 else "否",
                      rng.choice(["经发局", "建设局", "招商局", "规划科"]), start.isoformat(), end.isoformat(), "2019-01-01"])
    handle.close()
    handle, out = writer(folder, "milestones.csv", ["编号", "节点", "项目", "到期", "立下日期"])
    for i in range(1, milestones + 1):
        due = START + timedelta(days=rng.randint(30, 5 * 365))
        quarter = (due.month - 1) // 3 + 1
        words = rng.choice(DUE_WORDS).format(y=due.year, m=due.month, d=due.day, q=quarter)
        out.writerow([f"M{i}", rng.choice(TITLES), f"P{rng.randint(1, projects)}", words, "2019-01-01"])
    handle.close()
    # Status entries: per project, stages only move forward and progress only rises, dated in order.
    handle, out = writer(folder, "updates.csv", ["对象", "生效日期", "动作", "阶段", "进度%", "到期", "说明"])
    per_project = updates - milestones * 6 // 10 - milestones // 20
    counts = [per_project // projects] * projects
    for i in range(per_project % projects):
        counts[i] += 1
    for index, count in enumerate(counts):
        day = plans[index]
        stage, progress = 1, 0
        for _ in range(count):
            day += timedelta(days=rng.randint(1, 20))
            if day > date(2024, 12, 31):
                day = date(2024, 12, 31)
            stage = min(6, stage + (1 if rng.random() < 0.2 else 0))
            progress = min(100, progress + rng.randint(0, 5))
            out.writerow([f"P{index + 1}", day.isoformat(), "更新", STAGES[stage], progress, "", rng.choice(["按计划推进", "主体施工", "设备安装", "办理手续", ""])])
    # About 60% of milestones done, 5% rescheduled first.
    for i in range(1, milestones + 1):
        if i % 20 == 0:
            out.writerow([f"M{i}", "2019-06-30", "改期", "", "", "2025年底", "企业资金调整"])
    for i in range(1, milestones + 1):
        if i % 10 < 6:
            out.writerow([f"M{i}", (START + timedelta(days=200 + i % 1500)).isoformat(), "完成", "", "", "", ""])
    handle.close()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
