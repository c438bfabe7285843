#!/usr/bin/env python3
"""Synthetic content for the search ranking test (示例 / example data: not real projects).

usage: bench/search_content.py N OUT_CONTENT_DIR [--seed S]

Runs from the repository alone (the peers' gen.py lives in ../shared, which CI does not have). Deterministic for
(N, seed). What is written, all of it marked as synthetic:
  site.yaml        tiers of the real site, programs 2020-2024
  cities.yaml      the repository's content/cities.yaml without its facts (real cities, counties, GB/T 2260 codes)
  projects/        N projects: name = city + county + town + community + kind; towns and communities are made of
                   common place-name characters, so names share many bigrams (as real ones do); names are unique
  notices/         per year, one notice per 500 projects (at least 2), 晋民函〔YEAR〕NNN号, whose text lists the names
                   of 30 of the projects it rates (a document that "merely lists" projects)
  ratings/         each notice rates about 100 projects of its year or earlier
"""
import os
import random
import re
import sys

YEARS = [2020, 2021, 2022, 2023, 2024]
TOWN_CHARS = "东西南北新城关河山阳平安庆丰水泉龙凤和兴隆华康宁建民胜利永泰福寿长青"
COMMUNITY_A = "幸福和平康乐金桥锦绣阳光龙城文庙花园翠苑滨河鑫源富民春晖紫荆惠民馨园"
COMMUNITY_SUFFIX = ["社区", "小区", "新苑", "家园", "花园", "新村"]
KINDS = ["养老幸福工程", "日间照料中心", "居家养老服务中心", "社区养老服务站"]
TIERS = [("excellent", "优秀"), ("good", "良好"), ("qualified", "达标")]


def read_cities(path):
    """(city id, city name, [county names]) from content/cities.yaml (its fixed layout, no YAML library)."""
    cities = []
    for line in open(path, encoding="utf-8"):
        m = re.match(r"^  - id: (\S+)$", line)
        if m:
            cities.append([m.group(1), None, []])
            continue
        m = re.match(r"^    name: (\S+)$", line)
        if m and cities and cities[-1][1] is None:
            cities[-1][1] = m.group(1)
            continue
        m = re.match(r"^        name: (\S+)$", line)
        if m and cities:
            cities[-1][2].append(m.group(1))
    return [c for c in cities if c[1] and c[2]]


def cities_without_facts(path):
    """content/cities.yaml without its cities' facts (they cite real documents this content does not have)."""
    out, skipping = [], False
    for line in open(path, encoding="utf-8"):
        if re.match(r"^    facts:", line):
            skipping = True
            continue
        if skipping and (re.match(r"^  - ", line) or re.match(r"^    [a-z_]+:", line) or re.match(r"^\S", line)):
            skipping = False
        if not skipping:
            out.append(line)
    return "".join(out)


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def main():
    args = sys.argv[1:]
    seed = 20240601
    if "--seed" in args:
        i = args.index("--seed")
        seed = int(args[i + 1])
        del args[i:i + 2]
    if len(args) != 2:
        sys.exit(__doc__)
    n, out = int(args[0]), args[1]
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    rng = random.Random(seed)
    cities = read_cities(os.path.join(root, "content", "cities.yaml"))
    if os.path.exists(out) and os.listdir(out):
        sys.exit(f"search_content.py: {out} exists and is not empty")
    os.makedirs(out, exist_ok=True)
    write(os.path.join(out, "site.yaml"),
          "title: 搜索排序测试（示例数据）\nbase_url: https://gongshi.example.org/\nlanguage: zh-CN\n"
          "description: bench/search_content.py 生成的示例数据，只用于测试搜索排序，不是真实数据。\ntiers:\n" +
          "".join(f"  - id: {i}\n    name: {z}\n" for i, z in TIERS) + "programs:\n" +
          "".join(f"  - year: {y}\n    name: 城镇社区养老幸福工程\n" for y in YEARS))
    write(os.path.join(out, "cities.yaml"), cities_without_facts(os.path.join(root, "content", "cities.yaml")))

    towns = {}  # (city, county) → its towns
    names = set()
    projects = []
    for i in range(n):
        cid, cname, counties = rng.choice(cities)
        county = rng.choice(counties)
        key = (cid, county)
        if key not in towns:
            towns[key] = [rng.choice(TOWN_CHARS) + rng.choice(TOWN_CHARS) + rng.choice(["镇", "乡", "街道"])
                          for _ in range(6)]
        while True:
            town = rng.choice(towns[key])
            community = rng.choice(COMMUNITY_A[0::2]) + rng.choice(COMMUNITY_A[1::2]) + rng.choice(COMMUNITY_SUFFIX)
            name = cname + county + town + community + rng.choice(KINDS)
            if name not in names:
                break
        names.add(name)
        pid = f"s{i + 1:06d}"
        projects.append({"id": pid, "name": name, "year": rng.choice(YEARS), "city": cid, "county": county,
                         "town": town, "community": community})

    notices = []
    per_year = max(2, n // 500 // len(YEARS))
    for y in YEARS:
        numbers = rng.sample(range(1, 400), per_year)
        for k, num in enumerate(sorted(numbers)):
            notices.append({"id": f"sn{y}-{num:03d}", "year": y, "number": num, "batch": k + 1})
    first_rating = {}
    for nt in notices:
        pool = [p for p in projects if p["year"] <= nt["year"]]
        rated = sorted(rng.sample(pool, min(100, len(pool))), key=lambda p: p["id"])
        nt["rated"] = rated
        for p in rated:
            first_rating.setdefault(p["id"], nt["id"])
        listed = "、".join(p["name"] for p in rated[:30])
        body = (f"各市民政局：\n\n现将{nt['year']}年度城镇社区养老幸福工程评价结果（第{nt['batch']}批，示例数据）予以公布。\n\n"
                f"## 一、本批次部分项目\n\n{listed}。\n\n## 二、有关要求\n\n请各地做好回访工作。\n")
        write(os.path.join(out, "notices", nt["id"] + ".md"),
              "---\n"
              f"doc_number: 晋民函〔{nt['year']}〕{nt['number']}号\n"
              f"title: 关于公布{nt['year']}年度养老幸福工程评价结果的通知（第{nt['batch']}批，示例）\n"
              "issuer: 山西省民政厅\nkind: 通知\n"
              f"date: {nt['year']}-{(nt['batch'] - 1) % 12 + 1:02d}-15\nyear: {nt['year']}\n"
              "disclosure: 主动公开\n"
              f"summary: {nt['year']}年度评价结果第{nt['batch']}批（示例）\n"
              f"source_file: notices/{nt['id']}.md\n"
              "---\n" + body)
        groups = {}
        for p in rated:
            groups.setdefault((p["year"], rng.randrange(len(TIERS))), []).append(p)
        lines = [f"notice: {nt['id']}", "groups:"]
        for gi, (year, tier) in enumerate(sorted(groups)):
            items = groups[(year, tier)]
            lines += [f"  - year: {year}", f"    tier: {TIERS[tier][0]}", f"    declared: {len(items)}",
                      f"    heading: （{gi + 1}）{TIERS[tier][1]}等次（共{len(items)}家）", "    entries:"]
            for rank, p in enumerate(items, start=1):
                lines += [f"      - rank: {rank}", f"        project: {p['id']}", f"        printed: {p['name']}"]
        write(os.path.join(out, "ratings", nt["id"] + ".yaml"), "\n".join(lines) + "\n")

    for p in projects:
        source = first_rating.get(p["id"], notices[0]["id"])
        write(os.path.join(out, "projects", p["city"], p["id"] + ".yaml"),
              f"id: {p['id']}\nname: {p['name']}\nyear: {p['year']}\ncity: {p['city']}\ncounty: {p['county']}\n"
              f"town: {p['town']}\ncommunity: {p['community']}\nfacts_source: {source}\n")
    print(f"search_content.py: {n} projects, {len(notices)} notices -> {out}", file=sys.stderr)


if __name__ == "__main__":
    main()
