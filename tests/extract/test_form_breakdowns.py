"""A fund total stated twice over in label:value cells (form_breakdowns.py): dev r5-01 (衡山县贯塘乡
部门整体支出绩效自评表) as published, and the same cells in the other renderings a flattened form reaches
us in (two columns on one pipe row; a value in the cell after its label)."""

from review.extract.rules.form_breakdowns import extract_form_breakdowns
from review.extract.rules.scan import Scan
from tests.conftest import checks_of, doc_of

# dev r5-01: the form's two columns flattened cell by cell, income and spending cells interleaved
TOWNSHIP = (
    "年度预算申请\n\n(万元\n\n\n年初预算数\n\n全年预算数\n\n全年执行数\n\n分值\n\n执行率\n\n自评得分\n\n"
    "年度资金总额\n\n861.10\n\n2030.12\n\n2030.12\n\n10\n\n100%\n\n10\n\n"
    "按收入性质分:2030.12\n\n按支出性质分:1925.67\n\n其中: 一般公共预算:1325.68\n\n其中:基本支出:900.47\n\n"
    "政府性基金拨款:118.82\n\n项目支出:1025.20\n\n纳入专户管理的非税收入拨款:\n\n\n其他资金:585.62\n\n\n \n\n"
    "年度总体目标\n\n预期目标\n\n实际完成情况\n"
)


def _breakdowns(text: str) -> list[tuple[str, list[str]]]:
    scan = Scan.of(doc_of(text))
    sums, _ = extract_form_breakdowns(scan)
    q = {x.id: x for x in scan.quantities + scan.minted}
    return [(q[r.total].text, [q[i].text for i in r.items]) for r in sums]


def test_each_breakdown_takes_the_cells_its_vocabulary_names_whatever_their_order():
    assert _breakdowns(TOWNSHIP) == [
        ("2030.12", ["1325.68", "118.82", "585.62"]),
        ("1925.67", ["900.47", "1025.20"]),
    ]
    assert not [c for c in checks_of(TOWNSHIP, 2023) if c[0] == "sum"]


def test_a_breakdown_that_does_not_add_up_is_reported_against_its_own_total():
    wrong = TOWNSHIP.replace("项目支出:1025.20", "项目支出:1028.20")
    assert ("sum", "1925.67") in checks_of(wrong, 2023)
    assert ("sum", "2030.12") not in checks_of(wrong, 2023)


def test_the_same_cells_on_two_column_rows_or_with_values_in_their_own_cells():
    rows = (
        "按收入性质分:2030.12 | 按支出性质分:1925.67\n其中: 一般公共预算:1325.68 | 其中:基本支出:900.47\n"
        "政府性基金拨款:118.82 | 项目支出:1025.20\n纳入专户管理的非税收入拨款: |\n其他资金:585.62 |\n年度总体目标\n"
    )
    assert _breakdowns(rows) == [("2030.12", ["1325.68", "118.82", "585.62"]), ("1925.67", ["900.47", "1025.20"])]
    split = (
        "按收入性质分:\n2030.12\n按支出性质分:\n1925.67\n一般公共预算:\n1930.12\n基本支出:\n925.67\n"
        "其他资金:\n100\n项目支出:\n1000\n完成情况\n"
    )
    assert _breakdowns(split) == [("2030.12", ["1930.12", "100"]), ("1925.67", ["925.67", "1000"])]


def test_a_cell_neither_breakdown_names_is_recorded_unread_and_nothing_is_claimed():
    odd = TOWNSHIP.replace("其他资金:585.62", "专项债券:585.62")
    scan = Scan.of(doc_of(odd))
    sums, unread = extract_form_breakdowns(scan)
    assert sums == []
    assert [u.reason for u in unread] == ["分项“专项债券”不能归入按收入性质分或按支出性质分，未核对该资金分项"]


def test_the_words_in_prose_are_no_block_and_do_not_stop_the_review():
    # the heading's words inside a sentence (a 部门整体 report's prose, and seed 003's style of 资金 sentence)
    prose = ("本单位资金按收入性质分类管理，共100万元。\n", "按支出性质分，基本支出1404.18万元，项目支出20万元。\n")
    for text in prose:
        assert extract_form_breakdowns(Scan.of(doc_of(text))) == ([], [])
        assert checks_of(text, 2022) == []


def test_a_heading_without_its_total_is_recorded_as_unread_and_the_other_still_read():
    blank = TOWNSHIP.replace("按收入性质分:2030.12", "按收入性质分:")
    scan = Scan.of(doc_of(blank))
    sums, unread = extract_form_breakdowns(scan)
    q = {x.id: x for x in scan.quantities + scan.minted}
    assert [(q[r.total].text, [q[i].text for i in r.items]) for r in sums] == [("1925.67", ["900.47", "1025.20"])]
    assert [u.reason for u in unread] == ["“按收入性质分”未填写合计，未核对其分项"]
