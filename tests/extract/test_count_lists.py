"""Counts stated before the list that names their things (review.extract.rules.count_lists): the
extractor reads the list by its grammar and emits it as read; review.checks.count counts it."""

from __future__ import annotations

import pytest

from review.core.document import Document
from review.extract.rules.count_lists import extract_listed_counts
from review.extract.rules.scan import Scan
from review.load.texttables import text_blocks
from tests.conftest import checks_of, review_text

# r7-06: the count, its noun, a colon, names joined by 、 (a name may carry a bracket)
R7_06 = (
    "南纪门街道办事处内设 10 个办公室:党政办公室、党建工作办公室、经济发展办公室(统计办公室)、"
    "民政和社区事务办公室(卫生健康办公室)、平安建设办公室、规划建设管理环保办公室(物业管理办公室)、财政办公室、"
    "应急管理办公室、人大工委办公室、综合行政执法办公室。下设6个二级单位:党群服务中心、社区事务服务中心、"
    "社区文化服务中心、社保所、综合行政执法大队、退役军人服务站。\n"
)
# r7-08: the count, its noun, ，分别是 (a PDF line break left a space inside a name)
R7_08 = "本单位设立 8 个内设机构,分别是党办、行政办公室、教 导处、德育处、电教处、教科研办公室、总务处、安全办。\n"
# r2-17: items separated by ；, each with its amount
R2_17_TO_HOUSEHOLDS = "抽查到人到户项目2个:特色种养业奖补项目1500万元;扶贫小额贷款贴息项目2343.3万元。\n"
# seed 002: ，分别是, items with amounts joined by 、 and ，
SEED_002 = (
    "其中，抽查项目5个，分别是政府机关维护运行16.81万元、旱厕整改费用64.33万元，调解员经费9.72万元、"
    "公务用车经费10.77万元、临时占地补偿费用50万元。\n"
)
# r3-10: the names in brackets right after the count (a name glossed in brackets of its own)
R3_10 = (
    "本项目以遂溪县13宗(东坑、湖仔洋、迈往、新市、新坛、城盘(pán)、大湾、六垌坑、南侬、山内、司马塘、溪沙六、"
    "上湾塘)水库除险加固工程初步设计报告的批复作为实施依据。\n"
)
# seed 000: the same, with the things' unit 起
SEED_000_PESTS = "中峰镇范围森林病虫害发生3起（松毛虫、竹小蜂、松线虫病）。\n"
# r6-18: a weak ，为 opening the list
R6_18 = (
    "我局纳入市级投资审批事项为7项,其中:审批类事项1项,为大中型水库移民后期扶持项目。核准类事项6项,为实物指标调查细则审批、"
    "移民安置规划大纲审查、中型水利水电工程建设征地补偿和移民安置社会稳定风险评估、移民安置规划报告审查、移民安置项目核准、"
    "大中型水利水电工程移民安置及移民项目验收。\n"
)
# r4-07: a count, a clause about it, a colon, then counts of the same unit
R4_07 = (
    "**护岸工程共 4 段,长 3.47km:右岸 1 段,长0.98km,左岸 3 段,长 2.49km (含支沟连接段);"
    "王三窑沟汇入口处堤防工程 1.04km。\n"
)
# r2-17: a count split into counts that each open a sentence with their own list
R2_17 = (
    "财政专项扶贫项目抽查10个:" + R2_17_TO_HOUSEHOLDS.strip() + "抽查到村产业扶贫项目8个:泗城镇关庙村蔬菜大棚147.8万元;"
    "屏山镇徐贺村冷库项目96.88万元。\n"
)


def _doc(text: str) -> Document:
    return Document(path="t.txt", sha256="0" * 64, source_format="txt", text=text, blocks=text_blocks(text))


def _read(text: str) -> list[tuple[str, int, list[str]]]:
    scan = Scan.of(_doc(text))
    q = {x.id: x for x in scan.quantities}
    return [
        (r.wording, r.stated, [q[i].text for i in r.item_ids] or [text[a:b] for a, b in r.item_spans])
        for r in extract_listed_counts(scan)[0]
    ]


def test_a_count_and_its_noun_then_a_colon_list_the_names():
    (offices, units) = _read(R7_06)
    assert offices[:2] == ("named_list", 10) and offices[2][2] == "经济发展办公室(统计办公室)"
    assert len(offices[2]) == 10 and units == ("named_list", 6, units[2]) and units[2][-1] == "退役军人服务站"


@pytest.mark.parametrize(
    ("text", "stated", "first", "n"),
    [
        (R7_08, 8, "党办", 8),
        (R2_17_TO_HOUSEHOLDS, 2, "特色种养业奖补项目1500万元", 2),
        (SEED_002, 5, "政府机关维护运行16.81万元", 5),
    ],
)
def test_named_lists_after_a_count(text, stated, first, n):
    (rel,) = [r for r in _read(text) if r[0] == "named_list"]
    assert rel[1] == stated and rel[2][0] == first and len(rel[2]) == n


@pytest.mark.parametrize(("text", "stated", "n"), [(R3_10, 13, 13), (SEED_000_PESTS, 3, 3)])
def test_names_in_brackets_right_after_the_count(text, stated, n):
    (rel,) = _read(text)
    assert rel[:2] == ("named_list", stated) and len(rel[2]) == n
    assert checks_of(text, 2023) == []


@pytest.mark.parametrize(
    ("text", "old", "new", "quote"),
    [
        (R7_06, "内设 10 个", "内设 11 个", "内设 11 个"),
        (R7_08, "设立 8 个", "设立 9 个", "设立 9 个"),
        (R3_10, "13宗", "16宗", "16宗"),
        (SEED_000_PESTS, "3起", "4起", "4起"),
    ],
)
def test_a_named_list_that_disagrees_with_its_count_is_high(text, old, new, quote):
    (f,) = [f for f in review_text(text.replace(old, new), 2023).findings if f.check == "count"]
    assert quote in f.quote and f.severity == "high"


def test_a_weak_wei_list_is_read_loosely_and_a_wei_clause_not_at_all():
    """r6-18: 核准类事项6项，为A、B…: low severity (为 may open a clause); seed 000: 10个行政村，为各村的
    建设、服务群众等提供资金保障，各村…: a clause run on by ，, not read."""
    assert ("loose_list", 6) in [r[:2] for r in _read(R6_18)]
    seed_000 = "将资金分配给10个行政村，为各村的建设、服务群众等提供资金保障，各村基础设施得到进一步提升。\n"
    assert _read(seed_000) == []
    found = review_text(R6_18.replace("核准类事项6项", "核准类事项5项"), 2020).findings
    by_quote = {f.quote: f.severity for f in found if f.check == "count"}
    assert by_quote == {"核准类事项5项": "low", "我局纳入市级投资审批事项为7项": "medium"}  # the list, the breakdown


@pytest.mark.parametrize(
    ("text", "stated", "parts"),
    [(R4_07, 4, ["1 段", "3 段"]), (R6_18, 7, ["1项", "6项"]), (R2_17, 10, ["2个", "8个"])],
)
def test_a_count_broken_down_into_counts_of_its_unit(text, stated, parts):
    (rel,) = [r for r in _read(text) if r[0] == "breakdown"]
    assert rel[1:] == (stated, parts)


@pytest.mark.parametrize(
    ("text", "old", "new"),
    [(R4_07, "共 4 段", "共 7 段"), (R6_18, "为7项", "为8项"), (R6_18, "核准类事项6项", "核准类事项7项")],
)
def test_a_breakdown_that_disagrees_is_flagged(text, old, new):
    found = review_text(text.replace(old, new), 2020).findings
    assert any(f.check == "count" and f.severity != "low" for f in found), found


def test_what_the_grammar_does_not_make_a_list_of_names_is_not_read_as_one():
    # the items state counts in the count's unit: parts, not names (read as a breakdown or not at all)
    assert [r for r in _read("下达项目5个：甲类3个、乙类2个。\n") if r[0] != "breakdown"] == []
    # a single clause after the colon
    assert _read("下设3个中心：负责全县的服务工作。\n") == []
    # 、 names end at a ，: what follows is a clause, read loosely
    (rel,) = _read("下设3个中心:甲中心、乙中心，确保工作开展。\n")
    assert rel == ("loose_list", 3, ["甲中心", "乙中心"])
    # 人次 and 人 count people, not named things
    assert _read("培训200人次：干部、群众。\n") == []


def test_a_list_ending_with_deng_or_cut_off_only_bounds_the_count():
    scan = Scan.of(_doc("下设5个中心：甲中心、乙中心等。\n"))
    (rel,), _ = extract_listed_counts(scan)
    assert not rel.exhaustive
    assert checks_of("下设5个中心：甲中心、乙中心等。\n", 2023) == []
    (cut,), _ = extract_listed_counts(Scan.of(_doc("下设5个中心：甲中心、乙中心")))
    assert not cut.exhaustive


# r10-11: 办公室 written twice in a list of 8 机构 (9 entries)
R10_11 = (
    "平泉市人民检察院内设 8个内设机构：办公室、第一检察部、第二检察部、第三检察部、第四检察部、第五检察部、"
    "综合业务部、政治部、办公室。\n"
)


def test_a_name_written_twice_is_counted_once_and_noted():
    (rel,), unread = extract_listed_counts(Scan.of(_doc(R10_11)))
    assert rel.stated == 8 and len(rel.item_spans) == 8
    (note,) = unread
    assert R10_11[note.start : note.end] == "办公室" and note.start > R10_11.index("政治部")
    assert "重复" in note.reason
    assert checks_of(R10_11, 2023) == []
    # the repeat is one name: a count that disagrees with the distinct names is still found
    assert checks_of(R10_11.replace("8个", "9个"), 2023) == [("count", "平泉市人民检察院内设 9个")]


def test_names_that_only_share_a_word_are_not_repeats():
    # r7-08: 行政办公室 and 教科研办公室 both end in 办公室; a PDF break left a space in 教 导处
    (rel,), unread = extract_listed_counts(Scan.of(_doc(R7_08.replace("安全办", "教导处"))))
    assert unread and len(rel.item_spans) == 7
    (rel,), unread = extract_listed_counts(Scan.of(_doc(R7_08)))
    assert unread == [] and len(rel.item_spans) == 8


# r12-02 and r10-11: ，即 after the count's noun restates what it counts: the list is the count's own.
R12_02 = "负责机要、保密工作;负责公安印章和档案管理。内设2个中队,即文秘调研中队、机要通信中队。\n"
R10_11_JI = "8个内设机构,即办公室、第一检察部、第二检察部、第三检察部、第四检察部、第五检察部、综合业务部、政治部。\n"


@pytest.mark.parametrize(
    ("text", "stated", "slip"), [(R12_02, 2, ("2个中队", "3个中队")), (R10_11_JI, 8, ("8个", "9个"))]
)
def test_ji_after_a_count_opens_its_own_list(text, stated, slip):
    assert [r[:2] for r in _read(text)] == [("named_list", stated)]
    found = [f for f in review_text(text.replace(*slip)).findings if f.check == "count"]
    assert [f.severity for f in found] == ["high"]


# dev r13-02 (沙坪坝区交通局): three units' 科室 in one sentence, each 、 list ended by ；, the next opened by
# its own ：; dev r20-01's 职能科室 written the same way (丽水市文化馆, its list joined after a colon)
_R13_02 = (
    "区交通局本级内设7个科室:办公室、交通工程质量监督科、交通规划建设管理科、综合运输管理科、财务审计科、法制安全科、"
    "铁路民航科;区公路养护中心内设4个科室,分别为办公室、计财科、建设养护科、安全应急科;区交通服务中心内设6个科室:"
    "综合办公室、维修驾培办公室、安全监督办公室、综合运输办公室、港航办公室、交通专厅。\n"
)
_R20_01 = (
    "内设7个职能科室:办公室、表演艺术部、造型艺术部、社文指导部、理论信息部、非物质文化遗产保护中心、丽水书画院;"
    "另设1个分馆:松阳分馆。\n"
)


@pytest.mark.parametrize(("text", "counts"), [(_R13_02, [7, 4, 6]), (_R20_01, [7])], ids=["r13-02", "r20-01"])
def test_a_dunhao_list_ends_at_its_semicolon_whatever_the_next_clause_opens(text, counts):
    assert [n for _, n, _ in _read(text)][: len(counts)] == counts
    assert checks_of(text, 2021) == []
    assert checks_of(text.replace("7个", "8个", 1), 2021)
