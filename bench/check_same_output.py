"""Whether the extractor's output is byte-identical to a reference dump.

A speed change must not change what is extracted. With `--write`, this script runs
`extract_document` over a fixed set of inputs (the development set, blind set 1, the demo corpus and
3,500 generated benchmark articles) and saves each document (set, id, date, text) with every claim,
all fields, as one JSON line. Without it, it extracts the documents stored in the reference again
and lists those whose claims differ. The texts come from the reference, not from the tree, so a
later tree with more development documents (which also changes the generated articles) still
compares like with like.

    python bench/check_same_output.py --write /tmp/ref.jsonl   # before a change (or on main)
    python bench/check_same_output.py /tmp/ref.jsonl           # after it: exit 1 when any differs

After a merge: write the reference on each branch's tip, compare on the merge; only the documents
that a branch meant to change should differ.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

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


def _claims(doc: Document) -> list[dict[str, Any]]:
    """Every field of every claim of `doc`, as JSON-ready dicts."""
    return [c.as_dict() for c in extract_document(doc)]


def write(path: Path) -> int:
    """Extract the fixed inputs and save documents and claims as the reference."""
    with path.open("w", encoding="utf-8") as out:
        n = 0
        for name, doc in _inputs():
            pub = doc.published.isoformat() if doc.published else None
            row = {"set": name, "id": doc.id, "published": pub, "text": doc.text, "claims": _claims(doc)}
            out.write(json.dumps(row, sort_keys=True) + "\n")
            n += 1
    return n


def compare(path: Path) -> tuple[int, list[str]]:
    """Extract the reference's documents again: (documents, "set id" of those whose claims differ)."""
    n, differ = 0, []
    for line in path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        pub = date.fromisoformat(row["published"]) if row["published"] else None
        doc = Document(id=row["id"], text=row["text"], published=pub)
        now = json.loads(json.dumps(_claims(doc), sort_keys=True))
        if now != row["claims"]:
            differ.append(f"{row['set']} {row['id']}")
        n += 1
    return n, differ


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("reference", type=Path, help="the reference dump (JSON Lines)")
    ap.add_argument("--write", action="store_true", help="write the reference instead of comparing")
    args = ap.parse_args()
    t0 = time.perf_counter()
    if args.write:
        n = write(args.reference)
        print(f"wrote {n:,} documents to {args.reference} ({time.perf_counter() - t0:.1f} s)")
        return 0
    n, differ = compare(args.reference)
    for key in differ[:SHOW_DIFFS]:
        print(f"differs: {key}")
    verdict = "DIFFERENT" if differ else "identical"
    print(f"{verdict}: {n:,} documents, {len(differ):,} differ ({time.perf_counter() - t0:.1f} s)")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
