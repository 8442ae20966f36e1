"""The 项目资金 block of a 项目支出绩效自评表 as a stream of tokens, in whatever rendering it reached us.

Pipes, spaces and line breaks are all separators: the block is a header naming at least three
template columns (年初预算数 全年预算数 全年执行数 分值 执行率 得分), then rows, each a template row
label (年度资金总额, 其中：当年财政拨款 …) followed by its numbers and empty-cell marks, until other
text. A 行次 column's serial after each label (1, 2, 3) and a 列次 line (列次 0 1 2 …) are not
values. A run of digits, points and % signs that is no single number (194.9194.9100%) is one
token marked glued, for review.extract.rules.fund_runs to cut. Which column each number is in is
left to review.extract.rules.form_funds.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from review.extract.rules.form_template import Template, norm, template
from review.extract.rules.table_columns import FIELD_SPLIT, stacked_cells

_SEP = re.compile(r"[\s|｜:：]*")
_DIGIT = re.compile(r"\d")
_NUMBER = re.compile(r"(?<![\d.])(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?:\s*([%％]))?(?![\d.])")
_AMOUNT_UNIT = re.compile(r"[ \u3000]*(万元|元)")
_UNIT_PAREN = re.compile(r"[（(]\s*(万元|元|%|％|分)\s*[)）]")
# between two column names of a header: separators and short parentheticals — (万元), (A), (B/A), (20分*执行率)
_PAREN = r"[（(][^（()）\n]{0,14}[)）]"
# …and a column's letters (B/A) the rendering left unclosed right before the next name: 执行率(B/A1得分
_GAP = re.compile(rf"^(?:[\s|｜:：]|{_PAREN})*(?:[（(][A-Za-z0-9/／]{{1,6}})?$")
_GAPS = re.compile(rf"(?:[\s|｜:：]|{_PAREN})*")
_SKIP = re.compile(_PAREN)
# after a row label: its unit and what it counts — (万元,自有资金、社会资本、以前年度结转结余资金等)
_LABEL_NOTE = re.compile(r"[\s:：]*[（(][^（()）\n]{0,40}[)）]")
_WORD = re.compile(r"[^\s|｜\d]{1,8}(?=[\s|｜])")
_INTEGERS = re.compile(r"(?:[\s|｜]*\d{1,2}(?![\d.%％]))+")
# a cell of a column the template does not know: 预算下达文件 under 佐证材料, or a numbered note under
# 原因 (1.预算执行率=预算执行数/调整后预算数,…), to the end of its line
_CELL_TEXT = re.compile(r"(?:\d{1,2}[.．、](?=[^\d\s]))?[^\d\n](?:[^\n]{0,300}?)(?=[\s|｜]*\n)")
# cells run together: a run of digits, points, commas and % signs with no separator in it (a % may be
# written apart, 194.9194.9100 %, as PDF text writes a rate)
_RUN = re.compile(r"\d(?:(?:[\d.,]|[ \u3000]?[%％](?=[\d.]))*(?:\d|[ \u3000]?[%％]))?(?![\d.,])")
_WINDOW = 1500  # characters after a header in which its rows are looked for


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    value: Decimal | None  # None: an empty-cell mark, or cells run together (glued)
    percent: bool = False
    glued: bool = False  # digits, points and % signs that are no single number: 194.9194.9100%
    cut: bool = False  # a cell cut from such a run (review.extract.rules.fund_runs)
    unit: str = ""  # the cell's own amount unit (808.1万元, 72890元); "" when the header's applies


@dataclass(frozen=True)
class Row:
    label: str  # normalised
    label_start: int
    tokens: tuple[Token, ...]


@dataclass(frozen=True)
class Block:
    header: tuple[str, ...]  # column roles in order (a 行次 column left out: its numbers are in no row)
    unit: str
    rows: tuple[Row, ...]
    closed: bool = False  # the form goes on after the rows (年度总体目标…): no part row was cut off
    unread: tuple[Row, ...] = ()  # rows whose 行次 number is missing


@lru_cache(maxsize=4)  # a few documents' worth: the readers of one document share it, a batch does not pile up
def find_blocks(text: str) -> tuple[Block, ...]:
    """Every fund block of the text (cached: the fund reader and the whole-form reader both ask)."""
    tpl = template()
    out: list[Block] = []
    pos = 0
    while (header := _first_header(text, pos, tpl)) is not None:
        roles, start, end, unknown = header
        rows, stop, closed = _rows(text, end, tpl, unknown, _lead_cell(text, start))
        if rows:
            out.append(_serials(Block(roles, _unit(text, start, end), tuple(rows), closed=closed)))
        pos = max(stop, end)
    return tuple(out + _headless_blocks(text, tpl, out))


def _headless_blocks(text: str, tpl: Template, found: list[Block]) -> list[Block]:
    """A 绩效目标表's fund block: its heading (项目金额(万元)), then rows with no header, each label followed by at
    most one amount, the year's budget (年度资金总额 | 100 | 其中:财政拨款 | 100 | 其他资金 |). Not where a header
    block already read its rows."""
    if tpl.headless is None:
        return []
    taken = {r.label_start for b in found for r in b.rows}
    out = []
    for m in tpl.headless.finditer(text):
        at = _GAPS.match(text, m.end()).end()  # type: ignore[union-attr]  # matches the empty string
        label = tpl.row_names.match(text, at)
        if label is None or tpl.row_role.get(norm(label.group())) != "total" or at in taken:
            continue
        rows, _, closed = _rows(text, at, tpl, False)
        if len(rows) < 2 or any(len(r.tokens) > 1 for r in rows):
            continue
        out.append(Block((tpl.headless_column,), _unit(text, m.start(), at), tuple(rows), closed=closed))
    return out


def _first_header(text: str, pos: int, tpl: Template) -> tuple[tuple[str, ...], int, int, bool] | None:
    """The next header: a run of column names, or a header written over two rows where that comes
    first or the run is within it (its top row's 分值 执行率 得分 alone)."""
    run, stacked = _header(text, pos, tpl), _stacked_header(text, pos, tpl)
    if stacked is None or (run is not None and run[2] <= stacked[1]):
        return run
    return stacked


def _stacked_header(text: str, pos: int, tpl: Template) -> tuple[tuple[str, ...], int, int, bool] | None:
    """A header written over two rows, each cell's words split between them (年初 | 全年 | 全年 over
    预算数 | 预算数 | 执行数): two lines of as many cells (the lower's last ones may be left out
    empty), no digit in either, whose cells joined column
    by column name at least three template columns and more than the top row's cells alone do."""
    lines = text[pos:].split("\n")
    at = pos
    for top, bottom in zip(lines, lines[1:], strict=False):
        found = _joined_roles(top, bottom, tpl)
        if found is not None:
            roles, first = found
            return roles, at + first, at + len(top) + 1 + len(bottom), False
        at += len(top) + 1
    return None


def _joined_roles(top: str, bottom: str, tpl: Template) -> tuple[tuple[str, ...], int] | None:
    cells = stacked_cells(top, bottom)
    if cells is None:
        return None
    alone = [r for _, t, _ in cells if (r := tpl.column_role.get(norm(t)))]
    joined = [(at, r) for at, _, both in cells if (r := tpl.column_role.get(norm(both)))]
    roles = tuple(r for _, r in joined)
    if len(roles) < 3 or len(roles) <= len(alone) or len(set(roles)) < len(roles):
        return None
    return roles, joined[0][0]


def _serials(block: Block) -> Block:
    """A form with a 行次 column numbers its rows (年度资金总额 1, 其中:中央财政资金 2 …): the first
    number after each label is that serial, not a value. A row whose first number is not a next
    serial (a whole number above the one before, by at most 9: rows the template does not name may
    sit between) is not read: its serial may be missing, and its first number a value."""
    if "serial" not in block.header:
        return block
    rows: list[Row] = []
    unread: list[Row] = []
    last = 0
    for row in block.rows:
        if not row.tokens:
            rows.append(row)
            continue
        first = row.tokens[0]
        value = first.value
        if value is None or first.percent or value != value.to_integral_value() or not last < value <= last + 9:
            unread.append(row)
            continue
        last = int(value)
        rows.append(Row(row.label, row.label_start, row.tokens[1:]))
    header = tuple(r for r in block.header if r != "serial")
    return Block(header, block.unit, tuple(rows), block.closed, tuple(unread))


def _header(text: str, pos: int, tpl: Template) -> tuple[tuple[str, ...], int, int, bool] | None:
    """The next run of at least three column names separated only by separators; and whether
    words the template does not know follow it (a column such as 佐证材料 or 原因)."""
    run: list[tuple[str, int, int]] = []
    for m in tpl.column_names.finditer(text, pos):
        role = tpl.column_role.get(norm(m.group()))
        if role is None:
            continue
        if run and not _GAP.match(text[run[-1][2] : m.start()]):
            if len(run) >= 3:
                break
            run = []
        seen = [r for r, _, _ in run]
        if role in seen:  # 年度预算数(万元) | 年初预算 | 调整后预算数: the first was a group heading
            run = run[seen.index(role) + 1 :]
        run.append((role, m.start(), m.end()))
    if len(run) < 3:
        return None
    end = run[-1][2]
    nxt = _GAPS.match(text, end).end()  # type: ignore[union-attr]  # matches the empty string
    unknown = bool(_WORD.match(text, nxt)) and not tpl.row_names.match(text, nxt)
    return tuple(r for r, _, _ in run), run[0][1], end, unknown


def _lead_cell(text: str, start: int) -> str:
    """The first cell of the header's row before its column names (项目资金（万元）): a merged cell over
    the block's rows, which some tables write again at the start of every row it spans."""
    line = text[text.rfind("\n", 0, start) + 1 : start]
    cells = [c.strip() for c in FIELD_SPLIT.split(line) if c.strip()]
    return cells[0] if cells else ""


_ROW_START = re.compile(r"(?:^|\n)[ \t|｜]*$")


def _skipped(text: str, i: int, lead: str) -> int | None:
    """Where the block goes on after a short parenthetical, or after the header's lead cell written
    again at the start of a row."""
    if m := _SKIP.match(text, i):
        return m.end()
    if not lead or not text.startswith(lead, i) or not _ROW_START.search(text[max(0, i - 8) : i]):
        return None
    return i + len(lead)


def _unit(text: str, start: int, end: int) -> str:
    near = text[max(0, start - 40) : end + 10]
    m = _UNIT_PAREN.search(near)
    return m.group(1) if m and m.group(1) in ("万元", "元") else "万元"


def _rows(text: str, pos: int, tpl: Template, unknown: bool, lead: str = "") -> tuple[list[Row], int, bool]:
    """Rows after a header: a row label, then numbers and empty marks, until a label or other text.
    Also where it stopped, and whether the form goes on there (other text, not a digit run): the
    block is closed, not cut off by the end of the text or of the window. Under a header with
    columns the template does not know, text up to the end of a row's line is such a cell when a
    row label follows it. The header's lead cell written again at the start of a row (`lead`, a
    merged cell repeated on every row it spans) is that merged cell, not other text."""
    rows: list[Row] = []
    limit = min(len(text), pos + _WINDOW)
    label: tuple[str, int] | None = None
    tokens: list[Token] = []
    i, skipped, closed = pos, 0, False
    while i < limit:
        gap = _SEP.match(text, i)
        i = gap.end() if gap else i
        if i >= limit:
            break
        if m := tpl.row_names.match(text, i):
            if label is not None:
                rows.append(Row(label[0], label[1], tuple(tokens)))
            label, tokens, i = (norm(m.group()), m.start()), [], m.end()
            if note := _LABEL_NOTE.match(text, i):
                i = note.end()
            continue
        if label is not None and (tok := _number_or_run(text, i)):
            tokens.append(tok)
            i = tok.end
            if tok.unit:  # 808.1万元: the cell's unit, read with its number
                i = _AMOUNT_UNIT.match(text, i).end()  # type: ignore[union-attr]  # matched in _number_or_run
            continue
        if label is not None and (m := tpl.empty.match(text, i)):
            tokens.append(Token(m.start(), m.end(), None))
            i = m.end()
            continue
        if (after := _skipped(text, i, lead)) is not None:  # (万元), (B/A) after a name; the lead cell again
            i = after
            continue
        if label is None and (m := tpl.column_numbers.match(text, i)) and (n := _INTEGERS.match(text, m.end())):
            i = n.end()  # 列次 0 1 2 3 …: the columns' numbers, before any row
            continue
        if label is None and (m := _WORD.match(text, i)) and (skipped := skipped + len(m.group())) <= 24:
            i = m.end()  # a header column the template does not know (原因, 偏差原因分析): before any row
            continue
        if label is not None and unknown and (row_start := _cell_text(text, i, tpl)) is not None:
            i = row_start  # 预算下达文件、资金到位及支出凭证 under 佐证材料, then the next row
            continue
        closed = _DIGIT.match(text, i) is None
        break  # other text: the block ends
    if label is not None:
        rows.append(Row(label[0], label[1], tuple(tokens)))
    return rows, i, closed


def _number_or_run(text: str, i: int) -> Token | None:
    """The number at `i`, or the run of cells written together there (cut by review.extract.rules.fund_runs)."""
    num, run = _NUMBER.match(text, i), _RUN.match(text, i)
    if run is not None and (num is None or num.end() < run.end()):
        return Token(run.start(), run.end(), None, glued=True)
    if num is None:
        return None
    unit = _AMOUNT_UNIT.match(text, num.end()) if not num.group(2) else None
    value = Decimal(num.group(1).replace(",", ""))
    return Token(num.start(), num.end(), value, bool(num.group(2)), unit=unit.group(1) if unit else "")


def _cell_text(text: str, i: int, tpl: Template) -> int | None:
    """Where the next row label starts, if only a cell of text to the end of the line is before it."""
    m = _CELL_TEXT.match(text, i)
    if m is None:
        return None
    after = _SEP.match(text, m.end())
    nxt = after.end() if after else m.end()
    return nxt if tpl.row_names.match(text, nxt) else None
