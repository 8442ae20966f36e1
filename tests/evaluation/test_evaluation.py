"""The regression eval: labels, the matching rule, claim scoring, the gate, decisions import, CLI."""

from __future__ import annotations

import json
import re
from decimal import Decimal
from pathlib import Path

import pytest

from review.core.claims import Claims, Quantity, Readings, SumRelation
from review.core.findings import Finding
from review.evaluation import baseline
from review.evaluation.claimscore import score_claims
from review.evaluation.cli import main as eval_main
from review.evaluation.decisions import import_decisions, occurrence_at
from review.evaluation.labels import GoldClaims, LabelError, load_labels, locate, validate
from review.evaluation.report import table
from review.evaluation.results import EvalResult
from review.evaluation.runner import EvalOptions, run_eval
from review.evaluation.scoring import GoldSpan, score_doc, summarize
from review.load.loader import load
from review.review_key import ReviewOptions
from review.store.reviews import Store
from tests.conftest import LABELS, ROOT, review_text

LABELS_DIR = ROOT / "eval" / "labels"
TEXT = "收入合计100万元，其中甲60万元，乙40万元。执行率为90%。共3个项目，其中完成2个。"


def finding(check: str, start: int, end: int, severity: str = "high", text: str = TEXT) -> Finding:
    return Finding(id="F", check=check, severity=severity, message="m", start=start, end=end, quote=text[start:end])  # type: ignore[arg-type]


def span(quote: str, text: str = TEXT) -> tuple[int, int]:
    found = locate(text, quote)
    assert found is not None
    return found


def test_labels_keep_every_seed_label_and_every_quote_is_in_its_sample() -> None:
    samples = {s.sample_path.name: s for s in load_labels(LABELS_DIR)}
    for name, seed in LABELS["documents"].items():
        labels = samples[name].labels
        assert [(f.id, f.check, f.severity, f.quote) for f in labels.findings] == [
            (f["id"], f["check"], f["severity"], f["quote"]) for f in seed["findings"]
        ]
        kept = {(c.check, c.quote) for c in labels.consistent}
        assert {(c["check"], c["quote"]) for c in seed["consistent"]} <= kept
        assert labels.period == seed["period"]
    for s in load_labels(LABELS_DIR):
        validate(s, load(s.sample_path).text)


def test_gold_claim_values_are_the_numbers_their_quotes_state() -> None:
    with_claims = [s for s in load_labels(LABELS_DIR) if s.claims]
    assert len(with_claims) >= 2
    for s in with_claims:
        assert isinstance(s.claims, GoldClaims)
        for q in s.claims.quantities:
            digits = re.findall(r"\d+(?:\.\d+)?", q.quote)
            if digits:
                assert Decimal(digits[-1]) == q.value, q
            assert q.unit in q.quote, q


def test_locate_counts_occurrences() -> None:
    assert locate("a1a2a3", "a", 2) == (4, 5)
    assert locate("a1a2a3", "a", 3) is None
    assert occurrence_at("a1a2a3", "a", 4) == 2
    with pytest.raises(LabelError):
        occurrence_at("a1a2a3", "a", 1)


def test_matching_rule_same_check_and_overlap() -> None:
    gold = [
        GoldSpan("G1", "sum", "high", "收入合计100万元", span("收入合计100万元")),
        GoldSpan("G2", "ratio", "medium", "执行率为90%", span("执行率为90%")),
    ]
    clean = [GoldSpan("C1", "count", None, "共3个项目", span("共3个项目"))]
    s, e = span("100万元")
    produced = [
        finding("sum", s, e),  # matches G1 (same check, overlap)
        finding("ratio", s, e),  # overlaps G1 but another check: unlabeled
        finding("count", *span("共3个")),  # false alarm on C1, and unlabeled
    ]
    score = score_doc("t", gold, clean, produced)
    assert [g.id for g, _ in score.matched] == ["G1"] and [g.id for g in score.missed] == ["G2"]
    assert len(score.unlabeled) == 2 and len(score.false_alarms) == 1
    summary = summarize([score])
    assert summary.overall.model_dump() == {
        "gold": 2,
        "found": 1,
        "produced": 3,
        "correct": 1,
        "precision": 0.3333,
        "recall": 0.5,
        "f1": 0.4,
    }
    assert summary.by_check["sum"].recall == 1.0 and summary.by_check["ratio"].recall == 0.0
    assert summary.by_severity["medium"].recall == 0.0
    assert summary.false_alarms.model_dump() == {
        "clean_relations": 1,
        "flagged": 1,
        "per_clean_relation": 1.0,
        "unlabeled_findings": 2,
        "per_report": 2.0,
    }
    assert summary.missed_high == []


def test_severity_agreement_and_missed_high() -> None:
    gold = [GoldSpan("G1", "sum", "high", "收入合计100万元", span("收入合计100万元"))]
    low = summarize([score_doc("t", gold, [], [finding("sum", *span("100万元"), severity="low")])])
    assert low.overall.recall == 1.0 and low.severity_agreement == 0.0
    assert summarize([score_doc("t", gold, [], [])]).missed_high == ["t:G1"]


def _q(qid: str, quote: str, value: str, unit: str, text: str = TEXT, occurrence: int = 0) -> Quantity:
    s, e = locate(text, quote, occurrence) or (0, 0)
    return Quantity(id=qid, text=quote, start=s, end=e, value=Decimal(value), unit=unit, decimals=0)


def test_claim_scoring_strict_partial_and_relations() -> None:
    gold = GoldClaims.model_validate(
        {
            "sample": "x.txt",
            "quantities": [
                {"quote": "100万元", "value": "100", "unit": "万元"},
                {"quote": "60万元", "value": "60", "unit": "万元"},
                {"quote": "40万元", "value": "40", "unit": "万元"},
            ],
            "relations": [{"kind": "sum", "anchors": ["收入合计100万元"]}, {"kind": "count", "anchors": ["共3个项目"]}],
        }
    )
    claims = Claims(
        quantities=(
            _q("q0", "100万元", "100", "万元"),
            _q("q1", "甲60万元", "60", "万元"),  # overlapping span: partial only
            _q("q2", "40万元", "400000", "元"),  # same span, same value in 元: strict
            _q("q3", "90%", "90", "%"),  # not gold
        ),
        relations=(
            SumRelation(total="q0", items=("q1", "q2")),
            SumRelation(total="q3", items=("q1",), category="count"),
        ),
    )
    out = score_claims(gold, TEXT, claims)
    assert (out["strict_found"], out["partial_found"], out["strict_correct"], out["partial_correct"]) == (2, 3, 2, 3)
    assert (out["relations_found"], out["relations_correct"], out["relations"]) == (1, 1, 2)
    assert any("count" in m for m in out["missed"])


def test_a_total_read_with_and_without_its_carry_over_is_one_sum_claim() -> None:
    sums = [{"kind": "sum", "anchors": ["收入合计100万元"]}]
    gold = GoldClaims.model_validate({"sample": "x.txt", "relations": sums})
    qs = (_q("q0", "100万元", "100", "万元"), _q("q1", "60万元", "60", "万元"), _q("q2", "40万元", "40", "万元"))
    readings = tuple((SumRelation(total="q0", items=items),) for items in (("q1",), ("q1", "q2")))
    for ambiguity, found in (("carryover", 1), ("cells", 0)):
        rel = Readings(start=0, end=len(TEXT), what="收入", alternatives=readings, ambiguity=ambiguity)
        out = score_claims(gold, TEXT, Claims(quantities=qs, relations=(rel,)))
        assert (out["relations_found"], out["relations"]) == (found, found)


def test_gate_tolerance_direction_and_missing_metrics() -> None:
    base = {"findings.recall": 1.0, "seeded.recall": 0.9, "false_alarms.per_report": 0.1, "coverage": 0.8}
    new = {"findings.recall": 0.981, "seeded.recall": 0.87, "false_alarms.per_report": 0.15}
    lines = baseline.compare(base, new, 0.02)
    assert [line.split(":")[0] for line in lines] == ["coverage", "false_alarms.per_report", "seeded.recall"]
    assert baseline.compare(base, dict(base, **{"findings.recall": 0.98}), 0.02) == []


@pytest.fixture
def small_labels(tmp_path: Path) -> Path:
    """Two .txt samples (one with gold claims), so CLI and repeat tests stay fast."""
    out = tmp_path / "labels"
    out.mkdir()
    for name in ("001_4dbd7acae204347a", "002_5363f3001aea7dc8"):
        for suffix in (".json", ".claims.json"):
            src = LABELS_DIR / f"{name}{suffix}"
            if src.exists():
                data = json.loads(src.read_text(encoding="utf-8"))
                data["sample"] = str((LABELS_DIR / data["sample"]).resolve())
                (out / src.name).write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return out


def with_missed_high(result: EvalResult, missed: list[str]) -> EvalResult:
    return result.model_copy(update={"findings": result.findings.model_copy(update={"missed_high": missed})})


@pytest.fixture(scope="module")
def full_run() -> EvalResult:
    return run_eval(EvalOptions(LABELS_DIR, seeded=False))


def test_update_baseline_writes_and_shows_the_diff(tmp_path: Path, full_run: EvalResult) -> None:
    full_run = with_missed_high(full_run, [])  # mechanics only
    path = tmp_path / "baseline.json"
    first = baseline.update(full_run, path)
    assert first and all(line.startswith("+ ") for line in first)
    assert baseline.update(full_run, path) == []
    assert baseline.gate(full_run, path) == []
    data = json.loads(path.read_text(encoding="utf-8"))
    data["runs"]["rules"]["metrics"]["findings.recall"] = 2.0
    path.write_text(json.dumps(data), encoding="utf-8")
    recall = full_run.findings.overall.recall
    assert recall is not None
    assert baseline.gate(full_run, path) == [f"findings.recall: {recall:.4f} < baseline 2.0000 − 0.02"]
    assert baseline.update(full_run, path) == [f"  findings.recall: 2.0000 → {recall:.4f} ({recall - 2:+.4f})"]
    assert baseline.gate(with_missed_high(full_run, ["x:G1"]), path)[-1] == "missed high-severity finding x:G1"
    with pytest.raises(baseline.BaselineError):
        baseline.gate(full_run.model_copy(update={"extractor": "hybrid", "replay": True}), path)


def test_repeat_reports_per_case_pass_rates(small_labels: Path) -> None:
    result = run_eval(EvalOptions(small_labels, repeat=2, seeded=False))
    assert result.repeat == 2 and result.cases
    assert all(c.runs == 2 and c.rate == 1.0 for c in result.cases)
    assert result.cost.tokens_per_report == 0


def test_import_decisions_turns_confirmed_and_dismissed_into_labels(tmp_path: Path) -> None:
    text = (
        "一、基本情况\n2023年部门收入合计100万元，其中：财政拨款60万元，其他收入30万元。执行率为50%，共计支出60万元。\n"
    )
    review = review_text(text, period=2023)
    assert len(review.findings) >= 1
    store = Store(tmp_path / "reviews.db")
    rid = store.save_review(review, name="某镇 报告.txt", options=ReviewOptions(tool_version="0.1.0"))
    store.add_decision(rid, review.findings[0].id, "dismissed", "审核员甲", "口径不同")
    store.add_decision(rid, review.findings[0].id, "confirmed", "审核员乙", "确属差错")
    out, samples = tmp_path / "labels", tmp_path / "samples"
    exported = import_decisions(tmp_path / "reviews.db", out, samples)
    assert len(exported) == 1 and exported[0].confirmed == 1 and exported[0].dismissed == 0
    assert exported[0].labels is not None and exported[0].labels.exists()
    labeled = load_labels(out)
    assert labeled[0].labels.findings[0].check == review.findings[0].check
    assert labeled[0].sample_path.read_text(encoding="utf-8") == text
    with pytest.raises(LabelError, match="--force"):
        import_decisions(tmp_path / "reviews.db", out, samples)
    result = run_eval(EvalOptions(out, seeded=False))
    assert result.findings.overall.recall == 1.0
    with pytest.raises(LabelError, match="找不到"):
        import_decisions(tmp_path / "missing.db", out, samples)


def test_cli_prints_table_writes_json_and_gates(
    tmp_path: Path, small_labels: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run, base = tmp_path / "run.json", tmp_path / "baseline.json"
    args = ["--labels", str(small_labels), "--json", str(run), "--baseline", str(base)]
    assert eval_main([*args, "--update-baseline"]) == 0
    out = capsys.readouterr().out
    assert "Findings" in out and "overall" in out and "Seeded errors" in out and "基线已写入" in out
    metrics = json.loads(run.read_text(encoding="utf-8"))["metrics"]
    assert metrics["findings.recall"] == 1.0 and "claims.relations.recall" in metrics and "seeded.recall" in metrics
    assert eval_main([*args, "--gate", "--quiet"]) == 0
    data = json.loads(base.read_text(encoding="utf-8"))
    data["runs"]["rules"]["metrics"]["coverage"] = 1.5
    base.write_text(json.dumps(data), encoding="utf-8")
    assert eval_main([*args, "--gate", "--quiet"]) == 1
    coverage = json.loads(run.read_text(encoding="utf-8"))["metrics"]["coverage"]
    assert capsys.readouterr().err.strip().splitlines() == [
        f"review eval gate: coverage: {coverage:.4f} < baseline 1.5000 − 0.02"
    ]


@pytest.mark.parametrize("argv", [["--extractor", "hybrid"], ["--repeat", "0"], ["--labels", "/nonexistent"]])
def test_cli_errors_are_one_line_exit_2(argv: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert eval_main([*argv, "--json", str(tmp_path / "r.json")]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("review eval: ")


def test_model_path_counts_tokens_and_grounding(small_labels: Path) -> None:
    """A fake model extractor (plain function): its tokens are summed, its unfound quotes lower grounding."""
    from review.core.document import Document
    from review.pipeline import ChunkOutcome, ModelResult

    def fake(doc: Document, progress: object = None) -> ModelResult:
        m = re.search(r"(\d+)([人个])", doc.text)
        assert m is not None
        q = Quantity(
            id="m0",
            text=m.group(),
            start=m.start(),
            end=m.end(),
            value=Decimal(m.group(1)),
            unit=m.group(2),
            decimals=0,
            source="llm",
        )
        chunk = ChunkOutcome(
            start=0, end=len(doc.text), status="ok", claims=1, ungrounded=("九十个",), tokens_in=100, tokens_out=20
        )
        return ModelResult(claims=Claims(quantities=(q,)), chunks=(chunk,), tokens=120)

    result = run_eval(EvalOptions(small_labels, extractor="hybrid", model=fake, seeded=False))
    assert result.cost.tokens_per_report == 120
    claims = result.claims
    assert claims.ungrounded_quotes == 2 and claims.grounding_rate is not None and 0 < claims.grounding_rate < 1
    assert result.findings.overall.recall == 1.0


def test_a_report_the_model_fails_on_counts_as_missed(small_labels: Path) -> None:
    from review.core.errors import LLMTransportError

    def broken(doc: object, progress: object = None) -> object:
        raise LLMTransportError("无法连接模型端点")

    result = run_eval(EvalOptions(small_labels, extractor="hybrid", model=broken))  # type: ignore[arg-type]
    assert result.findings.overall.recall == 0.0
    assert all(r.errors == ["无法连接模型端点"] and r.status == "error" for r in result.reports)
    assert result.seeded is not None and result.seeded.overall.errors == result.seeded.overall.injected > 0
    assert result.coverage.seen == 0


def _corpus_sample(folder: Path, name: str, split: str, text: str, **labels: object) -> None:
    (folder / "samples").mkdir(parents=True, exist_ok=True)
    (folder / "labels").mkdir(parents=True, exist_ok=True)
    (folder / "samples" / f"{name}.txt").write_text(text, encoding="utf-8")
    data = {"sample": f"../samples/{name}.txt", "split": split, "site": f"{name}.example", "period": "2023", **labels}
    (folder / "labels" / f"{name}.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def test_the_real_corpus_is_measured_per_split_beside_the_seeds(tmp_path: Path, small_labels: Path) -> None:
    corpus = tmp_path / "corpus"
    holds = "2023年项目资金合计100万元，其中：培训费40万元，印刷费60万元。\n"
    _corpus_sample(corpus, "d-01", "dev", holds, consistent=[{"check": "sum", "quote": "项目资金合计100万元"}])
    wrong = "2023年项目资金合计100万元，其中：培训费40万元，印刷费50万元。\n"
    _corpus_sample(
        corpus,
        "t-01",
        "test",
        wrong,
        findings=[{"id": "t-01-1", "check": "sum", "severity": "high", "quote": "项目资金合计100万元"}],
        period="2022",  # labeled otherwise than the text names it
    )
    result = run_eval(EvalOptions((small_labels, corpus / "labels")))
    assert [r.sample for r in result.reports] == ["001_4dbd7acae204347a", "002_5363f3001aea7dc8"]
    assert set(result.splits) == {"dev", "test"}
    dev, test = result.splits["dev"], result.splits["test"]
    assert dev.seeded is not None and dev.seeded.overall.injected >= 2 and dev.clean_reports.reports == 1
    assert test.findings.overall.gold == 1 and test.findings.overall.found == 1
    flat = result.metrics
    assert flat["findings.recall"] == 1.0  # the seeds, as before
    assert flat["test.findings.recall"] == 1.0 and "dev.seeded.recall" in flat and "dev.coverage" in flat
    assert "dev.clean_reports.high_per_report" in flat and "test.claims.grounding_rate" not in flat
    assert {"test.false_alarms.per_report", "dev.clean_reports.high_per_report"} <= baseline.LOWER_IS_BETTER
    text = table(result)
    assert "Real corpus, dev split" in text and "Real corpus, test split" in text
    assert "missed t-01" not in text  # the test split is scored, its misses are not listed for reading
    assert (dev.periods.inferred_as_labeled, test.periods.inferred_as_labeled) == (1, 0)
    assert "period inferred as labeled 0 of 1" in text


def test_sample_names_must_be_unique_across_label_folders(tmp_path: Path, small_labels: Path) -> None:
    with pytest.raises(LabelError, match="标注名称重复"):
        run_eval(EvalOptions((small_labels, small_labels), seeded=False))
