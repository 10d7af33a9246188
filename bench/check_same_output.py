"""Whether the extractor's output is byte-identical to a reference dump.

A speed change must not change what is extracted. This script runs `extract_document` over a fixed
set of inputs (the development set, blind set 1, the demo corpus and generated benchmark articles)
and writes every claim, all fields, as one JSON line per document. With `--write` it saves that dump
as the reference; without, it compares the current output with the reference and lists the first
documents that differ.

    python bench/check_same_output.py --write /tmp/ref.jsonl   # before a change (or on main)
    python bench/check_same_output.py /tmp/ref.jsonl           # after it: exit 1 when any differs

It also serves after a merge: write the reference on each branch's tip, compare on the merge, and
only the documents that a branch meant to change should differ.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Iterator
from pathlib import Path

from attrition.demo import corpus_path
from attrition.extract import extract_document
from attrition.ingest import read_documents
from attrition.models import Document

ROOT = Path(__file__).resolve().parents[1]
DEVSET = ROOT / "tests" / "devset"
#: Generated benchmark articles in the dump (the benchmark's own generator, fixed seeds).
BENCH_ARTICLES = 3_000
BENCH_DENSE = 500
#: How many differing documents are printed before the summary.
SHOW_DIFFS = 10


def _inputs() -> Iterator[tuple[str, Document]]:
    """(set name, document) for every input of the dump, in a fixed order."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from bench_extract import build  # the benchmark's generator: same articles as `make bench`

    for name, path in (("dev", DEVSET / "docs.jsonl"), ("blind1", DEVSET / "blind1" / "docs.jsonl")):
        docs, errors = read_documents([str(path)])
        if errors:
            raise SystemExit(f"{path}: {errors[0]}")
        for d in docs:
            yield name, d
    docs, _errors = read_documents([str(corpus_path())])
    for d in sorted(docs, key=lambda d: (d.id, d.source or "")):
        yield "demo", d
    for name, n, dense in (("bench", BENCH_ARTICLES, False), ("dense", BENCH_DENSE, True)):
        for k, (text, pub) in enumerate(build(n, 7, dense)):
            yield name, Document(id=f"{name}-{k:05d}", text=text, published=pub)


def dump() -> list[str]:
    """One JSON line per document: its set, id and every field of every claim."""
    lines = []
    for name, doc in _inputs():
        claims = [c.as_dict() for c in extract_document(doc)]
        lines.append(json.dumps({"set": name, "id": doc.id, "claims": claims}, sort_keys=True))
    return lines


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("reference", type=Path, help="the reference dump (JSON Lines)")
    ap.add_argument("--write", action="store_true", help="write the reference instead of comparing")
    args = ap.parse_args()
    t0 = time.perf_counter()
    lines = dump()
    took = time.perf_counter() - t0
    if args.write:
        args.reference.write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"wrote {len(lines):,} documents to {args.reference} ({took:.1f} s)")
        return 0
    ref = args.reference.read_text(encoding="utf-8").splitlines()
    differ = [n for n, (a, b) in enumerate(zip(ref, lines, strict=False)) if a != b]
    for n in differ[:SHOW_DIFFS]:
        doc = json.loads(lines[n])
        print(f"differs: {doc['set']} {doc['id']}")
    if len(ref) != len(lines):
        print(f"document count differs: reference {len(ref):,}, now {len(lines):,}")
    same = not differ and len(ref) == len(lines)
    print(f"{'identical' if same else 'DIFFERENT'}: {len(lines):,} documents, {len(differ):,} differ ({took:.1f} s)")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
