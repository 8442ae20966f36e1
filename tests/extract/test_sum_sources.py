"""The sources of a notice's funds under their heading against the amount the notice opens with
(sum_sources.py): dev r22-04 (北关区) and two stored public 扶贫资金 notices not in the corpus (孟州市, and
孟津县 in traditional characters, whose opening amount is a 规模 with a 其中 split of its own)."""

from review.extract.rules.scan import Scan
from review.extract.rules.sum_sources import extract_source_sums
from review.extract.view import view_of
from tests.conftest import doc_of, review_text

NUMBERED = (
    "2018年,上级下达北关区专项扶贫资金113.5万元,经脱贫攻坚联席会议研究决定,现将资金分配使用情况公示如下:\n"
    "一、资金来源\n1.省级专项扶贫资金47万元\n2.市级扶贫专项资金66.5万元\n以上资金合计113.5万元。\n二、分配原则\n"
)
SEMICOLONS = (
    "截止2018年7月11日,孟州市财政专项扶贫资金投入2947.76万元,现公示如下:\n一、资金来源\n"
    "1、中央、省资金1266.8万元;\n2、焦作市资金787.76万元;\n3、孟州市资金投入893.2万元。\n二、分配原则\n"
)
SCALE = (
    "2018年,第二批扶貧專項資金規模1486.328萬元,其中上級下達孟津縣財政專項扶貧資金1124.2萬元;"
    "縣財政配套扶貧專項資金362.128萬元,現將扶貧專項資金分配使用情況公示如下:\n一、資金來源\n"
    "1、省級財政扶貧專項資金730萬元;\n2、市級財政扶貧專項資金394.2萬元;\n3、縣級財政配套扶貧專項資金362.128萬元;\n"
    "二、分配原則\n"
)


def _sums(text: str) -> list[tuple[str, list[str], bool]]:
    scan = Scan.of(view_of(text).document(doc_of(text)))
    q = {x.id: x for x in scan.quantities}
    return [(q[r.total].text, [q[i].text for i in r.items], r.marked) for r in extract_source_sums(scan)]


def test_the_sources_under_their_heading_add_up_to_the_amount_the_notice_opens_with() -> None:
    assert _sums(NUMBERED) == [("113.5万元", ["47万元", "66.5万元"], False)]
    assert _sums(SEMICOLONS) == [("2947.76万元", ["1266.8万元", "787.76万元", "893.2万元"], False)]
    assert _sums(SCALE) == [("1486.328万元", ["730万元", "394.2万元", "362.128万元"], True)]  # 规模: the whole
    for text in (NUMBERED, SEMICOLONS, SCALE):
        assert review_text(text, 2018).findings == ()
    found = review_text(SEMICOLONS.replace("787.76万元", "778.76万元"), 2018).findings
    assert [(f.check, f.quote) for f in found] == [("sum", "孟州市财政专项扶贫资金投入2947.76万元")]
    found = review_text(SCALE.replace("730萬元", "703萬元"), 2018).findings
    assert [(f.check, f.severity) for f in found] == [("sum", "high")]


def test_no_sources_without_a_heading_an_introducing_paragraph_or_two_one_amount_lines() -> None:
    assert _sums(SEMICOLONS.replace("一、资金来源", "一、资金使用")) == []
    assert _sums(SEMICOLONS.replace("现公示如下:", "特此公示。")) == []
    one = "孟州市财政专项扶贫资金投入2947.76万元,现公示如下:\n一、资金来源\n1、中央、省资金1266.8万元;\n二、分配原则\n"
    assert _sums(one) == []
