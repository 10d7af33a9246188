"""Loss tables: a ministry's running totals laid out as rows of a label and a figure.

Official bulletins list their figures in many layouts, one row per category, on separate lines or
run together in one paragraph:

    personnel — about 522,810 (+1,110)          label, dash or colon, total, the day's change
    Tanks: 8,050 (+7)
    8,050 (+7) tanks                            total and change first, label after
    3,782 tanks (+6)                            total, label, change (a line of its own)
    tanks 10,136 (+7) / aircraft 369            label then figure, items parted by " / "
    Tanks | 58 | 11,612                         columns named by a header ("Category | February 2026 | Total")
    aircraft/helicopters – 360/326              two labels, two totals
    Aircraft: 94 / 68                           one label, a total per side the heading names
    1. artillery systems - 14,334 (+33)         numbered or bulleted rows
    submarines - 1                              a row without a change

A row's label says the category (`vocabulary.TABLE_LABELS`, else a counted noun), the total is
cumulative and the bracketed change is the day's figure. Rows read as a table only together: a
block of at least two rows of which one carries a change, or three rows, or rows under a heading
that speaks of losses. A heading about deliveries or stocks ("supplied", "inventory") makes the
rows not losses. The rows' claimant may be named only in the heading ("Ministry of Defence of
Ukraine" above the table): `heading_before` returns the text to read it from.

Everything here works on lines, and only for documents where a figure sits right after a row
separator or before a bracketed change, so news text without tables costs one `str.find`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from attrition.extract.numbers import QUALIFIER_OF
from attrition.extract.vocabulary import EQUIPMENT, MUNITIONS, NOUNS, TABLE_LABELS, one_spaced

_NUM = r"\d{1,3}(?:,\d{3})+|\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d,])|\d+"
_QUAL = (
    r"(?:(?P<q>about|approximately|approx\.|around|some|close\s+to|almost|nearly|over|more\s+than|"
    r"at\s+least|up\s+to)\s+)?"
)
_CHANGE = r"\s*\(\s*\+\s*(?P<{0}>{1})\s*(?:per\s+day|in\s+a\s+day|today)?\s*\)"
_UNIT = (
    r"(?:\s+(?:persons|people|troops|units|pcs\.?|pieces|items))?"
    r"(?:\s+(?:destroyed|liquidated|eliminated|killed))?"
)
_LABEL = r"(?<![A-Za-z'’])[A-Za-z][A-Za-z /'’-]{0,60}?"
#: A row ends its item (what may follow: a full stop).
_ROW_END = r"(?=\s*[.;]?\s*$)"
_SEP = r"\s*(?:[—–‒―-]+|:|\.{3,}|…+)\s*"  # a dash, a colon or a dotted leader
#: "label — [about] TOTAL [(+N)] [unit]"
_ROW_LABEL_FIRST = re.compile(
    rf"(?P<label>{_LABEL}){_SEP}{_QUAL}(?P<total>{_NUM})(?:{_CHANGE.format('day', _NUM)})?{_UNIT}{_ROW_END}",
    re.IGNORECASE,
)
#: "[about] TOTAL (+N) label"
_ROW_FIGURE_FIRST = re.compile(
    rf"{_QUAL}(?P<total>{_NUM}){_CHANGE.format('day', _NUM)}\s+(?P<label>{_LABEL}){_ROW_END}", re.IGNORECASE
)
#: "[about] TOTAL label [(+N)]": the figure, then what it counts, then the day's change if any
_ROW_FIGURE_LABEL = re.compile(
    rf"{_QUAL}(?P<total>{_NUM})\s+(?P<label>{_LABEL})(?:{_CHANGE.format('day', _NUM)})?{_ROW_END}",
    re.IGNORECASE,
)
#: "label [about] TOTAL [(+N)]" with no separator, as an item of a " / " list.
_ROW_LABEL_NUMBER = re.compile(
    rf"\s*(?P<label>{_LABEL})\s+{_QUAL}(?P<total>{_NUM})(?:{_CHANGE.format('day', _NUM)})?\s*[.;]?\s*",
    re.IGNORECASE,
)
_SLASH_SPLIT = re.compile(r"\s+/\s+")
#: "label: A / B": one category, one figure per side named in the heading ("Russia / Ukraine").
_ROW_TWO_SIDES = re.compile(
    rf"(?P<label>{_LABEL}){_SEP}{_QUAL}(?P<a>{_NUM})\s*/\s*(?P<b>{_NUM}){_ROW_END}", re.IGNORECASE
)
#: "aircraft/helicopters – 360/326", "aircraft/helicopters 360 (+1)/326"
_ROW_PAIR = re.compile(
    rf"(?P<la>[A-Za-z][A-Za-z -]{{0,30}}?)\s*/\s*(?P<lb>[A-Za-z][A-Za-z -]{{0,30}}?)(?:{_SEP}|\s+)"
    rf"(?P<a>{_NUM})(?:{_CHANGE.format('da', _NUM)})?\s*/\s*(?P<b>{_NUM})(?:{_CHANGE.format('db', _NUM)})?",
    re.IGNORECASE,
)
#: "| label | [~]TOTAL | [(]+N[)] |": a row of a pipe (Markdown) table; the change column may be absent.
_ROW_PIPE = re.compile(
    rf"^\s*\|\s*(?P<label>[A-Za-z][A-Za-z /'’()-]{{0,60}}?)\s*\|\s*(?:(?P<tilde>~)\s*)?{_QUAL}(?P<total>{_NUM})\s*"
    rf"(?:\|\s*\(?\s*\+?\s*(?P<day>{_NUM})\s*\)?\s*)?\|?\s*$",
    re.IGNORECASE,
)
#: A bullet or a list number opening a row ("- ", "• ", "1. ", "2) ").
_ROW_PREFIX = re.compile(r"^\s*(?:[-•*–]\s+|\d{1,2}[.)]\s+)?")
#: Where rows of one line part: ", " or "; " (a comma inside "522,810" has no space after it).
_ITEM_SPLIT = re.compile(r"[,;]\s+")
#: A heading that speaks of losses makes rows without a change a table.
_LOSS_HEADING = re.compile(
    r"\b(?:loss(?:es)?|destroyed|downed|shot\s+down|eliminated|liquidated|casualties|killed|lost|tally|tallies|toll)\b",
    re.IGNORECASE,
)
#: A heading about what a side has or receives: its rows are not losses.
_STOCK_HEADING = re.compile(
    r"\b(?:supplied|supplies|delivered|deliveries|pledged|package|donated|inventory|arsenal|stocks?|"
    r"fleet|has|have|owns|received|produced|production|order(?:ed|s)?)\b",
    re.IGNORECASE,
)
#: How many characters of the lines above a table are read as its heading.
HEADING_REACH = 300
#: Rows a block needs to be a table without a change or a loss heading.
MIN_PLAIN_ROWS = 3


@dataclass(slots=True, frozen=True)
class Row:
    """One figure of a table: where it is, what it counts, and whether it is the total or the change."""

    start: int  # the figure's first digit (or its qualifier, for `span_start`)
    end: int
    value: float
    qualifier: str
    category: str  # a claim category, or "personnel" (counted killed, wounded and captured together)
    kind: str  # "cumulative" or "day"
    span_start: int
    slot: int | None = None  # in "label: A / B" under "Russia / Ukraine": 0 for A, 1 for B
    column: str | None = None  # the header of its column, in a table whose header names its columns

    def is_claim(self) -> bool:
        return loss_row(self.category, self.kind, self.value)


def loss_row(category: str, kind: str, value: float) -> bool:
    """Whether a loss-table row's figure is a loss claim (for the rows read here and the bulletin lines
    the grammar reads): a munitions row ("cruise missiles") only keeps its table together, and a zero
    change ("(+0)") is no daily claim (the row's total still is), nor a zero in a column of its own
    ("Tanks | 21 | 0" under "Israel | Hezbollah")."""
    return category != MUNITIONS and not (kind != "cumulative" and value == 0)


#: A parenthesis in a row label: what it adds does not name the category.
_PARENTHESIS = re.compile(r"\s*\([^)]*\)")


def _category(label: str) -> str | None:
    """The category a row label names ("air defence means" -> air_defense), or None."""
    words = one_spaced(label.replace("(", " ").replace(")", " ").strip()).strip(" -")
    bare = _PARENTHESIS.sub(" ", label).strip().lower()  # "Artillery (towed and self-propelled)"
    for candidate in (words, words.split(" ", 1)[-1], bare):  # "enemy tanks", "Russian aircraft"
        cls = TABLE_LABELS.get(candidate) or NOUNS.get(candidate)
        if cls in EQUIPMENT or cls in ("other", "personnel", "outcome:casualties", MUNITIONS):
            return "personnel" if cls == "outcome:casualties" else cls
    return None


def _value(raw: str) -> float:
    return float(re.sub(r"[,\s\u00a0\u202f]", "", raw))


def _rows_in_item(item: str, at: int) -> list[Row]:
    """The rows of one item of a line (`at`: its offset in the document)."""
    pair = _ROW_PAIR.search(item)
    if pair is not None and item[pair.end() :].strip(" .") == "":
        ca, cb = _category(pair.group("la")), _category(pair.group("lb"))
        if ca and cb:
            out: list[Row] = []
            for cat, num, change in ((ca, "a", "da"), (cb, "b", "db")):
                s, e = pair.span(num)
                out.append(Row(at + s, at + e, _value(pair.group(num)), "exact", cat, "cumulative", at + s))
                if pair.group(change):
                    cs, ce = pair.span(change)
                    out.append(
                        Row(at + cs, at + ce, _value(pair.group(change)), "exact", cat, "day", at + cs)
                    )
            return out
    sides = _ROW_TWO_SIDES.search(item)
    per_side = _category(sides.group("label")) if sides else None
    if sides is not None and per_side is not None:  # "Aircraft: 94 / 68" under "Russia / Ukraine"
        return [
            Row(
                at + sides.start(g),
                at + sides.end(g),
                _value(sides.group(g)),
                "exact",
                per_side,
                "cumulative",
                at + sides.start(g),
                n,
            )
            for n, g in enumerate(("a", "b"))
        ]
    for pattern in (_ROW_LABEL_FIRST, _ROW_FIGURE_FIRST):
        # the row ends the item: "... are approximately: personnel - about 522,810 (+1,110) persons"
        row = pattern.search(item)
        if row is None:
            continue
        row_cat = _category(row.group("label"))
        if row_cat is None:
            continue
        span_start = row.start("q") if row.group("q") else row.start("total")
        return _total_and_day(row, row_cat, _qualifier(row.group("q")), at, span_start)
    return []


def _qualifier(words: str | None) -> str:
    return QUALIFIER_OF.get(one_spaced(words or ""), "exact")


def _total_and_day(row: re.Match[str], cat: str, qual: str, at: int, span_start: int) -> list[Row]:
    """A row's running total (its span from `span_start`, offsets in the line) and its day's change."""
    s, e = row.span("total")
    out = [Row(at + s, at + e, _value(row.group("total")), qual, cat, "cumulative", at + span_start)]
    if row.group("day"):
        ds, de = row.span("day")
        out.append(Row(at + ds, at + de, _value(row.group("day")), "exact", cat, "day", at + ds))
    return out


def _pipe_rows(line: str, at: int) -> list[Row]:
    """The rows of one line of a pipe table ("| Tanks | 10,594 | (+3) |"); a header, a rule or a row
    whose label names nothing gives none."""
    row = _ROW_PIPE.match(line)
    cat = _category(row.group("label")) if row else None
    if row is None or cat is None:
        return []
    qual = "around" if row.group("tilde") else _qualifier(row.group("q"))
    opener = "tilde" if row.group("tilde") else "q" if row.group("q") else "total"
    return _total_and_day(row, cat, qual, at, row.start(opener))


#: A header cell naming the day's change, or the running total.
_DAY_HEADER = re.compile(r"\bchange\b|\+|\b24\s*h|\b(?:past|last)\s+day\b|\btoday\b|\bdaily\b", re.IGNORECASE)
_TOTAL_HEADER = re.compile(
    r"\b(?:total|since|cumulative|overall|to\s+date|so\s+far|all\s+time)\b", re.IGNORECASE
)
#: A Markdown rule line under a header.
_RULE_LINE = re.compile(r"^[\s|:=-]+$")
#: A cell of a column table: [about | ~] a figure, or a change ("+11", "(+3)", "(0)").
_CELL = re.compile(rf"^\s*(?:(?P<tilde>~)\s*)?{_QUAL}\(?\s*\+?\s*(?P<total>{_NUM})\s*\)?\s*$", re.IGNORECASE)


def _cells(line: str) -> list[tuple[int, str]] | None:
    """The cells of a pipe-separated line with their offsets ("Tanks | 58 | 11,612", "| a | b |"), or
    None for a line of fewer than three cells."""
    parts: list[tuple[int, str]] = []
    if "|" not in line:  # columns aligned with spaces: "Combat aircraft        148        97"
        if "  " not in line and "\t" not in line:
            return None
        aligned = [(m.start(), m.group()) for m in _ALIGNED_CELL.finditer(line)]
        return aligned if len(aligned) >= 2 else None  # two: a label run into its first figure
    pos = 0
    for piece in line.split("|"):
        parts.append((pos, piece))
        pos += len(piece) + 1
    if parts and not parts[0][1].strip():
        parts = parts[1:]
    if parts and not parts[-1][1].strip():
        parts = parts[:-1]
    return parts if len(parts) >= 3 else None


#: An aligned row's first cell run into its first figure by one space ("Surface-to-air systems 310").
_LABEL_THEN_FIGURE = re.compile(r"(.*[A-Za-z)]) (\d[\d,.]*)")
#: A cell of a table aligned with spaces: text up to a run of two or more spaces or a tab.
_ALIGNED_CELL = re.compile(r"\S+(?: \S+)*")


def column_kind(header: str) -> str:
    """What a column of figures counts over, from its header: "day" for the day's change, "cumulative"
    for a running total, else "column:<header>" (a stretch the header names, "February 2026")."""
    if _DAY_HEADER.search(header):
        return "day"
    if _TOTAL_HEADER.search(header):
        return "cumulative"
    return "column:" + header.strip()


def _column_rows(line: str, at: int, header: list[str], title: str = "") -> list[Row]:
    """The rows of one line of a table whose header names its columns ("Category | February 2026 |
    Total since Feb. 24, 2022"): each figure's period comes from its column's header; in a table whose
    header names categories, from the table's `title` (the line above it)."""
    cells = _cells(line)
    if cells is not None and len(cells) == len(header) - 1 and "|" not in line:
        # "Surface-to-air systems 310       160": a long label leaves one space before the first figure
        label = _LABEL_THEN_FIGURE.fullmatch(cells[0][1])
        if label is not None:
            off = cells[0][0]
            cells = [(off, label.group(1)), (off + label.start(2), label.group(2)), *cells[1:]]
    if cells is None or len(cells) != len(header):
        return []
    cat = _category(cells[0][1])
    # "| Group of forces | Personnel | Armoured vehicles |" over "| Sever | 1,390 | 6 |": the header names
    # each column's category, and the title above the table its period
    by_column = [_category(h) for h in header[1:]] if cat is None else []
    if cat is None and not all(by_column):
        return []
    out: list[Row] = []
    for n, ((off, cell), head) in enumerate(zip(cells[1:], header[1:], strict=True)):
        m = _CELL.match(cell)
        if m is None:
            continue
        column_cat = by_column[n] if by_column else cat
        if column_cat is None:
            continue
        kind = "column:" + title if by_column else column_kind(head)
        s, e = m.span("total")
        opener = m.start("tilde") if m.group("tilde") else m.start("q") if m.group("q") else s
        qual = "around" if m.group("tilde") else _qualifier(m.group("q"))
        out.append(
            Row(
                at + off + s,
                at + off + e,
                _value(m.group("total")),
                qual,
                column_cat,
                kind,
                at + off + opener,
                column=head.strip(),
            )
        )
    return out


def _header(line: str) -> list[str] | None:
    """The cells of a table's header line: three or more cells, the first naming no category."""
    cells = _cells(line)
    if (
        cells is None
        or len(cells) < 3
        or _category(cells[0][1]) is not None
        or any(_CELL.match(c) for _, c in cells[1:])
    ):
        return None
    return [c.strip() for _, c in cells]


def _line_rows(line: str, at: int, header: list[str] | None = None, title: str = "") -> list[Row]:
    """Every row of one line: a line may hold one row or a whole table run together with commas."""
    if header is not None:
        return _column_rows(line, at, header, title)
    if line.lstrip().startswith("|"):
        return _pipe_rows(line, at)
    prefix = _ROW_PREFIX.match(line)
    body_at = prefix.end() if prefix else 0
    whole = _ROW_FIGURE_LABEL.match(line, body_at)
    if whole is not None:  # "3,782 tanks (+6)", "308 airplanes": only as a line of its own
        cat = _category(whole.group("label"))
        opener = "q" if whole.group("q") else "total"
        return (
            _total_and_day(whole, cat, _qualifier(whole.group("q")), at, whole.start(opener)) if cat else []
        )
    rows: list[Row] = []
    if line.count(" / ") >= 2:
        # "tanks 10,136 (+7) / armoured combat vehicles 21,095 (+9) / aircraft 369": items after " / "
        pos = body_at
        for sep in [*_SLASH_SPLIT.finditer(line, body_at), None]:
            end = sep.start() if sep is not None else len(line)
            labelled = _ROW_LABEL_NUMBER.fullmatch(line, pos, end)
            cat = _category(labelled.group("label")) if labelled else None
            if labelled is not None and cat is not None:
                opener = "q" if labelled.group("q") else "total"
                rows.extend(
                    _total_and_day(labelled, cat, _qualifier(labelled.group("q")), at, labelled.start(opener))
                )
            pos = sep.end() if sep is not None else len(line)
        if rows:
            return rows
    pos = body_at
    for sep in [*_ITEM_SPLIT.finditer(line, body_at), None]:
        end = sep.start() if sep is not None else len(line)
        item = line[pos:end]
        if any(c.isdigit() for c in item):
            rows.extend(_rows_in_item(item, at + pos))
        pos = sep.end() if sep is not None else len(line)
    return rows


def _is_table(rows: list[Row], heading: str) -> bool:
    """Whether the rows of a block read as a loss table (see the module docstring)."""
    totals = [r for r in rows if r.kind == "cumulative"]
    changes = len(rows) - len(totals)
    if any(r.kind.startswith("column:") for r in rows):
        return len(rows) >= 2  # under a header that names its columns: a table of categories
    if _STOCK_HEADING.search(heading) and not _LOSS_HEADING.search(heading):
        return False
    if changes and len(totals) >= 2:
        return True
    if _LOSS_HEADING.search(heading):
        return len(totals) >= 2 or bool(changes)
    return len(totals) >= MIN_PLAIN_ROWS


def may_hold_table(text: str) -> bool:
    """Cheap gate: a bracketed change, a pipe-table cell, or a figure right after a row separator
    (`str.find` per separator, which costs far less than a regex scan of the text)."""
    if "(+" in text or "| " in text or "  " in text and _ALIGNED_FIGURE.search(text):
        return True
    for sep in _SEPARATORS:
        i = text.find(sep)
        while i >= 0:
            j = i + len(sep)
            if _FIGURE_AFTER.match(text, j) and not (sep == ":" and text[i - 1 : i].isdigit()):
                return True  # not a clock time ("10:30")
            i = text.find(sep, j)
    return False


#: A figure in a column aligned with spaces ("Helicopters            162        48").
_ALIGNED_FIGURE = re.compile(r"\S[ \t]{2,}\d")
_SEPARATORS = ("—", "–", "‒", "―", " -", ":", "... ", "… ")
_FIGURE_AFTER = re.compile(r"\s*(?:about\s+|approximately\s+)?\d")


def find_rows(text: str) -> tuple[dict[int, Row], dict[int, int]]:
    """Rows of every loss table in `text`, by the offset of their figure's first digit, and for each,
    the offset where its table's block starts (for the heading above it)."""
    rows: dict[int, Row] = {}
    block_of: dict[int, int] = {}
    block: list[Row] = []
    block_start = 0
    pos = 0
    lines = text.split("\n")
    starts = []
    for line in lines:
        starts.append(pos)
        pos += len(line) + 1
    header: list[str] | None = None
    title = ""
    for n, line in enumerate([*lines, ""]):
        if header is not None and not block and _RULE_LINE.match(line):
            continue  # "---|---|---" under a header
        if (
            ("|" in line or "  " in line or "\t" in line)
            and not block
            and (head := _header(line)) is not None
        ):
            header = head  # "Category | February 2026 | Total since ...": the columns' periods
            title = next((ln.strip() for ln in reversed(lines[max(0, n - 3) : n]) if ln.strip()), "")
            continue
        # a line right under a row may be a row without a change ("308 airplanes" under "3,782 tanks (+6)")
        found = (
            _line_rows(line, starts[n], header, title)
            if n < len(lines) and (block or may_hold_table(line))
            else []
        )
        if found:
            if not block:
                block_start = starts[n]
            block.extend(found)
            continue
        if block:
            heading = heading_before(text, block_start, block[0].span_start)
            if _is_table(block, heading):
                for r in block:
                    rows[r.start] = r
                    block_of[r.start] = block_start
            block = []
        header = None
    return rows, block_of


def heading_before(text: str, block_start: int, first_row: int) -> str:
    """The heading of a table: the lines above its block and the words before its first row."""
    return text[max(0, block_start - HEADING_REACH) : first_row]
