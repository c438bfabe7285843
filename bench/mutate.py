#!/usr/bin/env python3
"""The edits bench/run times incremental rebuilds with, applied to a converted content/ folder.

usage: bench/mutate.py add-notice CONTENT K      add notices/bench-kK.md + ratings/bench-kK.yaml: one new notice,
                                                 newest of all, rating 100 existing projects (2025, good)
       bench/mutate.py edit-project CONTENT K    change one field (the operator) of the K-th project file
       bench/mutate.py restore CONTENT           undo both: remove the added notices, put edited projects back

Originals of edited files are kept in CONTENT/../content-originals/ so `restore` can put them back; the
project picked for K and the 100 rated projects are deterministic (spread over the whole id range).
"""
import datetime
import os
import shutil
import sys

RATED = 100


def project_files(content):
    out = []
    root = os.path.join(content, "projects")
    for city in sorted(os.listdir(root)):
        for f in sorted(os.listdir(os.path.join(root, city))):
            out.append(os.path.join(root, city, f))
    return out


def originals(content):
    return os.path.join(os.path.dirname(os.path.abspath(content)), "content-originals")


def add_notice(content, k):
    files = project_files(content)
    step = max(1, len(files) // RATED)
    picked = sorted(files[(k + i * step) % len(files)] for i in range(min(RATED, len(files))))
    entries = []
    for f in picked:
        pid = os.path.basename(f)[:-5]
        name = ""
        with open(f, encoding="utf-8") as fh:
            for line in fh:
                if line.startswith("name: "):
                    name = line[6:].strip()
        entries.append((pid, name))
    entries.sort()
    nid = f"bench-k{k}"
    date = datetime.date(2026, 1, 10) + datetime.timedelta(days=k)  # a real date for any k
    doc = f"晋民发〔2026〕{900 + k}号"
    title = f"山西省民政厅关于公布2025年度城乡社区养老幸福工程星级评定结果的通知（增补第{k}批）"
    with open(os.path.join(content, "notices", nid + ".md"), "w", encoding="utf-8") as fh:
        fh.write("---\n"
                 f"doc_number: {doc}\n"
                 f"title: {title}\n"
                 "issuer: 山西省民政厅\n"
                 "kind: 通知\n"
                 f"date: {date}\n"
                 f"year: {date.year}\n"
                 "disclosure: 主动公开\n"
                 f"source_file: bench/{nid}.md\n"
                 f"summary: {title}\n"
                 "---\n"
                 f"各市民政局：\n\n现将增补评定结果（共{len(entries)}个项目）予以公布。\n\n山西省民政厅\n")
    lines = [f"notice: {nid}", "groups:", "  - year: 2025", "    tier: good", f"    declared: {len(entries)}",
             f'    heading: "（一）良好等次（共{len(entries)}家）"', "    entries:"]
    for rank, (pid, name) in enumerate(entries, 1):
        lines += [f"      - rank: {rank}", f"        project: {pid}", f"        printed: {name}"]
    with open(os.path.join(content, "ratings", nid + ".yaml"), "w", encoding="utf-8") as fh:
        fh.write("\n".join(lines) + "\n")


def edit_project(content, k):
    files = project_files(content)
    f = files[(len(files) // 3 + 7919 * k) % len(files)]
    keep = os.path.join(originals(content), os.path.relpath(f, content))
    if not os.path.exists(keep):
        os.makedirs(os.path.dirname(keep), exist_ok=True)
        shutil.copy2(f, keep)
    with open(f, encoding="utf-8") as fh:
        text = fh.read()
    out = []
    for line in text.splitlines():
        if line.startswith("operator: "):
            line = f"operator: 基准测试修改{k}号运营单位"
        out.append(line)
    with open(f, "w", encoding="utf-8") as fh:
        fh.write("\n".join(out) + "\n")


def restore(content):
    for d, ext in (("notices", ".md"), ("ratings", ".yaml")):
        for f in os.listdir(os.path.join(content, d)):
            if f.startswith("bench-k") and f.endswith(ext):
                os.remove(os.path.join(content, d, f))
    keep = originals(content)
    if os.path.isdir(keep):
        for d, _, fs in os.walk(keep):
            for f in fs:
                src = os.path.join(d, f)
                shutil.copy2(src, os.path.join(content, os.path.relpath(src, keep)))
        shutil.rmtree(keep)


def main():
    a = sys.argv[1:]
    if len(a) == 3 and a[0] == "add-notice":
        add_notice(a[1], int(a[2]))
    elif len(a) == 3 and a[0] == "edit-project":
        edit_project(a[1], int(a[2]))
    elif len(a) == 2 and a[0] == "restore":
        restore(a[1])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
