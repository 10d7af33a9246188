"""extract: the claim grammar. A pure function of (text, publication date); no I/O.

Public entry points:
    extract(text, published=None) -> list[Claim]   claims with doc-independent ids
    extract_document(doc) -> list[Claim]            the same, bound to the document (doc_id, claim_id)

The grammar modules may be compiled to C (`make compile`, scripts/compile_extract.py): same output,
faster. `compiled.json` records the sources they were built from; when a source has changed since,
or when ATTRITION_PURE_PYTHON=1, the Python sources are loaded instead (`_prefer_sources`).
"""

from __future__ import annotations

import hashlib
import importlib.abc
import importlib.machinery
import importlib.util
import json
import os
import sys
import warnings
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from types import ModuleType

_HERE = Path(__file__).resolve().parent


class _SourceFinder(importlib.abc.MetaPathFinder):
    """Finds this package's grammar modules as Python sources, ahead of their compiled builds."""

    def __init__(self, modules: set[str]) -> None:
        self.modules = modules

    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> importlib.machinery.ModuleSpec | None:
        if fullname not in self.modules:
            return None
        return importlib.util.spec_from_file_location(fullname, _HERE / (fullname.rsplit(".", 1)[1] + ".py"))


def compiled_build(folder: Path) -> tuple[set[str], list[str]]:
    """The grammar modules of `folder` that have a compiled build, and those of them whose source no
    longer matches the digest `compiled.json` recorded when they were built (all of them without it)."""
    suffixes = tuple(importlib.machinery.EXTENSION_SUFFIXES)
    built = {p.name.split(".", 1)[0] for p in folder.iterdir() if p.name.endswith(suffixes)}
    built = {name for name in built if not name.endswith("__mypyc")}  # the build's shared library
    stamp = folder / "compiled.json"
    digests: dict[str, str] = json.loads(stamp.read_text(encoding="utf-8")) if stamp.exists() else {}
    stale = [
        name
        for name in sorted(built)
        if not (folder / f"{name}.py").exists()
        or digests.get(name) != hashlib.sha256((folder / f"{name}.py").read_bytes()).hexdigest()
    ]
    return built, stale


def _prefer_sources() -> None:
    """Load the Python sources when the compiled build is unwanted (ATTRITION_PURE_PYTHON=1) or stale."""
    built, stale = compiled_build(_HERE)
    if not built or (not stale and os.environ.get("ATTRITION_PURE_PYTHON") != "1"):
        return
    if stale:
        warnings.warn(
            "attrition.extract: the compiled grammar is older than its sources ("
            + ", ".join(f"{name}.py" for name in stale)
            + "); using the sources (run `make compile` to rebuild)",
            stacklevel=2,
        )
    sys.meta_path.insert(0, _SourceFinder({f"{__name__}.{name}" for name in built}))


_prefer_sources()

from attrition.extract.grammar import extract_claims  # noqa: E402
from attrition.models import Claim, Document, content_hash  # noqa: E402

__all__ = ["extract", "extract_document", "EXTRACTOR_VERSION"]

EXTRACTOR_VERSION = "0.4.6"


def compiled() -> bool:
    """Whether the grammar running in this process is the compiled build (speed only; same output)."""
    path = sys.modules[extract_claims.__module__].__file__ or ""
    return path.endswith(tuple(importlib.machinery.EXTENSION_SUFFIXES))


def extract(text: str, published: date | None = None) -> list[Claim]:
    """Every loss claim in `text`, in order of appearance; ids are bound to the text's hash."""
    return _bound(extract_claims(text, published), None, content_hash(text))


def extract_document(doc: Document) -> list[Claim]:
    """Claims of one document, carrying its id and content hash."""
    return _bound(extract_claims(doc.text, doc.published), doc.id, doc.hash)


def _bound(claims: list[Claim], doc_id: str | None, doc_hash: str) -> list[Claim]:
    """`claims`, each bound in place to the document (`Claim.bind`: the grammar has just built them)."""
    return [c.bind(doc_id, doc_hash) for c in claims]
