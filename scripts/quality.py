#!/usr/bin/env python3
"""Scores extraction on the shared corpus, split into a tuning half and a check half.

Usage: scripts/quality.py [--verbose] [--half=tune|check] [--by=language|type] [SET ...]
       (sets: seeds dev notes)

Each set is ingested into a fresh store with the wallwatch binary built from this checkout, exported
as JSON and scored with ../shared/tools/score.py against its gold, once per half. The halves split
the gold by incident: documents that share an incident (directly or through another document) fall
in the same half, chosen by a stable hash of the group's first incident key, so rules written from
the tuning half are measured on incidents they have never seen. Negative documents are split by name.
--by=language scores each language apart (a file named "...-fr.txt" is French, others English);
--by=type scores the gold rows of each incident type apart (precision counts every prediction of
those documents).
"""
import hashlib
import json
import os
import re
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.join(os.path.dirname(ROOT), "shared")


def halves(gold):
    """Returns {doc: 'tune'|'check'}, keeping documents linked by an incident together."""
    parent = {}

    def find(x):
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for g in gold:
        doc, key = "doc:" + g["doc"], g.get("incident_key")
        find(doc)
        if key:
            parent[find(doc)] = find("key:" + key)
    groups = {}
    for node in list(parent):
        groups.setdefault(find(node), []).append(node)
    side = {}
    for members in groups.values():
        label = min(members)
        digest = hashlib.sha256(label.encode()).digest()[0]
        half = "tune" if digest % 2 == 0 else "check"
        for m in members:
            if m.startswith("doc:"):
                side[m[4:]] = half
    return side


LANGUAGE = re.compile(r"-(fr|es|pt|it|id|ar|ru|de|tr|sw)\.txt$")


def groups(gold, by):
    """Splits gold rows by the document's language or by the row's incident type."""
    out = {}
    for g in gold:
        if by == "language":
            m = LANGUAGE.search(g["doc"])
            key = m.group(1) if m else "en"
        else:
            key = g.get("type") or "negative"
        out.setdefault(key, []).append(g)
    return out


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    verbose = "--verbose" in sys.argv
    wanted, by = "all", ""
    for a in sys.argv[1:]:
        if a.startswith("--half="):
            wanted = a.split("=", 1)[1]
        if a.startswith("--by="):
            by = a.split("=", 1)[1]
    sets = args or ["seeds", "dev", "notes"]
    tmp = tempfile.mkdtemp(prefix="wallwatch-quality-")
    binary = os.path.join(tmp, "wallwatch")
    subprocess.run(["go", "build", "-o", binary, "./cmd/wallwatch"], cwd=ROOT, check=True)
    for name in sets:
        db = os.path.join(tmp, name + ".db")
        subprocess.run([binary, "ingest", "--db", db, os.path.join(SHARED, "corpus", name)],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        pred = os.path.join(tmp, name + ".pred.json")
        with open(pred, "w") as out:
            subprocess.run([binary, "export", "--db", db, "--format", "json"], stdout=out, check=True)
        gold = json.load(open(os.path.join(SHARED, "corpus", "gold", name + ".json"), encoding="utf-8"))
        side = halves(gold)
        parts = {"all": gold}
        if by:
            parts.update(groups(gold, by))
        elif name != "seeds":
            parts["tune"] = [g for g in gold if side[g["doc"]] == "tune"]
            parts["check"] = [g for g in gold if side[g["doc"]] == "check"]
        for half, rows in parts.items():
            if wanted != "all" and half != wanted:
                continue
            path = os.path.join(tmp, f"{name}.{half}.gold.json")
            json.dump(rows, open(path, "w", encoding="utf-8"))
            cmd = [sys.executable, os.path.join(SHARED, "tools", "score.py"), path, pred]
            if verbose and half != "check":
                cmd.append("--verbose")
            res = subprocess.run(cmd, capture_output=True, text=True)
            lines = res.stdout.strip().splitlines()
            docs = len({g["doc"] for g in rows})
            print(f"== {name} {half} ({docs} documents)")
            print("\n".join(lines if verbose and half != "check" else [l for l in lines if l.startswith(("score", "negative"))]))
    print(f"(predictions in {tmp})")


if __name__ == "__main__":
    main()
