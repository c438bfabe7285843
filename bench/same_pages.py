#!/usr/bin/env python3
"""Checks that gongshi's output holds every page of a peer's output (Hugo's), with the same facts and links.

usage: bench/same_pages.py PEER_OUT GONGSHI_OUT DATA_DIR [--sample K]

Our URL scheme is a published contract (DESIGN.md), so two of the peers' paths have another name here:
  /grades/                  → /ratings/                   (all ratings, year × tier)
  /grades/<year>-<tier>/    → /ratings/<year>/<tier>/
  /style.css                → /assets/style.<hash>.css    (content-hashed asset name)
Every other peer path must exist in our output under the same name. Then, for every peer page that is not a
project page plus a sample of project pages (all of them up to 20000, else K=5000), every link the peer page
has to a project, notice, city or grade page outside
its site header (navigation) must be on our page too (after the mapping above) — on a list our site splits into
pages and parts (DESIGN.md "Pages at any size": …/page/N/, and the parts a list links below its own URL, such as
/ratings/2023/good/taiyuan/ or /cities/taiyuan/2023/), on one of those pages — and each
project page must show the project's name, city, county and, per rating, its year, tier and the notice's
document number (from the neutral data). Prints a summary; exit status 1 on any difference.
"""
import html
import os
import re
import sys

from peers import import_neutral  # noqa: E402  (bench/peers.py: where the harness is)

neutral = import_neutral()

HREF = re.compile(r'href="([^"]*)"')
TAG = re.compile(r"<[^>]*>")
GRADE = re.compile(r"^/grades/(\d{4})-([a-z]+)/$")
# A list's other pages and its parts (not the records it lists): …/page/N/, /ratings/…, /cities/<city>/<year>/.
PART = re.compile(r"/page/\d+/$|^/ratings/|^/cities/[a-z0-9-]+/\d{4}/")


def map_url(u):
    if u == "/grades/":
        return "/ratings/"
    m = GRADE.match(u)
    return f"/ratings/{m.group(1)}/{m.group(2)}/" if m else u


def map_path(rel):
    if rel == "style.css":
        return None  # checked separately: assets/style.<hash>.css
    url = "/" + rel[: -len("index.html")] if rel.endswith("index.html") else None
    if url is None:
        return rel
    return map_url(url)[1:] + "index.html"


def files(root):
    out = set()
    for d, _, fs in os.walk(root):
        for f in fs:
            out.add(os.path.relpath(os.path.join(d, f), root))
    return out


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


def body(text):
    """The page without its site header (the peers' main and city navigation; ours differs by design)."""
    return re.sub(r"<header class=\"site-header\">.*?</header>", "", text, count=1, flags=re.S)


def links(text):
    text = body(text)
    mapped = (map_url(html.unescape(h)) for h in HREF.findall(text))
    return {u for u in mapped if u.startswith(("/projects/", "/notices/", "/cities/", "/ratings/"))}


def list_links(ours, rel, cache):
    """The links of our page and, for a list (not the home page), of every page below its URL that it leads to:
    its other pages (…/page/N/) and its parts, as a reader paging through it would see them."""
    if rel in cache:
        return cache[rel]
    url = "/" + rel[: -len("index.html")] if rel.endswith("index.html") else None
    found, todo, seen = set(), [rel], {rel}
    while todo:
        r = todo.pop()
        page = body(read(os.path.join(ours, r)))
        found |= links(page)
        if url in (None, "/"):
            continue
        for h in HREF.findall(page):
            h = html.unescape(h)
            if h.startswith(url) and h != url and PART.search(h):
                nxt = h[1:] + "index.html"
                if nxt not in seen and os.path.exists(os.path.join(ours, nxt)):
                    seen.add(nxt)
                    todo.append(nxt)
    cache[rel] = found
    return found


def main():
    a = sys.argv[1:]
    if len(a) not in (3, 5):
        sys.exit(__doc__)
    peer, ours, data = a[:3]
    sample = int(a[4]) if len(a) == 5 else None
    pf, of = files(peer), files(ours)
    missing = []
    for rel in sorted(pf):
        m = map_path(rel)
        if m is None:
            if not any(o.startswith("assets/style.") and o.endswith(".css") for o in of):
                missing.append(rel)
        elif m not in of:
            missing.append(rel)
    extra_kinds = {}
    mapped = {map_path(r) for r in pf}
    for rel in of - mapped:
        k = rel.split("/")[0] if "/" in rel else rel
        extra_kinds[k] = extra_kinds.get(k, 0) + 1

    meta, cities, projects, notices = neutral.load(data)
    tier_zh = meta["tier_zh"]
    doc_no = {n["id"]: n["doc_no"] for n in notices}
    pages = sorted(r for r in pf if r.endswith(".html") and map_path(r) in of)
    proj = [r for r in pages if r.startswith("projects/")]
    other = [r for r in pages if not r.startswith("projects/")]
    k = sample if sample else (len(proj) if len(proj) <= 20000 else 5000)
    step = max(1, len(proj) // max(1, k))
    chosen = other + proj[::step]
    by_id = {p["id"]: p for p in projects}
    bad = []
    cache = {}
    for rel in chosen:
        pt, ot = read(os.path.join(peer, rel)), read(os.path.join(ours, map_path(rel)))
        lost = links(pt) - (links(ot) if rel.startswith("projects/") else list_links(ours, map_path(rel), cache))
        problems = []
        if lost:
            problems.append(f"{len(lost)} links missing, e.g. {sorted(lost)[:3]}")
        if rel.startswith("projects/"):
            p = by_id[rel.split("/")[1]]
            text = html.unescape(TAG.sub(" ", ot))
            want = [p["name"], p["city"], p["county"]]
            for r in p["ratings"]:
                want += [f"{r['year']}年", tier_zh[r["tier"]], doc_no[r["notice"]]]
            gone = [w for w in want if w not in text]
            if gone:
                problems.append(f"text missing: {gone[:4]}")
        if problems:
            bad.append((rel, problems))
    for rel, problems in bad[:5]:
        print(f"DIFF {rel}: {'; '.join(problems)}")
    print(f"same_pages: peer {len(pf)} files, ours {len(of)}; peer paths missing in ours (after the URL mapping): "
          f"{len(missing)}{' e.g. ' + str(missing[:3]) if missing else ''}; "
          f"checked {len(chosen)} pages ({len(other)} non-project + {len(chosen) - len(other)} of {len(proj)} "
          f"project pages): {len(bad)} differ; ours only: "
          + ", ".join(f"{k} {v}" for k, v in sorted(extra_kinds.items())))
    sys.exit(1 if missing or bad else 0)


if __name__ == "__main__":
    main()
