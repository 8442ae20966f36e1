"""Tables read by their header (项目支出绩效自评表): execution rate, budget-execution score,
indicator scores and the total."""

import pytest

from review.extract.rules.scan import Scan
from review.extract.rules.table_columns import extract_table_columns
from tests.conftest import checks_of, doc_of, review_text

NATIONAL = (
    "某县2023年度项目支出绩效自评表\n"
    "项目资金（万元）\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分\n"
    "年度资金总额\t100\t100\t90\t10\t90%\t9\n"
    "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\n"
    "产出指标\t数量指标\t培训人数\t≥100人\t120人\t20\t20\n"
    "产出指标\t质量指标\t合格率\t≥95%\t96%\t20\t20\n"
    "产出指标\t时效指标\t完成时间\t12月底前\t12月\t10\t10\n"
    "效益指标\t社会效益指标\t群众受益面\t明显提升\t提升\t30\t28\n"
    "满意度指标\t服务对象满意度指标\t满意度\t≥90%\t95%\t10\t10\n"
    "总分\t\t\t\t\t100\t97\n"
)


def test_consistent_national_table():
    assert checks_of(NATIONAL, 2023) == []


def test_execution_rate_and_its_score():
    wrong_rate = NATIONAL.replace("\t90%\t9\n", "\t95%\t9\n")
    assert any(c == "ratio" and q == "95%" for c, q in checks_of(wrong_rate, 2023))
    wrong_score = NATIONAL.replace("\t90%\t9\n", "\t90%\t10\n").replace("\t100\t97\n", "\t100\t98\n")
    found = review_text(wrong_score, 2023).findings
    assert any(f.check == "score" and "budget_execution" in f.rule for f in found)


def test_indicator_above_weight_and_total():
    text = NATIONAL.replace("\t30\t28\n", "\t30\t32\n")
    found = checks_of(text, 2023)
    assert ("score", "群众受益面") in found
    assert any(c == "score" and q.startswith("总分") for c, q in found)  # 9+20+20+10+32+10 = 101 ≠ 97


@pytest.mark.parametrize(
    "text",
    [
        # dev corpus r1-06 (丽江, traditional characters with pinyin): the part row lacks 分值 and 得分
        "項(xiàng)目資金 (萬元) |\n"
        "年初預(yù)算數(shù) | 全年預(yù)算數(shù) | 全年執(zhí)行數(shù) | 分值 | 執(zhí)行率 | 得分 | ||||\n"
        "| 年度資金總額 | 7.29 | 7.29 | 7.29 | 10.00 | 100% | 10.00 | ||||\n"
        "| 其中:當(dāng)年財政撥款 | 7.29 | 7.29 | 7.29 | 100% | ||||||\n",
        # dev corpus r6-10 style: the part row ends at its rate, the score columns dropped
        "年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分\n"
        "年度资金总额\t50\t50\t49.5\t10\t99%\t9.9\n"
        "其中：当年财政拨款\t50\t50\t49.5\t99%\n",
    ],
)
def test_a_short_row_whose_percent_would_land_in_a_points_column_is_not_read(text):
    assert [c for c, _ in checks_of(text, 2022) if c == "score"] == []


# dev corpus r5-01 (贯塘乡, 湖南 部门整体支出绩效评价基础数据表): one cell a paragraph
STAFF_CELLS = (
    "2023年度部门整体支出绩效评价基础数据表\n\n \n\n财政供养人员情况(人\n\n编制数\n\n2023 年实际在职人数\n\n"
    "控制率\n\n46\n\n50\n\n108.70%\n\n经费控制情况(万元\n\n2022 年决算数\n\n2023 年预算数\n\n2023 年决算数\n\n"
    "三公经费:\n\n0\n\n0\n\n0\n"
)
# dev corpus r4-02 (廊坊市食品工程学校, 河北): one cell a paragraph, the header split over cells (年初 | 预算数)
SPLIT_HEADER_CELLS = (
    "项目资金\n(万元)\n\n \n\n年初\n\n预算数\n\n全年\n\n预算数\n\n全年\n\n执行数\n\n分值\n\n执行率\n\n得分\n\n"
    "年度资金总额\n\n43.2\n\n43.2\n\n37.24\n\n10\n\n86%\n\n9\n\n其中:当年财政拨款\n\n43.2\n\n43.2\n\n37.24\n\n \n\n"
)


def _table_ratios(text):
    scan = Scan.of(doc_of(text))
    relations = extract_table_columns(scan)
    q = {x.id: x for x in scan.minted}
    return relations, [
        (q[r.rate].text, q[r.numerator].text, [q[d].text for d in r.denominators], q[r.numerator].unit)
        for r in relations
        if r.kind == "ratio"
    ]


@pytest.mark.parametrize("text", [STAFF_CELLS, STAFF_CELLS.replace("\n\n", "\n")])
def test_cells_a_paragraph_or_a_line_rebuilt_into_rows_by_their_header(text):
    _, ratios = _table_ratios(text)
    assert ratios == [("108.70%", "50", ["46"], "人")]  # 在职人员控制率 = 在职人数 ÷ 编制数
    assert checks_of(text, 2023) == []
    assert ("ratio", "111.70%") in checks_of(text.replace("108.70%", "111.70%"), 2023)


def test_a_header_split_over_cells_is_not_rebuilt():
    relations, _ = _table_ratios(SPLIT_HEADER_CELLS)
    # 执行数 | 分值 | 执行率 | 得分 over 43.2 43.2 37.24 10 86% 9: more numbers than columns (the fund block
    # reader, review.extract.rules.form_funds, reads this block by the template)
    assert relations == []


def test_a_row_whose_numbers_are_not_of_their_columns_kind_is_not_read():
    no_percent = STAFF_CELLS.replace("108.70%", "108.70")  # a rate column without its %
    assert _table_ratios(no_percent) == ([], [])
