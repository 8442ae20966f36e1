"""The full marks a scoring rule states (review/extract/rules/rule_marks.py), with rules quoted from
three dev reports (r11-09 a rubric, r11-01 and r10-02 自评表 with a 分值 column), and the score
trees that hold them against the row's 分值 (review/extract/rules/score_table.py)."""

from __future__ import annotations

from decimal import Decimal

from review.extract.rules.rule_marks import full_marks
from review.extract.rules.scan import Scan
from review.extract.rules.score_table import extract_span_scores
from review.pipeline import review_document
from tests.conftest import doc_of
from tests.extract.test_span_rows import R10_02, R11_01, R11_09


def _marks(rule: str) -> list[str] | None:
    found = full_marks(rule, [(0, len(rule))])
    return None if found is None else [str(g.value) for g in found]


def test_one_grant_beside_its_deductions_is_the_full_marks() -> None:
    # r11-09: the grant, then a deduction and 扣完N分为止 (not grants)
    assert _marks("可行性研究报告(项目申报书)编制符合要求的得7分,不符合要求的视具体情况扣分,扣完7分为止。") == ["7"]
    assert _marks("项目档案资料齐全的得2分,不齐全的扣2分。") == ["2"]
    # r11-01: 计N分 after the condition, a deduction per point after it
    assert _marks("以100%为标准。三公经费控制率≦100%,计6分;每超过一个百分点扣1分,扣完为止。") == ["6"]
    # r10-02: a bonus (加1分, 最多加2分) is not part of the full marks
    assert _marks("纳入县级重点工作部署,得1分;党政领导对财政奖补工作有正面批示的,一个加1分,最多加2分") == ["1"]


def test_a_ladder_written_best_first_has_its_first_grant_as_full_marks() -> None:
    # r11-09: lower tiers in one sentence
    assert _marks("财务会计制度健全的得10分,基本健全的得6分,不健全的扣10分。") == ["10"]
    # r11-01: tiers of one measure, each in its own part
    ladder = "重点支出安排率≥90%,计5分;80%(含)-90%,计4分;70%(含)-80%,计3分;60%(含)-70%,计2分;低于60%不得分。"
    assert _marks(ladder) == ["5"]
    assert _marks("无结余,3分;有结余,但不超过上年结转,2分;结余超过上年结转,不得分。") == ["3"]


def test_grants_in_parts_of_their_own_add_up() -> None:
    # r11-01: enumerated points; r10-02: two conditions, each its own grant
    points = "①已制定预算资金管理办法,1分;\n②相关管理制度合法、合规、完整,1分;\n③相关管理制度得到有效执行,1分。"
    assert _marks(points) == ["1", "1", "1"]
    assert _marks("制定农村公益事业财政奖补项目三年规划的,得2分;建立财政奖补项目库的,得3分") == ["2", "3"]


def test_rules_with_no_full_marks_are_not_claimed() -> None:
    assert _marks("每项得1分,最多5项") is None  # per item
    assert _marks("制定规划的,得3分;建立项目库的,得2分") is None  # a ladder or parts: either
    assert _marks("春节前下达全部专项资金的50%;每出现一个专项未按进度完成资金下达扣0.5分,扣完为止。") is None
    assert _marks("由各省自行制定") is None


def _rule_trees(text: str) -> list[tuple[str, Decimal | None, list[Decimal]]]:
    scan = Scan.of(doc_of(text))
    trees, _ = extract_span_scores(scan)
    q = {x.id: x.value for x in (*scan.quantities, *scan.minted)}
    out = []
    for tree in trees[1:]:
        root = tree.nodes[0]
        out.append((root.name, q.get(root.weight or ""), [q[n.weight or ""] for n in tree.nodes[1:]]))
    return out


def test_a_rows_rule_is_held_against_its_weight_column() -> None:
    got = _rule_trees(R11_01)
    assert ("“三公经费”控制率", Decimal(6), [Decimal(6)]) in got
    assert ("资金结余", Decimal(3), [Decimal(3)]) in got
    assert all(name != "支付进度" for name, _, _ in got)  # deductions only: no full marks
    assert ("民主议事", Decimal(2), [Decimal(2)]) in _rule_trees(R10_02)


def test_a_row_with_no_weight_of_its_own_weighs_its_rules_full_marks() -> None:
    # r11-09: 1.可行性研究报告 states no (N分); its rule's 得7分 fills its category's (7分)
    scan = Scan.of(doc_of(R11_09))
    trees, _ = extract_span_scores(scan)
    q = {x.id: x for x in scan.minted}
    row = next(n for n in trees[0].nodes if n.name.startswith("1.可行性"))
    assert row.weight is not None and q[row.weight].value == 7
    assert R11_09[q[row.weight].start - 1] == "得"


def test_a_weight_its_rule_does_not_grant_is_found() -> None:
    clean = review_document(doc_of(R11_01))
    assert not [f for f in clean.findings if f.check == "score"]
    wrong = R11_01.replace("计6分;\n|\n6\n|", "计6分;\n|\n9\n|")
    found = [f for f in review_document(doc_of(wrong)).findings if f.check == "score"]
    assert any("“三公经费”控制率" in f.message and "9" in f.message for f in found)


def test_a_word_that_begins_with_fen_is_no_grant() -> None:
    # minutes and branches are not points: only the grant after them is
    assert _marks("接到报修后,30分钟内到达现场的,得5分;超时的每次扣1分。") == ["5"]
    assert _marks("由各分局、10分局汇总后报送的,得3分") == ["3"]
