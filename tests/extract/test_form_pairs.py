"""A local form's 预算执行 block written as label:value cells (预算数 6.84 执行数 6.84 …), its part
rows repeating their label in every column. Each rendering is quoted from a different public
report of the dev corpus (eval/corpus, split dev), the surrounding text trimmed."""

from __future__ import annotations

from review.core.claims import BalanceRelation, RatioRelation, SumRelation
from review.extract.rules import extract_rules
from review.extract.rules.form_pairs import extract_form_pairs
from review.extract.rules.scan import Scan
from tests.conftest import doc_of, review_text

# r5-06 (成安县民政局, 河北): space-separated, the rate under a heading 预算执行进度(%)
SPACED = (
    "一、基本情况 项目名称: 19名百岁老人高龄津贴 金额单位: 万元  \n"
    "二、预算执行情况 预算安排情况(调整后) 资金到位情况 资金执行情况 预算执行进度(%)\n"
    "预算数 6.84 到位数 6.84 执行数 6.84 100.00\n"
    "其中:财政资金 6.84 其中:财政资金 6.84 其中:财政资金 6.84\n"
    "其他 0.00 其他 0.00 其他 0.00\n"
    "三、目标完成情况 年度预期目标 具体完成情况 总体完成率(%)\n"
)
# r6-11 (安居区市场监管局, 四川): one cell a paragraph, a colon after each name, an empty part cell that
# keeps only its unit, and a number after the row that no heading names
PARAGRAPHS = (
    "预算执行情况\n\n预算数:\n\n2.38\n\n执行数:\n\n2.38\n\n20\n\n"
    "其中:中央补助\n\n      2.38  万元\n\n其中:中央补助\n\n    2.38万元\n\n \n\n"
    "地方资金/其他\n\n万元\n\n地方资金/其他\n\n万元\n\n \n\n年度目标完成情况\n\n预期目标\n"
)
# r5-07 (岳阳县, 湖南): traditional characters with pinyin, one cell a paragraph, a 结余 column
TRADITIONAL = (
    "計(jì)劃安排資金\n\n(萬元)\n\n55\n\n實(shí)際到位資金\n\n(萬元)\n\n55\n\n實(shí)際支出\n\n(萬元)\n\n55\n\n"
    "結(jié)余(萬元)\n\n0\n\n"
    + "".join(f"{label}\n\n" * 4 for label in ("其中:中央財(cái)政", "省財(cái)政", "市財(cái)政"))
    + "".join(f"縣市區(qū)財(cái)政\n\n{n}\n\n" for n in ("55", "55", "55", "0"))
    + "其它\n\n" * 4
    + "二、項(xiàng)目支出明細(xì)情況\n"
)


def pairs(text: str):  # type: ignore[no-untyped-def]
    scan = Scan.of(doc_of(text))
    relations, unread = extract_form_pairs(scan)
    return relations, {q.id: q for q in scan.minted}, unread


def _sums(relations, q):  # type: ignore[no-untyped-def]
    return [
        (q[s.total].label, q[s.total].text, [(q[i].text, q[i].unit) for i in s.items])
        for s in relations
        if isinstance(s, SumRelation)
    ]


def test_spaced_pairs_give_the_rate_and_each_column_against_its_part_rows() -> None:
    relations, q, unread = pairs(SPACED)
    (ratio,) = [r for r in relations if isinstance(r, RatioRelation)]
    assert (q[ratio.rate].text, q[ratio.rate].unit, q[ratio.numerator].label) == ("100.00", "%", "执行数")
    assert [q[d].label for d in ratio.denominators] == ["预算数"]
    assert _sums(relations, q) == [
        (name, "6.84", [("6.84", "万元"), ("0.00", "万元")]) for name in ("预算数", "到位数", "执行数")
    ]
    assert not unread and review_text(SPACED).findings == ()
    wrong = SPACED.replace("其他 0.00 其他 0.00 其他 0.00", "其他 3.00 其他 0.00 其他 0.00")
    (f,) = review_text(wrong).findings
    assert (f.check, f.quote) == ("sum", "6.84") and "[9.83, 9.85]" in f.message
    (f,) = review_text(SPACED.replace("6.84 100.00", "6.84 103.00")).findings
    assert (f.check, f.quote) == ("ratio", "103.00")


def test_pairs_one_cell_a_paragraph_and_a_number_no_heading_names() -> None:
    relations, q, unread = pairs(PARAGRAPHS)
    assert _sums(relations, q) == [("预算数", "2.38", [("2.38", "万元")]), ("执行数", "2.38", [("2.38", "万元")])]
    assert not [r for r in relations if isinstance(r, RatioRelation)]  # 20 is no rate: no 执行率 heading
    (u,) = unread
    assert PARAGRAPHS[u.start : u.end] == "20" and "不对应任何列" in u.reason
    assert review_text(PARAGRAPHS).findings == ()
    # the part in 元: 10⁴ apart from its total (the sum), and the same figure as the other part in 万元
    found = review_text(PARAGRAPHS.replace("2.38  万元", "2.38  元")).findings
    assert [(f.check, f.quote, f.rule) for f in found] == [
        ("unit", "2.38", "unit.sum_fixed_by_unit"),
        ("unit", "2.38  元", "unit.same_figure"),
    ]


def test_traditional_pairs_with_a_balance_column() -> None:
    claims = extract_rules(doc_of(TRADITIONAL))
    q = claims.by_id()
    sums = [r for r in claims.relations if isinstance(r, SumRelation) and r.basis == "自评表·预算执行·合计"]
    assert [(q[s.total].text, [q[i].text for i in s.items]) for s in sums] == [
        ("55", ["55"]),
        ("55", ["55"]),
        ("55", ["55"]),
        ("0", ["0"]),
    ]
    (balance,) = [r for r in claims.relations if isinstance(r, BalanceRelation)]
    assert [q[i].label for i in (balance.opening, *balance.outflows, balance.closing)] == [
        "实际到位资金",  # labels as the rules read the text (simplified, without pinyin)
        "实际支出",
        "结余",
    ]
    assert review_text(TRADITIONAL).findings == ()
    wrong = TRADITIONAL.replace("結(jié)余(萬元)\n\n0", "結(jié)余(萬元)\n\n3")
    found = review_text(wrong).findings
    assert {f.check for f in found} == {"balance", "sum"}
    assert any(f.check == "balance" and "按55 − 55计算" in f.message for f in found)


def test_what_is_not_a_pair_block_claims_nothing() -> None:
    # r1-18 (广西): a name before a year in prose
    prose = "1.预算数:2021年,包含补助18个年度重点项目资金774万元、补助6名传承人记录工作资金240万元"
    assert pairs(prose) == ([], {}, [])
    # one name with its number, then a header's names: not two pairs
    assert pairs("全年预算数 100 全年执行数 执行率\n")[0] == []


def test_part_rows_must_repeat_their_label_once_per_column_and_be_closed() -> None:
    uneven = SPACED.replace("其中:财政资金 6.84 其中:财政资金 6.84 其中:财政资金 6.84", "其中:财政资金 6.84 6.84 6.84")
    relations, _, _ = pairs(uneven)
    assert not [r for r in relations if isinstance(r, SumRelation)]
    cut = SPACED.split("\n其他")[0]  # the excerpt ends after one part row: it may go on
    relations, _, _ = pairs(cut)
    assert not [r for r in relations if isinstance(r, SumRelation)]


def test_a_part_row_cut_off_by_the_excerpt_does_not_close_the_block() -> None:
    cut = SPACED.split("其他 0.00 其他 0.00")[0] + "其他 0.00 其他 0.00"  # the last row lacks its third cell
    relations, _, _ = pairs(cut)
    assert not [r for r in relations if isinstance(r, SumRelation)]


# r9-10 (岳阳县农村公路养护, traditional mirror): pipe cells one a line, the 到位 and 支出 cells garbled (7,00.0,77)
GARBLED = (
    "計劃安排資金 (萬元) |\n700 |\n實際到位資金 (萬元) |\n7,00.0,77 |\n實際支出 (萬元) |\n7,00.0,77 |\n"
    "結余 (萬元) |\n0 |\n||||||\n"
    + "".join(f"{label} |\n|\n" * 4 + "||||||\n" for label in ("其中:中央財政", "省財政", "市財政"))
    + "縣財政 |\n700 |\n縣財政 |\n7,00.0,77 |\n縣財政 |\n7,00.0,77 |\n縣財政 |\n|\n||||||\n"
    + "其它 |\n|\n" * 4
    + "||||||\n二、項目支出明細情況 |\n"
)


def test_a_garbled_cell_keeps_its_column_and_is_reported_not_read() -> None:
    claims = extract_rules(doc_of(GARBLED))
    q = claims.by_id()
    sums = [r for r in claims.relations if isinstance(r, SumRelation) and r.basis == "自评表·预算执行·合计"]
    assert [(q[s.total].text, [q[i].text for i in s.items]) for s in sums] == [("700", ["700"])]
    assert not [r for r in claims.relations if isinstance(r, BalanceRelation)]  # 到位 and 支出 unread
    garbled = [u for u in claims.unread if "不是可读的数" in u.reason]
    assert [GARBLED[u.end - 9 : u.end] for u in garbled] == ["7,00.0,77", "7,00.0,77"]
    (f,) = review_text(GARBLED.replace("縣財政 |\n700", "縣財政 |\n703")).findings
    assert f.check == "sum" and f.quote == "700"


# r12-12 and r25-08 (two 湖南 reports of one 项目基本情况 block): 计划投资额 | 实际到位资金 | 实际使用情况, then
# part rows that fill only the first two columns; r12-12 writes each row's 其中 in a cell of its own
HUNAN_THREE = (
    "计划投资额\n\n(万元)\n\n570\n\n实际到位资金\n\n(万元)\n\n398.88\n\n实际使用情况(万元)\n\n395.86\n\n"
    "其中:\n\n中央财政\n\n0\n\n其中:\n\n中央财政\n\n0\n\n省财政\n\n570\n\n省财政\n\n398.88\n\n"
    "市县财政\n\n0\n\n市县财政\n\n0\n\n其他\n\n0\n\n其他\n\n0\n\n项目绩效目标完成情况\n"
)
HUNAN_TWO = (
    "计划投资额(万元)\n\n343.85\n\n实际到位资金(万元)\n\n343.85\n\n"
    "其中:中央财政\n\n \n\n其中:中央财政\n\n \n\n省财政\n\n \n\n省财政\n\n \n\n"
    "州财政\n\n343.85\n\n州财政\n\n343.85\n\n单位自筹\n\n \n\n单位自筹\n\n \n\n"
    "根据《湘西自治州财政局关于2018年州直部门预算批复的通知》文件,项目经费343.85万元。\n"
)


def test_part_rows_filling_fewer_columns_than_the_total_row_as_the_template_says() -> None:
    relations, q, unread = pairs(HUNAN_THREE)
    assert _sums(relations, q) == [
        ("计划投资额", "570", [("0", "万元"), ("570", "万元"), ("0", "万元"), ("0", "万元")]),
        ("实际到位资金", "398.88", [("0", "万元"), ("398.88", "万元"), ("0", "万元"), ("0", "万元")]),
    ]
    assert not unread and review_text(HUNAN_THREE).findings == ()
    (f,) = review_text(HUNAN_THREE.replace("省财政\n\n398.88", "省财政\n\n393.88")).findings
    assert (f.check, f.quote) == ("sum", "398.88")
    relations, q, _ = pairs(HUNAN_TWO)
    assert _sums(relations, q) == [(name, "343.85", [("343.85", "万元")]) for name in ("计划投资额", "实际到位资金")]
    assert review_text(HUNAN_TWO).findings == ()
    (f,) = review_text(HUNAN_TWO.replace("实际到位资金(万元)\n\n343.85", "实际到位资金(万元)\n\n346.85")).findings
    assert (f.check, f.quote) == ("sum", "346.85")
