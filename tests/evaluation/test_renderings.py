"""The rendering matrix: every grid written in every rendering keeps its cells and its labeled
relations at the same cells, so the same seeded errors are injected in every rendering."""

from __future__ import annotations

import pytest

from review.evaluation.labels import locate
from review.evaluation.matrix import rendering_matrix, text_document
from review.evaluation.renderings import RENDERINGS, Writer, cells_of, load_forms, pipe_rows, render
from review.evaluation.seeding import seeds_for
from review.load.texttables import find_tables
from review.pipeline import review_document

FORMS = load_forms()
BY_NAME = {r.name: r for r in RENDERINGS}


def _written(form_name: str, rendering: str) -> str:
    form = next(f for f in FORMS if f.name == form_name)
    return render(form, BY_NAME[rendering]).text


@pytest.mark.parametrize("rendering", RENDERINGS, ids=lambda r: r.name)
def test_every_cell_is_written_at_its_span(rendering: object) -> None:
    for form in FORMS:
        w = Writer()
        for rows in cells_of(form, rendering):  # type: ignore[arg-type]
            rendering.layout(w, rows)  # type: ignore[attr-defined]
            for row in rows:
                for key, text in row:
                    if key is not None and key in w.spans:
                        a, b = w.spans[key]
                        assert w.text[a:b] == text


@pytest.mark.parametrize("rendering", RENDERINGS, ids=lambda r: r.name)
def test_every_relation_is_labeled_in_every_rendering_and_seeded(rendering: object) -> None:
    for form in FORMS:
        got = render(form, rendering)  # type: ignore[arg-type]
        assert not got.dropped
        assert len(got.labels.consistent) == sum(len(t.relations) for t in form.tables)
        for rel in got.labels.consistent:
            span = locate(got.text, rel.quote, rel.occurrence)
            assert span is not None
            for part in rel.values or ():  # each value is the quote up to its cell: found at the quote's start
                assert got.text.find(part, span[0], span[1]) == span[0]
            for part in rel.items or ():
                assert got.text.count(part) >= 1
        assert seeds_for(got.name, got.text, got.labels)


def test_the_renderings_write_what_reports_write() -> None:
    # r6-04: "年度财政资金总额\n|\n34.64\n|\n34.64\n|\n100%"; r4-02: "年度资金总额\n\n43.2\n\n43.2"
    assert "年度资金总额\n|\n808.1\n|\n808.1\n|\n692.98" in _written("r6-10", "pipe_lines")
    assert "年度资金总额\n\n808.1\n\n808.1\n\n692.98" in _written("r6-10", "blank_lines")
    assert "\t年度资金总额\n\t808.1\n" in _written("r6-10", "word_cells")
    assert "| 年度资金总额 | 808.1万元 | 808.1万元 | 692.98万元 | 10 | 86% | 8.6 |" in _written("r6-10", "unit_suffix")
    thousands = _written("r6-10", "thousands")
    assert "| 8,081,000.00 | 6,929,800.00 |" in thousands and "项目资金（元）" in thousands
    assert "| 387,664.62 |" in _written("r1-01", "thousands")
    omitted = _written("r1-01", "merged_omitted")  # merged cells written once: missing from the left
    assert "\n| 质量指标 | 营养改善计划覆盖率 |" in omitted and "\n| 家长满意度 | ≥95% |" in omitted
    assert "\n| 产出指标（40分） | 质量指标 |" in _written("r1-01", "merged_repeated")
    # r9-03: "年度资金总额: |\n30 |\n30 |"; r1-02: "年度资金总额 |\n| 32.4 | 31.69 |"; r2-01: the form on one line
    assert "年度资金总额 |\n808.1 |\n808.1 |\n692.98 |\n" in _written("r6-10", "cell_pipes")
    assert "\n年度资金总额 |\n| 808.1 | 808.1 | 692.98 |" in _written("r6-10", "label_apart")
    assert " 年度资金总额 808.1 808.1 692.98 10 86% 8.6 其中：当年财政拨款 808.1 " in _written("r6-10", "one_line")
    assert "| 其中：当年财政 拨款 |" in _written("r6-10", "wrapped_cells")  # r1-01: "其中:当年财政 拨款"
    assert "| 年初 | 全年 | 全年 |" in _written("r1-01", "split_header")
    assert "| 预算数 | 预算数 | 执行数 |" in _written("r1-01", "split_header")


def test_words_plain_text_rendering_is_a_table_to_the_loader() -> None:
    text = _written("r6-10", "word_cells")
    (table,) = find_tables(text)
    assert [len(r) for r in table.rows] == [8] * 5
    a, b = table.rows[1][4]
    assert text[a:b] == "692.98" and text_document("r6-10.word_cells", text).blocks


def test_the_matrix_counts_relations_and_seeds_per_rendering() -> None:
    m = rendering_matrix(lambda d: review_document(d), seeded=True)
    assert list(m.by_rendering) == [r.name for r in RENDERINGS] and m.reference == "pipe"
    relations = {st.relations for st in m.by_rendering.values()}
    assert relations == {sum(len(t.relations) for f in FORMS for t in f.tables)}
    ref = m.by_rendering["pipe"]
    assert ref.seeded is not None and ref.seeded.injected > 0
    for name, st in m.by_rendering.items():
        assert st.seeded is not None and st.seen <= st.relations and st.seeded.detected <= st.seeded.injected
        unseen = [x for x in m.misses if x.rendering == name and x.what == "unseen"]
        assert len(unseen) == st.relations - st.seen


def test_pipe_rows_writes_one_line_a_row() -> None:
    w = Writer()
    pipe_rows(w, [[((0, 0, 0), "a"), ((0, 0, 1), "b")]])
    assert w.text == "| a | b |\n" and w.spans[(0, 0, 1)] == (6, 7)
