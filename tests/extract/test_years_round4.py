"""Years, round 4: a bracketed year after a project's name in a results table (not a review year, one vote),
and a year before a plan's stage (a schedule, dating no value). Excerpts (shortened) of dev corpus reports."""

import pytest

from review.core.claims import YearMention
from tests.conftest import checks_of, review_text

# dev r11-11 (重点项目绩效评价情况通报): a results table whose row names an earlier year's project
NOTICE = (
    "我局组织开展了2022年重点项目绩效评价工作,现将评价情况通报如下:\n"
    "2022年共对9个重点项目进行了评价,其中项目支出评价4个、政策评价3个、部门整体评价2个。\n"
    "序号 | 主管部门(单位) | 项目名称 | 资金量 (万元) | 评价等级 |\n"
    "4 | 信安湖管理中心 | 信安湖堤防、码头、安全等设施维护,白蚂蚁防治及堤防绿化养护项目(2021年度) | 318 | 良 |\n"
)
# dev r11-04 (财政衔接资金项目绩效目标): a plan's stages before its yearly figures
PLAN = (
    "村集体投资种植优质李子树30亩,2020年挂果,2021年投产,预计每年每亩产李子1000公斤,每公斤售价5元;"
    "村集体投资种植梨子圆50亩,2023年投产,每年亩产1500公斤,每公斤售价4元,预计年总收入30万元。\n"
)


def _dates(text: str, period: int | None) -> list[str]:
    return [quote for check, quote in checks_of(text, period) if check == "date"]


def _roles(text: str) -> list[tuple[int, str]]:
    return [(r.year, r.role) for r in review_text(text, None).claims.relations if isinstance(r, YearMention)]


def test_a_bracketed_year_after_a_project_name_states_no_review_year():
    assert (2021, "review_year") not in _roles(NOTICE)
    review = review_text(NOTICE, None)
    assert (review.period, review.claims.period_rivals) == (2022, ())
    assert _dates(NOTICE, None) == []


@pytest.mark.parametrize(
    "title",
    [
        "部门预算项目支出绩效自评表 (2023年度)",  # dev r1-09
        "部门整体支出绩效评价自评报告\n(2023年度)",  # dev r10-11
        "绩效目标自评表 | ||||||||||\n(2023年度) | ||||||||",  # dev r6-17
    ],
)
def test_a_bracketed_year_after_a_forms_title_is_its_review_year(title):
    assert (2023, "review_year") in _roles(title)
    assert _dates(title, 2024) != []


def test_a_year_before_a_plans_stage_dates_no_value():
    assert [y for y, role in _roles(PLAN) if role == "dated_value"] == []
    assert _dates(PLAN, 2022) == []


def test_a_year_framing_a_period_still_dates_its_value():
    # dev r1-07 (森林防火): a period noun, not a stage, before the clause's value
    text = "2021年森林防火期,我市共发生森林火灾3起,低于控制指标。"
    assert (2021, "dated_value") in _roles(text)
    assert _dates(text, 2022) != []
