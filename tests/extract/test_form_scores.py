"""Category headings with caps and the indicator rows under them, in flattened 自评表 renderings.

Each rendering is from a different public report of the dev corpus (eval/corpus, split dev)."""

from __future__ import annotations

from review.core.claims import ScoreTree
from review.core.document import Document
from review.extract.rules.form_scores import extract_form_scores
from review.extract.rules.scan import Scan
from review.load.texttables import text_blocks
from review.pipeline import review_document


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


def test_a_category_cut_off_by_the_excerpt_is_not_claimed() -> None:
    cut = PIPES_APART.split("满 意 度")[0]  # no later heading, no total: the last category may go on
    assert caps_and_weights(cut) == []


def test_without_a_header_naming_weight_and_score_nothing_is_read() -> None:
    text = "产出指标(50分) 完成数量 10 10 完成质量 10 10\n总分 100\n"
    assert trees(text) == ([], {})
