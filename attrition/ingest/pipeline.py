"""The ingest run: read inputs, skip documents the ledger holds, extract claims, store in batches.

Only this module knows the order of the stages for ingestion:

    discover paths -> read documents (bad input -> one-line error, skipped, counted)
    -> drop documents already held (content hash) -> extract claims -> extract incidents
    -> store batch (one transaction) -> cluster near-duplicates and incidents
    -> record the run (counts and every error) in the ledger

A batch is stored in one transaction, so a killed run leaves whole documents only, and a re-run
stores exactly what is missing: re-running an ingest is idempotent.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import BinaryIO

from attrition.dedupe import update_clusters
from attrition.extract import EXTRACTOR_VERSION, extract_document
from attrition.incidents import Incident, extract_document_incidents
from attrition.incidents.store import recluster
from attrition.ingest.readers import InputError, ReadOptions, discover, read_input
from attrition.models import Claim, Document
from attrition.store import Ledger

log = logging.getLogger(__name__)

#: Documents per transaction: big enough to amortise commits, small enough that a killed run
#: loses little work.
BATCH_SIZE = 200


@dataclass(slots=True, kw_only=True)
class IngestSummary:
    """Counts of one ingest run (also stored in the ledger's ingest_runs table).

    read: documents read successfully; new: stored now; present: already in the ledger (or
    repeated within this run); skipped: inputs rejected (see errors); ignored: files in the given
    directories with suffixes we do not read; claims: claims stored now; incidents: incidents stored
    now (docs/incidents.md); clusters: near-duplicate
    clusters (two or more documents) in the ledger after the run, recomputed only when new
    documents were stored (else 0).
    """

    run_id: int | None = None
    files: int = 0
    read: int = 0
    new: int = 0
    present: int = 0
    skipped: int = 0
    ignored: int = 0
    claims: int = 0
    incidents: int = 0
    clusters: int = 0
    seconds: float = 0.0
    errors: list[InputError] = field(default_factory=list)

    @property
    def exit_code(self) -> int:
        """0 when anything was ingested (new or already present), 1 when nothing was."""
        return 0 if self.new + self.present > 0 else 1

    def as_dict(self) -> dict[str, object]:
        return {
            "run_id": self.run_id,
            "files": self.files,
            "read": self.read,
            "new": self.new,
            "present": self.present,
            "skipped": self.skipped,
            "ignored": self.ignored,
            "claims": self.claims,
            "incidents": self.incidents,
            "clusters": self.clusters,
            "seconds": round(self.seconds, 3),
            "errors": [str(e) for e in self.errors],
        }


@dataclass(slots=True, kw_only=True)
class Hooks:
    """Optional callbacks for a front end: progress per input file, each error as it happens."""

    on_start: Callable[[int], None] | None = None
    on_file: Callable[[str], None] | None = None
    on_error: Callable[[InputError], None] | None = None


def ingest(
    paths: Sequence[str],
    ledger: Ledger,
    *,
    options: ReadOptions | None = None,
    batch_size: int = BATCH_SIZE,
    hooks: Hooks | None = None,
    stdin: BinaryIO | None = None,
    workers: int = 1,
) -> IngestSummary:
    """Ingest files, directories and '-' (stdin) into the ledger; never raises on bad input.

    workers > 1 extracts each batch in that many processes (Dask); the result is identical.
    """
    options = options or ReadOptions()
    hooks = hooks or Hooks()
    inputs, errors, ignored = discover(list(paths))

    def items() -> Iterator[Document | InputError]:
        yield from errors
        if hooks.on_start:
            hooks.on_start(len(inputs))
        for path in inputs:
            yield from read_input(path, options, stdin=stdin)
            if hooks.on_file:
                hooks.on_file(path)

    summary = IngestSummary(files=len(inputs), ignored=ignored)
    return _run(items(), ledger, summary, list(paths), batch_size, hooks, workers)


def ingest_documents(
    docs: Iterable[Document | InputError],
    ledger: Ledger,
    *,
    label: str = "api",
    batch_size: int = BATCH_SIZE,
    hooks: Hooks | None = None,
) -> IngestSummary:
    """Ingest documents already in memory (the web API's POST, library users); same guarantees."""
    return _run(iter(docs), ledger, IngestSummary(), [label], batch_size, hooks or Hooks(), 1)


def _run(
    items: Iterator[Document | InputError],
    ledger: Ledger,
    summary: IngestSummary,
    inputs: list[str],
    batch_size: int,
    hooks: Hooks,
    workers: int,
) -> IngestSummary:
    started = time.perf_counter()
    summary.run_id = ledger.start_run(inputs)
    pending: list[Document] = []
    with _extractor(workers) as extract_batch:
        for item in items:
            if isinstance(item, InputError):
                _record_error(summary, hooks, item)
                continue
            summary.read += 1
            pending.append(item)
            if len(pending) >= batch_size:
                _flush(ledger, pending, summary, hooks, extract_batch)
                pending = []
        if pending:
            _flush(ledger, pending, summary, hooks, extract_batch)

    # Dedupe stage: near-duplicate clusters over the whole ledger, once new documents are in.
    if summary.new:
        summary.clusters = update_clusters(ledger).clusters
    # Incident clusters (the same incident in several documents), once the new incidents are in.
    if summary.incidents:
        recluster(ledger)

    summary.seconds = time.perf_counter() - started
    ledger.finish_run(
        summary.run_id,
        read=summary.read,
        new=summary.new,
        present=summary.present,
        skipped=summary.skipped,
        claims_stored=summary.claims,
        seconds=summary.seconds,
        errors=[(e.location, e.reason) for e in summary.errors],
    )
    return summary


#: What extraction gives for one document: its claims and incidents, or the exception the claim
#: grammar raised (reported, never fatal).
Extracted = tuple[list[Claim], list[Incident]] | BaseException
ExtractBatch = Callable[[list[Document]], list[Extracted]]


def _extract_one(doc: Document) -> Extracted:
    """Claims and incidents of one document; both grammars run here, so `--workers` spreads both."""
    try:
        claims = extract_document(doc)
    except Exception as exc:
        return exc
    return claims, _incidents_of(doc, claims)


@contextmanager
def _extractor(workers: int) -> Iterator[ExtractBatch]:
    """A batch extractor: in this process, or spread over `workers` processes with Dask."""
    if workers <= 1:
        yield lambda docs: [_extract_one(d) for d in docs]
        return
    try:
        import dask
        import dask.bag
    except ImportError as exc:  # an optional extra
        raise RuntimeError("--workers needs Dask: pip install 'attrition[parallel]'") from exc
    # One pool for the whole run: Dask would otherwise start new processes for every batch.
    with ProcessPoolExecutor(max_workers=workers) as pool, dask.config.set(pool=pool, scheduler="processes"):

        def run(docs: list[Document]) -> list[Extracted]:
            bag = dask.bag.from_sequence(docs, npartitions=min(len(docs), workers * 4))
            return list(bag.map(_extract_one).compute())

        yield run


def _flush(
    ledger: Ledger, docs: list[Document], summary: IngestSummary, hooks: Hooks, extract_batch: ExtractBatch
) -> None:
    """Extract and store one batch; documents the ledger already holds are not extracted again."""
    held = ledger.known_hashes(d.hash for d in docs)
    fresh = [d for d in docs if d.hash not in held]
    results = dict(zip((id(d) for d in fresh), extract_batch(fresh), strict=True))
    batch: list[tuple[Document, Sequence[Claim]]] = []
    incidents: dict[str, list[Incident]] = {}
    for doc in docs:
        got = results.get(id(doc), ([], []))
        if isinstance(got, BaseException):
            log.error("extraction failed for %s: %r", doc.source, got)
            _record_error(
                summary,
                hooks,
                InputError(doc.source or doc.id, f"extraction failed ({type(got).__name__}: {got})"),
            )
            continue
        claims, doc_incidents = got
        batch.append((doc, claims))
        if id(doc) in results:
            incidents[doc.hash] = doc_incidents
    result = ledger.store(
        batch, run_id=summary.run_id, extractor_version=EXTRACTOR_VERSION, incidents_by_doc=incidents
    )
    summary.new += result.new
    summary.present += result.present
    summary.claims += result.claims
    summary.incidents += result.incidents


def _incidents_of(doc: Document, claims: Sequence[Claim]) -> list[Incident]:
    """Incidents of one document (docs/incidents.md); a grammar failure loses them, not the document."""
    try:
        return extract_document_incidents(doc, claims)
    except Exception as exc:
        log.error("incident extraction failed for %s: %r", doc.source or doc.id, exc)
        return []


def _record_error(summary: IngestSummary, hooks: Hooks, err: InputError) -> None:
    summary.skipped += 1
    summary.errors.append(err)
    if hooks.on_error:
        hooks.on_error(err)


def read_documents(
    paths: Sequence[str], *, options: ReadOptions | None = None, stdin: BinaryIO | None = None
) -> tuple[list[Document], list[InputError]]:
    """Read inputs without a ledger (for `attrition extract` and evaluation)."""
    options = options or ReadOptions()
    inputs, errors, _ignored = discover(list(paths))
    docs: list[Document] = []
    for path in inputs:
        for item in read_input(path, options, stdin=stdin):
            (errors if isinstance(item, InputError) else docs).append(item)  # type: ignore[arg-type]
    return docs, errors
