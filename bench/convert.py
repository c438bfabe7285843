#!/usr/bin/env python3
"""Convert the peer benchmark's neutral dataset into a gongshi content/ folder.

usage: bench/convert.py NEUTRAL_DATA_DIR OUT_CONTENT_DIR

NEUTRAL_DATA_DIR is what ../shared/bench/peers/gen.py writes (its data/ folder,
read with that folder's neutral.py, exactly as the peers' converters read it).
OUT_CONTENT_DIR must not exist yet or be empty: it is never wiped here (deleting
a large tree on this machine's journal-less ext4 slows every file created in the
next minutes; bench/run deletes and records it itself).

What is written (docs/content-model.md is the contract):
  site.yaml                      tiers excellent 优秀 / good 良好 / qualified 合格 (the neutral data's
                                 names, so visible text matches the peers' pages; our id stays
                                 `qualified`), one program per year of meta.years
  cities.yaml                    the 11 cities and the 117 counties of counties.tsv; county ids
                                 c01, c02 … per city, 6-digit codes SYNTHETIC (city code from the
                                 city's position, which is GB/T 2260 order; county suffix 01.. for
                                 市辖区, 21.. for 县, 81.. for 县级市 in file order) — marked in `source`
  projects/<city>/<id>.yaml      every project; numbers exactly as written in projects.tsv;
                                 facts_source = the first notice that rates it
  ratings/<notice>.yaml          per notice: groups by (year, tier) in tier display order, declared =
                                 listed, heading （一）优秀等次（共N家）, entries rank 1..n in project-id order
  notices/<id>.md                front matter + the Markdown body unchanged

The conversion is untimed (format only); joins are the ones any input format carries (a notice's
own ratings), exactly like the peers' converters.
"""
import json
import os
import re
import sys

from peers import import_neutral  # noqa: E402  (bench/peers.py: where the harness is)

neutral = import_neutral()

CITY_CODES_NOTE = (
    "合成数据（bench/convert.py）：城市与县级单位名称取自基准测试的中性数据集（../shared/bench/peers/gen.py 的 "
    "cities.tsv、counties.tsv）；市级代码按GB/T 2260顺序编为14xx00，县级代码为合成代码（市辖区01起、县21起、县级市81起，"
    "按文件顺序编号），不是GB/T 2260代码，只用于性能测试，不得发布。")

PROGRAM_NAMES = {  # synthetic: the real names of 2022 and 2023, the 2022 name for every other year
    2023: "城镇社区幸福养老提速工程",
}
DEFAULT_PROGRAM = "城镇社区养老幸福工程"
ZH_NUM = "一二三四五六七八九十"

_PLAIN = re.compile(r"[^\s\-?:,\[\]{}#&*!|>'\"%@`0-9+.~=<][^:#\n\t\"'\\]*")
_RESERVED = {"true", "false", "yes", "no", "on", "off", "null", "y", "n", "~"}


def q(s):
    """A YAML scalar for a string: plain when unambiguous (like the hand-written content), else quoted."""
    s = str(s)
    if _PLAIN.fullmatch(s) and s == s.strip() and s.lower() not in _RESERVED:
        return s
    return json.dumps(s, ensure_ascii=False)  # a JSON string is a valid YAML double-quoted scalar


def num(s):
    """A number exactly as written (the loader keeps the printed text); refuse anything else."""
    if not re.fullmatch(r"-?[0-9]+(\.[0-9]+)?", s):
        raise SystemExit(f"convert.py: not a plain number: {s!r}")
    return s


def county_kind(name):
    if name.endswith("区"):
        return "市辖区"
    if name.endswith("市"):
        return "县级市"
    return "县"


def program_name(year):
    return PROGRAM_NAMES.get(int(year), DEFAULT_PROGRAM)


def write(path, text):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def site_yaml(meta):
    tier_zh = meta["tier_zh"]
    out = ["title: 山西省城镇社区养老幸福工程公示（基准测试合成数据）",
           "base_url: https://gongshi.example.org/",
           "language: zh-CN",
           "description: 由基准测试中性数据集转换的合成内容，只用于与Hugo、Eleventy比较构建速度，不是真实数据。",
           "tiers:"]
    for t in meta["tiers"]:
        out += [f"  - id: {q(t)}", f"    name: {q(tier_zh[t])}"]
    out.append("programs:")
    for y in meta["years"]:
        out += [f"  - year: {int(y)}", f"    name: {q(program_name(y))}"]
    return "\n".join(out) + "\n"


def read_counties(datadir):
    by_city = {}
    with open(os.path.join(datadir, "counties.tsv"), encoding="utf-8") as f:
        header = f.readline().rstrip("\n").split("\t")
        for line in f:
            row = dict(zip(header, line.rstrip("\n").split("\t")))
            by_city.setdefault(row["city_slug"], []).append(row["name"])
    return by_city


def cities_yaml(cities, counties):
    out = [f"source: {q(CITY_CODES_NOTE)}", "cities:"]
    for i, c in enumerate(cities, start=1):
        city_code = f"14{i:02d}00"
        out += [f"  - id: {q(c['slug'])}", f"    name: {q(c['name'])}", f'    code: "{city_code}"', "    counties:"]
        next_code = {"市辖区": 1, "县": 21, "县级市": 81}
        names = counties.get(c["slug"], [])
        if len(set(names)) != len(names):
            raise SystemExit(f"convert.py: duplicate county name in {c['slug']}")
        for j, name in enumerate(names, start=1):
            kind = county_kind(name)
            code = f"{city_code[:4]}{next_code[kind]:02d}"
            next_code[kind] += 1
            out += [f"      - id: c{j:02d}", f"        name: {q(name)}", f'        code: "{code}"',
                    f"        kind: {kind}"]
    return "\n".join(out) + "\n"


def project_yaml(p, facts_source):
    return (f"id: {q(p['id'])}\n"
            f"name: {q(p['name'])}\n"
            f"year: {int(p['year'])}\n"
            f"city: {q(p['city_slug'])}\n"
            f"county: {q(p['county'])}\n"
            f"town: {q(p['town'])}\n"
            f"community: {q(p['community'])}\n"
            f"area_m2: {num(p['area_m2'])}\n"
            f"investment_wan: {num(p['investment_wan'])}\n"
            f"operator: {q(p['operator'])}\n"
            f"facts_source: {q(facts_source)}\n")


def ratings_yaml(notice_id, entries, meta):
    """entries: [(year, tier, project_id, project_name)] of one notice."""
    tier_order = {t: i for i, t in enumerate(meta["tiers"])}
    groups = {}
    for year, tier, pid, name in entries:
        groups.setdefault((int(year), tier), []).append((pid, name))
    out = [f"notice: {q(notice_id)}", "groups:"]
    for gi, key in enumerate(sorted(groups, key=lambda k: (k[0], tier_order[k[1]]))):
        year, tier = key
        items = sorted(groups[key])  # project-id order, like the peers' lists
        label = ZH_NUM[gi] if gi < len(ZH_NUM) else str(gi + 1)
        heading = "（%s）%s等次（共%d家）" % (label, meta["tier_zh"][tier], len(items))
        out += [f"  - year: {year}", f"    tier: {q(tier)}", f"    declared: {len(items)}",
                f"    heading: {q(heading)}",
                "    entries:"]
        for rank, (pid, name) in enumerate(items, start=1):
            out += [f"      - rank: {rank}", f"        project: {q(pid)}", f"        printed: {q(name)}"]
    return "\n".join(out) + "\n"


def notice_md(n):
    front = [
        "---",
        f"doc_number: {q(n['doc_no'])}",
        f"title: {q(n['title'])}",
        f"issuer: {q(n['issuer'])}",
        "kind: 通知",
        f"date: {n['date']}",
        f"year: {int(n['year'])}",
        "disclosure: 主动公开",
        f"source_file: {q(n['body_file'])}",
        f"summary: {q(n['title'])}",
        "---",
    ]
    body = n["body"]
    if not body.endswith("\n"):
        body += "\n"
    return "\n".join(front) + "\n" + body


def convert(datadir, outdir):
    meta, cities, projects, notices = neutral.load(datadir)
    counties = read_counties(datadir)
    if os.path.exists(outdir) and os.listdir(outdir):
        raise SystemExit(f"convert.py: {outdir} exists and is not empty (remove it first)")
    for d in ("projects", "ratings", "notices"):
        os.makedirs(os.path.join(outdir, d), exist_ok=True)
    write(os.path.join(outdir, "site.yaml"), site_yaml(meta))
    write(os.path.join(outdir, "cities.yaml"), cities_yaml(cities, counties))

    by_notice = {}
    for c in cities:
        os.makedirs(os.path.join(outdir, "projects", c["slug"]), exist_ok=True)
    first_notice = notices[0]["id"] if notices else None
    for p in projects:
        for r in p["ratings"]:
            by_notice.setdefault(r["notice"], []).append((r["year"], r["tier"], p["id"], p["name"]))
        source = p["ratings"][0]["notice"] if p["ratings"] else first_notice
        write(os.path.join(outdir, "projects", p["city_slug"], p["id"] + ".yaml"), project_yaml(p, source))
    for n in notices:
        write(os.path.join(outdir, "notices", n["id"] + ".md"), notice_md(n))
        if n["id"] in by_notice:
            write(os.path.join(outdir, "ratings", n["id"] + ".yaml"), ratings_yaml(n["id"], by_notice[n["id"]], meta))
    return len(projects), sum(len(v) for v in by_notice.values()), len(notices)


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    p, r, n = convert(sys.argv[1], sys.argv[2])
    print(f"convert.py: {p} projects, {r} ratings, {n} notices -> {sys.argv[2]}", file=sys.stderr)


if __name__ == "__main__":
    main()
