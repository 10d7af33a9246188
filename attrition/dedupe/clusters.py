"""Near-duplicate documents: MinHash LSH over word shingles of the cleaned text.

Exact copies are already one document (the ledger keys documents by content hash). Syndicated
copies and reposts differ in title, boilerplate and a sentence or two; their shingle sets still
overlap heavily, so LSH proposes them as candidates and the estimated Jaccard similarity confirms.
Candidates are joined transitively (union-find): a cluster is a connected group of near copies.

Every document gets a cluster id, the smallest content hash among its cluster's members (a lone
document is its own cluster), so "count once per cluster" needs no special case for singletons.

Each document is signed once: its signature is stored beside it (`documents.minhash`), so a run
hashes only the documents that arrived since the last one and rebuilds the index from stored
signatures (about 1 KB per document).
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import sqlalchemy as sa
from datasketch import LeanMinHash, MinHash, MinHashLSH

from attrition.models import Claim
from attrition.store import Ledger
from attrition.store.schema import documents

#: Words per shingle: long enough that shared phrases ("the Russian forces") do not make unrelated
#: articles look alike, short enough that a changed sentence costs few shingles.
SHINGLE_WORDS = 5
#: Hash permutations per signature (error of the Jaccard estimate ~ 1/sqrt(NUM_PERM)).
NUM_PERM = 128
#: datasketch's hashing scheme, named so stored signatures stay readable if its default changes.
SCHEME = "affine32"
#: datasketch's permutation seed (its default), named for the same reason.
SEED = 1
#: Jaccard similarity above which two documents are copies of one text. A repost with a new title
#: and a boilerplate disclaimer keeps ~0.8 of the shingles of a 600-word article.
THRESHOLD = 0.6
#: Documents whose text is read per query when signing documents that have no stored signature.
SIGN_CHUNK = 500
#: How a signature is stored: NUM_PERM unsigned 64-bit values, little-endian.
_SIG_DTYPE = np.dtype("<u8")
_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(slots=True, kw_only=True, frozen=True)
class ClusterSummary:
    documents: int
    clusters: int  # clusters with two or more members
    clustered_documents: int  # documents in those clusters
    changed: int  # documents whose cluster id changed
    seconds: float


def shingles(text: str, k: int = SHINGLE_WORDS) -> set[str]:
    """Lower-cased word k-grams; a text shorter than k words is one shingle."""
    words = _WORD.findall(text.lower())
    if len(words) < k:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + k]) for i in range(len(words) - k + 1)}


def signature(text: str) -> MinHash:
    m = MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME)
    m.update_batch([s.encode("utf-8") for s in shingles(text)])
    return m


def encode_signature(sig: MinHash) -> bytes:
    return np.asarray(sig.hashvalues, dtype=_SIG_DTYPE).tobytes()


def decode_signature(blob: bytes) -> MinHash:
    """A stored signature back as a MinHash (same seed and scheme as `signature`).

    A LeanMinHash: it holds the values only, without regenerating the permutations (5x cheaper).
    """
    values = np.frombuffer(blob, dtype=_SIG_DTYPE).astype(np.uint64)
    if values.size != NUM_PERM:
        raise ValueError(f"stored signature has {values.size} values, expected {NUM_PERM}")
    return LeanMinHash(seed=SEED, hashvalues=values, scheme=SCHEME)


def cluster_texts(texts: Mapping[str, str], threshold: float = THRESHOLD) -> dict[str, str]:
    """key -> cluster id (the smallest key of its cluster) for texts keyed by content hash."""
    return cluster_signatures({k: signature(t) for k, t in texts.items()}, threshold)


def cluster_signatures(sigs: Mapping[str, MinHash], threshold: float = THRESHOLD) -> dict[str, str]:
    """key -> cluster id (the smallest key of its cluster) for signatures keyed by content hash."""
    lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
    parent: dict[str, str] = {k: k for k in sigs}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for key in sorted(sigs):
        sig = sigs[key]
        for other in lsh.query(sig):
            a, b = find(key), find(other)
            # Already joined through another member: the (costlier) similarity check cannot change it.
            if a != b and sig.jaccard(sigs[other]) >= threshold:
                parent[max(a, b)] = min(a, b)
        lsh.insert(key, sig)
    return {k: find(k) for k in sigs}


def _signatures(ledger: Ledger) -> tuple[dict[str, MinHash], dict[str, str | None]]:
    """Every document's signature (signing and storing those that have none) and its cluster id."""
    with ledger.connect() as conn:
        rows = conn.execute(sa.select(documents.c.hash, documents.c.minhash, documents.c.cluster_id)).all()
    sigs = {h: decode_signature(blob) for h, blob, _ in rows if blob is not None}
    unsigned = sorted(h for h, blob, _ in rows if blob is None)
    for i in range(0, len(unsigned), SIGN_CHUNK):
        chunk = unsigned[i : i + SIGN_CHUNK]
        with ledger.connect() as conn:
            texts = conn.execute(
                sa.select(documents.c.hash, documents.c.text).where(documents.c.hash.in_(chunk))
            )
            fresh = {h: signature(text) for h, text in texts}
        ledger.set_signatures({h: encode_signature(sig) for h, sig in fresh.items()})
        sigs.update(fresh)
    return sigs, {h: cid for h, _, cid in rows}


def update_clusters(ledger: Ledger) -> ClusterSummary:
    """Recompute near-duplicate clusters over every document and store changed cluster ids.

    Only documents without a stored signature are read and hashed; the clustering itself runs over
    all signatures, so a new copy joins (and can merge) clusters formed in earlier runs.
    """
    t0 = time.perf_counter()
    sigs, before = _signatures(ledger)
    assignment = cluster_signatures(sigs)
    changed: dict[str, str | None] = {h: c for h, c in assignment.items() if before.get(h) != c}
    if changed:
        ledger.set_clusters(changed)
    sizes: dict[str, int] = {}
    for c in assignment.values():
        sizes[c] = sizes.get(c, 0) + 1
    multi = [n for n in sizes.values() if n > 1]
    return ClusterSummary(
        documents=len(sigs),
        clusters=len(multi),
        clustered_documents=sum(multi),
        changed=len(changed),
        seconds=time.perf_counter() - t0,
    )


def cluster_map(ledger: Ledger) -> dict[str, str]:
    """doc hash -> cluster id for documents that have one."""
    with ledger.connect() as conn:
        rows = conn.execute(sa.select(documents.c.hash, documents.c.cluster_id))
        return {r[0]: r[1] for r in rows if r[1]}


def clusters(ledger: Ledger, *, min_size: int = 2) -> list[tuple[str, list[dict[str, Any]]]]:
    """(cluster id, members) for clusters of at least `min_size` documents, biggest first."""
    stmt = sa.select(
        documents.c.hash,
        documents.c.doc_id,
        documents.c.title,
        documents.c.outlet,
        documents.c.published,
        documents.c.cluster_id,
    ).order_by(documents.c.published, documents.c.hash)
    groups: dict[str, list[dict[str, Any]]] = {}
    with ledger.connect() as conn:
        for r in conn.execute(stmt).mappings():
            groups.setdefault(r["cluster_id"] or r["hash"], []).append(dict(r))
    out = [(cid, members) for cid, members in groups.items() if len(members) >= min_size]
    out.sort(key=lambda cm: (-len(cm[1]), cm[0]))
    return out


def claim_key(claim: Claim, cluster_of: Mapping[str, str]) -> tuple[Any, ...]:
    """What makes two claims "the same claim" for counting: one cluster, one figure, one period."""
    unit = cluster_of.get(claim.doc_hash or "", claim.doc_hash) or claim.claim_id
    p = claim.period
    return (unit, claim.subject, claim.category, claim.value, claim.value_high, p.kind, p.start, p.end)


def representatives(claims: Iterable[Claim], cluster_of: Mapping[str, str]) -> list[Claim]:
    """One claim per (cluster, subject, category, value, period): the first one met.

    Pass claims in ledger order (`Ledger.claims()`: documents by publication date, then position in
    the text), and the representative is the earliest-published copy's first mention; series rows
    (no document) are always their own representative. Every count, check and estimate that must
    not count a syndicated figure twice goes through here.
    """
    seen: set[tuple[Any, ...]] = set()
    out: list[Claim] = []
    for c in claims:
        key = claim_key(c, cluster_of)
        if key in seen:
            continue
        seen.add(key)
        out.append(c)
    return out


def duplicate_count(claims: Sequence[Claim], cluster_of: Mapping[str, str]) -> int:
    """How many of these claims repeat a representative (what `representatives` drops)."""
    return len(claims) - len(representatives(claims, cluster_of))
