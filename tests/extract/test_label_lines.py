"""The line walker, the cell reader and the header-unit guess shared by the line and form readers
(label_lines.py): phrasings of dev r5-01 (年度预算申请 (万元 … 年度资金总额:2030.12) and seed eval/samples/003
(天城镇人民政府收入:4286.67万元)."""

from review.extract import lexicon
from review.extract.rules.label_lines import cell_quantity, header_unit, line_spans, lines_after
from review.extract.rules.scan import Scan
from tests.conftest import doc_of


def test_line_spans_cover_every_line_blank_ones_included():
    text = "年度资金总额:2030.12\n\n其他资金:585.62"
    assert [text[a:b] for a, b in line_spans(text)] == ["年度资金总额:2030.12", "", "其他资金:585.62"]
    assert [text[a:b] for a, b in line_spans(text, text.index("其他"))] == ["其他资金:585.62"]


def test_lines_after_start_on_the_next_line_and_none_after_the_last():
    text = "具体情况如下:\n一般公共预算财政拨款本年收入979.53万元\n"
    assert [text[a:b] for a, b in lines_after(text, 2)] == ["一般公共预算财政拨款本年收入979.53万元", ""]
    assert lines_after(text, len(text) - 1) == [(len(text), len(text))]
    assert lines_after("本年支出869.0万元", 0) == []


def test_the_header_unit_is_read_only_within_its_reach_above():
    text = "年度预算申请\n(万元\n年度资金总额:2030.12"
    assert header_unit(text, text.index("年度资金")) == "万元"
    far = "(万元\n" + "。" * lexicon.HEADER_UNIT_REACH + "年度资金总额:2030.12"
    assert header_unit(far, far.index("年度资金")) == ""


def test_a_cells_value_is_the_scanned_amount_or_one_minted_from_the_cell():
    scan = Scan.of(doc_of("天城镇人民政府收入:4286.67万元\n年度资金总额:2030.12\n"))
    cells = list(lexicon.LABEL_VALUE_LINE.finditer(scan.text))
    found = cell_quantity(scan, cells[0], "")  # the line's cell ends after its unit: the scanned 4286.67万元
    assert (found.text, found.unit) == ("4286.67万元", "万元")
    minted = cell_quantity(scan, cells[1], "万元")
    assert (str(minted.value), minted.unit, minted.label) == ("2030.12", "万元", "年度资金总额")
