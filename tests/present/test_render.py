"""Rendering helpers: line numbers of findings."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from review.present.render import LineIndex, line_of


@given(st.text(alphabet="a\n中", max_size=60), st.data())
def test_line_index_agrees_with_line_of(text: str, data: st.DataObject) -> None:
    pos = data.draw(st.integers(min_value=0, max_value=len(text)))
    assert LineIndex(text)(pos) == line_of(text, pos)


def test_line_index_at_the_edges() -> None:
    lines = LineIndex("一\n二\n\n三")
    assert [lines(p) for p in (0, 1, 2, 3, 4, 5, 6)] == [1, 1, 2, 2, 3, 4, 4]
