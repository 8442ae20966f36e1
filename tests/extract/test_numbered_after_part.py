"""A line whose last amount is a 其中 part (…其中:基本支出2956.36万元,项目支出2604.1万元。) followed by numbered lines
that each open with one of those parts again (1.基本支出…其中:… 2.项目支出…其中:…): the numbered lines detail the
list's parts, they are no parts of its last one. Phrasings of dev r23-01 (儋州市人民法院 2018年度部门决算) and of a
public 部门预算 explanation (http://117.141.250.58:10060/wzyjsgkpt/…/A1F8BCD1ACA85AC7E68757F66715634C.html),
shortened."""

import pytest

from tests.conftest import review_text

COURT = (
    "2018年度支出5560.46万元,其中:基本支出2956.36万元,项目支出2604.1万元。\n"
    "1.基本支出2956.36万元,其中:工资福利支出2424.00万元,商品和服务支出432.65万元,对个人和家庭的补助93.12万元,"
    "其他资本性支出6.5万元。\n"
    "2.项目支出2604.1万元,其中:案件审判414.35万元;案件执行6.25万元;“两庭”建设411.27万元;其他法院支出1772.23万元。\n"
)
BUDGET = (
    "2021年一般公共预算拨款支出1493924.6元,其中:基本支出1440224.6元,项目支出53700元。\n"
    "1.基本支出预算1440224.60元,占一般公共预算支出的96.41%。\n"
    "2.项目支出53700元,占一般公共预算支出的3.59%。\n"
)


# the court's own slip, labeled in the corpus: 2424.00 + 432.65 + 93.12 + 6.5 = 2956.27, stated as 2956.36
OWN_SLIP = ["基本支出2956.36万元"]


@pytest.mark.parametrize(("text", "found"), [(COURT, OWN_SLIP), (BUDGET, [])])
def test_numbered_lines_after_a_part_are_not_its_parts(text: str, found: list[str]) -> None:
    assert [f.quote for f in review_text(text, 2021).findings if f.check == "sum"] == found


def test_the_list_and_its_parts_lists_are_still_checked() -> None:
    wrong = COURT.replace("案件执行6.25万元", "案件执行9.25万元")
    found = [f.quote for f in review_text(wrong, 2018).findings if f.check == "sum"]
    assert found == [*OWN_SLIP, "项目支出2604.1万元"]
