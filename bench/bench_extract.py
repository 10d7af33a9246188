"""Extraction throughput on one core: articles/s and peak RSS, against a plain regex scan.

Builds N synthetic articles (default 10,000) of 2-5 KB each: one to three development-set texts
(figures nudged so no two articles are identical) set among background paragraphs written for the
benchmark (context, quotes, dates, distances, money: prose with numbers but no loss figures), which
is the density of the seed articles (1 to 12 loss figures in 3-5 KB). `--dense` stitches only
development-set texts instead (about 25 figures per article, a worst case). Then it times `extract`
over all of them, and `re.finditer(r"\\d[\\d,.]*", text)` over the same bytes.

    python bench/bench_extract.py [--n 10000] [--seed 7] [--repeat 5] [--dense]
"""

from __future__ import annotations

import argparse
import json
import random
import re
import resource
import time
from datetime import date, timedelta
from pathlib import Path

from attrition.extract import extract

DOCS = Path(__file__).resolve().parents[1] / "tests" / "devset" / "docs.jsonl"
#: Article size the stitching aims for (bytes), matching typical news articles.
TARGET_BYTES = (2_000, 5_000)
_DIGITS = re.compile(r"\d[\d,.]*")
#: Background paragraphs (written for the benchmark): no loss figures, some numbers that are not claims.
BACKGROUND = (
    "The front line stretches for more than 1,000 kilometres from the Kharkiv region in the north to the "
    "Kherson region in the south. Commanders on both sides say the winter has slowed movement, with mud and "
    "fog grounding reconnaissance flights for days at a time.",
    "Officials in Brussels met on Thursday to discuss a new aid package worth 50 billion euros over four "
    "years. Diplomats said talks would continue into next week, and that a decision was expected before "
    "the summit in June.",
    '"We are holding our positions, but we need more shells," a company commander in the 93rd Brigade told '
    "reporters, asking that only his call sign be used. He said his unit had rotated out twice since March.",
    "Analysts at the Institute for the Study of War wrote in their daily assessment that the offensive "
    "appeared to have lost momentum, though they cautioned that it was too early to draw conclusions.",
    "The city, which had a pre-war population of about 30,000, has been without running water since "
    "the dam was breached in June 2023. Volunteers deliver bread twice a week from a depot 40 miles away.",
    "Energy officials said the grid was operating at 60% of capacity after strikes on substations, and "
    "that scheduled blackouts of up to eight hours a day would continue in several regions.",
    "The talks, the first in more than a year, ended without a joint statement. Both delegations said they "
    "would report back to their capitals, and mediators from Qatar and Turkey offered to host a second round.",
    "Satellite images taken on 14 March show new trenches and a line of anti-tank obstacles about 3 km "
    "behind the current front, according to an analysis by open-source researchers.",
    "The 2024 budget allocates roughly a third of state spending to defence, the finance ministry said, "
    "up from 21% two years ago. Economists warned that inflation could exceed 9% by the end of the year.",
    "Residents described queues at the only working pharmacy and said prices had doubled since the autumn. "
    "Schools have moved classes online, and the local hospital now treats patients in its basement.",
    "Journalists were not allowed to visit the site, and the claims of both sides could not be checked "
    "on the ground. The area has been closed to the press since the start of the year.",
    "President Volodymyr Zelensky, 46, thanked partners in his nightly video address and repeated calls "
    "for more air defence, saying 'every system saves lives'. He is due to travel to Washington next month.",
)


def build(n: int, seed: int, dense: bool = False) -> list[tuple[str, date]]:
    """N articles of 2-5 KB: dev texts among background paragraphs (or, dense, dev texts only)."""
    rng = random.Random(seed)
    texts = [
        json.loads(line)["text"] for line in DOCS.read_text(encoding="utf-8").splitlines() if line.strip()
    ]
    out: list[tuple[str, date]] = []
    for _ in range(n):
        size = rng.randint(*TARGET_BYTES)
        parts: list[str] = []
        figures = 0 if dense else rng.randint(1, 3)
        total = 0
        while total < size:
            if dense or figures > 0:
                t = rng.choice(texts)
                t = re.sub(r"\b(\d{2,3})\b", lambda m: str(int(m.group(1)) + rng.randint(0, 9)), t)
                figures -= 1
            else:
                t = rng.choice(BACKGROUND)
            parts.insert(rng.randint(0, len(parts)), t)
            total += len(t) + 1
        out.append(("\n".join(parts), date(2022, 3, 1) + timedelta(days=rng.randint(0, 1000))))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=10_000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--repeat", type=int, default=5, help="runs; the best is reported")
    ap.add_argument("--dense", action="store_true", help="dev-set texts only (about 25 figures per article)")
    args = ap.parse_args()
    articles = build(args.n, args.seed, args.dense)
    nbytes = sum(len(t.encode("utf-8")) for t, _ in articles)
    extract(articles[0][0], articles[0][1])  # compile regexes, load gazetteers

    # Best of --repeat runs: the machine may be shared, and the fastest run is the least disturbed one.
    t_extract = t_regex = float("inf")
    claims = tokens = 0
    for _ in range(args.repeat):
        t0 = time.perf_counter()
        claims = sum(len(extract(text, pub)) for text, pub in articles)
        t_extract = min(t_extract, time.perf_counter() - t0)
        t0 = time.perf_counter()
        tokens = sum(sum(1 for _ in _DIGITS.finditer(text)) for text, _ in articles)
        t_regex = min(t_regex, time.perf_counter() - t0)

    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"articles          {len(articles):>10,}   ({nbytes / len(articles) / 1024:.1f} KB average)")
    print(f"claims            {claims:>10,}")
    print(
        f"extract           {len(articles) / t_extract:>10,.0f} articles/s   {nbytes / t_extract / 1e6:.2f} MB/s"
    )
    print(f"regex scan        {len(articles) / t_regex:>10,.0f} articles/s   ({tokens:,} digit runs)")
    print(f"ratio             {t_extract / t_regex:>10,.1f} x the regex scan")
    print(f"peak RSS          {rss_mb:>10,.0f} MB")


if __name__ == "__main__":
    main()
