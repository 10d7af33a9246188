"""The ledger on SQLite and on a real PostgreSQL server: same schema, same answers."""

from __future__ import annotations

from datetime import date

import pytest
import sqlalchemy as sa

from attrition.extract import extract_document
from attrition.models import Claim, Document, Period
from attrition.store import ClaimFilter, Ledger, LedgerError
from attrition.store.schema import metadata

DOC = Document(
    id="d1",
    text="Russian forces lost 17 tanks and 35 armored personnel vehicles in the past day, Kyiv said.",
    published=date(2024, 2, 6),
    outlet="wire",
)


def _claim(doc: Document, quote: str, category: str, value: float) -> Claim:
    start = doc.text.index(quote)
    return Claim(
        doc_id=doc.id,
        claim_id="",
        subject="Russia",
        category=category,
        value=value,
        qualifier="exact",
        period=Period(kind="day", start=date(2024, 2, 6), end=date(2024, 2, 6)),
        claimant="Ukrainian military",
        claimant_text="Kyiv",
        via=("wire",),
        hedged=False,
        quote=quote,
        start=start,
        end=start + len(quote),
        mentions=((start, start + len(quote)),),
    ).with_doc(doc.id, doc.hash)


def test_store_round_trip_and_idempotency(ledger_url: str) -> None:
    claims = [
        _claim(DOC, "17 tanks", "tanks", 17),
        _claim(DOC, "35 armored personnel vehicles", "armored_vehicles", 35),
    ]
    with Ledger(ledger_url) as ledger:
        first = ledger.store([(DOC, claims)])
        again = ledger.store([(DOC, claims)])
        assert (first.new, first.present, first.claims) == (1, 0, 2)
        assert (again.new, again.present, again.claims) == (0, 1, 0)
        got = ledger.claims()
        assert got == claims
        assert ledger.counts()["documents"] == 1
        assert ledger.claims(ClaimFilter(category="tanks"))[0].value == 17
        assert ledger.claims(ClaimFilter(claimant="ukrainian"))[0].claimant == "Ukrainian military"
        assert ledger.claims(ClaimFilter(since=date(2024, 2, 7))) == []
        assert ledger.count_claims(ClaimFilter(subject="russia")) == 2
        stored = ledger.document(DOC.hash[:12])
        assert stored is not None and stored.text == DOC.text and stored.doc_id == "d1"


def test_duplicate_inside_one_batch_counts_once(ledger_url: str) -> None:
    with Ledger(ledger_url) as ledger:
        res = ledger.store([(DOC, []), (DOC, [])])
    assert (res.new, res.present) == (1, 1)


def test_sqlite_and_postgresql_return_identical_claims(sqlite_url: str, pg_url: str) -> None:
    docs = [
        DOC,
        Document(
            id="d2",
            text="Ukraine lost around 885 soldiers in the previous 24 hours, Moscow said.",
            published=date(2024, 2, 5),
        ),
        Document(id="d3", text="No figures here at all.", published=None),
    ]
    batch = [(d, extract_document(d)) for d in docs]
    results = []
    for url in (sqlite_url, pg_url):
        with Ledger(url) as ledger:
            ledger.store(batch)
            results.append([c.as_dict() for c in ledger.claims()])
    assert results[0] == results[1]
    assert len(results[0]) >= 2


def test_migrated_schema_matches_metadata(ledger_url: str) -> None:
    """The Alembic migrations and store/schema.py describe the same tables and columns."""
    with Ledger(ledger_url) as ledger:
        insp = sa.inspect(ledger.engine)
        for table in metadata.sorted_tables:
            cols = {c["name"] for c in insp.get_columns(table.name)}
            assert cols == set(table.columns.keys()), table.name


def test_bad_url_is_a_ledger_error(tmp_path) -> None:
    with pytest.raises(LedgerError, match="cannot open ledger"):
        Ledger(f"sqlite:///{tmp_path}/missing-dir/x.db")
