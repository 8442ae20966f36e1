"""Years, round 8, on real report text: the fiscal year a cited notice sets the evaluation of, or approves the
budget of, is the year the report reviews — a vote for the period, and a mention that may be written wrongly.
Excerpts (shortened) of dev corpus reports, named by sample."""

import pytest

from review.core.claims import YearMention
from review.extract.rules.period import infer_period
from tests.conftest import review_text


def dates_at(text: str) -> list[tuple[str, str]]:
    return sorted((f.rule, f.quote) for f in review_text(text).findings if f.check == "date")


@pytest.mark.parametrize(
    ("text", "year", "rule"),
    [
        # dev r1-17 (财政部 notice): the evaluation of a fiscal year's transfers
        (
            "根据《财政部关于开展2022年度中央对地方转移支付预算执行情况绩效自评工作的通知》(财监〔2023〕1号)要求,"
            "现对2022年度中央对广西转移支付城市管网及污水处理补助资金绩效目标自评如下:\n"
            "2022年中央下达我区资金500万元,实际支出500万元。",
            "2022",
            "date.evaluated_year_in_period",
        ),
        # dev r16-10 (九华山风景区): a local notice, the unit's own self-evaluation
        (
            "根据风景区财政局《关于开展2021年度预算绩效目标完成情况单位自评、部门评价工作的通知》(九财字[2021]65号)文件精神,"
            "我单位对环境监测站2021年度百岁宫大气监测专项项目使用管理情况认真开展了自评。\n"
            "2021年度百岁宫大气监测专项项目经费实际执行数为10.01万元。",
            "2021",
            "date.evaluated_year_in_period",
        ),
        # dev r23-04 (仪陇县) and r25-08 (湘西州): the notice approving the year's budget
        (
            "二、资金来源2018年县财政局《关于批复2018年县级部门预算的通知》(仪财预〔2018〕3号)。2018年县财政安排资金100万元。",
            "2018",
            "date.budget_year_in_period",
        ),
        (
            "根据《湘西自治州财政局关于2018年州直部门预算批复的通知》文件,湘西州民族宗教事务局2018年度少数民族工作专项经费"
            "343.85万元。",
            "2018",
            "date.budget_year_in_period",
        ),
    ],
)
def test_a_cited_notice_names_the_year_reviewed(text, year, rule):
    assert dates_at(text) == []
    other = str(int(year) - 1)
    notice = text.index("《")
    wrong = text[:notice] + text[notice:].replace(year, other, 1)
    assert [r for r, _ in dates_at(wrong)] == [rule]


def test_an_evaluation_notice_votes_for_the_year_it_evaluates():
    # dev r26-04 (湖南省): the notice's 2016年度 against a later year named as often in passing
    text = (
        "根据《湖南省财政厅关于开展2016年度省级财政资金绩效评价工作的通知》(湘财绩〔2017〕6号)文件精神对部门整体支出进行了"
        "绩效评价。2016年省级预算财政专项资金100万元。预计2020年完成全部建设。2020年续建。"
    )
    assert infer_period(text) == 2016
    # a notice of the year the work is done in (做好2024年…工作, no 年度) is no vote
    assert infer_period("根据《文成县财政局关于做好2024年部门(单位)绩效评价工作的通知》,2023年支出100万元。") == 2023


@pytest.mark.parametrize(
    ("text", "stated"),
    [
        # dev r16-14 (会宁县): what the report puts out, 予以公开
        (
            "现将2021年度下达我县的中央专项彩票公益金支持社会公益事业项目补助资金的绩效目标自评情况予以公开:\n"
            "一、绩效目标分解下达情况\n2021年度,下达我县中央专项彩票公益金支持社会公益事业项目补助资金200万元。",
            "2021年度",
        ),
        # dev r15-04 (体育彩票公益金): 公告如下, the reporter's own place before the year
        (
            "根据《彩票管理条例》有关规定,现将我市2022年体育彩票公益金使用情况公告如下:\n"
            "2022年,我市体育彩票公益金预算安排 996.8182万元,总支出996.8182万元。",
            "2022年",
        ),
    ],
)
def test_what_the_report_puts_out_states_its_year(text, stated):
    found = [x for x in review_text(text).claims.relations if isinstance(x, YearMention) and x.role == "review_year"]
    assert [text[x.start : x.start + len(stated)] for x in found] == [stated]
    assert dates_at(text) == []
    wrong_year = f"{int(stated[:4]) - 1}{stated[4:]}"
    wrong = text.replace(stated, wrong_year, 1)
    # written one year early, the statement is flagged (against the period, or against all the report dates)
    assert [q for _, q in dates_at(wrong) if q.startswith(wrong_year)] != []


@pytest.mark.parametrize(
    ("text", "year"),
    [
        # dev r17-12 (南京市): the city before the year its budget arranged the funds in
        (
            "南京市标准化水产健康养殖示范基地建设项目2018年度绩效自评报告\n推进渔业绿色发展,南京市2018年度财政预算安排,"
            "由原南京市农业委员会分两批下达南京市标准化水产健康养殖示范基地建设项目资金计划。",
            "2018",
        ),
        # dev r6-18 (库区基金): 全市 before the year of the plan approved
        (
            "2020年度大中型水库库区基金绩效自评报告\n全市2020年批复大中型水库库区基金项目年度计划59项,总投资15314.35万元。",
            "2020",
        ),
        # an unlabeled 明光市 page: 我市 before the year of the work done
        (
            "明光市2023年度中央集中彩票公益金支持社会福利事业专项资金绩效自评情况\n我市2023年中央集中彩票公益金支持的"
            "社会福利事业项目,老年人福利类完成447户特殊困难老年人家庭适老化的改造任务。",
            "2023",
        ),
    ],
)
def test_a_year_after_the_reporters_place_dates_its_clause(text, year):
    assert dates_at(text) == []
    body = text.index("\n")
    wrong = text[:body] + text[body:].replace(year, str(int(year) - 1), 1)
    assert [q for _, q in dates_at(wrong) if q.startswith(str(int(year) - 1))] != []


@pytest.mark.parametrize(
    ("text", "year"),
    [
        # dev r11-02 (同心县): the county's plan for the year
        (
            "同心县2022年度衔接资金绩效自评报告\n根据同心县人民政府办公室关于印发《同心县2022年巩固拓展脱贫攻坚成果同乡村"
            "振兴有效衔接实施方案》的通知(同政办发〔2022〕12号)精神,2022年安排资金500万元。",
            "2022",
        ),
        # dev r16-04 (厦门市): the plan for using the year's funds
        (
            "厦门市2021年农业生产发展资金使用情况绩效自评报告\n制定《2021年农业生产发展等专项资金使用方案的报告》"
            "(厦财农〔2021〕10号),经市政府同意后,报农业农村部、财政部备案。",
            "2021",
        ),
    ],
)
def test_a_cited_plan_names_the_year_reviewed(text, year):
    assert dates_at(text) == []
    plan = text.index("《")
    wrong = text[:plan] + text[plan:].replace(year, str(int(year) - 1), 1)
    assert [r for r, _ in dates_at(wrong)] == ["date.plan_year_in_period"]


def test_a_cited_plan_for_earlier_years_funds_listed_is_no_plan_of_one_year():
    # an unlabeled 屏边县 page: funds taken back from two earlier years, re-allocated
    text = (
        "屏边县2021年度整合财政涉农资金绩效自评报告\n按照《屏边县扶贫办收回2019年、2020年整合财政涉农资金、补短板净结余"
        "资金重新安排项目资金实施方案》组织项目实施。2021年总投资1127.35万元。"
    )
    assert dates_at(text) == []
