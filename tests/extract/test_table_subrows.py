"""An indicator row and the rows under it that split it (review.extract.rules.table_subrows): rows
opened by 其中, or rows numbered 1、2、… under a name numbered 一、二、…; read by their place and
wording, never by whether they add up."""

from __future__ import annotations

from review.core.document import Document
from review.extract.rules.scan import Scan
from review.extract.rules.table_subrows import extract_subrow_sums
from review.load.texttables import text_blocks
from tests.conftest import checks_of, review_text

# r6-17: rows opened by 其中 under an indicator row; heads of livestock in 只 and 头
R6_17 = (
    "数量指标 | ★补助各类瓜果蔬菜种植面积 | 20 | 29.5亩 | 29.5亩 | 20 | ||||\n"
    "其中桃树种植面积 | 1.5亩 | 1.5亩 | ||||||||\n"
    "其中苹果树种植面积 | 5亩 | 5亩 | ||||||||\n"
    "其中露天蔬菜 | 20亩 | 20亩 | ||||||||\n"
    "其中大棚蔬菜 | 3亩 | 3亩 | ||||||||\n"
    "★补助鱼塘面积 | 10 | 3亩 | 3亩 | 10 | ||||||\n"
    "其中鱼塘养殖面积 | 3亩 | 3亩 | ||||||||\n"
    "★补助家畜家禽养殖数量 | 10 | 192只 | 192只 | 10 | ||||||\n"
    "其中羊养殖数量 | 180只 | 180只 | ||||||||\n"
    "其中猪养殖数量 | 12头 | 12头 | ||||||||\n"
    "质量指标 | ||||||||||\n"
    "种植作物成活率 | 5 | 95% | 95% | 5 | ||||||\n"
)
# r10-01: rows numbered 1、2、3 under a name numbered 一、 (the next 一、-style name ends them)
R10_01 = (
    "产出指标 | 数量指标 | 一、示范区建立 | ≧20000亩 | 20000亩 | 15.0 | ||||\n"
    "1、水稻侧深施肥+缓控释肥 | ≧500亩 | 500亩 | 5.0 | ||||||\n"
    "2、玉米种肥同播+缓控释肥 | ≧1000亩 | 1000亩 | 5.0 | ||||||\n"
    "3、施用配方肥 | ≧18500亩 | 18500亩 | 5.0 | ||||||\n"
    "三、土样植株化验 | ≧60个 | 105个 | 5.0 | ||||||\n"
    "四、农户施肥情况调查(户) | ≧300户 | 300户 | 5.0 | ||||||\n"
)


def _doc(text: str) -> Document:
    return Document(path="t.txt", sha256="0" * 64, source_format="txt", text=text, blocks=text_blocks(text))


def _read(text: str) -> list[tuple[str, str, list[str], bool, bool]]:
    scan = Scan.of(_doc(text))
    q = {x.id: x for x in scan.quantities}
    return [
        (r.category, q[r.total].text, [q[i].text for i in r.items], r.exhaustive, r.marked)
        for r in extract_subrow_sums(scan, [])[0]
    ]


def test_qizhong_rows_split_each_column_of_their_row():
    assert _read(R6_17) == [
        ("sum", "29.5亩", ["1.5亩", "5亩", "20亩", "3亩"], True, True),
        ("sum", "29.5亩", ["1.5亩", "5亩", "20亩", "3亩"], True, True),
        ("sum", "3亩", ["3亩"], False, True),  # one 其中 row only bounds its row
        ("sum", "3亩", ["3亩"], False, True),
        ("count", "192只", ["180只", "12头"], True, True),  # 只 and 头 both count heads
        ("count", "192只", ["180只", "12头"], True, True),
    ]
    assert checks_of(R6_17, 2023) == []
    assert [c for c, _ in checks_of(R6_17.replace("192只 | 10", "193只 | 10"), 2023)] == ["count"]


def test_numbered_rows_under_a_numbered_name_are_unmarked_parts():
    assert _read(R10_01) == [
        ("sum", "20000亩", ["500亩", "1000亩", "18500亩"], True, False),
        ("sum", "20000亩", ["500亩", "1000亩", "18500亩"], True, False),
    ]
    assert checks_of(R10_01, 2022) == []
    assert [c for c, _ in checks_of(R10_01.replace("| 1000亩", "| 1003亩"), 2022)] == ["sum"]


def test_rows_that_do_not_line_up_or_do_not_open_parts_are_not_read():
    # a number out of turn ends the parts; a row of another measure is not added
    assert _read(R10_01.replace("2、玉米", "5、玉米")) == []
    assert _read(R6_17.replace("12头 | 12头", "12户 | 12户"))[-2:] == [
        ("sum", "3亩", ["3亩"], False, True),
        ("sum", "3亩", ["3亩"], False, True),
    ]
    # a part with fewer values than its row: the columns cannot be told apart
    assert _read("★补助鱼塘面积 | 10 | 3亩 | 3亩 | 10 |\n其中鱼塘养殖面积 | 3亩 |\n其中藕塘 | 1亩 | 1亩 |\n") == []
    # an unnumbered name: numbered rows after it are not its parts
    assert _read(R10_01.replace("一、示范区建立", "示范区建立")) == []


def test_numbered_parts_a_number_out_of_turn_ends_are_recorded_unread():
    """r10-01's rows with the third numbered 5、: where the parts end is open, so the row is not
    summed, and the review says so rather than dropping it."""
    text = R10_01.replace("3、施用配方肥", "5、施用配方肥")
    through_5 = "\n".join(text.split("\n")[:4])  # the row, its parts 1、 2、 and the 5、 row
    sums, unread = extract_subrow_sums(Scan.of(_doc(text)), [])
    assert sums == [] and [text[u.start : u.end] for u in unread] == [through_5]
    assert "编号不接续" in unread[0].reason
    assert [text[u.start : u.end] for u in review_text(text, 2022).claims.unread if "编号" in u.reason] == [through_5]
    assert extract_subrow_sums(Scan.of(_doc(R10_01)), [])[1] == []  # numbered in turn: read, nothing unread


def test_a_total_another_reader_has_summed_is_not_summed_again():
    scan = Scan.of(_doc(R6_17))
    first, _ = extract_subrow_sums(scan, [])
    assert len(extract_subrow_sums(scan, first[:1])[0]) == len(first) - 1


def test_a_long_line_without_cells_is_read_once() -> None:
    """A 1 MB single line (a PDF page flattened without breaks) reads to nothing here, and the rows
    after it still read (its cost per character is measured in bench/bench.py, not asserted)."""
    line = "项目资金合计123.45万元，其中中央资金100万元。" * 12000 + "\n| 其中中央资金 | 100万元 |"
    assert extract_subrow_sums(Scan.of(_doc(line)), []) == ([], [])
