from decimal import Decimal

import pytest

from review.core.numbers import chinese_numeral, find_dates, find_numbers, parse_quantity


@pytest.mark.parametrize(
    ("text", "value", "unit", "decimals", "qualifier"),
    [
        ("预算安排6024.595024万元", "6024.595024", "万元", 6, None),
        ("2022年预算收入 3167.20万元", "3167.20", "万元", 2, None),
        ("政府性基金收入1372.23 万元", "1372.23", "万元", 2, None),
        ("共计１，２３４元", None, None, None, None),
        ("共计1,234,567元", "1234567", "元", 0, None),
        ("执行率为９８．３％", "98.3", "%", 1, None),
        ("完成率为100％", "100", "%", 0, None),
        ("提高5个百分点", "5", "个百分点", 0, None),
        ("发放1466人次", "1466", "人次", 0, None),
        ("开展专题培训4余次", "4", "次", 0, "余"),
        ("反邪教警示教育活动1300多人次", "1300", "人次", 0, "多"),
        ("目标值≤10%", "10", "%", 0, "≤"),
        ("兑现率高达100％以上", "100", "%", 0, "以上"),
        ("安全工作共计三十余项", "30", "项", 0, "余"),
        ("实际得6分", "6", "分", 0, None),
        ("涉及资金约50万元", "50", "万元", 0, "约"),
        ("完成油茶造林任务200亩", "200", "亩", 0, None),
        ("治理水土流失面积1429.39hm", "1429.39", "hm", 2, None),  # dev r1-14 (hm², ² lost)
        ("治理河道总长为3.75km", "3.75", "km", 2, None),  # dev r4-07
        ("新增造林面积12.5公顷", "12.5", "公顷", 1, None),
        ("其中中央直达资金139.71万元,省直达-13.27万元)", "-13.27", "万元", 2, None),  # dev r21-08, prose
        ("| 126.44 | 139.71 | -13.27 万元", "-13.27", "万元", 2, None),  # the same figure in its table
    ],
)
def test_parses_report_numbers(text, value, unit, decimals, qualifier):
    found = find_numbers(text)
    if value is None:
        assert all(n.value != Decimal("1234") for n in found)
        return
    n = found[-1]
    assert (n.value, n.unit, n.decimals, n.qualifier) == (Decimal(value), unit, decimals, qualifier)
    assert text[n.start : n.end] == n.text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2022年度预算", []),
        ("项目2021年9月8日开工", []),
        ("执行率80-99%以上的有6个", ["6个"]),
        ("6、9、11月的预算执行", []),
        ("戒断3年无复吸", []),
        ("率80%(含)-90%,计4分", ["80%", "90%", "4分"]),  # dev r11-01: a range's dash is no minus sign
    ],
)
def test_dates_ranges_and_month_lists_are_not_quantities(text, expected):
    assert [n.text for n in find_numbers(text)] == expected


def test_full_date_is_a_date():
    (d,) = find_dates("项目2021年9月8日开工")
    assert (d.year, d.month, d.day, d.text) == (2021, 9, 8, "2021年9月8日")


def test_money_interval_is_in_yuan_and_counts_are_exact():
    (m,) = find_numbers("3167.20万元")
    iv = m.interval()
    assert iv.lo == Decimal("31671950.00") and iv.hi == Decimal("31672050.00")
    (c,) = find_numbers("55个")
    assert c.interval().lo == c.interval().hi == 55


def test_cn2an_only_for_pure_numerals():
    assert chinese_numeral("六") == 6
    assert chinese_numeral("三十") == 30
    assert chinese_numeral("6024.595024万") is None
    assert chinese_numeral("") is None


def test_parse_quantity_needs_exactly_one_number():
    assert parse_quantity("项目支出2080.69 万元").value == Decimal("2080.69")
    assert parse_quantity("34户134人") is None
    assert parse_quantity("无数字") is None


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("护岸工程共 4 段,长 3.47km:右岸 1 段", "段"),
        ("本项目以遂溪县13宗水库除险加固工程初步设计报告的批复作为实施依据", "宗"),
    ],
)
def test_sections_and_reservoirs_are_counted_things(text, unit):
    """r4-07 (护岸工程共 4 段) and r3-10 (13宗水库): counts, exact as written."""
    (first, *_rest) = find_numbers(text)
    assert first.unit == unit and first.interval().lo == first.interval().hi == first.value
