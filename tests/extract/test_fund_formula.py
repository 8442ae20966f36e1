"""The 预算执行 score of a fund block with no 分值 column, its cap in the block's heading
(预算执行情况(万元) (20分) … 得分 (20分*执行率)): 得分 = min(执行率, 100%) × the cap.

The renderings are from two different public reports of the dev corpus (eval/corpus, split dev):
the numbers are theirs, the surrounding text trimmed."""

from __future__ import annotations

from review.core.claims import FormulaScore
from review.core.document import Document
from review.extract.rules import extract_rules
from review.load.texttables import text_blocks
from review.pipeline import review_document

# r2-12 (云南 海绵城市 自评表): pipe rows, the cap after the block's name
PIPES = (
    "预算执行情况(万元) (20分) | 预算数(A) | 执行数(B) | 执行率(B/A) | 得分 (20分*执行率) | |||||\n"
    "年度财政资金总额 | 200 | 195.5 | 97.75% | 19.55 | |||||\n"
    "年度绩效目标1 (80分) | 一级指标 | 二级指标 | 三级指标 | 年初目标值(A) | 实际完成值(B) | 得分 | |||\n"
)
# r6-04 (one cell a line): the cap on the line after the block's name
CELLS = (
    "||||||||\n预算执行情况(万元)\n(20分)\n|\n|\n预算数(A)\n|\n执行数(B)\n|\n执行率(B/A)\n|\n得分\n(20分*执行率)\n"
    "|\n||||\n年度财政资金总额\n|\n34.64\n|\n34.64\n|\n100%\n|\n20\n|\n|||||\n年度绩效目标\n(80分)\n|\n一级指标\n"
)


def doc(text: str) -> Document:
    return Document(path="t.txt", sha256="0" * 64, source_format="txt", text=text, blocks=text_blocks(text))


def formulas(text: str) -> list[tuple[str, str, str]]:
    claims = extract_rules(doc(text))
    q = {x.id: x for x in claims.quantities}
    return [
        (q[r.rate].text, q[r.weight].text, q[r.score].text) for r in claims.relations if isinstance(r, FormulaScore)
    ]


def test_the_heading_cap_is_the_weight_of_the_fund_rows_score() -> None:
    assert formulas(PIPES) == [("97.75%", "20", "19.55")]
    assert formulas(CELLS) == [("100%", "20", "20")]
    assert [f for f in review_document(doc(PIPES)).findings if f.check == "score"] == []


def test_a_score_the_rate_does_not_give_is_flagged() -> None:
    for text, wrong in ((PIPES, "| 97.75% | 18.55 |"), (CELLS, "100%\n|\n17\n")):
        right = "| 97.75% | 19.55 |" if text is PIPES else "100%\n|\n20\n"
        bad = text.replace(right, wrong)
        (f,) = [f for f in review_document(doc(bad)).findings if "budget_execution" in f.rule]
        assert f.check == "score" and "应得" in f.message


def test_a_heading_with_no_cap_claims_nothing() -> None:
    assert formulas(PIPES.replace(" (20分)", "", 1)) == []
    assert formulas(CELLS.replace("(20分)\n|", "|", 1)) == []


def test_a_block_with_its_own_weight_column_is_left_to_the_fund_reader() -> None:
    text = (
        "项目资金 (万元) (20分) |\n"
        "| 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 |\n"
        "年度资金总额 |\n"
        "| 32.4 | 31.69 | 10 | 97.80% | 9 |\n"
    )
    assert formulas(text) == [("97.80%", "10", "9")]  # form_funds' claim, its 分值 cell, not the heading
