"""Report vocabulary has one home, the package review/extract/lexicon: no reader under review/extract/rules
writes a word of it into its own patterns. What a reader may still write is number and layout
grammar — units after a number (万元, 元, 分), the list marks of headings (一、, （二）), 年/月 of a
date — and the short names built from lexicon constants."""

from __future__ import annotations

import ast
import re
from pathlib import Path

RULES = Path(__file__).resolve().parents[2] / "review" / "extract" / "rules"
RE_CALLS = {"compile", "search", "match", "fullmatch", "finditer", "findall", "sub", "split"}
# number and layout grammar, not vocabulary
GRAMMAR = set("万元分年月日一二三四五六七八九十百千亿第")
HAN = re.compile(r"[\u4e00-\u9fa5]")


def vocabulary_in_patterns(source: str) -> list[tuple[int, str]]:
    out = []
    for node in ast.walk(ast.parse(source)):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
            continue
        if not (isinstance(node.func.value, ast.Name) and node.func.value.id == "re" and node.func.attr in RE_CALLS):
            continue
        for arg in node.args[:1]:
            for const in ast.walk(arg):
                if isinstance(const, ast.Constant) and isinstance(const.value, str):
                    words = {c for c in HAN.findall(const.value) if c not in GRAMMAR}
                    if words:
                        out.append((node.lineno, "".join(sorted(words))))
    return out


def test_no_reader_writes_report_vocabulary_into_its_patterns() -> None:
    found = {
        path.name: hits for path in sorted(RULES.glob("*.py")) if (hits := vocabulary_in_patterns(path.read_text()))
    }
    assert found == {}


def test_the_guard_sees_a_word_in_a_pattern() -> None:
    assert vocabulary_in_patterns('import re\nX = re.compile(r"其中|包括")\n') == [(2, "中其包括")]
    assert vocabulary_in_patterns('import re\nX = re.compile(r"(\\d+)\\s*万元")\n') == []
