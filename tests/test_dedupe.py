"""Near-duplicate clusters: a syndicated copy of seed 002 joins its cluster and counts once."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from attrition.dedupe import cluster_map, clusters, representatives, update_clusters
from attrition.models import Claim, Document, Period
from attrition.reconcile import import_series, run_checks
from attrition.store import ClaimFilter, Ledger

PUBLISHED = date(2024, 2, 6)


def syndicated(original: str) -> str:
    """Same body, another title and another outlet's boilerplate (what a repost looks like)."""
    body = original.split("\n", 3)[3].rsplit("Disclaimer:", 1)[0]
    return (
        "Kyiv: Russia lost 17 tanks in one day\nBy World Desk\n\n"
        + body
        + "\nAll rights reserved. Subscribe now.\n"
    )


def tanks_claim(doc: Document) -> Claim:
    quote = "6,365 tanks"
    start = doc.text.index(quote)
    return Claim(
        doc_id=doc.id,
        claim_id="",
        subject="Russia",
        category="tanks",
        value=6365,
        period=Period(kind="cumulative", start=date(2022, 2, 24), end=PUBLISHED),
        claimant="Ukrainian military",
        quote=quote,
        start=start,
        end=start + len(quote),
        mentions=((start, start + len(quote)),),
    ).with_doc(doc.id, doc.hash)


def test_syndicated_copy_joins_the_cluster_and_counts_once(
    seeds_dir: Path, ledger_url: str, tmp_path: Path
) -> None:
    docs = [
        Document(id=p.stem, text=p.read_text(), published=PUBLISHED if p.name.startswith("002") else None)
        for p in sorted(seeds_dir.glob("*.txt"))
    ]
    original = next(d for d in docs if d.id.startswith("002"))
    copy = Document(
        id="repost", text=syndicated(original.text), published=date(2024, 2, 7), outlet="Aggregator"
    )
    with Ledger(ledger_url) as ledger:
        ledger.store([(d, [tanks_claim(d)] if d is original else []) for d in docs])
        ledger.store([(copy, [tanks_claim(copy)])])
        summary = update_clusters(ledger)
        assert (summary.documents, summary.clusters, summary.clustered_documents) == (4, 1, 2)
        [(cid, members)] = clusters(ledger)
        assert {m["doc_id"] for m in members} == {original.id, "repost"}
        stored = ledger.claims(ClaimFilter(origin="text"))
        assert len(stored) == 2
        kept = representatives(stored, cluster_map(ledger))
        assert [c.doc_id for c in kept] == [original.id]  # the earliest-published copy
        assert update_clusters(ledger).changed == 0
        series = tmp_path / "gs.csv"
        series.write_text(
            "date,subject,category,value,kind,source\n2024-02-06,Russia,tanks,6365,cumulative,General Staff\n"
        )
        import_series(ledger, str(series), "csv")
        found = run_checks(ledger, only="claims")
    assert [(f.claim_id, f.status) for f in found] == [(kept[0].claim_id, "agrees")]  # once, not twice


def test_unrelated_seeds_stay_apart(seeds_dir: Path) -> None:
    from attrition.dedupe import cluster_texts

    texts = {p.stem: p.read_text() for p in seeds_dir.glob("*.txt")}
    assert len(set(cluster_texts(texts).values())) == len(texts)


def _article(n: int) -> str:
    """A distinct 120-word text per n (no two share a 5-word shingle by construction)."""
    return " ".join(f"w{n}x{i}" for i in range(120))


def test_signatures_are_stored_once_and_match_the_text(ledger_url: str, monkeypatch) -> None:
    import importlib

    import sqlalchemy as sa

    from attrition.store.schema import documents

    mod = importlib.import_module("attrition.dedupe.clusters")  # the package exports a `clusters` function

    signed: list[int] = []
    real = mod.signature

    def counting(text: str):
        signed.append(1)
        return real(text)

    monkeypatch.setattr(mod, "signature", counting)
    first = [Document(id=f"d{n}", text=_article(n)) for n in range(5)]
    copy = Document(id="copy", text=_article(3) + " reposted with a new footer")
    with Ledger(ledger_url) as ledger:
        ledger.store([(d, []) for d in first])
        assert update_clusters(ledger).clusters == 0
        assert len(signed) == 5
        ledger.store([(copy, [])])
        summary = update_clusters(ledger)
        assert len(signed) == 6  # only the new document is read and hashed
        assert (summary.documents, summary.clusters, summary.changed) == (6, 1, 1)
        with ledger.connect() as conn:
            rows = dict(conn.execute(sa.select(documents.c.hash, documents.c.minhash)).all())
        for d in [*first, copy]:
            assert mod.decode_signature(rows[d.hash]).jaccard(real(d.text)) == 1.0
        # A ledger from before stored signatures (column empty) is signed by the next run, same clusters.
        with ledger.engine.begin() as conn:
            conn.execute(documents.update().values(minhash=None))
        before = cluster_map(ledger)
        assert update_clusters(ledger).changed == 0
        assert cluster_map(ledger) == before and len(signed) == 12
