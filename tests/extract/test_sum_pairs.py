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
    sums, *_ = extract_sums(scan)
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


def _totals(text: str) -> list[str]:
    return [s[0] for s in _sums(text)]


def test_a_portion_or_a_change_between_a_value_and_its_list_is_not_the_lists_total() -> None:
    # r11-08 (福州市直达资金, traditional in the source): 未分配 is a portion of the value before it
    r11_08 = (
        "市本级直达资金45.66亿元,,未分配0.32亿元,,分配率99.3%。其中:中央安排直达资金39.64亿元,,分配率99.2%,;"
        "地方安排资金6.02亿元,分配率99.7%,。"
    )
    assert _totals(r11_08) == ["45.66亿元"]
    found = checks_of(r11_08.replace("39.64", "39.84"))
    assert any(c == "sum" and "45.66" in q for c, q in found), found
    # r2-03: the same reading after a change (同比上年度增加…)
    r2_03 = "1、收入:792.22万元。同比上年度增加189.25万元,增加31.39%。其中:财政拨款收入792.22万元,其他收入0万元。"
    assert _totals(r2_03) == ["792.22万元"]
    # a portion named with a kind of its own is no portion: 未分配资金 stays the total of its list
    assert _totals("总额45.66亿元,未分配资金0.32亿元。其中:县区0.2亿元,乡镇0.12亿元。") == ["0.32亿元"]
