"""Ingest throughput: documents/s from a JSON Lines file into a fresh SQLite ledger (read, extract,
store), and peak RSS. Usage: python bench/bench_ingest.py [N_DOCS]"""

from __future__ import annotations

import json
import resource
import sys
import tempfile
import time
from pathlib import Path

from attrition.demo import corpus_path
from attrition.ingest import ingest
from attrition.store import Ledger

DEFAULT_DOCS = 5000


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 and sys.argv[1].isdigit() else DEFAULT_DOCS
    base = [json.loads(line) for line in (corpus_path() / "demo.jsonl").read_text().splitlines() if line.strip()]
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "docs.jsonl"
        with src.open("w") as fh:
            for i in range(n):
                doc = dict(base[i % len(base)])
                # A distinct body per document, so every one is new to the ledger.
                doc["id"] = f"bench-{i}"
                doc["text"] = f"{doc['text']}\n\n(bench copy {i})"
                fh.write(json.dumps(doc) + "\n")
        size = src.stat().st_size
        with Ledger(f"sqlite:///{tmp}/bench.db") as ledger:
            t0 = time.perf_counter()
            s = ingest([str(src)], ledger)
            dt = time.perf_counter() - t0
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"ingest: {s.new} documents ({size / 1e6:.1f} MB), {s.claims} claims in {dt:.2f} s")
    print(f"ingest: {s.new / dt:,.0f} documents/s, {size / 1e6 / dt:.2f} MB/s, peak RSS {rss:.0f} MB")


if __name__ == "__main__":
    main()
