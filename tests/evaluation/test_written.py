"""The dev samples with their numbers written another way (review/evaluation/written.py)."""

from __future__ import annotations

import json
from pathlib import Path

from review.evaluation.labels import load_labels, locate
from review.evaluation.runner import EvalOptions, run_eval
from review.evaluation.written import WRITINGS, rewritten
from tests.conftest import ROOT

# r1-19's and r13-02's amounts, a year, a list number and a short amount
TEXT = (
    "一、2023年下达就业补助资金共33832.24万元,其中中央资金27853万元,自治区资金5979.24万元。执行率100%,3个项目共850元。"
)


def test_thousands_separators_go_into_amounts_only() -> None:
    new = WRITINGS["thousands"](TEXT)
    assert new.text == (
        "一、2023年下达就业补助资金共33,832.24万元,其中中央资金27,853万元,自治区资金5,979.24万元。"
        "执行率100%,3个项目共850元。"
    )
    assert len(new.at) == len(TEXT) + 1 and new.at[-1] == len(new.text)
    for quote in ("共33832.24万元", "5979.24万元。执行率", "2023年下达"):  # every span lands on its rewriting
        a, b = locate(TEXT, quote) or (0, 0)
        assert new.span(a, b).replace(",", "") == quote


def test_full_width_numbers_keep_every_offset() -> None:
    new = WRITINGS["full_width"](TEXT)
    assert "２０２３年" in new.text and "３３８３２．２４万元" in new.text and "１００％" in new.text
    assert len(new.text) == len(TEXT) and new.at == tuple(range(len(TEXT) + 1))


def test_units_written_apart_from_their_numbers() -> None:
    new = WRITINGS["spaced_units"](TEXT)
    assert "共33832.24 万元,其中中央资金27853 万元" in new.text and "执行率100 %," in new.text
    assert "2023年" in new.text and "850 元。" in new.text
    a, b = locate(TEXT, "5979.24万元") or (0, 0)
    assert new.span(a, b) == "5979.24 万元"


def test_a_sample_is_rewritten_with_its_labels_located(tmp_path: Path) -> None:
    labels = tmp_path / "labels"
    labels.mkdir()
    (tmp_path / "s.txt").write_text(TEXT, encoding="utf-8")
    relation = {"check": "sum", "quote": "共33832.24万元", "items": ["27853万元", "5979.24万元"]}
    ratio = {"check": "ratio", "quote": "执行率100%", "values": ["100%"]}
    data = {"sample": "../s.txt", "period": "2023", "split": "dev", "consistent": [relation, ratio]}
    (labels / "s.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    (sample,) = load_labels(labels)
    out = tmp_path / "out"
    out.mkdir()
    for writing, (total, part) in {
        "thousands": ("共33,832.24万元", "5,979.24万元"),
        "full_width": ("共３３８３２．２４万元", "５９７９．２４万元"),
    }.items():
        got = rewritten(sample, writing, out)
        text = got.sample_path.read_text(encoding="utf-8")
        (rel, rate) = got.labels.consistent
        assert rel.quote == total and rel.items is not None and rel.items[1] == part
        assert all(q in text for q in (rel.quote, *rel.items, rate.quote, *(rate.values or ())))


def test_the_eval_reports_what_each_writing_keeps(tmp_path: Path) -> None:
    """Two dev reports of the corpus: their seeded errors are found however the numbers are written."""
    labels = tmp_path / "labels"
    labels.mkdir()
    corpus = ROOT / "eval" / "corpus" / "labels"
    for name in ("r1-19", "r13-02"):
        data = json.loads((corpus / f"{name}.json").read_text(encoding="utf-8"))
        data["sample"] = str((corpus / data["sample"]).resolve())
        (labels / f"{name}.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    result = run_eval(EvalOptions((labels,)))
    assert result.written is not None and set(result.written) == set(WRITINGS)
    plain = result.splits["dev"].seeded if "dev" in result.splits else result.seeded
    assert plain is not None and plain.overall.detected > 0
    for writing, form in result.written.items():
        assert form.samples == 2 and form.injected > 0, writing
        assert form.lost == [] and form.kept == 1.0, writing
    assert result.metrics["written.thousands.kept"] == 1.0
