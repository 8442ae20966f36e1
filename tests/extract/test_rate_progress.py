"""A completion stated as 完成进度 (ratios.py, lexicon.RATE_AS_PROGRESS): the phrasing of dev r8-05 (short
excerpt); the progress of a works (工程形象进度为95%, dev r3-12) names no completed amount and is no claim."""

from review.extract.rules.ratios import extract_ratios
from review.extract.rules.scan import Scan
from review.extract.rules.sums import extract_sums
from tests.conftest import checks_of, doc_of

# dev r8-05 (乡村振兴示范创建资金): the target in the sentence before, the amount done, then its progress
PROGRESS = "1.成本指标:下达省、市、区财政补助绩效目标值2373.51万元。已下达补助2373.51万元,完成进度100%,无偏差。\n"


def _rates(text: str) -> list[tuple[str, str, tuple[str, ...]]]:
    scan = Scan.of(doc_of(text))
    q = {x.id: x for x in scan.quantities}
    return [
        (q[r.rate].text, q[r.numerator].text, tuple(q[d].text for d in r.denominators))
        for r in extract_ratios(scan, extract_sums(scan)[0])
    ]


def test_a_completion_progress_is_the_amount_done_over_its_target() -> None:
    assert _rates(PROGRESS) == [("100%", "2373.51万元", ("2373.51万元",))]
    assert [c for c, _ in checks_of(PROGRESS, 2024) if c == "ratio"] == []
    found = checks_of(PROGRESS.replace("完成进度100%", "完成进度103%"), 2024)
    assert [q for c, q in found if c == "ratio"] == ["完成进度103%"], found


def test_a_progress_that_names_no_completion_is_no_claim() -> None:
    text = "总投资34,695,937.72元,建设期利息4,063,500元。目前项目工程形象进度为95%。\n"  # dev r3-12
    assert _rates(text) == []
