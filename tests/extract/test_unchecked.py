"""Tables a report shows but the rules did not read (rules/unchecked.py): phrasings quoted from
dev-corpus reports and seeds (short excerpts)."""

from __future__ import annotations

from review.extract.rules import extract_rules
from tests.conftest import doc_of, review_text

SCORES = "评分表："
FUNDS = "项目资金表："

# dev r1-09 (安可设备): the indicator table's header in pipe cells, its rows not read into scores
R1_09_INDICATORS = (
    "绩效指标(90分) | 一级指标 | 二级指标 | 三级指标 | 指标性质 | 指标值 | 度量单位 | 完成值 | "
    "权重 | 得分 | 未完成原因分析 |\n"
    "产出指标 | 质量指标 | 完成安可产品购买并按要求支付资金 | = | 100 | \n"
)
# dev r6-02 (蚕茶卫生院整体支出): the header flattened into one line with the rows
R6_02_INDICATORS = (
    "分解目标自评权重二级指标三级指标年度指标值全年完成值分值得分偏差及原因分析管理指标30预算编审管理"
    "完整、准确率100%100%44预算执行\n"
)
# seed 002 (…项目支出绩效自评表): an indicator table the readers do read
SEED_READ = (
    "一级指标 | 二级指标 | 三级指标 | 分值 | 得分\n"
    "产出指标（50分） | 数量指标 | 培训人数 | 30 | 30\n"
    " | 质量指标 | 合格率 | 20 | 18\n"
    "总分 | | | 50 | 48\n"
)
# dev r8-08 (a PDF flattened, its header's bracket broken) and dev r3-01 (普陀体育中心): a 项目资金
# block whose cells the readers could not match to columns
R8_08_FUNDS = (
    "预算执行情况 (万元) (20 分)预算数(A)执行数(B)执行率(B/A1得分(20分*执行率)年度财政 资金总额10001000100%20度效标\n"
)
# dev r2-18 (湘西地区开发, traditional mirror): the row reader already says which row it could not cut
R2_18_FUNDS = "(万元)年初预算数全年预算数全年执行数分值执行率得分年度资金总额3555035550355501082.12%8.5其中:\n"
R3_01_FUNDS = (
    "项目名称 主管部门 上海市普陀区体育局 年初预算数 全年预算数 全年执行数 分值 执行率 得分 "
    "20000.00 20000.00 4.52 其中:当年财政拨款 0 0 — 上年结转资金 0 0 — 其他资金\n"
)
# dev r6-04 (备注): the two column names in a sentence of a note are no header
R6_04_NOTE = (
    "备注:1.预算执行情况口径:预算数为调整后财政资金总额(包括上年结余结转),执行数为资金使用单位财政资金实际支出数。\n"
)
# dev r1-09: the 项目资金 block's own 权重 | 得分 columns (its budget row's score), read with the block
R1_09_FUNDS = (
    "预算执行情况(10分) | 年度预算数(万元) | 年初预算 | 调整后预算数 | 预算执行数 | 预算执行率 | 权重 | 得分 | 原因 |\n"
    "总额 | 0.00 | 3.36 | 3.36 | 100.00% | 10 | 10 | |\n"
    "其中:财政资金 | 0.00 | 3.36 | 3.36 | 100.00% | / | / | |\n"
)


def unchecked(text: str) -> list[str]:
    reasons = [u.reason for u in extract_rules(doc_of(text), 2023).unread]
    return [kind for r in reasons for kind in (SCORES, FUNDS) if r.startswith(kind)]


def test_an_indicator_table_not_read_is_reported_as_not_checked():
    assert unchecked(R1_09_INDICATORS) == [SCORES]
    assert unchecked(R6_02_INDICATORS) == [SCORES]


def test_a_funds_block_not_read_is_reported_as_not_checked():
    assert FUNDS in unchecked(R3_01_FUNDS)


def test_a_table_whose_reader_said_what_it_could_not_read_is_not_reported_twice():
    reasons = [u.reason for u in extract_rules(doc_of(R2_18_FUNDS), 2023).unread]
    assert len(reasons) == 1 and "数字连写" in reasons[0]


def test_a_table_that_was_read_is_not_reported():
    assert SCORES not in unchecked(SEED_READ)
    assert unchecked(R1_09_FUNDS) == []  # its 权重 | 得分 are the block's own, and the block was read
    assert unchecked(R8_08_FUNDS) == []  # 执行率(B/A1得分: the letters left unclosed, the row cut after its %


def test_column_names_in_a_sentence_are_no_header():
    assert unchecked(R6_04_NOTE) == []


def test_an_empty_result_says_what_was_not_checked():
    from review.present.render import to_text

    out = to_text([review_text(R1_09_INDICATORS, 2023)])
    assert "未核对" in out and "不能视为无误" in out
