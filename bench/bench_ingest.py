"""Ingest throughput: documents/s from a JSON Lines file into a fresh SQLite ledger (read, extract,
store), and peak RSS; then a small follow-up ingest into the full ledger, whose near-duplicate
clustering signs only the new documents (stored signatures), timed against re-signing every text.
Usage: python bench/bench_ingest.py [N_DOCS]"""

from __future__ import annotations

import json
import resource
import sys
import tempfile
import time
from pathlib import Path

from attrition.dedupe import update_clusters
from attrition.demo import corpus_path
from attrition.ingest import ingest
from attrition.store import Ledger
from attrition.store.schema import documents

DEFAULT_DOCS = 5000
#: Documents in the follow-up ingest into the full ledger.
FOLLOW_UP = 50


def write_docs(path: Path, base: list[dict], start: int, n: int) -> None:
    with path.open("w") as fh:
        for i in range(start, start + n):
            doc = dict(base[i % len(base)])
            # A distinct body per document, so every one is new to the ledger.
            doc["id"] = f"bench-{i}"
            doc["text"] = f"{doc['text']}\n\n(bench copy {i})"
            fh.write(json.dumps(doc) + "\n")


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 and sys.argv[1].isdigit() else DEFAULT_DOCS
    base = [
        json.loads(line) for line in (corpus_path() / "demo.jsonl").read_text().splitlines() if line.strip()
    ]
    with tempfile.TemporaryDirectory() as tmp:
        src, more = Path(tmp) / "docs.jsonl", Path(tmp) / "more.jsonl"
        write_docs(src, base, 0, n)
        write_docs(more, base, n, FOLLOW_UP)
        size = src.stat().st_size
        with Ledger(f"sqlite:///{tmp}/bench.db") as ledger:
            t0 = time.perf_counter()
            s = ingest([str(src)], ledger)
            dt = time.perf_counter() - t0
            t0 = time.perf_counter()
            ingest([str(more)], ledger)
            follow_up = time.perf_counter() - t0
            t0 = time.perf_counter()
            update_clusters(ledger)
            stored = time.perf_counter() - t0
            with ledger.engine.begin() as conn:
                conn.execute(documents.update().values(minhash=None))
            t0 = time.perf_counter()
            update_clusters(ledger)
            resign = time.perf_counter() - t0
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"ingest: {s.new} documents ({size / 1e6:.1f} MB), {s.claims} claims in {dt:.2f} s")
    print(f"ingest: {s.new / dt:,.0f} documents/s, {size / 1e6 / dt:.2f} MB/s, peak RSS {rss:.0f} MB")
    print(
        f"ingest: {FOLLOW_UP} more documents into the {n:,}-document ledger in {follow_up:.2f} s; "
        f"re-clustering {n + FOLLOW_UP:,} documents from stored signatures {stored:.2f} s "
        f"(re-signing every text: {resign:.2f} s)"
    )


if __name__ == "__main__":
    main()
