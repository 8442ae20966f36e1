"""A total stated in two measures and split by a 其中 list in both (r11-13 / r12-11: persons and 万元;
r2-19: projects and 万元, some items with an amount only): each measure is summed over its own parts."""

from review.core.claims import SumRelation
from review.extract.rules.scan import Scan
from review.extract.rules.sums import extract_sums
from tests.conftest import checks_of, doc_of

R11_13 = (
    "享受护理补贴残疾人8389人次,发放资金218.93万元(其中:居家安养为8011人,发放资金184.95万元;"
    "机构托养为378人,发放资金33.98万元)。"
)
R2_19 = (
    "根据资金投入数对接项目28个,对接资金2052.4万元,资金对接率100%。其中:基础设施类项目15个,投入资金918.3万元;"
    "产业扶贫类项目8个,投入资金1031.3万元;教育扶贫26.7万元、扶贫小额贷款贴息9.6万元,其他项目1个66.5万元。"
)


def _sums(text: str) -> list[tuple[str, list[str], bool]]:
    scan = Scan.of(doc_of(text))
    q = {x.id: x for x in scan.quantities}
    sums, _ = extract_sums(scan)
    return [(q[r.total].text, [q[i].text for i in r.items], r.exhaustive) for r in sums if isinstance(r, SumRelation)]


def test_persons_and_amounts_are_each_summed_persons_in_人_under_a_人次_total() -> None:
    assert _sums(R11_13) == [
        ("8389人次", ["8011人", "378人"], True),
        ("218.93万元", ["184.95万元", "33.98万元"], True),
    ]
    assert checks_of(R11_13) == []
    assert ("count", "享受护理补贴残疾人8390人次") in checks_of(R11_13.replace("8389", "8390"))
    assert ("count", "享受护理补贴残疾人8389人次") in checks_of(R11_13.replace("378人", "379人"))


def test_a_measure_some_items_do_not_state_only_bounds_its_total() -> None:
    sums = _sums(R2_19)
    assert ("28个", ["15个", "8个", "1个"], False) in sums  # 教育扶贫, 贴息: no project count given
    assert checks_of(R2_19) == []


def test_a_second_measure_linked_by_more_than_its_label_is_not_one_total() -> None:
    text = "培训农民200人次,2023年发放补贴10万元,其中:春季6万元,秋季4万元。"
    assert [s[0] for s in _sums(text)] == ["10万元"]
