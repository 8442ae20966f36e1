"""A document number run into the amount after it, its closing bracket and 号 dropped by the page (dev r21-03:
财建〔20202185000万元 is 财建〔2020〕218号 and 5000万元): no amount is read from the run, it is recorded as unread,
and the total it is listed under is not checked against it. A bracket dropped with 号 kept (dev r16-09's
川财社〔2020165号, r13-01's 湘财绩〔20207号) leaves the amounts around it as they are."""

from review.core.numbers import find_numbers
from tests.conftest import review_text

GLUED = (
    "2020年中央下达湖南省救灾资金76178万元转移支付预算,具体为:财建〔20202185000万元,财建〔202026310000万元,"
    "财资环〔20206216031万元。\n"
    "将中央救灾资金76178万元按因素法全部分配下达至省本级、14个市州。具体为:湘财预〔20201275000万元,"
    "湘财预〔2020143 12000万元(含省级配套资金2000万元)、湘财预〔202027615742万元。\n"
)
BRACKET_ONLY = "下达困难群众救助补助资金9056万元(川财社〔2020165号、川财社〔202143号),其中:低保资金804万元。\n"


def test_a_glued_document_number_reads_as_no_amount_and_is_reported_unread():
    read = [n.text for n in find_numbers(GLUED)]
    assert "76178万元" in read and "12000万元" in read and "2000万元" in read
    assert not any(n.startswith("2020") for n in read)
    review = review_text(GLUED, 2020)
    assert [f for f in review.findings if f.check == "sum"] == []
    notes = [u.reason for u in review.claims.unread if "文号与金额连写" in u.reason]
    assert len(notes) == 5
    assert "财建〔20202185000万元" in notes[0]


def test_a_dropped_bracket_with_its_number_sign_kept_leaves_the_amounts_read():
    assert [n.text for n in find_numbers(BRACKET_ONLY)] == ["9056万元", "804万元"]
    assert not [u for u in review_text(BRACKET_ONLY, 2020).claims.unread if "文号" in u.reason]


# dev r24-09 (资阳市, 动物防疫 funds): the page dropped the full stops between allotments, so the next document's own
# allotment (川财农〔202344号下达…99.47万元) runs on from the last part of the 其中 list before it
UNPUNCTUATED = (
    "川财农2022167提前下达中央财政动物防疫等补助经费共389.78万元,其中强制免疫326.29万元,养殖环节无害化处理经费63.49万元"
    "川财农〔202344号下达省级财政农业高质量发展共同财政事权转移支付资金动物疫病防控99.47万元"
    "川财农〔202388下达中央财政农业防灾减灾和水利救灾资金98.09万元。\n"
)


def test_another_documents_allotment_ends_a_list_left_unpunctuated():
    assert [f for f in review_text(UNPUNCTUATED, 2023).findings if f.check == "sum"] == []
    wrong = UNPUNCTUATED.replace("强制免疫326.29万元", "强制免疫329.29万元")
    found = [f.quote for f in review_text(wrong, 2023).findings if f.check == "sum"]
    assert found == ["川财农2022167提前下达中央财政动物防疫等补助经费共389.78万元"]
