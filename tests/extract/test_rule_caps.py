"""An indicator's cap in a flattened scoring-rule table against its rule's full marks
(review/extract/rules/rule_caps.py). Excerpts of dev reports r14-08 (pipe rows) and r11-09 (cells over
several lines); silent on prose scores, categories over several rules and bonus rules."""

from __future__ import annotations

import pytest

from review.core.claims import ScoreTree
from tests.conftest import checks_of, review_text

# dev r14-08 (高标准农田 评价指标): the cap in the indicator's cell, its rule in the next
R14_08 = (
    "评价指标 | 分值 | 评价标准 | 评价依据 |\n"
    "前期工作 | 任务分解 (2分) | 按要求将年度任务分解落实到项目区的,得2分;未完成的,不得分。 | 平台数据。 |\n"
    "审批备案 (2分) | 及时完成项目初步设计审批的,得2分;未按时完成的,不得分。 | ||\n"
    "建设面积 与质量 | 建成面积贡献率(5分) | 贡献率,满分5分,占比排名前5名的得满分,6-10名的扣0.5分。 | 平台数据。 |\n"
)
# dev r11-09 (农业综合开发 评价指标): the category's cap over its only indicator, and indicators' own caps
R11_09 = (
    "评价\n内容\n| 评价指标\n(分值)\n| 指标说明\n| 评分标准\n|\n"
    "(三)\n项\n目\n实\n施\n(20分)\n| 4.建设内容完成量\n| 项目计划建设内容完成情况。\n"
    "| 计划建设内容完成100%的得20分,每减少1个百分点扣1分,扣完20分为止。\n|\n"
    "(四)\n资\n金\n使\n用\n(30分)\n| 5.资金落实(10分)\n| 项目计划投资完成情况。\n"
    "| 项目计划投资完成100%的得10分,每减少1个百分点扣1分,扣完10分为止。\n|\n"
    "6.实际支出(10分)\n| 实际支出的相符性。\n| 实际支出与批复计划相符的得10分,基本相符的得6分,调整较大的扣10分。\n|\n"
    "7.财务管理制度执行(10分)\n| 制度的执行情况。\n| 财务会计制度健全的得10分,基本健全的得6分,不健全的扣10分。\n|\n"
)


def _caps(text: str) -> list[tuple[str, str, list[str]]]:
    r = review_text(text, 2022)
    q = r.claims.by_id()
    out = []
    for t in r.claims.relations:
        if isinstance(t, ScoreTree) and t.nodes[0].weight and all(n.name.endswith("评分标准") for n in t.nodes[1:]):
            root = t.nodes[0]
            out.append((root.name, q[root.weight].text, [q[n.weight].text for n in t.nodes[1:] if n.weight]))
    return out


def test_each_capped_indicator_is_read_with_its_rules_full_marks():
    assert _caps(R14_08) == [("任务分解", "2分", ["2"]), ("审批备案", "2分", ["2"]), ("建成面积贡献率", "5分", ["5"])]
    # 项目实施(20分) over its one indicator is the span-table reader's (the rule's 20 as that indicator's 分值)
    assert _caps(R11_09) == [
        ("5.资金落实", "10", ["10"]),
        ("6.实际支出", "10", ["10"]),
        ("7.财务管理制度执行", "10", ["10"]),
    ]
    assert checks_of(R14_08, 2022) == [] and checks_of(R11_09, 2022) == []


@pytest.mark.parametrize(
    ("text", "old", "new", "quote"),
    [
        (R14_08, "任务分解 (2分)", "任务分解 (5分)", "任务分解 (5分)"),
        (R11_09, "5.资金落实(10分)", "5.资金落实(12分)", "5.资金落实(12分)"),
        (R11_09, "完成100%的得10分", "完成100%的得12分", "5.资金落实(10分)"),
    ],
    ids=["r14-08-cap", "r11-09-cap", "r11-09-rule"],
)
def test_a_cap_its_rule_does_not_grant_is_found(text, old, new, quote):
    found = checks_of(text.replace(old, new), 2022)
    assert [c for c, q in found if c == "score" and (quote in q or q in quote)]


def test_prose_scores_categories_over_several_rules_and_bonuses_are_not_read():
    prose = "一、投入(14分)\n(1)项目立项(2分)\n程序完整,执行程序规范。自评得2分。\n"  # dev r19-03: no rule column
    assert _caps(prose) == []
    two = R11_09.replace("| 5.资金落实(10分)", "| 5.资金落实")  # 资金使用(30分) over two rules
    assert ("资金使用", "30分") not in [(n, c) for n, c, _ in _caps(two)]
    bonus = R14_08.replace("得2分;未完成的", "加1分;未完成的")
    assert "任务分解" not in [n for n, _, _ in _caps(bonus)]
