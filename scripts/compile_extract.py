"""Compile the claim grammar (`attrition/extract/*.py`) to C extension modules with mypyc.

The compiled modules give byte-identical output and run the extraction benchmark about 1.3x faster.
They are built in place, next to their sources, and `attrition/extract/compiled.json` records the
SHA-256 of each source they were built from: on import, `attrition.extract` loads the Python
sources instead whenever a source no longer matches (edited since the build) or when the
environment sets ATTRITION_PURE_PYTHON=1, so a stale build is never run.

A failed build (no C compiler, no Python headers) removes what it left behind, prints one line and
exits 0: the sources are then used, and only speed is lost.

    python scripts/compile_extract.py            # build (make compile)
    python scripts/compile_extract.py --clean    # remove the compiled modules
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "attrition" / "extract"
STAMP = PACKAGE / "compiled.json"
#: The shared library's import name: `attrition/extract/compiled__mypyc.*.so`, inside the package.
GROUP = "attrition.extract.compiled"
#: The package's `__init__` stays Python: it decides whether the compiled modules may be loaded.
SOURCES = sorted(p for p in PACKAGE.glob("*.py") if p.name != "__init__.py")


def clean() -> None:
    """Remove the compiled modules and their stamp (the sources are used from then on)."""
    for path in PACKAGE.glob("*.so"):
        path.unlink()
    STAMP.unlink(missing_ok=True)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def build() -> None:
    """Compile every grammar module in place and write the stamp of the sources compiled."""
    from mypyc.build import mypycify
    from setuptools import setup

    os.chdir(ROOT)  # module names and in-place outputs are read relative to the project root
    setup(
        name="attrition-extract-compiled",
        ext_modules=mypycify([str(p.relative_to(ROOT)) for p in SOURCES], opt_level="3", group_name=GROUP),
        script_args=["-q", "build_ext", "--inplace", "--build-temp", "build/mypyc"],
    )
    STAMP.write_text(
        json.dumps({p.stem: digest(p) for p in SOURCES}, indent=1, sort_keys=True) + "\n", encoding="utf-8"
    )


def main() -> int:
    if "--clean" in sys.argv[1:]:
        clean()
        return 0
    clean()
    try:
        build()
    except (Exception, SystemExit) as exc:  # setuptools reports a compiler failure as SystemExit
        clean()
        print(f"compile_extract: not compiled ({exc}); the Python sources are used", file=sys.stderr)
        return 0
    print(f"compile_extract: {len(SOURCES)} modules compiled ({STAMP.relative_to(ROOT)})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
