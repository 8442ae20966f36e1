"""Rendering helpers: line numbers of findings; what the JSON says of how the text was read."""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st

from review.pipeline import review_document
from review.present.render import LineIndex, line_of, to_json
from tests.conftest import doc_of


@given(st.text(alphabet="a\n中", max_size=60), st.data())
def test_line_index_agrees_with_line_of(text: str, data: st.DataObject) -> None:
    pos = data.draw(st.integers(min_value=0, max_value=len(text)))
    assert LineIndex(text)(pos) == line_of(text, pos)


def test_line_index_at_the_edges() -> None:
    lines = LineIndex("一\n二\n\n三")
    assert [lines(p) for p in (0, 1, 2, 3, 4, 5, 6)] == [1, 1, 2, 2, 3, 4, 4]


def test_the_json_says_how_the_text_was_read() -> None:
    """r1-06's heading (pinyin after 衛 執 補 經 費): the document says it was read as simplified
    without the pinyin; a simplified text says it was read as it is."""
    trad = review_document(doc_of("2020年云南省級自然資源衛(wèi)片執(zhí)法補(bǔ)助經(jīng)費(fèi)72890元"))
    simp = review_document(doc_of("2020年云南省级自然资源卫片执法补助经费72890元"))
    (doc_t,) = json.loads(to_json([trad]))["documents"]
    (doc_s,) = json.loads(to_json([simp]))["documents"]
    assert doc_t["reading"] == {"traditional": 7, "pinyin": 5, "widths": 0}  # 級資衛執補經費
    assert doc_t["notes"] == ["繁体已转换为简体读取（7字）；拼音注音已略过（5处），引文仍为原文"]
    assert doc_s["reading"] == {"traditional": 0, "pinyin": 0, "widths": 0} and doc_s["notes"] == []
    (wide,) = json.loads(to_json([review_document(doc_of("2020年补助经费７２８９０元"))]))["documents"]
    assert wide["reading"] == {"traditional": 0, "pinyin": 0, "widths": 5}
    assert wide["notes"] == ["全角数字与“萬/億”已按半角与“万/亿”读取（5字），引文仍为原文"]
    (q,) = [c for c in doc_t["claims"] if c["kind"] == "quantity"]
    assert q["text"] == "72890元" and doc_t["text"][q["start"] : q["end"]] == "72890元"
    assert q["label"] == "2020年云南省级自然资源卫片执法补助经费"
