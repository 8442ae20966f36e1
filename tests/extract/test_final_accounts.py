"""收入支出决算总表 flattened into words and numbers (r11-12, r12-08: 部门决算 公开01表 pasted from a PDF):
row numbers (行次) are read as row numbers, not amounts, and the amounts placed by the template's rows."""

from review.core.claims import SumRelation
from review.extract.rules.final_accounts import extract_final_accounts
from review.extract.rules.scan import Scan
from tests.conftest import checks_of, doc_of

# r11-12 / r12-08 (天星镇中心卫生院2021年部门决算公开表), the income side as flattened
INCOME = (
    "收入支出决算总表 部门:某卫生院 金额单位:元 收入 项目 行次 栏次 金额 1 一、一般公共预算财政拨款收入 1 "
    "二、政府性基金预算财政拨款收入 2 三、国有资本经营预算财政拨款收入 3 四、上级补助收入 4 五、事业收入 5 "
    "六、经营收入 6 七、附属单位上缴收入 7 八、其他收入 8 11,122,315.04 13,628,965.89 1,003,618.46 9 10 11 12 "
    "本年收入合计 27 使用非财政拨款结余 28 年初结转和结余 29 总计 30 {subtotal} {total} "
    "注:本表反映部门本年度的总收支和年初、年末结转结余情况。"
)
# the expenditure side of the same report, amounts written after their rows (八、社会保障和就业支出 38 697,723.84)
SPENT = (
    "金额单位:元 支出 项目(按功能分类) 行次 栏次 金额 2 一、一般公共服务支出 31 二、外交支出 32 "
    "八、社会保障和就业支出 38 697,723.84 九、卫生健康支出 39 25,037,565.22 十、节能环保支出 40 "
    "本年支出合计 57 {subtotal} 结余分配 58 年末结转和结余 59 19,610.32 总计 60 {total} 注:"
)


def _read(text: str) -> tuple[list[tuple[str, list[str]]], list[str]]:
    scan = Scan.of(doc_of(text))
    relations, unread = extract_final_accounts(scan)
    q = {x.id: x for x in scan.minted}
    sums = [(q[r.total].text, [q[i].text for i in r.items]) for r in relations if isinstance(r, SumRelation)]
    return sums, [u.reason for u in unread]


def test_income_rows_add_up_to_the_subtotal_and_row_numbers_are_not_amounts() -> None:
    sums, unread = _read(INCOME.format(subtotal="25,754,899.39", total="25,754,899.39"))
    assert sums == [
        ("25,754,899.39", ["11,122,315.04", "13,628,965.89", "1,003,618.46"]),
        ("25,754,899.39", ["25,754,899.39"]),  # 总计 = 本年收入合计, the rows between blank
    ]
    assert unread == []


def test_each_closing_amount_is_named_by_its_own_row() -> None:
    # r11-12's income side with its rows between filled: 使用非财政拨款结余 and 年初结转和结余 are named by
    # their own rows, not by the group's last (总计)
    text = INCOME.replace("{subtotal} {total}", "{subtotal} 100.00 200.00 {total}")
    scan = Scan.of(doc_of(text.format(subtotal="25,754,899.39", total="25,755,199.39")))
    extract_final_accounts(scan)
    labels = {q.text: q.label for q in scan.minted}
    assert labels["100.00"] == "收入·使用非财政拨款结余"
    assert labels["200.00"] == "收入·年初结转和结余"
    # SPENT: one amount for 结余分配 and 年末结转和结余 (a blank cell dropped): which row is not known
    scan = Scan.of(doc_of(SPENT.format(subtotal="25,735,289.07", total="25,754,899.39")))
    extract_final_accounts(scan)
    assert {q.text: q.label for q in scan.minted}["19,610.32"] == "支出·结余分配至年末结转和结余"


def test_a_consistent_table_is_not_flagged_and_a_changed_subtotal_is() -> None:
    assert checks_of(INCOME.format(subtotal="25,754,899.39", total="25,754,899.39")) == []
    found = checks_of(INCOME.format(subtotal="25,754,902.39", total="25,754,899.39"))
    assert ("sum", "25,754,902.39") in found


def test_amounts_after_their_rows_and_a_filled_row_between_subtotal_and_total() -> None:
    sums, unread = _read(SPENT.format(subtotal="25,735,289.07", total="25,754,899.39"))
    assert sums == [
        ("25,735,289.07", ["697,723.84", "25,037,565.22"]),
        ("25,754,899.39", ["25,735,289.07", "19,610.32"]),
    ]
    assert unread == []
    assert checks_of(SPENT.format(subtotal="25,735,289.07", total="25,754,899.39")) == []
    assert ("sum", "25,754,999.39") in checks_of(SPENT.format(subtotal="25,735,289.07", total="25,754,999.39"))


def test_a_side_cut_before_its_total_rows_is_reported_unread() -> None:
    cut = "金额单位:元 支出 项目(按功能分类) 行次 栏次 金额 2 一、一般公共服务支出 31 八、社会保障和就业支出 38 697.84"
    sums, unread = _read(cut)
    assert sums == []
    assert unread == ["决算总表支出部分未找到合计与总计行，未核对"]


def test_amounts_that_fit_no_row_are_reported_not_guessed() -> None:
    mixed = (
        "金额单位:元 收入 项目 行次 栏次 金额 1 一、一般公共预算财政拨款收入 1 八、其他收入 8 "
        "本年收入合计 27 总计 30 100.00 100.00 100.00 注:"
    )
    sums, unread = _read(mixed)
    assert sums == []
    assert unread == ["决算总表收入部分的金额无法对应到行，未核对"]


def test_a_side_without_a_unit_is_reported_unread() -> None:
    sums, unread = _read(INCOME.replace("金额单位:元 ", "").format(subtotal="25,754,899.39", total="25,754,899.39"))
    assert sums == []
    assert unread == ["决算总表收入部分未写明金额单位，未核对"]
