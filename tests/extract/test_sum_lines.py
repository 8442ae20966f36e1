"""A total and its parts as label:value lines (sum_lines.py): the cell phrasings of dev r5-01
(其中: 一般公共预算:1325.68, 政府性基金拨款:118.82, an empty 纳入专户管理的非税收入拨款:) and the fund names of
seed eval/samples/003 (一般公共预算财政拨款3286.6万元，其他收入1000.07万元), one a line."""

from review.extract.rules.scan import Scan
from review.extract.rules.sum_lines import extract_line_sums
from tests.conftest import checks_of, doc_of


def _lines(text: str) -> list[tuple[str, list[str], bool]]:
    scan = Scan.of(doc_of(text))
    sums, _ = extract_line_sums(scan)
    q = {x.id: x for x in scan.quantities + scan.minted}
    return [(q[r.total].text, [q[i].text for i in r.items], r.exhaustive) for r in sums]


TOWNSHIP = (
    "(万元)\n年度资金总额:2030.12\n\n其中: 一般公共预算:1325.68\n\n政府性基金拨款:118.82\n\n"
    "纳入专户管理的非税收入拨款:\n\n其他资金:585.62\n\n年度总体目标\n"
)


def test_the_lines_after_the_total_opened_by_qizhong_are_its_parts_and_an_empty_cell_is_none():
    assert _lines(TOWNSHIP) == [("2030.12", ["1325.68", "118.82", "585.62"], True)]
    assert ("sum", "2030.12") in checks_of(TOWNSHIP.replace("118.82", "121.82"), 2023)
    assert ("sum", "2030.12") not in checks_of(TOWNSHIP, 2023)


def test_a_nested_qizhong_leaves_the_parts_read_as_a_lower_bound():
    town = (
        "天城镇人民政府收入:4286.67万元\n其中:一般公共预算财政拨款:3286.6万元\n其中:中央:2000万元\n"
        "其他收入:1000.07万元\n"
    )
    assert _lines(town) == [("4286.67万元", ["3286.6万元"], False)]


def test_lines_without_a_unit_or_without_a_qizhong_line_are_not_read():
    assert _lines(TOWNSHIP.replace("(万元)\n", "")) == []
    assert _lines(TOWNSHIP.replace("其中: 一般公共预算", "一般公共预算")) == []


def test_a_block_without_a_unit_is_recorded_as_unread():
    scan = Scan.of(doc_of(TOWNSHIP.replace("(万元)\n", "")))
    sums, unread = extract_line_sums(scan)
    assert sums == []
    assert [u.reason for u in unread] == ["“年度资金总额”及其中分项未写明单位，未核对合计"]
    assert extract_line_sums(Scan.of(doc_of(TOWNSHIP)))[1] == []
