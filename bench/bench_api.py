"""Claims-list API latency on a 100,000-claim SQLite ledger.

Seeds a fresh ledger through `Ledger.store` (synthetic documents whose claims point at real spans of
their text), then times GET /api/claims in-process through the ASGI app (Starlette's TestClient:
no socket, so the figure is the application's own time: routing, query, serialisation) over a mix
of filters, sorts and cursor pages, and prints p50/p95.

    .venv/bin/python bench/bench_api.py [--claims 100000] [--requests 300] [--db PATH]

Target: p95 < 50 ms.
"""

from __future__ import annotations

import argparse
import math
import random
import statistics
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from fastapi.testclient import TestClient

from attrition.models import Claim, Document, Period
from attrition.store import Ledger
from attrition.web import create_app

CLAIMS_PER_DOC = 20
SUBJECTS = ("Russia", "Ukraine", "Israel", "Hamas")
CATEGORIES = ("personnel_killed", "tanks", "armored_vehicles", "artillery", "drones", "personnel_captured")
CLAIMANTS = tuple(f"Claimant {i}" for i in range(30)) + (None,)
KINDS = ("day", "cumulative", "span", "event")
START = date(2023, 1, 1)
TARGET_P95_MS = 50.0


def seed(url: str, n_claims: int, rng: random.Random) -> None:
    """Store n_claims claims, CLAIMS_PER_DOC per document, in batches of 250 documents."""
    ledger = Ledger(url)
    batch: list[tuple[Document, list[Claim]]] = []
    for d in range(n_claims // CLAIMS_PER_DOC):
        published = START + timedelta(days=rng.randrange(700))
        parts: list[str] = []
        specs = []
        pos = 0
        for _ in range(CLAIMS_PER_DOC):
            value = rng.randrange(1, 500_000)
            category = rng.choice(CATEGORIES)
            quote = f"{value:,} {category.replace('_', ' ')}"
            sentence = f"Doc {d}: the side lost {quote} this time. "
            start = pos + sentence.index(quote)
            specs.append((start, start + len(quote), quote, value, category))
            parts.append(sentence)
            pos += len(sentence)
        doc = Document(id=f"doc-{d}", text="".join(parts), title=f"Report {d}", outlet=f"Outlet {d % 40}",
                       published=published)  # fmt: skip
        claims = []
        for start, end, quote, value, category in specs:
            kind = rng.choice(KINDS)
            claims.append(
                Claim(
                    doc_id=None, claim_id="", subject=rng.choice(SUBJECTS), category=category, value=value,
                    period=Period(kind=kind, start=None, end=None if kind == "span" else published),
                    claimant=rng.choice(CLAIMANTS), quote=quote, start=start, end=end,
                ).with_doc(doc.id, doc.hash)
            )  # fmt: skip
        batch.append((doc, claims))
        if len(batch) == 250:
            ledger.store(batch)
            batch = []
    if batch:
        ledger.store(batch)
    ledger.close()


def requests_mix(rng: random.Random, n: int) -> list[dict[str, str]]:
    """Query parameter sets: no filter, one or two filters, date windows, several sorts."""
    sorts = ("-date", "date", "value", "-value", "claimant", "-subject", "category")
    out = []
    for _ in range(n):
        p: dict[str, str] = {"sort": rng.choice(sorts), "limit": str(rng.choice((20, 50, 100)))}
        if rng.random() < 0.5:
            p["subject"] = rng.choice(SUBJECTS)
        if rng.random() < 0.4:
            p["category"] = rng.choice(CATEGORIES)
        if rng.random() < 0.2:
            p["claimant"] = rng.choice(CLAIMANTS[:-1])
        if rng.random() < 0.2:
            since = START + timedelta(days=rng.randrange(600))
            p["since"] = since.isoformat()
            p["until"] = (since + timedelta(days=60)).isoformat()
        out.append(p)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--claims", type=int, default=100_000)
    ap.add_argument("--requests", type=int, default=300)
    ap.add_argument("--db", help="ledger file to create (default: a temporary file)")
    args = ap.parse_args()
    rng = random.Random(6)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(args.db) if args.db else Path(tmp) / "bench.db"
        path.unlink(missing_ok=True)
        url = f"sqlite:///{path}"
        t = time.perf_counter()
        seed(url, args.claims, rng)
        print(f"seeded {args.claims:,} claims in {time.perf_counter() - t:.1f} s")
        client = TestClient(create_app(url))
        client.get("/api/claims")  # warm-up: first connection, imports
        times: list[float] = []
        counted: list[float] = []
        pages = 0
        for params in requests_mix(rng, args.requests):
            # Each filter set is read for up to three pages, following next_cursor.
            for _ in range(rng.choice((1, 1, 2, 3))):
                pages += "cursor" in params
                t = time.perf_counter()
                r = client.get("/api/claims", params=params)
                times.append((time.perf_counter() - t) * 1000)
                if "cursor" not in params:
                    # The same first page again, asking for the total count as the claims page does.
                    t = time.perf_counter()
                    client.get("/api/claims", params={**params, "total": "true"})
                    counted.append((time.perf_counter() - t) * 1000)
                if r.status_code != 200:
                    raise SystemExit(f"request failed: {r.status_code} {r.text[:200]}")
                nxt = r.json()["next_cursor"]
                if not nxt:
                    break
                params = {**params, "cursor": nxt}

        p50, p95, worst = percentiles(times)
        print(f"GET /api/claims, in-process ASGI: {len(times)} requests ({pages} of them follow a cursor), "
              f"p50 {p50:.1f} ms, p95 {p95:.1f} ms, max {worst:.1f} ms (target p95 < {TARGET_P95_MS:.0f} ms)")  # fmt: skip
        p50, p95, worst = percentiles(counted)
        print(
            f"first pages with total=true: {len(counted)} requests, p50 {p50:.1f} ms, p95 {p95:.1f} ms, max {worst:.1f} ms"
        )


def percentiles(times: list[float]) -> tuple[float, float, float]:
    """p50, p95 (nearest rank) and max, in the unit given."""
    ordered = sorted(times)
    return statistics.median(ordered), ordered[max(0, math.ceil(len(ordered) * 0.95) - 1)], ordered[-1]


if __name__ == "__main__":
    main()
