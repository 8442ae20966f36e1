"""The 部门决算情况说明's prose statement of its summary table: 收入总计 = 收入合计 + the carried-over amounts it
states, 支出总计 = 支出合计 + 年末结转和结余. Phrasings of two dev corpus reports (shortened)."""

from review.core.claims import SumRelation
from tests.conftest import review_text

# dev r22-07 (重庆市綦江区政府投资项目评审中心 2020年度部门决算情况说明)
QIJIANG = (
    "1.总体情况。2020年度收入总计163.83万元,支出总计163.83万元。收支较上年决算数增加163.83万元、增长100%。\n"
    "2.收入情况。2020年度收入合计128.61万元,较上年决算数增加128.61万元,增长100%。其中:财政拨款收入128.61万元,"
    "占100%;此外,年初结转和结余35.22万元。\n"
    "3.支出情况。2020年度支出合计160.55万元,较上年决算数增加160.55万元,增长100%。其中:基本支出148.55万元,占92.5%;"
    "项目支出12.00万元,占7.5%。\n"
    "4.结转结余情况。2020年度年末结转和结余3.28万元,较上年决算数增加3.28万元,增长100%。\n"
)
# dev r7-06 (街道 2023年度部门决算情况说明): both additions stated, at zero
STREET = (
    "1.总体情况。2023年度收入总计6567.06万元,支出总计6567.06万元。\n"
    "2.收入情况。2023年度收入合计6567.06万元,较上年决算数减少710.50万元,下降9.76%。其中:财政拨款收入6567.06万元,"
    "占100.00%;其他收入0.00万元,占0.00%。此外,使用非财政拨款结余和专用结余0.00万元,年初结转和结余0.00万元。\n"
)


def _totals(text: str) -> list[tuple[str, list[str]]]:
    review = review_text(text, 2020)
    q = {x.id: x.text for x in review.claims.quantities}
    return [
        (q[r.total], [q[i] for i in r.items])
        for r in review.claims.relations
        if isinstance(r, SumRelation) and r.basis == "决算说明·总计"
    ]


def test_the_prose_totals_of_two_reports_are_their_subtotals_and_carried_amounts():
    assert _totals(QIJIANG) == [("163.83万元", ["128.61万元", "35.22万元"]), ("163.83万元", ["160.55万元", "3.28万元"])]
    assert _totals(STREET) == [("6567.06万元", ["6567.06万元", "0.00万元", "0.00万元"])]
    assert [f for f in review_text(QIJIANG, 2020).findings if f.check == "sum"] == []
    wrong = QIJIANG.replace("年初结转和结余35.22万元", "年初结转和结余38.22万元")
    assert [f.quote for f in review_text(wrong, 2020).findings if f.check == "sum"] == ["2020年度收入总计163.83万元"]


def test_a_row_of_another_scope_or_stated_twice_differently_is_not_read():
    scoped = QIJIANG.replace("2020年度收入合计128.61万元", "2020年度财政拨款收入合计128.61万元")
    assert [t for t, _ in _totals(scoped)] == ["163.83万元"]  # the 收入 side has no subtotal
    twice = QIJIANG + "5.其他。年初结转和结余30.22万元。\n"
    assert [items for _, items in _totals(twice)] == [["160.55万元", "3.28万元"]]
