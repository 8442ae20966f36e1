"""Years, round 7, on real report text: a statement of the year reviewed that everything the report dates
comes a year after is one side of a contradiction, flagged with the dated side. Excerpts (shortened) of dev
corpus reports, named by sample, with the reviewed year written one too early."""

import pytest

from tests.conftest import review_text


def rules_at(text: str) -> list[tuple[str, str]]:
    return sorted((f.rule, f.quote) for f in review_text(text).findings if f.check == "date")


@pytest.mark.parametrize(
    ("text", "stated", "dated"),
    [
        # r26-03 (南宁市): a report's bracketed year, a value of the year after
        (
            "南宁市财政项目支出绩效自评报告 (2017年度) 项目名称:南宁市困难大学新生入学补助。资助标准为4000元/人,"
            "2018年继续资助困难新生3000名(其中市直属学校1150人,县区学校1850人)。",
            "2017年度",
            "2018",
        ),
        # r16-09 (万源市): the title's year, the funds received in the year after
        (
            "万源市民政局 关于2020年度困难群众救助补助专项转移支付资金绩效自评报告\n一、预算和绩效目标情况\n"
            "2021年我局共收到中央下达困难群众救助补助资金9056万元。",
            "2020年度",
            "2021",
        ),
    ],
)
def test_a_year_reviewed_before_all_the_report_dates_is_flagged_with_it(text, stated, dated):
    found = rules_at(text)
    assert [r for r, q in found if r == "date.review_year_against_content" and q.startswith(stated)] != []
    assert [r for r, q in found if r == "date.dated_value_in_period" and q.startswith(dated)] != []
    # written right, neither side is flagged
    assert rules_at(text.replace(stated, f"{int(dated)}年度", 1)) == []


@pytest.mark.parametrize(
    ("text", "stated", "dated"),
    [
        # r26-03 (南宁市): the bracketed year written one too late, the value of the year reviewed
        (
            "南宁市财政项目支出绩效自评报告 (2019年度) 项目名称:南宁市困难大学新生入学补助。资助标准为4000元/人,"
            "2018年继续资助困难新生3000名(其中市直属学校1150人,县区学校1850人)。",
            "2019年度",
            "2018",
        ),
        # r17-08 (珍珠村, traditional characters): the title's year, the project set up in the year before
        (
            "關(guān)于2020年度高其坑通組道路工程績效評價報告\n(一)項目概況:為解決珍珠村基礎(chǔ)設(shè)施問題。"
            "2019年通過統(tǒng)籌整合財政涉農(nóng)資金項目立項,實施高其坑通組道路工程,項目總投資19萬元。",
            "2020年度",
            "2019",
        ),
    ],
)
def test_a_year_reviewed_after_all_the_report_dates_is_flagged_with_it(text, stated, dated):
    found = rules_at(text)
    assert [r for r, q in found if r == "date.review_year_against_content" and q.startswith(stated)] != []
    assert [r for r, q in found if r.endswith("_in_period") and q.startswith(dated)] != []
    assert rules_at(text.replace(stated, f"{int(dated)}年度", 1)) == []
