"""A sentence opened by the group it is about — a name and its count alone in its first clause (省级6项,…当年计划投资
19亿元) — states that group's figures, not the whole's the report gave before: the same words with another value
are no restatement. Phrasings of dev r22-06 (沁水县 重点工程) and of a public county page (千万元以上重点建设项目,
http://120.194.211.226/contents/1033/15493.html), shortened."""

import pytest

from tests.conftest import review_text

QINSHUI = (
    "2021年,我县省市县重点工程项目共30项,其中:建设项目27项(省级6项、市级5项、县级16项)。总投资519.86亿元,"
    "当年计划投资63.27亿元。\n截止目前,全县重点工程进展顺利,1-12月份,完成投资77.57亿元。其中:\n"
    "省级6项,概算投资140.16亿元,当年计划投资19亿元。1-12月份完成投资28.78亿元。\n"
    "市级5项,概算投资221.76亿元,当年计划投资22.67亿元。1-12月份完成投资26.4亿元。\n"
)
COUNTY = (
    "2020年计划实施千万元以上重点建设项目71个,总投资337.13亿元,年度计划完成投资56.21亿元,1-6月份累计完成投资35.9亿元。\n"
    "省市重点项目情况:省重点项目2个,总投资20亿元,年度计划完成投资9亿元,1-6月份累计完成投资7.9亿元。"
    "市重点项目7个,总投资33.9亿元,年度计划完成投资9.7亿元,1-6月份累计完成投资8.15亿元。\n"
)


@pytest.mark.parametrize("text", [QINSHUI, COUNTY])
def test_a_groups_figures_are_not_the_wholes_restated(text: str) -> None:
    assert [f for f in review_text(text, 2021).findings if f.check == "consistency"] == []


def test_the_whole_restated_without_a_group_is_still_one_fact() -> None:
    wrong = QINSHUI + "截至年底,当年计划投资64.27亿元。\n"
    found = [(f.check, f.quote) for f in review_text(wrong, 2021).findings if f.check == "consistency"]
    assert found == [("consistency", "当年计划投资64.27亿元")]
