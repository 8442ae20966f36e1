"""A count of allotments against the allotting notices that follow it (review.extract.rules.
allotment_counts): the paragraphs right after it, while each names a 《…下达…》 notice."""

from __future__ import annotations

from review.core.document import Document
from review.extract.rules.allotment_counts import extract_allotment_counts
from review.extract.rules.scan import Scan
from review.load.texttables import text_blocks
from tests.conftest import checks_of

# r1-21: 如下: then one paragraph per notice; a notice that lays down rules ends them
R1_21 = (
    "2024年,中央分2批次下达我区中央集中彩票公益金支持社会福利事业资金,合计13,804万元。各批次中央专项转移支付预算下达情况如下:\n"
    "2023年11月15日,《财政部 民政部关于提前下达2024年中央集中彩票公益金支持社会福利事业专项资金预算的通知》"
    "(财社〔2023〕135号)下达中央集中彩票公益金支持社会福利事业专项资金11,193万元。\n"
    "2024年7月3日,《财政部 民政部关于下达2024年中央集中彩票公益金支持社会福利事业资金预算(第一批)的通知》"
    "(财社〔2024〕65号)下达中央集中彩票公益金支持社会福利事业资金2,611万元。\n"
    "根据《财政部 民政部关于印发〈中央集中彩票公益金支持社会福利事业资金使用管理办法〉的通知》(财社〔2024〕55号)规定,"
    "中央集中彩票公益金支持社会福利事业资金遵循福利彩票的发行宗旨。\n"
)
# r6-07: the next paragraph (after a blank line) names both notices
R6_07 = (
    "2021年省财政厅2次下达我市中央补助地方公共文化服务体系建设专项资金1883.00万元,市本级绩效目标完成率100%。\n\n"
    "2020年12月省财政厅下达《云南省财政厅关于提前下达2021年中央补助地方公共文化服务体系建设专项资金的通知》"
    "(云财教[2020]396号)文件、《云南省财政厅关于下达2021年中央补助地方公共文化服务体系建设补助资金及绩效目标的通知》"
    "(云财教[2021]260号),2021年保财教[2021]41、181、193下达我市2021年中央补助地方公共文化服务体系建设专项资金1883.00万元。\n\n"
    "(二)绩效目标完成情况\n"
)


def _doc(text: str) -> Document:
    return Document(path="t.txt", sha256="0" * 64, source_format="txt", text=text, blocks=text_blocks(text))


def _read(text: str) -> list[tuple[int, str, int, bool]]:
    return [
        (r.stated, text[r.start : r.end], len(r.item_spans), r.exhaustive)
        for r in extract_allotment_counts(Scan.of(_doc(text)))[0]
    ]


def test_a_count_of_allotments_and_the_notices_after_it():
    assert _read(R1_21) == [(2, "2批次下达", 2, True)]
    assert _read(R6_07) == [(2, "2次下达", 2, True)]
    assert checks_of(R1_21, 2024) == [] and checks_of(R6_07, 2021) == []
    assert checks_of(R6_07.replace("2次下达", "3次下达"), 2021) == [("count", "3次下达")]
    assert checks_of(R1_21.replace("分2批次", "分两批次"), 2024) == []


def test_a_notice_named_again_is_counted_once_and_the_text_ending_leaves_the_count_open():
    first = R6_07.split("\n\n")[1]
    assert _read(R6_07.replace(first, first + first)) == [(2, "2次下达", 2, True)]
    assert _read(R1_21.split("根据")[0]) == [(2, "2批次下达", 2, False)]


def test_ordinals_at_once_and_counts_with_no_notice_after_them_are_not_read():
    assert _read(R6_07.replace("2次下达", "第2次下达")) == []
    assert _read(R6_07.replace("2次下达", "一次性下达")) == []
    assert _read(R6_07.replace("2次下达", "一次下达")) == []
    assert _read("省财政厅分3批下达资金500万元。\n项目已全部完工。\n") == []
