"""Lists of records one cell a line closed by a total row, as dev reports print them (eval/corpus,
split dev): the numbers are theirs, the surrounding text trimmed."""

from __future__ import annotations

from review.core.claims import SumRelation
from review.extract.rules.record_totals import extract_record_totals
from review.extract.rules.scan import Scan
from review.extract.view import view_of
from tests.conftest import doc_of, review_text

_TOWNS = [("螺城镇", "0.2", 1), ("螺阳镇", "1", 1), ("紫山镇", "0.18", 1), ("崇武镇", "0.7", 1), ("山霞镇", "4", 2)]
_TOWNS += [("东岭镇", "1.88", 2), ("东桥镇", "2.6", 1), ("小岞镇", "2.1", 3), ("辋川镇", "0.6", 1)]
# r9-04 (惠安县 应急救助 分配表): one cell a paragraph, the amount column's unit in its header
ALLOCATION = (
    "(应急救助项目)第一批补助资金分配表及任务清单\n\n补助资金(万元)\n\n约束性任务\n\n"
    + "".join(f"{town}\n\n{amount}\n\n补助{n}户\n\n" for town, amount, n in _TOWNS)
    + "合计\n\n13.26\n\n补助13户\n\n"
)
_SPENT = [("春節(jié)防火宣傳(chuán)", "45300", "1月11號(hào)"), ("大云山森林防火", "50000", "5月7號(hào)")]
_SPENT += [("防火宣傳(chuán)", "22146", "5月8號(hào)"), ("節(jié)假日防撲火補(bǔ)助", "45300", "5月21號(hào)")]
_SPENT += [("風(fēng)力滅火機(jī)5臺(tái)", "29000", "7月27號(hào)"), ("防火油料", "2015", "7月29號(hào)")]
_SPENT += [("防火服裝", "16900", "7月28號(hào)"), ("森林防火演練", "16200", "7月31號(hào)")]
_SPENT += [("森林防火演練", "40080", "7月31號(hào)"), ("防火帶規(guī)劃設(shè)計(jì)", "283059", "9月8號(hào)")]
# r5-07 (岳阳县 森林防火, traditional with pinyin): an expenditure list, 备注 left empty and dropped
SPENDING = (
    "二、項(xiàng)目支出明細(xì)情況\n\n支出內(nèi)容\n\n實(shí)際支出數(shù)\n\n會(huì)計(jì)憑證號(hào)\n\n備注\n\n"
    + "".join(f"{what}\n\n{amount}\n\n{date}\n\n" for what, amount, date in _SPENT)
    + "支出合計(jì)\n\n550000\n\n三、項(xiàng)目績(jī)效情況\n"
)


def totals(text: str):  # type: ignore[no-untyped-def]
    scan = Scan.of(view_of(text).document(doc_of(text)))  # as the rules read it: simplified, no pinyin
    relations, unread = extract_record_totals(scan)
    q = {x.id: x for x in scan.minted}
    sums = [
        (q[r.total].text, q[r.total].unit, [q[i].text for i in r.items])
        for r in relations
        if isinstance(r, SumRelation)
    ]
    return sums, unread


def test_an_allocation_list_is_summed_into_its_total_row() -> None:
    sums, unread = totals(ALLOCATION)
    assert sums == [("13.26", "万元", [a for _, a, _ in _TOWNS])] and unread == []
    assert review_text(ALLOCATION).findings == ()
    (f,) = review_text(ALLOCATION.replace("山霞镇\n\n4\n\n", "山霞镇\n\n7\n\n")).findings
    assert (f.check, f.quote) == ("sum", "13.26")


def test_an_expenditure_list_one_cell_a_paragraph_is_summed() -> None:
    claims_sums, unread = totals(SPENDING)
    assert claims_sums == [("550000", "", [a for _, a, _ in _SPENT])] and unread == []
    (f,) = review_text(SPENDING.replace("\n\n550000\n\n", "\n\n550003\n\n")).findings
    assert f.check == "sum"


def test_a_record_the_layout_does_not_fit_leaves_the_list_unread() -> None:
    # an empty amount (—) in 紫山镇's record: summing the records after it only would be wrong
    broken = ALLOCATION.replace("紫山镇\n\n0.18\n\n", "紫山镇\n\n—\n\n")
    assert totals(broken) == ([], [])


def test_a_total_without_records_before_it_claims_nothing() -> None:
    text = "本年度项目资金\n\n合计\n\n13.26\n\n全部用于补助\n"
    assert totals(text) == ([], [])
