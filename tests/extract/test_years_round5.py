"""Years, round 5: statements of the year reviewed that disagree — the title against the sentence that says
what was reviewed — are flagged on both sides, whichever the votes take for the period. Excerpts
(shortened, one year changed) of two dev corpus reports' phrasings."""

import pytest

from tests.conftest import review_text

# dev r13-01 (部门整体支出绩效评价报告): the title twice, then the statement of what was reviewed
DEPARTMENT = (
    "2019年部门整体支出绩效评价报告\n单位:益阳市赫山区城市管理和综合执法局\n2019年部门整体支出绩效评价报告\n"
    "根据有关文件要求,我局对{year}年度本单位整体支出进行了绩效自评,现将有关情况报告如下。\n"
)
# dev r11-11 (重点项目绩效评价情况通报): the review work's year against a form's bracketed year
NOTICE = (
    "我局组织开展了{year}年重点项目绩效评价工作,现将评价情况通报如下:\n"
    "项目支出绩效自评表(2022年度)\n单位名称:衢州市财政局\n项目支出绩效自评表(2022年度)\n"
)


@pytest.mark.parametrize(("text", "kept", "changed"), [(DEPARTMENT, 2019, 2018), (NOTICE, 2022, 2021)])
def test_review_years_that_disagree_are_flagged_where_each_is_stated(text: str, kept: int, changed: int) -> None:
    found = [f for f in review_text(text.format(year=changed)).findings if f.check == "date"]
    quotes = " ".join(f.quote for f in found)
    assert f"{changed}年" in quotes
    assert f"{kept}年" in quotes
    assert all(f.severity == "low" for f in found)
    assert [f for f in review_text(text.format(year=kept)).findings if f.check == "date"] == []
