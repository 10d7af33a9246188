"""The compiled grammar (scripts/compile_extract.py, `make compile`): same output as the sources, and
never run once a source has changed since it was built."""

from __future__ import annotations

import hashlib
import importlib
import json
import os
import subprocess
import sys
from dataclasses import asdict
from pathlib import Path

import pytest

from attrition.evaluate import read_documents
from attrition.extract import compiled_build, extract_document
from tests.extract_devset import DEVSET

extract_pkg = importlib.import_module("attrition.extract")
SHARED_LIB = "compiled__mypyc.cpython-311-x86_64-linux-gnu.so"
#: Every development and blind document: the texts the grammar's rules were written and checked on.
SETS = ["", *sorted(p.name for p in DEVSET.iterdir() if p.is_dir() and (p / "docs.jsonl").exists())]


def _stamp(folder: Path, names: list[str]) -> None:
    digests = {n: hashlib.sha256((folder / f"{n}.py").read_bytes()).hexdigest() for n in names}
    (folder / "compiled.json").write_text(json.dumps(digests), encoding="utf-8")


def test_compiled_build_lists_modules_and_those_built_from_other_sources(tmp_path: Path) -> None:
    assert compiled_build(tmp_path) == (set(), [])
    for name in ("grammar", "figures"):
        (tmp_path / f"{name}.py").write_text(f"NAME = {name!r}\n", encoding="utf-8")
        (tmp_path / f"{name}.cpython-311-x86_64-linux-gnu.so").write_bytes(b"")
    (tmp_path / "periods.py").write_text("", encoding="utf-8")  # a source with no build
    (tmp_path / SHARED_LIB).write_bytes(b"")
    assert compiled_build(tmp_path) == ({"grammar", "figures"}, ["figures", "grammar"])  # no stamp
    _stamp(tmp_path, ["grammar", "figures"])
    assert compiled_build(tmp_path) == ({"grammar", "figures"}, [])
    (tmp_path / "figures.py").write_text("NAME = 'edited'\n", encoding="utf-8")
    assert compiled_build(tmp_path) == ({"grammar", "figures"}, ["figures"])


#: Run in a child process with the sources forced: the same documents' claims, as JSON.
CHILD = """
import json, sys, importlib
from dataclasses import asdict
from pathlib import Path
from attrition.evaluate import read_documents
from attrition.extract import extract_document
pkg = importlib.import_module("attrition.extract")
out = {}
for path in sys.argv[1:]:
    for d in read_documents(Path(path), []):
        out[path + ":" + d.id] = json.loads(json.dumps([asdict(c) for c in extract_document(d)], default=str))
print(json.dumps({"compiled": pkg.compiled(), "claims": out}))
"""


def test_compiled_grammar_gives_the_sources_output() -> None:
    if not extract_pkg.compiled():
        pytest.skip("the grammar is not compiled here (run `make compile`); nothing to compare")
    paths = [str(DEVSET / s / "docs.jsonl") for s in SETS]
    here = {
        f"{path}:{d.id}": json.loads(json.dumps([asdict(c) for c in extract_document(d)], default=str))
        for path in paths
        for d in read_documents(Path(path), [])
    }
    env = {**os.environ, "ATTRITION_PURE_PYTHON": "1"}
    child = subprocess.run(
        [sys.executable, "-c", CHILD, *paths], capture_output=True, text=True, env=env, check=True
    )
    result = json.loads(child.stdout)
    assert result["compiled"] is False
    assert sum(map(len, here.values())) > 2_000
    differ = [k for k in here if here[k] != result["claims"].get(k)]
    assert not differ, differ[:5]
