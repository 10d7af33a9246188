"""Readers: turn paths (files, directories, '-' for stdin) into Documents, or into one-line errors.

Each input yields `Document`s or `InputError`s; nothing here raises on bad input. Supported:
`.txt` (one document, id = file stem), `.html`/`.htm` (trafilatura keeps the article, drops
navigation and boilerplate), `.jsonl` (one document per line in the interchange format).
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, BinaryIO

from attrition.models import Document

#: Default upper bound on one input file; larger files are skipped (configurable per run).
DEFAULT_MAX_BYTES = 5 * 1024 * 1024
#: How much of a file is inspected for NUL bytes to call it binary.
BINARY_SNIFF_BYTES = 8192
#: Recognised suffixes and the reader kind for each.
SUFFIXES = {".txt": "text", ".html": "html", ".htm": "html", ".jsonl": "jsonl"}
#: Plain text states its date, if at all, near the top: "Published: 6 February 2024", "Post At:
#: Feb 06/2024 05:50PM", or a line holding only a date. Lines looked at for it:
DATELINE_LINES = 6
#: A dateline longer than this is prose, not a date stamp.
DATELINE_MAX_CHARS = 60
_DATELINE = re.compile(
    r"^\s*(?:(?:published|posted|post(?:ed)? at|updated|date|dated)\b\s*(?:on|at)?\s*:?\s*)?(?P<date>.{6,60}?)\s*$",
    re.IGNORECASE,
)
_DATEPARSER_SETTINGS = {
    "REQUIRE_PARTS": ["day", "month", "year"],
    "STRICT_PARSING": True,
    "PREFER_DATES_FROM": "past",
}
#: Fields a JSON Lines document may carry (others are ignored, not an error: forward compatible).
DOC_FIELDS = ("id", "text", "title", "url", "published", "outlet")


@dataclass(slots=True, kw_only=True, frozen=True)
class ReadOptions:
    """How inputs are read.

    published, outlet: metadata for plain-text input (and HTML pages that state no date).
    max_bytes: files larger than this are skipped with an error.
    """

    published: date | None = None
    outlet: str | None = None
    max_bytes: int = DEFAULT_MAX_BYTES


@dataclass(slots=True, frozen=True)
class InputError:
    """One skipped input: `location` is `path` or `path:line`; `reason` is one short sentence."""

    location: str
    reason: str

    def __str__(self) -> str:
        return f"{self.location}: {self.reason}"


Item = Document | InputError


def discover(paths: list[str]) -> tuple[list[str], list[InputError], int]:
    """Expand directories (recursively, sorted, hidden entries skipped) into input files.

    Returns (inputs, errors, ignored): errors for paths that do not exist or have a type we cannot
    read when named explicitly; `ignored` counts files inside directories with other suffixes
    (a README beside the articles is not an error).
    """
    inputs: list[str] = []
    errors: list[InputError] = []
    ignored = 0
    for raw in paths:
        if raw == "-":
            inputs.append("-")
            continue
        p = Path(raw)
        if p.is_dir():
            for root, dirs, files in os.walk(p):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if name.startswith("."):
                        continue
                    if Path(name).suffix.lower() in SUFFIXES:
                        inputs.append(str(Path(root) / name))
                    else:
                        ignored += 1
        elif p.is_file():
            if p.suffix.lower() in SUFFIXES:
                inputs.append(str(p))
            else:
                errors.append(
                    InputError(
                        str(p),
                        f"unsupported file type '{p.suffix or '(none)'}' (expected .txt, .html, .htm or .jsonl)",
                    )
                )
        elif p.exists():
            errors.append(InputError(str(p), "not a regular file"))
        else:
            errors.append(InputError(str(p), "no such file or directory"))
    return inputs, errors, ignored


def read_input(path: str, options: ReadOptions, stdin: BinaryIO | None = None) -> Iterator[Item]:
    """Documents (or errors) from one input file, or from stdin when `path` is '-'."""
    if path == "-":
        stream = stdin if stdin is not None else sys.stdin.buffer
        head = stream.read(BINARY_SNIFF_BYTES)
        if _sniff_kind(head) == "jsonl":
            yield from _read_jsonl("-", _chain(head, stream), options, head=head)
            return
        data = head + stream.read(options.max_bytes + 1 - len(head))
        yield from _read_bytes("-", data, _sniff_kind(data), options)
        return
    kind = SUFFIXES[Path(path).suffix.lower()]
    try:
        if kind == "jsonl":
            # JSON Lines corpora can be large: stream them, and apply the size limit per document.
            with open(path, "rb") as fh:
                head = fh.read(BINARY_SNIFF_BYTES)
                fh.seek(0)
                yield from _read_jsonl(path, fh, options, head=head)
            return
        size = os.path.getsize(path)
        if size > options.max_bytes:
            yield InputError(path, f"file too large ({size:,} bytes; limit {options.max_bytes:,})")
            return
        with open(path, "rb") as fh:
            data = fh.read()
    except OSError as exc:
        yield InputError(path, f"cannot read ({exc.strerror or exc})")
        return
    yield from _read_bytes(path, data, kind, options)


def _chain(head: bytes, rest: BinaryIO) -> Iterator[bytes]:
    """Lines of a stream of which `head` was already read."""
    buf = head
    while True:
        *lines, buf = buf.split(b"\n")
        for line in lines:
            yield line + b"\n"
        chunk = rest.read(1 << 16)
        if not chunk:
            break
        buf += chunk
    if buf:
        yield buf


def _sniff_kind(data: bytes) -> str:
    """stdin has no suffix: JSON Lines if it starts with '{', HTML if it starts with a tag."""
    head = data.lstrip()[:64].lower()
    if head.startswith(b"{"):
        return "jsonl"
    if head.startswith((b"<!doctype html", b"<html", b"<")):
        return "html"
    return "text"


def _read_bytes(path: str, data: bytes, kind: str, options: ReadOptions) -> Iterator[Item]:
    if len(data) > options.max_bytes:
        yield InputError(path, f"input too large (over {options.max_bytes:,} bytes)")
        return
    if not data.strip():
        yield InputError(path, "empty file")
        return
    if b"\x00" in data[:BINARY_SNIFF_BYTES]:
        yield InputError(path, "binary file (contains NUL bytes)")
        return
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        yield InputError(path, f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start})")
        return
    stem = "stdin" if path == "-" else Path(path).stem
    if kind == "html":
        yield _read_html(path, stem, text, options)
    else:
        text = _normalise_newlines(text)
        published = options.published or find_dateline(text)
        yield Document(id=stem, text=text, published=published, outlet=options.outlet, source=path)


def find_dateline(text: str) -> date | None:
    """The publication date stated at the top of a plain-text article, if any (full dates only:
    a wire dateline such as "KYIV, July 18" has no year and is not guessed)."""
    import dateparser

    lines = [ln for ln in text.split("\n", 40)[:40] if ln.strip()][:DATELINE_LINES]
    for line in lines:
        if len(line) > DATELINE_MAX_CHARS or not any(ch.isdigit() for ch in line):
            continue
        m = _DATELINE.match(line)
        if not m:
            continue
        parsed = dateparser.parse(m.group("date"), languages=["en"], settings=_DATEPARSER_SETTINGS)
        if parsed is not None:
            return parsed.date()
    return None


def _normalise_newlines(text: str) -> str:
    """CRLF and CR become LF: offsets must not depend on the platform a file was saved on."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _read_jsonl(path: str, lines: Iterable[bytes], options: ReadOptions, *, head: bytes) -> Iterator[Item]:
    """One document per line; each bad line is its own error and the rest of the file goes on."""
    if b"\x00" in head:
        yield InputError(path, "binary file (contains NUL bytes)")
        return
    stem = "stdin" if path == "-" else Path(path).stem
    seen_content = False
    for lineno, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        seen_content = True
        loc = f"{path}:{lineno}"
        if len(raw) > options.max_bytes:
            yield InputError(loc, f"document too large ({len(raw):,} bytes; limit {options.max_bytes:,})")
            continue
        try:
            line = raw.decode("utf-8-sig" if lineno == 1 else "utf-8")
        except UnicodeDecodeError as exc:
            yield InputError(loc, f"not valid UTF-8 (byte 0x{raw[exc.start]:02x} at column {exc.start + 1})")
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield InputError(loc, f"malformed JSON ({exc.msg} at column {exc.colno})")
            continue
        yield document_from_json(obj, loc, default_id=f"{stem}-{lineno}")
    if not seen_content:
        yield InputError(path, "empty file")


def document_from_json(obj: Any, loc: str, *, default_id: str) -> Item:
    """Validate one interchange-format object (also used by the web API's POST endpoint)."""
    if not isinstance(obj, dict):
        return InputError(loc, f"expected a JSON object, got {type(obj).__name__}")
    text = obj.get("text")
    if text is None:
        return InputError(loc, 'document has no "text" field')
    if not isinstance(text, str):
        return InputError(loc, f'"text" must be a string, got {type(text).__name__}')
    if not text.strip():
        return InputError(loc, '"text" is empty')
    for key in ("id", "title", "url", "outlet"):
        if obj.get(key) is not None and not isinstance(obj[key], str | int):
            return InputError(loc, f'"{key}" must be a string')
    published = obj.get("published")
    pub_date: date | None = None
    if published is not None:
        try:
            pub_date = date.fromisoformat(str(published)[:10])
        except ValueError:
            return InputError(loc, f'"published" is not a YYYY-MM-DD date: {str(published)[:40]!r}')
    return Document(
        id=str(obj.get("id") or default_id),
        text=_normalise_newlines(text),
        title=obj.get("title"),
        url=obj.get("url"),
        published=pub_date,
        outlet=obj.get("outlet"),
        source=loc,
    )


def _read_html(path: str, stem: str, html: str, options: ReadOptions) -> Item:
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(
            html, with_metadata=True, include_comments=False, include_tables=False
        )
    except Exception as exc:  # trafilatura/lxml raise many types on broken markup
        return InputError(path, f"cannot parse HTML ({type(exc).__name__})")
    body = (getattr(doc, "text", None) or "").strip() if doc is not None else ""
    if not body:
        return InputError(path, "no article text found in HTML")
    title = (getattr(doc, "title", None) or None) if doc is not None else None
    # Headlines carry figures; keep the title as the first line of the text when the body lacks it.
    text = body if not title or body.startswith(title) else f"{title}\n\n{body}"
    published = options.published or find_dateline(text)
    raw_date = getattr(doc, "date", None)
    if raw_date:
        with contextlib.suppress(ValueError):
            published = date.fromisoformat(str(raw_date)[:10])
    return Document(
        id=stem,
        text=_normalise_newlines(text),
        title=title,
        url=getattr(doc, "url", None),
        published=published,
        outlet=getattr(doc, "sitename", None) or options.outlet,
        source=path,
    )
