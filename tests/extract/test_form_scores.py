"""Category headings with caps and the indicator rows under them, in flattened 自评表 renderings.

Each rendering is from a different public report of the dev corpus (eval/corpus, split dev)."""

from __future__ import annotations

import re

from review.core.claims import ScoreTree
from review.core.document import Document
from review.extract.rules.form_scores import extract_form_scores
from review.extract.rules.scan import Scan
from review.load.texttables import text_blocks
from review.pipeline import review_document
from tests.conftest import ROOT


def doc(text: str) -> Document:
    return Document(path="t.txt", sha256="0" * 64, source_format="txt", text=text, blocks=text_blocks(text))


def trees(text: str) -> tuple[list[ScoreTree], dict[str, str]]:
    scan = Scan.of(doc(text))
    relations, _ = extract_form_scores(scan)
    return [r for r in relations if isinstance(r, ScoreTree)], {q.id: q.text for q in scan.minted}


def caps_and_weights(text: str) -> list[tuple[str, str, list[str]]]:
    found, q = trees(text)
    out = []
    for t in found:
        nodes = {n.id: n for n in t.nodes}
        for n in t.nodes:
            if n.id.startswith("c"):
                out.append((n.name, q[n.weight or ""], [q[nodes[k].weight or ""] for k in n.children]))
    return out


# r2-01 (棠溪镇, 池州): the whole form on one line; 分值 and 得分 the last two numeric columns
ONE_LINE = (
    "绩效指标 一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因分析及改进措施 "
    "产出指标(50分) 数量指标 基建工程委托业务项目数量 ≥50个 50 8 8 质量指标 委托业务报告合格率 ≥100百分比 100 8 8 "
    "经费支出合规性 严格执行相关制度规定 达成预期指标 8 8 "
    "时效指标 提交报告及时性 在项目计划完成时间内完成 达成预期指标 8 8 "
    "成本指标 项目总成本 ≤90万元 90 8 8 单项业务成本 符合相关规定 达成预期指标 10 10 "
    "效益指标(30分) 社会效益指标 对维护基建市场公平的影响程度 效果明显 达成预期指标 10 10 "
    "生态效益指标 对控制基建项目成本影响程度 效果明显 达成预期指标 10 10 "
    "可持续影响指标 对推动基建项目健全和落实的持续性影响 效果明显 达成预期指标 10 10 经济效益指标 "
    "满意度指标(10分) 满意度指标 公众满意度 ≥90% 95% 10 10 总分 100 100\n"
)
# r6-17 (安徽, 乡镇): pipe rows, a heading split by spaces, 分值 before the targets and 得分 after
PIPES_APART = (
    "二级指标 | 三级指标 | 分值 | 年度指标值 | 全年实际值 | 得分 | 未完成原因及拟采取的改进措施 | ||\n"
    "效 益 指 标 (30分) |\n"
    "经济效益 指标 |\n"
    "特色产业带动增加受益农户收入(总收入) | 20 | ≥11.376万元 | 12万元 | 20 | ||||||\n"
    "社会效益 指标 |\n"
    "受益人口数量 | 10 | 90人 | 90人 | 10 | |||||\n"
    "满 意 度 指 标 (10分) |\n"
    "受益群众满意度 | 10 | ≥90% | 95% | 10 | |||||\n"
    "总分 | 100 | | | 100 |\n"
)


def test_one_line_form_categories_and_their_indicator_weights() -> None:
    assert caps_and_weights(ONE_LINE) == [
        ("产出指标", "50", ["8", "8", "8", "8", "8", "10"]),
        ("效益指标", "30", ["10", "10", "10"]),
        ("满意度指标", "10", ["10"]),
    ]
    assert review_document(doc(ONE_LINE)).findings == ()
    wrong = ONE_LINE.replace("产出指标(50分)", "产出指标(60分)")
    assert [(f.check, f.severity) for f in review_document(doc(wrong)).findings] == [("score", "high")]


def test_pipe_rows_with_the_weight_before_the_targets() -> None:
    assert caps_and_weights(PIPES_APART) == [("效益指标", "30", ["20", "10"]), ("满意度指标", "10", ["10"])]
    assert review_document(doc(PIPES_APART)).findings == ()
    wrong = PIPES_APART.replace("受益人口数量 | 10 |", "受益人口数量 | 15 |")
    findings = review_document(doc(wrong)).findings
    assert {f.check for f in findings} == {"score"} and any("效益指标" in f.message for f in findings)


def exhaustive(text: str) -> list[tuple[str, bool]]:
    found, _ = trees(text)
    return [(n.name, n.exhaustive) for t in found for n in t.nodes if n.id.startswith("c")]


def test_a_category_cut_off_by_the_excerpt_is_claimed_as_not_all_its_rows() -> None:
    # r6-17 and r2-01: no later heading, no total, the text ends — the last category may have gone on
    cut = PIPES_APART.split("满 意 度")[0] + "满意\n"  # r6-17's excerpt ends so
    assert caps_and_weights(cut) == [("效益指标", "30", ["20", "10"])]
    assert exhaustive(cut) == [("效益指标", False)]
    assert (
        review_document(
            doc(cut.replace("受益人口数量 | 10 | 90人 | 90人 | 10", "受益人口数量 | 5 | 90人 | 90人 | 5"))
        ).findings
        == ()
    )
    over = cut.replace("受益人口数量 | 10 | 90人 | 90人 | 10", "受益人口数量 | 13 | 90人 | 90人 | 13")
    assert [(f.check, f.severity) for f in review_document(doc(over)).findings] == [("score", "high")]
    one_line = ONE_LINE.split(" 满意度指标(10分)")[0]
    assert exhaustive(one_line) == [("产出指标", True), ("效益指标", False)]


def test_a_cut_category_in_a_grid_the_loader_kept_is_left_to_the_score_table_reader() -> None:
    grid = (
        "\t打分表\n\n\t一级指标\n\t二级指标\n\t三级指标\n\t分值\n\t得分\n\n"
        "\t部门预算项目绩效管理（70分）\n\t目标管理（40分）\n\t目标制定\n\t40\n\t40\n\n"
        "\t\n\t完成结果（30分）\n\t资金结余率\n\t30\n\t30\n\n\t自评得分\n\t98\n"
    )
    assert Scan.of(doc(grid)).in_table(grid.index("完成结果"))
    assert caps_and_weights(grid) == []


def test_a_category_far_from_the_excerpt_end_without_a_total_is_not_claimed() -> None:
    long = PIPES_APART.split("满 意 度")[0] + "\n" + "项目实施过程中加强管理。" * 300
    assert caps_and_weights(long) == []


def test_without_a_header_naming_weight_and_score_nothing_is_read() -> None:
    text = "产出指标(50分) 完成数量 10 10 完成质量 10 10\n总分 100\n"
    assert trees(text) == ([], {})


# r1-01 (永德县明朗中学, 云南): no caps on the categories; the fund block's 分值 10 / 得分 10 and the
# indicators' 分值 / 得分 (the last two numbers of each row) make 总分 | 100 | 96
HEADLESS_ADJACENT = (
    "| 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 | 年度资金总额 |\n"
    "| 387664.62 | 387664.62 | 10 | 100% | 10 | 其中:当年财政 拨款 |\n"
    "| 387664.62 | 387664.62 | — |\n| — | 其他资金 | — | — | — | — |\n"
    "| — | 年度 总体 目标 | 预期目标 | 实际完成情况 | 改善学生体质 | 改善学生体质 | 绩效指标 | 年度指标值 | "
    "实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施 | 一级指标 | 二级指标 | 三级指标 | 指标性质 | 指标值 | "
    "度量单位 | 产出指标 | 数量指标 | 学生受资助人数 | ≧ | 735 | 人次 | 735 | 10 | 10 |\n"
    "| 质量指标 | 营养改善计划覆盖率 | ≧ | 100 | % | 100% | 10 | 10 |\n"
    "| 时效指标 | 资金到位及时率 | ≧ | 100 | % | 100% | 10 | 7 |\n"
    "| 效益指标 | 经济效益 指标 | 减轻贫困学生家庭经济负担 |\n| 有效 |\n| 有效 | 10 | 10 |\n"
    "| 社会效益 指标 | 政策知晓率 | ═ | 100 | % | 98% | 10 | 9 |\n"
    "| 满意度指标 | 服务对象满意度指标等 | 学生满意度 | ≧ | 95 | % | 100% | 40 | 40 |\n"
    "| 其他需要说明事项 | 无 | 总分 | 100 | 96 | 优 |\n"
)
# r2-12 (黄石市住建局): no 分值 column, one 得分 per indicator row, the fund block's 得分 (20分*执行率)
SCORE_ONLY = (
    "预算执行情况(万元) (20分) | 预算数(A) | 执行数(B) | 执行率(B/A) | 得分 (20分*执行率) | |||||\n"
    "年度财政资金总额 | 200 | 195.5 | 97.75% | 19.55 | |||||\n"
    "年度绩效目标1 (80分) | 一级指标 | 二级指标 | 三级指标 | 年初目标值(A) | 实际完成值(B) | 得分 | |||\n"
    "产出指标 | 数量指标 | 完成省级宣传片制作 | 完成1部宣传片,2套方案 | 完成1部宣传片,2套方案 | 10 | ||||\n"
    "质量指标 | 通过专家评审 | 通过 | 通过 | 10 | |||||\n"
    "时效指标 | 上半年完成宣传片制作 | 6月份完成宣传片制作;9月份完成文本 | 完成 | 10 | |||||\n"
    "成本指标\n| 省级宣传片制作费、申报文本编制费 | 200万 | 195.5万元 | 10 | |||||\n"
    "效益指标 | 经济效益 指标 | 统筹海绵城市项目谋划 | 统筹海绵城市项目谋划 | 完成 | 10 | ||||\n"
    "社会效益 指标 | 指导城市建设 | 指导城市建设 | 完成 | 10 | |||||\n"
    "生态效益 指标 | 有利于城市生态、韧性发展 | 有利于城市生态、韧性发展 | 完成 | 10 | |||||\n"
    "满意度指标 | 满意度指标 | 群众满意度 | 满意 | 完成 | 10 | ||||\n"
    "总分 | 99.55分 | ||||||||\n"
)


def whole(text: str) -> tuple[str | None, str | None, list[str]]:
    """The root's 分值 and 得分, and every leaf's 得分 (the fund block's first)."""
    (tree,), q = trees(text)
    root = next(n for n in tree.nodes if n.id == tree.root)
    leaves = [q[n.score] for n in tree.nodes if n.score and not n.children]
    return q.get(root.weight or ""), q.get(root.score or ""), leaves


def test_a_form_without_caps_is_read_whole_from_its_fund_cell_to_its_total_row() -> None:
    assert whole(HEADLESS_ADJACENT) == ("100", "96", ["10", "10", "10", "7", "10", "9", "40"])
    assert whole(SCORE_ONLY) == (None, "99.55", ["19.55", "10", "10", "10", "10", "10", "10", "10", "10"])
    for text in (HEADLESS_ADJACENT, SCORE_ONLY):
        assert review_document(doc(text)).findings == ()


def test_a_total_row_that_is_not_the_sum_of_the_form_is_a_score_finding() -> None:
    for wrong, stated in (
        (HEADLESS_ADJACENT.replace("总分 | 100 | 96", "总分 | 100 | 99"), "99"),
        (SCORE_ONLY.replace("总分 | 99.55分", "总分 | 98.55分"), "98.55"),
    ):
        (f,) = review_document(doc(wrong)).findings
        assert f.check == "score" and f.severity == "high" and "总分不符" in f.message and stated in f.message
    weights = HEADLESS_ADJACENT.replace("总分 | 100 | 96", "总分 | 110 | 96")
    (f,) = review_document(doc(weights)).findings
    assert f.check == "score" and "分值不符" in f.message and "110" in f.message


def test_a_form_with_a_row_it_cannot_read_claims_no_total() -> None:
    """A score-only row with two bare numbers is unread, so the form's sum is not claimed."""
    two = SCORE_ONLY.replace("| 通过 | 通过 | 10 |", "| 通过 | 3 | 10 |")
    assert trees(two)[0] == [] or all(not next(n for n in t.nodes if n.id == t.root).score for t in trees(two)[0])
    assert review_document(doc(two)).findings == ()
    glued = HEADLESS_ADJACENT.replace("总分 | 100 | 96", "总分100100")  # cells run together: not read
    assert [next(n for n in t.nodes if n.id == t.root).score for t in trees(glued)[0]] == [None]


def test_without_its_total_row_each_indicator_row_is_still_read() -> None:
    """An excerpt cut before 总分 (r4-02, 廊坊市食品工程学校: one cell per line): 得分 ≤ 分值 per row."""
    cut = (
        "一级指标\n\n二级指标\n\n三级指标\n\n年度\n指标值\n\n实际\n完成值\n\n分值\n\n得分\n\n偏差原因分析及改进措施\n\n"
        "产出指标\n\n数量指标\n\n指标1工程资金金额\n\n43.2\n\n37.24\n\n10\n\n9\n\n已完工,剩余3%尾款未付\n\n"
        "质量指标\n\n指标1工程完工率\n\n100\n\n100\n\n10\n\n10\n\n"
    )
    assert whole(cut) == (None, None, ["9", "10"])
    assert review_document(doc(cut)).findings == ()
    (f,) = review_document(doc(cut.replace("10\n\n9\n", "10\n\n12\n"))).findings
    assert f.check == "score" and "得分超过分值" in f.message
    # r1-01's rows likewise, with the total row gone
    assert whole(HEADLESS_ADJACENT.split("| 其他需要说明事项")[0])[2] == ["10", "10", "7", "10", "9", "40"]


# ---- headings known by their shape, a heading over the categories, caps in the fund heading and the total


def one_cell_a_line(*rows: tuple[str, ...]) -> str:
    """A form pasted one cell a line, cells joined by a "|" line and rows by "|||||" (r6-04)."""
    return "".join("\n|\n".join(row) + "\n|\n|||||\n" for row in rows)


# r6-04 (保山市退役军人事务局): no 分值 column; 年度绩效目标 (80分) over the categories it holds, the
# fund block's cap in its heading, the form's full marks in its total row
PART_OVER_CATEGORIES = one_cell_a_line(
    ("预算执行情况(万元)\n(20分)", "", "预算数(A)", "执行数(B)", "执行率(B/A)", "得分\n(20分*执行率)"),
    ("年度财政资金总额", "34.64", "34.64", "100%", "20"),
    ("年度绩效目标\n(80分)", "一级指标", "二级指标", "三级指标", "年初目标值(A)", "实际完成值(B)", "得分"),
    ("产出指标(60分)", "数量指标", "慰问伤残军人50人;烈士家庭6户;驻保部队8家;", "100%", "100%", "20"),
    ("质量指标", "补助经费足额拨付率", "100%", "100%", "20"),
    ("时效指标", "春节前完成走访慰问", "按时限完成", "100%", "20"),
    ("效益指标(10分)", "社会效益指标", "年内无群体性事件发生", "小于5次", "无上访", "10"),
    ("满意度指标(10分)", "服务对象满意度指标", "驻保部队、边海防官兵满意率", "100%", "100%", "10"),
    ("总分(100分)", "100", "自评等级", "优"),
)
# r1-09 (大英县司法局): 绩效指标(90分) heads the indicator part, its header row after it
PART_WITH_ROWS = (
    "绩效指标(90分) | 一级指标 | 二级指标 | 三级指标 | 指标性质 | 指标值 | 度量单位 | 完成值 | 权重 | 得分 | "
    "未完成原因分析 |\n"
    "产出指标 | 经济成本指标 | 成本控制数 | ≤ | 30 | 万元 | 完成 | 90 | 90 | ||\n"
    "合计 | 100 | |||||||||\n"
)


def shape(text: str) -> list[tuple[str, str | None, str | None, tuple[str, ...]]]:
    """Every node with children: id, 分值, 得分 and its children's ids."""
    (tree,), q = trees(text)
    return [(n.id, q.get(n.weight or ""), q.get(n.score or ""), n.children) for n in tree.nodes if n.children]


def test_a_heading_named_by_its_shape_with_its_header_row_after_it() -> None:
    assert shape(PART_WITH_ROWS) == [("n0", None, None, ("c1",)), ("c1", "90", None, ("n2",))]
    assert review_document(doc(PART_WITH_ROWS)).findings == ()
    (f,) = review_document(doc(PART_WITH_ROWS.replace("(90分)", "(93分)"))).findings
    assert f.check == "score" and "“绩效指标”标明93分" in f.message
    # r2-12: 年度绩效目标1 (80分) with a digit after its name, over score-only rows
    assert shape(SCORE_ONLY)[0] == ("n0", None, "99.55", ("f1", "c1"))
    assert shape(SCORE_ONLY)[1][:2] == ("c1", "80")


def test_a_heading_over_the_categories_that_follow_it() -> None:
    assert shape(PART_OVER_CATEGORIES) == [
        ("n0", "100", "100", ("f1", "p1")),
        ("c1", "60", None, ("n2", "n3", "n4")),
        ("c2", "10", None, ("n6",)),
        ("c3", "10", None, ("n8",)),
        ("p1", "80", None, ("c1", "c2", "c3")),
    ]
    assert review_document(doc(PART_OVER_CATEGORIES)).findings == ()
    # a wrong part cap shows at the part; a wrong category cap at that category, the only one whose
    # rows do not fix its cap — once: the part's and the form's stated caps still add up
    for seeded, where in (("年度绩效目标\n(83分)", "年度绩效目标"), ("产出指标(63分)", "产出指标")):
        wrong = PART_OVER_CATEGORIES.replace(seeded.replace("83", "80").replace("63", "60"), seeded)
        (f,) = review_document(doc(wrong)).findings
        assert f.check == "score" and f"“{where}”标明" in f.message
    (f,) = review_document(doc(PART_OVER_CATEGORIES.replace("总分(100分)", "总分(103分)"))).findings
    assert f.check == "score" and "标明103分" in f.message


def test_the_fund_blocks_cap_from_its_heading() -> None:
    """预算执行情况(万元) (20分) in r2-12 and r6-04: the fund node weighs 20, so caps over 100 show."""
    for text in (SCORE_ONLY, PART_OVER_CATEGORIES):
        (tree,), q = trees(text)
        fund = next(n for n in tree.nodes if n.id == "f1")
        assert q[fund.weight or ""] == "20"
    (f,) = review_document(doc(SCORE_ONLY.replace("年度绩效目标1 (80分)", "年度绩效目标1 (83分)"))).findings
    # the fund row's cap is borne out by its 得分 (19.55 = 97.75% × 20): the part's cap is the one off
    assert f.check == "score" and f.quote == "年度绩效目标1 (83分)" and "满分100分减去其他各项" in f.message
    assert "至多应为80分" in f.message
    # the fund row's cap raised too: its 得分 no longer bears it out (97.75% × 23 ≠ 19.55), so no part
    # is singled out and the full marks are broken at the form's total
    both = SCORE_ONLY.replace("年度绩效目标1 (80分)", "年度绩效目标1 (83分)").replace("(20分) |", "(23分) |")
    found = [f for f in review_document(doc(both)).findings if "caps_within_full_marks" in f.rule]
    assert [(f.quote, "分值超过满分：各部分分值合计106分" in f.message) for f in found] == [("总分 | 99.55", True)]


def test_a_shape_inside_a_longer_word_or_without_a_cap_is_no_heading() -> None:
    from review.extract.rules.form_scores import _HEADING

    names = [
        m.group("name") for m in _HEADING.finditer("其中:项目决策(10 分)、过程 (20分)、产出(50分)；得分(20分*执行率)")
    ]
    assert names == ["项目决策", "过程", "产出"]
    assert [m.group("name") for m in _HEADING.finditer("绩效目标完成情况较好(良)，年度绩效目标")] == []


# A merged first-level cell written again on every row it spans (a table whose merged cells were
# unmerged and filled, each row keeping its own copy): rows of r1-01 (学生资助, 2022) and of r6-17
# (安徽, 乡镇) written so. The repeated heading is the same cell, not a new category of one row.
R1_01_REPEATED = (
    "| 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施 |\n"
    "| 产出指标（40分） | 数量指标 | 学生受资助人数 | ≥735人次 | 735人次 | 10 | 10 |  |\n"
    "| 产出指标（40分） | 质量指标 | 营养改善计划覆盖率 | ≥100% | 100% | 10 | 10 |  |\n"
    "| 产出指标（40分） | 时效指标 | 资金到位及时率 | ≥100% | 100% | 10 | 7 | 部分资金到位较晚 |\n"
    "| 产出指标（40分） | 成本指标 | 生均补助标准达标率 | =100% | 100% | 10 | 10 |  |\n"
    "| 效益指标（30分） | 经济效益指标 | 减轻贫困学生家庭经济负担 | 有效 | 有效 | 10 | 10 |  |\n"
    "| 效益指标（30分） | 社会效益指标 | 政策知晓率 | =100% | 98% | 10 | 9 | 宣传不够 |\n"
    "| 效益指标（30分） | 可持续影响指标 | 促进学校教育事业健康发展 | ≥100% | 100% | 10 | 10 |  |\n"
    "| 满意度指标（20分） | 服务对象满意度指标 | 学生满意度 | ≥95% | 100% | 10 | 10 |  |\n"
    "| 满意度指标（20分） | 服务对象满意度指标 | 家长满意度 | ≥95% | 100% | 10 | 10 |  |\n"
    "| 总分 |  |  |  |  | 90 | 86 | 优 |\n"
)
R6_17_REPEATED = (
    "二级指标 | 三级指标 | 分值 | 年度指标值 | 全年实际值 | 得分 | 未完成原因及拟采取的改进措施 |\n"
    "效益指标（30分） | 特色产业带动增加受益农户收入(总收入) | 20 | ≥11.376万元 | 12万元 | 20 | |\n"
    "效益指标（30分） | 受益人口数量 | 10 | 90人 | 90人 | 10 | |\n"
    "满意度指标（10分） | 受益群众满意度 | 10 | ≥90% | 95% | 10 | |\n"
    "总分 | 100 | | | 100 |\n"
)


def test_a_merged_heading_repeated_on_each_row_it_spans_is_one_category() -> None:
    assert caps_and_weights(R1_01_REPEATED) == [
        ("产出指标", "40", ["10", "10", "10", "10"]),
        ("效益指标", "30", ["10", "10", "10"]),
        ("满意度指标", "20", ["10", "10"]),
    ]
    assert [f for f in review_document(doc(R1_01_REPEATED)).findings if f.check == "score"] == []
    assert caps_and_weights(R6_17_REPEATED) == [("效益指标", "30", ["20", "10"]), ("满意度指标", "10", ["10"])]
    heavier = R6_17_REPEATED.replace("受益人口数量 | 10 |", "受益人口数量 | 15 |")
    findings = review_document(doc(heavier)).findings
    assert {f.check for f in findings} == {"score"} and any("效益指标" in f.message for f in findings)


def test_the_same_heading_after_a_total_row_starts_another_form() -> None:
    # two forms one after the other: the second's 效益指标（30分） is its own category, not a repeat
    twice = R6_17_REPEATED + R6_17_REPEATED.split("\n", 1)[1]
    assert caps_and_weights(twice) == [
        ("效益指标", "30", ["20", "10"]),
        ("满意度指标", "10", ["10"]),
        ("效益指标", "30", ["20", "10"]),
        ("满意度指标", "10", ["10"]),
    ]


# The indicator header over two rows (一级 | 二级 | 三级 | 分值 | 年度 | 全年 | 得分 over 指标 | 指标 |
# 指标 |  | 指标值 | 实际值 |): r6-17's rows (pipes) and r9-03's (濉溪县民政局, TABs). Read by the
# top row alone, 分值 and 得分 look adjacent; joined, 年度指标值 and 全年实际值 lie between them.
R6_17_SPLIT_HEADER = (
    "| 一级 | 二级 | 三级 | 分值 | 年度 | 全年 | 得分 |\n"
    "| 指标 | 指标 | 指标 |  | 指标值 | 实际值 |  |\n"
    "| 产出指标（50分） | 数量指标 | ★补助各类瓜果蔬菜种植面积 | 20 | 29.5亩 | 29.5亩 | 20 |\n"
    "|  |  | 其中桃树种植面积 |  | 1.5亩 | 1.5亩 |  |\n"
    "|  |  | ★补助鱼塘面积 | 10 | 3亩 | 3亩 | 10 |\n"
    "|  | 质量指标 | 种植作物成活率 | 5 | 95% | 95% | 5 |\n"
    "| 效益指标（30分） | 社会效益指标 | 受益人口数量 | 10 | 90人 | 90人 | 10 |\n"
    "| 总分 | 45 | | | 45 |\n"
)
R9_03_SPLIT_HEADER = (
    "一级\t二级\t三级\t分值\t年度\t全年\t得分\n"
    "指标\t指标\t指标\t\t指标值\t实际值\n"
    "产出指标(20分)\t数量指标\t★★★农村低保发放人数(按月平均)(≥**人)\t5\t>=21933人\t21980人\t5\n"
    "\t\t★★★特困人员救助供养人数(按月平均)(≥**人)\t5\t>=4754人\t4604人\t5\n"
    "\t质量指标\t扶贫临时救助标准(<**元/户·年)——一户年最高5300元\t10\t<=5300元/户\t5830元/户\t10\n"
    "效益指标(30分)\t社会效益指标\t★★★受益建档立卡贫困人口数≥**人\t30\t>=80人\t87人\t30\n"
    "总分\t50\t\t\t50\n"
)


def test_an_indicator_header_over_two_rows_is_read_joined() -> None:
    assert caps_and_weights(R6_17_SPLIT_HEADER)[0] == ("产出指标", "50", ["20", "10", "5"])
    assert caps_and_weights(R9_03_SPLIT_HEADER) == [
        ("产出指标", "20", ["5", "5", "10"]),
        ("效益指标", "30", ["30"]),
    ]
    wrong = R9_03_SPLIT_HEADER.replace("产出指标(20分)", "产出指标(25分)")
    findings = review_document(doc(wrong)).findings
    assert any(f.check == "score" and "产出指标" in f.message for f in findings)


def test_a_category_whose_rows_give_no_weights_is_recorded_as_unread() -> None:
    # r2-01: the excerpt ends two cells into 满意度指标(10分); r4-03: 满意度指标(20分) closed by
    # the form's end, its row's cells run together with no number apart
    cut = ONE_LINE.split(" 公众满意度")[0] + " 公众满"
    found, unread = extract_form_scores(Scan.of(doc(cut)))
    assert [u.reason for u in unread] == ["评分表类别“满意度指标”（10分）下的指标行未读出分值与得分，此类别未核对"]
    assert cut[unread[0].start : unread[0].end] == "满意度指标(10分)"
    assert found  # the categories before it are still read
    glued = PIPES_APART.replace("受益群众满意度 | 10 | ≥90% | 95% | 10 |", "服务对象满意度种薯繁育企业、种植农户调查")
    _, unread = extract_form_scores(Scan.of(doc(glued)))
    assert [glued[u.start : u.end] for u in unread] == ["满 意 度 指 标 (10分)"]
    # a category with its rows read records nothing
    assert extract_form_scores(Scan.of(doc(PIPES_APART)))[1] == []


def test_a_form_that_ends_the_text_with_a_row_read_closes_its_last_category() -> None:
    # eval/renderings/forms.json's r6-17 form (pipe rows): the table ends the text after 受益人口数量
    ended = PIPES_APART.split("满 意 度")[0]
    assert exhaustive(ended) == [("效益指标", True)]
    wrong = ended.replace("效 益 指 标 (30分)", "效 益 指 标 (33分)")
    assert [(f.check, f.quote) for f in review_document(doc(wrong)).findings] == [("score", "效 益 指 标 (33分)")]
    # r2-01: the one-line form cut after a category's name: not its end
    assert exhaustive(ONE_LINE.split(" 满意度指标(10分)")[0])[-1] == ("效益指标", False)


def test_a_form_on_one_line_with_weight_and_score_apart_is_read_in_pairs() -> None:
    # r6-17 and r9-03 (分值 年度指标值 全年实际值 得分), their rows one after another on one line
    r6_17 = (
        "一级指标 二级指标 三级指标 分值 年度指标值 全年实际值 得分 产出指标（50分） 数量指标 "
        "★补助各类瓜果蔬菜种植面积 20 29.5亩 29.5亩 20 其中桃树种植面积 1.5亩 1.5亩 ★补助鱼塘面积 10 3亩 3亩 10 "
        "质量指标 种植作物成活率 5 95% 95% 5 效益指标（30分） 经济效益指标 特色产业带动增加受益农户收入(总收入) "
        "20 ≥11.376万元 12万元 20 社会效益指标 受益人口数量 10 90人 90人 10 "
        "满意度指标（10分） 受益群众满意度 10 ≥90% 95% 10 "
        "总分 100 100\n"
    )
    assert caps_and_weights(r6_17)[:2] == [("产出指标", "50", ["20", "10", "5"]), ("效益指标", "30", ["20", "10"])]
    r9_03 = (
        "一级指标 二级指标 三级指标 分值 年度指标值 全年实际值 得分 产出指标(50分) 数量指标 "
        "★★★农村低保发放人数(按月平均)(≥**人) 5 >=21933人 21980人 5 "
        "质量指标 扶贫临时救助标准(<**元/户·年) 10 <=5300元/户 5830元/户 10 效益指标(30分) 社会效益指标 "
        "困难群众基本生活得到保障 30 有效保障 有效保障 30 总分 100 100\n"
    )
    assert caps_and_weights(r9_03)[:2] == [("产出指标", "50", ["5", "10"]), ("效益指标", "30", ["30"])]
    # a row with its 得分 left empty: the numbers no longer pair, the line is unread
    gap = r9_03.replace("5830元/户 10 效益", "5830元/户 效益")
    found, unread = extract_form_scores(Scan.of(doc(gap)))
    assert unread and "无法唯一对应" in unread[0].reason


def test_an_amount_with_its_unit_written_apart_is_no_bare_score() -> None:
    """r2-12 (黄石, 成本指标 | 200万 | 195.5 万元 | 10) and r6-17 (…(总收入) | 20 | ≥11.376万元 | 12 万元 | 20):
    an actual value whose 万元 is written apart, as PDF text writes it, is read as an amount, not as a
    分值 or 得分: the form reads as it does with the unit written on."""
    for name in ("r2-12", "r6-17"):
        text = (ROOT / "eval" / "corpus" / "samples" / f"{name}.txt").read_text(encoding="utf-8")
        spaced = re.sub(r"(?<=\d)(?=万元)", " ", text)
        assert spaced != text
        assert _read(spaced) == _read(text) != [], name


def _read(text: str) -> list[list[tuple[str, str, tuple[str, ...]]]]:
    """Each tree's nodes: id, 分值 and 得分 as written, and children (a name is the text before a row's
    numbers, so it holds the unit as written)."""
    found, q = trees(text)
    return [[(q.get(n.weight or "", ""), q.get(n.score or "", ""), n.children) for n in t.nodes] for t in found]
