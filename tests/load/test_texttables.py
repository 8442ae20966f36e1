"""The flattened TAB table format: detection in plain text, and writing it back."""

from __future__ import annotations

import pytest

from review.load.texttables import TextBuilder, find_tables, split_lines, text_blocks


def cell_texts(text: str) -> list[list[list[str]]]:
    return [[[text[s:e] for s, e in row] for row in t.rows] for t in find_tables(text)]


def test_split_lines_only_on_newline() -> None:
    text = "a\x0bb\u2028c\n\nd\n"
    lines = split_lines(text)
    assert [text[ln.start : ln.end] for ln in lines] == ["a\x0bb\u2028c", "", "d", ""]


def test_simple_table_with_empty_cells_keeps_columns() -> None:
    text = "前言\n\n\t项目\n\t\n\t得分\n\n\t产出\n\t50\n\t\n\n后记\n"
    assert cell_texts(text) == [[["项目", "", "得分"], ["产出", "50", ""]]]
    (table,) = find_tables(text)
    assert text.split("\n")[table.last_line] == ""  # the last row's blank line is the table's
    assert text.split("\n")[table.last_line + 1] == "后记"


def test_continuation_lines_belong_to_the_cell_above() -> None:
    text = "\t指标\n\t1.第一条\n2.第二条\n3.第三条\n\t10\n\n\t说明\n第二行\n\n\t甲\n\t乙\n\n"
    assert cell_texts(text) == [[["指标", "1.第一条\n2.第二条\n3.第三条", "10"], ["说明\n第二行"], ["甲", "乙"]]]


def test_title_row_of_one_cell_joins_the_table() -> None:
    text = "附件\n\n\t打分表\n\n\t指标\n\t分值\n\n\t产出\n\t50\n\n"
    assert cell_texts(text) == [[["打分表"], ["指标", "分值"], ["产出", "50"]]]


def test_tab_indented_prose_is_not_a_table() -> None:
    text = "\t第一段。\n\n\t第二段。\n\n\t第三段。\n"
    assert find_tables(text) == []
    blocks = text_blocks(text)
    assert [b.kind for b in blocks] == ["paragraph"] * 3
    assert [text[b.start : b.end] for b in blocks] == ["\t第一段。", "\t第二段。", "\t第三段。"]


def test_one_multi_cell_row_is_not_enough() -> None:
    assert find_tables("\t甲\n\t乙\n\n\t丙\n\n正文\n") == []


def test_two_blank_lines_end_a_table() -> None:
    text = "\ta\n\tb\n\n\tc\n\td\n\n\n\te\n\tf\n\n\tg\n\th\n"
    assert cell_texts(text) == [[["a", "b"], ["c", "d"]], [["e", "f"], ["g", "h"]]]


def test_prose_right_after_the_last_row_stays_prose() -> None:
    text = "\ta\n\tb\n\n\tc\n\td\n结论段落。\n\n下一段。"
    assert cell_texts(text) == [[["a", "b"], ["c", "d"]]]
    blocks = text_blocks(text)
    assert [text[b.start : b.end] for b in blocks if b.kind == "paragraph"] == [
        "结论段落。",
        "下一段。",
    ]


@pytest.mark.parametrize("end", ["", "\n", "\n ", "\n\n"])
def test_table_at_end_of_text(end: str) -> None:
    text = "正文\n\ta\n\tb\n\n\tc\n\t97" + end
    assert cell_texts(text) == [[["a", "b"], ["c", "97"]]]


def test_text_blocks_are_ordered_and_cells_positioned() -> None:
    text = "标题\n\n\t甲\n\t\n\n\t丙\n\t丁\n\n结尾\n"
    blocks = text_blocks(text)
    assert [(b.kind, b.row, b.col, text[b.start : b.end]) for b in blocks] == [
        ("paragraph", None, None, "标题"),
        ("cell", 0, 0, "甲"),
        ("cell", 0, 1, ""),
        ("cell", 1, 0, "丙"),
        ("cell", 1, 1, "丁"),
        ("paragraph", None, None, "结尾"),
    ]
    assert all(b.table == 0 for b in blocks if b.kind == "cell")
    starts = [b.start for b in blocks]
    assert starts == sorted(starts)


def test_builder_writes_the_format_that_find_tables_reads() -> None:
    rows = [["县级打分表"], ["指标", "分值", ""], ["产出（50分）", "多行\n说明", "50"]]
    builder = TextBuilder()
    builder.paragraph("附件")
    builder.paragraph("")
    builder.table(rows, page=3)
    builder.paragraph("结尾")
    text, blocks = builder.build()
    assert text == ("附件\n\n\t县级打分表\n\n\t指标\n\t分值\n\t\n\n\t产出（50分）\n\t多行\n说明\n\t50\n\n结尾")
    assert cell_texts(text) == [rows]
    cells = [b for b in blocks if b.kind == "cell"]
    assert [text[b.start : b.end] for b in cells] == [c for row in rows for c in row]
    assert {b.page for b in cells} == {3}
    assert [b.kind for b in blocks if b.kind == "paragraph"] == ["paragraph", "paragraph"]


def test_builder_skips_rows_without_cells_and_empty_tables() -> None:
    builder = TextBuilder()
    builder.table([])
    builder.table([[], ["a", "b"]])
    text, blocks = builder.build()
    assert text == "\ta\n\tb\n"
    assert [(b.table, b.row, b.col) for b in blocks] == [(0, 0, 0), (0, 0, 1)]


def test_builder_gives_each_row_its_page() -> None:
    builder = TextBuilder()
    builder.table([["a", "1"], [], ["b", "2"]], pages=[3, 3, 4])
    builder.table([["c"]], page=5)
    _, blocks = builder.build()
    assert [(b.row, b.page) for b in blocks] == [(0, 3), (0, 3), (1, 4), (1, 4), (0, 5)]
