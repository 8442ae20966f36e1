"""A total followed by a colon that opens its parts (sum_colon.py): the phrasings are quoted from
dev-corpus reports (short excerpts)."""

from review.extract.rules.scan import Scan
from review.extract.rules.sum_colon import extract_colon_sums
from review.extract.rules.sums import extract_sums
from tests.conftest import doc_of, review_text


def _sums(text: str) -> list[tuple[str, list[str], bool, bool]]:
    scan = Scan.of(doc_of(text))
    q = {x.id: x for x in scan.quantities}
    return [(q[r.total].text, [q[i].text for i in r.items], r.marked, r.exhaustive) for r in extract_sums(scan)[0]]


# dev r4-07 (中小河流治理工程): lengths split by bank right after a colon
RIVER = (
    "**护岸工程共 4 段,长 3.47km:右岸 1 段,长0.98km,左岸 3 段,长 2.49km (含支沟连接段);"
    "王三窑沟汇入口处**堤防工程 1.04km:右岸 0.51km,左岸 0.53km: 拆除重建跌水 1 座。\n"
)
# dev r3-07 (彩票公益金): a short clause without numbers before the colon
LOTTERY = (
    "长泰区2024年中央专项彩票公益金支持地方社会公益事业项目资金440万元,项目资金已经分配下达到项目建设单位:"
    "武安镇京元村状元故居文化公园及周边配套工程项目资金140万元、坂里乡乡村生产道路改造提升工程项目资金140万元、"
    "林溪乡村振兴试点村建设工程项目资金160万元。\n"
)


def test_a_colon_after_a_length_opens_its_parts_of_the_same_measure():
    found = _sums(RIVER)
    assert ("3.47km", ["0.98km", "2.49km"], False, True) in found  # 1 段 and 3 段 are not lengths
    assert ("1.04km", ["0.51km", "0.53km"], False, True) in found  # the next colon ends the parts


def test_a_clause_without_numbers_may_stand_before_the_colon():
    assert ("440万元", ["140万元", "140万元", "160万元"], False, True) in _sums(LOTTERY)


def test_unmarked_colon_parts_that_do_not_add_up_are_a_low_finding():
    clean = review_text(LOTTERY, period=2024)
    assert [f for f in clean.findings if f.check == "sum"] == []
    wrong = review_text(LOTTERY.replace("资金160万元", "资金163万元"), period=2024)
    sums = [f for f in wrong.findings if f.check == "sum"]
    assert [(f.severity, "440万元" in f.message) for f in sums] == [("low", True)]
    river = review_text(RIVER.replace("0.53km", "0.63km"), period=2023)
    assert [f.severity for f in river.findings if f.check == "sum"] == ["low"]


def test_a_colon_after_a_list_opener_or_an_intro_is_left_to_their_readers():
    """其中: and 情况如下: are read by the 其中 and 如下 readers (marked, high): not read twice here."""
    text = "项目总投资39.2696万元,其中:中央财政衔接资金39万元,自筹资金2696元。\n"
    assert _bases(text) == ["其中"]
    text = "下达资金300万元,分配情况如下:甲镇项目资金100万元、乙镇项目资金200万元。\n"
    assert extract_colon_sums(Scan.of(doc_of(text)), set()) == []


def _bases(text: str) -> list[str]:
    return [r.basis for r in extract_sums(Scan.of(doc_of(text)))[0]]


def test_a_list_ending_with_deng_bounds_the_total_from_below():
    text = "下达补助资金440万元,已分配到项目单位:甲村项目资金140万元、乙村项目资金140万元等。\n"
    assert ("440万元", ["140万元", "140万元"], False, False) in _sums(text)


def test_a_change_or_a_rate_after_the_colon_is_not_a_part():
    text = "资金440万元,较上年情况:增加40万元、减少20万元。\n"
    assert _sums(text) == []
    assert _sums("执行率95%:资金95万元,结余5万元。\n") == []


def test_an_implicit_split_ending_with_deng_bounds_the_total_from_below():
    """The 等 after the last part says more parts were not named (sums._implicit)."""
    text = "下达补助资金440万元,已分配到项目单位:甲村140万元、乙村140万元等。\n"
    assert ("440万元", ["140万元", "140万元"], False, False) in _sums(text)
    assert ("440万元", ["140万元", "140万元"], False, True) in _sums(text.replace("等。", "。"))
