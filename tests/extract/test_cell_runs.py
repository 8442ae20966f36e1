"""Runs of cells in text written one cell a line or a paragraph (dev corpus r5-01, r6-11)."""

from __future__ import annotations

from review.extract.rules.cell_runs import MAX_CELL, cell_runs


def texts(text: str) -> list[list[str]]:
    return [[text[s:e] for s, e in run] for run in cell_runs(text)]


def test_one_blank_line_between_cells_keeps_the_run_and_two_end_it() -> None:
    text = "编制数\n\n2023 年实际在职人数\n\n控制率\n\n46\n\n50\n\n108.70%\n\n\n\n经费控制情况(万元\n\n2022 年决算数\n"
    assert texts(text) == [
        ["编制数", "2023 年实际在职人数", "控制率", "46", "50", "108.70%"],
        ["经费控制情况(万元", "2022 年决算数"],
    ]


def test_cells_are_stripped_and_prose_or_tab_lines_end_a_run() -> None:
    prose = "说" * (MAX_CELL + 1)
    text = f"预算数:\n\n      2.38  万元\n\n{prose}\n执行数:\n\t2.38\n其中:中央补助\n    2.38万元\n"
    assert texts(text) == [["预算数:", "2.38  万元"], ["其中:中央补助", "2.38万元"]]
