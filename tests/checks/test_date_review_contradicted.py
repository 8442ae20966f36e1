"""The date check's other side of a contradiction over the year reviewed: the report's own statement of it
(对2019年度…进行了绩效自评) when a value or a title elsewhere gives another year. Excerpts (shortened) of dev
corpus reports, named by sample."""

import pytest

from tests.conftest import review_text


def rules_of(text: str, period: int | None) -> list[str]:
    return [f.rule for f in review_text(text, period).findings if f.check == "date"]


@pytest.mark.parametrize(
    ("statement", "elsewhere"),
    [
        # r11-11 (文化广电旅游局): the review statement, then a value dated another year
        ("我局组织开展了2021年重点项目绩效评价工作,现将评价情况通报如下:\n", "2022年共对9个重点项目进行了评价。\n"),
        # r13-01 (城管执法局): the review statement against the report's title, twice
        (
            "对2018年度本单位整体支出进行了绩效自评,现将具体绩效评价情况报告如下:\n",
            "2019年部门整体支出绩效评价报告\n",
        ),
    ],
)
def test_a_review_statement_at_odds_with_the_report_is_flagged_too(statement, elsewhere):
    """Whichever year the period is taken from, the statement carries a finding: it may be the year that moved."""
    text = statement + elsewhere
    review = review_text(text, None)
    flagged = [f for f in review.findings if f.check == "date"]
    assert any(f.start <= text.find("20") < f.end for f in flagged)


def test_a_review_statement_with_a_listing_of_years_stays_silent():
    """Another year listed with the period's own (其中2021年…，2022年…) is no contradiction."""
    text = "我局组织开展了2022年重点项目绩效评价工作。\n其中2021年省级资金下达100万元，2022年省级资金下达120万元。\n"
    assert "date.review_year_contradicted" not in rules_of(text, 2022)


def test_a_review_statement_alone_stays_silent():
    text = "我局组织开展了2022年重点项目绩效评价工作。\n2022年共对9个重点项目进行了评价。\n"
    assert rules_of(text, None) == []
