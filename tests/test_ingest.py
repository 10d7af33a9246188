"""Ingest: every kind of bad input is one line, skipped and counted; re-runs change nothing; a
killed run leaves only whole documents and its re-run reaches the clean run's counts."""

from __future__ import annotations

import io
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from attrition.ingest import ReadOptions, ingest, read_documents
from attrition.store import Ledger

GOOD = "Russian forces lost 17 tanks and 35 armored personnel vehicles in the past day, Kyiv said.\n"


def _write(tmp: Path, name: str, data: bytes | str) -> Path:
    p = tmp / name
    p.write_bytes(data.encode() if isinstance(data, str) else data)
    return p


@pytest.fixture
def bad_inputs(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    """A folder with one good document and one file of each bad kind; expected reason per location."""
    d = tmp_path / "in"
    d.mkdir()
    _write(d, "good.txt", GOOD)
    _write(d, "binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    _write(d, "empty.txt", "")
    _write(d, "blank.txt", "  \n\n ")
    _write(d, "latin1.txt", "Russia lost 12 tanks near Kupiansk \xe9t\xe9".encode("latin-1"))
    _write(d, "big.txt", "x" * 2048)
    lines = [
        json.dumps({"id": "j1", "text": GOOD, "published": "2024-02-06"}),
        "{not json",
        json.dumps({"id": "j3", "title": "no text"}),
        json.dumps({"id": "j4", "text": 12}),
        json.dumps(["a", "list"]),
        json.dumps({"id": "j6", "text": "Ukraine lost 3 helicopters.", "published": "06/02/2024"}),
        "",
        json.dumps({"id": "j8", "text": "Ukraine lost 3 helicopters, Moscow said."}),
    ]
    _write(d, "docs.jsonl", "\n".join(lines) + "\n")
    _write(d, "notes.md", "# not an input")
    expected = {
        f"{d}/binary.txt": "binary file",
        f"{d}/empty.txt": "empty file",
        f"{d}/blank.txt": "empty file",
        f"{d}/latin1.txt": "not valid UTF-8",
        f"{d}/big.txt": "file too large",
        f"{d}/docs.jsonl:2": "malformed JSON",
        f"{d}/docs.jsonl:3": 'document has no "text" field',
        f"{d}/docs.jsonl:4": '"text" must be a string',
        f"{d}/docs.jsonl:5": "expected a JSON object",
        f"{d}/docs.jsonl:6": '"published" is not a YYYY-MM-DD date',
    }
    return d, expected


def test_each_bad_input_is_one_counted_line(bad_inputs: tuple[Path, dict[str, str]], sqlite_url: str) -> None:
    folder, expected = bad_inputs
    with Ledger(sqlite_url) as ledger:
        s = ingest([str(folder)], ledger, options=ReadOptions(max_bytes=1024))
        got = {e.location: e.reason for e in s.errors}
        assert set(got) == set(expected)
        for loc, reason in expected.items():
            assert got[loc].startswith(reason), (loc, got[loc])
            assert "\n" not in got[loc]
        assert (s.read, s.new, s.present, s.skipped, s.ignored) == (3, 2, 1, len(expected), 1)
        assert s.exit_code == 0
        assert ledger.counts()["errors"] == len(expected)


def test_reingest_is_idempotent(bad_inputs: tuple[Path, dict[str, str]], ledger_url: str) -> None:
    folder, _ = bad_inputs
    with Ledger(ledger_url) as ledger:
        first = ingest([str(folder)], ledger, options=ReadOptions(max_bytes=1024))
        ids_before = [c.claim_id for c in ledger.claims()]
        again = ingest([str(folder)], ledger, options=ReadOptions(max_bytes=1024))
        assert (again.new, again.present, again.claims) == (0, first.new + first.present, 0)
        assert [c.claim_id for c in ledger.claims()] == ids_before
        assert ledger.counts()["documents"] == first.new


def test_missing_and_unsupported_paths(tmp_path: Path, sqlite_url: str) -> None:
    pdf = _write(tmp_path, "report.pdf", b"%PDF-1.4")
    with Ledger(sqlite_url) as ledger:
        s = ingest([str(tmp_path / "nope.txt"), str(pdf)], ledger)
    assert [e.reason.split(" ")[0] for e in s.errors] == ["no", "unsupported"]
    assert s.exit_code == 1


def test_stdin_plain_text_and_jsonl() -> None:
    docs, errors = read_documents(["-"], stdin=io.BytesIO(GOOD.encode()))
    assert errors == [] and docs[0].id == "stdin" and docs[0].text == GOOD
    lines = b'{"id": "a", "text": "Russia lost 3 tanks."}\n{"id": "b", "text": "Ukraine lost 2 jets."}\n'
    docs, errors = read_documents(["-"], stdin=io.BytesIO(lines))
    assert [d.id for d in docs] == ["a", "b"] and errors == []


def test_html_keeps_article_and_drops_boilerplate(tmp_path: Path) -> None:
    html = """<html><head><title>Russia loses 17 tanks in a day</title>
    <meta property="article:published_time" content="2024-02-06T10:00:00Z"></head>
    <body><nav><a href="/">Home</a> | <a href="/world">World</a></nav>
    <article><h1>Russia loses 17 tanks in a day</h1>
    <p>Russian forces lost 17 tanks and 35 armored personnel vehicles in the past day, Kyiv's military said on Tuesday.</p>
    <p>Moscow has lost around 390,580 fighters since February 24, 2022, according to Ukraine's military.</p></article>
    <footer>Subscribe to our newsletter. Cookie settings. All rights reserved.</footer></body></html>"""
    _write(tmp_path, "page.html", html)
    docs, errors = read_documents([str(tmp_path / "page.html")])
    assert errors == []
    (doc,) = docs
    assert doc.published is not None and doc.published.isoformat() == "2024-02-06"
    assert doc.title == "Russia loses 17 tanks in a day"
    assert "390,580 fighters" in doc.text and "Cookie" not in doc.text and "Home" not in doc.text


def test_crlf_is_normalised(tmp_path: Path) -> None:
    _write(tmp_path, "w.txt", b"Line one.\r\nRussia lost 4 tanks.\r\n")
    docs, _ = read_documents([str(tmp_path / "w.txt")])
    assert docs[0].text == "Line one.\nRussia lost 4 tanks.\n"


def _counts(db: Path) -> tuple[int, int]:
    con = sqlite3.connect(db)
    try:
        return (
            con.execute("select count(*) from documents").fetchone()[0],
            con.execute("select count(*) from claims").fetchone()[0],
        )
    finally:
        con.close()


def _claims_per_doc(db: Path) -> dict[str, int]:
    con = sqlite3.connect(db)
    try:
        rows = con.execute(
            "select d.doc_id, count(c.claim_id) from documents d left join claims c on c.doc_hash = d.hash group by d.doc_id"
        ).fetchall()
        return dict(rows)
    finally:
        con.close()


@pytest.mark.slow
def test_killed_ingest_resumes_to_clean_counts(tmp_path: Path) -> None:
    """SIGKILL mid-batch, re-run: same documents and claims as one clean run, no partial document."""
    n_docs = 3000
    corpus = tmp_path / "many.jsonl"
    with corpus.open("w") as fh:
        for i in range(n_docs):
            text = (
                f"Report {i}: Russian forces lost {i % 50 + 1} tanks and {i % 70 + 2} armored personnel vehicles in the past day, Kyiv said. "
                * 3
            )
            fh.write(json.dumps({"id": f"d{i}", "text": text, "published": "2024-02-06"}) + "\n")
    clean_db, killed_db = tmp_path / "clean.db", tmp_path / "killed.db"
    cmd = [sys.executable, "-m", "attrition", "ingest", "--quiet", "--batch-size", "50", str(corpus)]
    subprocess.run([*cmd, "--db", str(clean_db)], check=True, timeout=300)
    clean = _counts(clean_db)
    assert clean[0] == n_docs

    proc = subprocess.Popen([*cmd, "--db", str(killed_db)])
    deadline = time.monotonic() + 120
    partial = (0, 0)
    while time.monotonic() < deadline:
        time.sleep(0.05)
        if killed_db.exists():
            try:
                partial = _counts(killed_db)
            except sqlite3.OperationalError:
                continue
            if partial[0] >= 100:
                break
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    partial = _counts(killed_db)
    assert 0 < partial[0] < n_docs, "the run was not killed mid-way; make the corpus larger"
    # Whole documents only: every stored document has exactly the claims the clean run gave it.
    per_doc_partial, per_doc_clean = _claims_per_doc(killed_db), _claims_per_doc(clean_db)
    assert per_doc_partial == {d: per_doc_clean[d] for d in per_doc_partial}
    subprocess.run([*cmd, "--db", str(killed_db)], check=True, timeout=300)
    assert _counts(killed_db) == clean


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Russia Loses 1020 Soldiers\n\nWar\nPost At: Feb 06/2024 05:50PM\n\nBody.", "2024-02-06"),
        ("Headline\nPublished: Friday 18 July 2025\n\nKYIV, July 18 - Body.", "2025-07-18"),
        ("Headline\n6 February 2024\nBody.", "2024-02-06"),
        ("KYIV, July 18 - a wire dateline has no year, so no date is guessed.", None),
        ("Russia lost 1020 soldiers and 17 tanks in 2024, Kyiv said.\nMore.", None),
    ],
)
def test_plain_text_dateline(text: str, expected: str | None) -> None:
    from attrition.ingest.readers import find_dateline

    got = find_dateline(text)
    assert (got.isoformat() if got else None) == expected


def test_ingest_documents_in_memory(sqlite_url: str) -> None:
    from attrition.ingest import document_from_json, ingest_documents

    items = [
        document_from_json({"id": "m1", "text": GOOD}, "post[0]", default_id="x"),
        document_from_json({"id": "m2"}, "post[1]", default_id="x"),
    ]
    with Ledger(sqlite_url) as ledger:
        s = ingest_documents(items, ledger, label="post")
        assert (s.read, s.new, s.skipped) == (1, 1, 1)
        assert [str(e) for e in s.errors] == ['post[1]: document has no "text" field']
        assert ledger.runs()[0]["inputs"] == ["post"]


def test_jsonl_size_limit_is_per_document(tmp_path: Path) -> None:
    """A large JSON Lines corpus is streamed; only an oversized line is skipped."""
    lines = [
        json.dumps({"id": f"d{i}", "text": f"Report {i}: Russia lost {i} tanks."}) for i in range(1, 400)
    ]
    lines.insert(5, json.dumps({"id": "huge", "text": "x" * 5000}))
    _write(tmp_path, "big.jsonl", "\n".join(lines))
    docs, errors = read_documents([str(tmp_path / "big.jsonl")], options=ReadOptions(max_bytes=4096))
    assert len(docs) == 399
    assert [str(e).split(" (")[0] for e in errors] == [f"{tmp_path}/big.jsonl:6: document too large"]


def test_workers_give_the_same_ledger(tmp_path: Path) -> None:
    """Extraction spread over processes (Dask) stores exactly what one process stores."""
    src = tmp_path / "docs.jsonl"
    src.write_text(
        "\n".join(
            json.dumps(
                {"id": f"d{i}", "text": f"Day {i}: Russia lost {i} tanks and {2 * i} drones, Kyiv said."}
            )
            for i in range(1, 120)
        )
    )
    got = []
    for workers in (1, 2):
        with Ledger(f"sqlite:///{tmp_path}/w{workers}.db") as ledger:
            s = ingest([str(src)], ledger, batch_size=50, workers=workers)
            assert s.new == 119
            got.append([c.as_dict() for c in ledger.claims()])
    assert got[0] == got[1] and len(got[0]) >= 119
