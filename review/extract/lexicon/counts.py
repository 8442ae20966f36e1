"""Counts: counted units and classifiers, Chinese numerals, ordinals, lists of names after a count,
breakdowns, staff partitions and allotment notices.
"""

from __future__ import annotations

import re

# Counts of named things: 六办一所四中心, 3个科室, 两大主题.
COUNT_CLASSIFIERS = r"大|个|项|类|方面|部分"
COUNT_NOUNS = (
    r"职能|主题|科室|股室|职能股室|单位|二级单位|部门|中心|机构|内设机构|方面|部分|板块|任务|工程|"
    r"类|领域|环节|指标|维度|所|站|队|办|乡镇|村庄|村|社区|县区|县|区|市|镇|乡"
)
# Places counted with no classifier after the names they count (秦亭镇、白驼镇、…、远门镇等6乡镇; 江宁、六合…等5个区
# takes 个 and a COUNT_NOUNS noun).
COUNT_PLACE_NOUNS = r"乡镇|县区|村|社区"
ENUMERATION_OPENERS = (
    "内设",
    "下设",
    "下辖",
    "设有",
    "包括",
    "包含",
    "涵盖",
    "涉及",
    "履行",
    "把握",
    "围绕",
    "实施",
    "分为",
    "由",
    "含",
    "有",
)
NAME_JOINERS = r"和|与|及"  # 人事科和财务科: names joined by a word, not a 、
# Between two counts that open one list together (二级指标5个、三级指标14个:): a joiner and the second's noun.
COUNT_JOINED_GAP = re.compile(r"\s*(?:[、,，]|和|与|及)\s*[\u4e00-\u9fa5]{0,10}")
NAME_JOINER_WORDS = ("和", "与", "及")
# Counts of review/extract/rules/counts.py. Units of an office run (六办一所四中心), and numerals.
CHINESE_DIGITS = "一二两三四五六七八九十"
# A small count in Chinese numerals: 一, 两, 十二, 二十三 (read by review.core.numbers.chinese_numeral).
CHINESE_SMALL_NUMBER = r"[一二三四五六七八九]?十[一二三四五六七八九]?|[一二两三四五六七八九]"
ORG_SUFFIXES = ("中心", "办", "所", "站", "室", "局", "队", "科", "股", "部", "委")
ORG_SUFFIX_ALIASES = {"办公室": "办"}  # 党政办公室 is one of the 办 of 六办一所四中心
# Ordinals in the order a list counts them (一是, 二是 …; 一批, 二批 …).
CHINESE_ORDINALS = ("一", "二", "三", "四", "五", "六", "七", "八", "九", "十")
# Units of counted things a list may follow (抽查项目5个，分别是…).
LISTED_COUNT_UNITS = ("个", "项", "名", "家", "所", "处")
# What opens the list of names right after a count or an office run (。包括A、B…).
COUNT_LIST_INTRO = r"分别是|分别为|包括|包含|如下|有"
NAMED_LIST_AFTER_COUNT = r"分别是|分别为|包括"
NUMBERED_LIST_AFTER = re.compile(r"如下[。：:]?\s*$")  # 总体绩效目标3个…如下 + 1. 2. 3.
# A tier: a count standing after a band or a grade (得分90分以上的81个, 执行率80%以下的有21个,
# “良好”的23个, “优秀”1812个). Not a count after any 的 (复核评价的50个项目 is the whole).
COUNT_TIER_BEFORE = re.compile(
    r"(?:以上|以下|至\d+(?:\.\d+)?分|-\d+%|%|[”\"」])的?(?:有)?$|分(?:以上|以下)?的?$|\d分$|以下$|以上$"
)
# Labels of a number of projects that is a subset or a target, not the whole (抽查项目3个, 目标10个).
COUNT_SUBSET_LABEL = re.compile(r"抽查|抽取|其中|重点|部分|未|已|目标|指标")
# What a count of projects counts: the noun in its label or right after it (复核评价的50个项目).
PROJECT_NOUN = "项目"
# …or a few words after it: 9个重点项目, 50个专项资金项目 (no punctuation or digit between).
PROJECT_AFTER_COUNT = re.compile(r"[^，,。；;:：、\d\s]{0,6}?项目")
# A count followed by its items named by ordinals: 分三批实施，一批…，二批…; 下设2个管理机构，一是…；二是…;
# 主要包含三大方面:一是…二是…三是… (any classifier of COUNT_CLASSIFIERS).
# The count (its classifier, then a few words) and the first ordinal right after a comma or colon.
ORDINAL_COUNT = re.compile(
    rf"(?P<n>{CHINESE_SMALL_NUMBER}|[1-9]\d?)\s*(?P<cls>批次|批|条|{COUNT_CLASSIFIERS})(?P<what>[\u4e00-\u9fff]{{0,12}}?)"
    r"[，,：:]\s*(?=第?一(?:是|批))"
)
# An ordinal item: 一是 (what a count of 个/项… lists), 一批/第一批 (what a count of 批 lists).
ORDINAL_ITEM_WORD = {"批": r"批次?", "批次": r"批次?"}
ORDINAL_ITEM_DEFAULT = r"是"
# Where an ordinal item may stand: at the start of a clause.
CLAUSE_START = "，,；;。：:\n"
# What closes a sentence: a text that ends without one was cut off mid-sentence.
SENTENCE_CLOSERS = '。！？!?；;.…”"）)'
# Changes: 比上年增加, 调减, what results after a change, balances carried in and out.
VERSUS = re.compile(r"(?:比|较)(?P<ref>[\u4e00-\u9fa5]{2,8}?)(?P<dir>增加|增长|多|减少|下降|少|节约)了?$")
CUT_WORDS = re.compile(r"调减|核减|减少|收回")
AFTER_CHANGE = re.compile(r"实际下达|调整后|实际到位|最终|全年实际")
OPENING_BALANCE = re.compile(r"(?:年初|上年|期初)(?:结转|结余)")
CLOSING_BALANCE = re.compile(r"(?:年末|期末|年底)(?:结转|结余)")
INCOME_TOTAL = re.compile(r"收入(?:合计|总计|总额)?$")
SPENT_TOTAL = re.compile(r"支出(?:合计|总计|总额)?$")
# Units of the things a count may state before the list that names them (内设 10 个办公室：…,
# 遂溪县13宗(东坑、湖仔洋…)水库, 护岸工程共 4 段：右岸 1 段…). Not 人/户: those count heads, and a
# list after them names groups, not each person.
NAMED_COUNT_UNITS = ("个", "项", "名", "家", "所", "处", "宗", "段", "座", "条", "起")
# The noun a count may carry before its list opens (内设 10 个办公室, 设立 8 个内设机构): a few characters.
COUNT_HEAD_NOUN = r"[\u4e00-\u9fff]{0,10}?"
# What opens the list of names after a count: strongly (分别是, 包括, a colon, ，即: 内设2个中队,即文秘调研中队、
# 机要通信中队 (r12-02), 8个内设机构,即办公室、第一检察部… (r10-11) — 即 after the count's comma restates what
# it counts) or weakly (，为: 核准类事项6项，为A、B… — 为 may also open a clause, so such a list is read
# loosely). After the count's noun (内设 10 个办公室：…, 8 个内设机构，分别是…) the noun must end first: a colon
# or a comma.
APPOSITION_AFTER_COUNT = r"即"
STRONG_LIST_INTRO = (
    rf"\s*[，,]?\s*(?:{NAMED_LIST_AFTER_COUNT})\s*[：:]?"
    rf"|{COUNT_HEAD_NOUN}\s*(?:[：:]|[，,]\s*(?:{NAMED_LIST_AFTER_COUNT}|{APPOSITION_AFTER_COUNT})\s*[：:]?)"
)
WEAK_LIST_INTRO = rf"{COUNT_HEAD_NOUN}\s*[，,]\s*为\s*[：:]?"
# A parenthetical right after a count that does not name its things (13宗(东坑、湖仔洋…) does).
PAREN_NOT_A_LIST = ("含", "不含", "其中", "包括", "主要", "约", "共", "合计", "下同")
# A count whose parts follow as counts of the same unit: 共 4 段，长 3.47km：右岸 1 段…, or across
# sentences when each part has its own list (为7项，其中：审批类事项1项，为…。核准类事项6项，为…).
BREAKDOWN_INTRO = re.compile(r"^(?:[，,][^，,。；;：:\n]{0,20})?\s*[：:]|^\s*[，,]?\s*其中\s*[：:，,]?")
# A part's own list opens right after it (2个：A；B。 / 1项，为X。): the parts are whole sentences.
PART_HAS_LIST = re.compile(rf"\s*(?:[：:]|[，,]\s*(?:为|即|{NAMED_LIST_AFTER_COUNT}))")
# Where a list item, or a part of a breakdown, may begin: after these (or at the list's opening).
ITEM_BOUNDARY = "：:，,；;。、\n"
# 其中 inside one sentence opens parts the sums read (category count); a breakdown reads it across sentences.
SUBSET_OPENER = "其中"
# Paragraph markers of a list, highest level first: 一、 （一） 1. （1） 一是. A list marked in one style
# ends at a paragraph marked in a higher one (a 一是 list: in any other).
_CN_ORD = "[一二三四五六七八九十]+"
_BOOKMARK = r"(?:\[[^\]]*\]\s*)?"  # [bookmark: _GoBack] left by a .docx conversion
LIST_MARKERS = (
    re.compile(rf"^\s*({_CN_ORD})、"),
    re.compile(rf"^\s*[（(]({_CN_ORD})[)）]"),
    re.compile(rf"^\s*{_BOOKMARK}(\d{{1,2}})\s*[.．、](?!\d)"),
    re.compile(rf"^\s*{_BOOKMARK}[（(](\d{{1,2}})[)）]"),
    re.compile(rf"^\s*{_BOOKMARK}({_CN_ORD})是"),
)
# A count whose items follow on the next lines: 以下四个方面:\n(1)… / 三个方面：\n一是… / 目标3个如下：\n1.…
COUNT_THEN_LINES = re.compile(
    rf"(?P<n>{CHINESE_SMALL_NUMBER}|[1-9]\d?)\s*(?P<cls>{COUNT_CLASSIFIERS}|条)(?P<head>[\u4e00-\u9fff]{{0,10}}?)"
    r"\s*(?:如下)?\s*[：:][ \t\u3000]*\n"
)
# A head count split, without 其中, into the kinds of one partition of the staff (review.extract.rules.
# staff_counts): 在职人员81人,专业技术人员57人、管理人员1人,工勤人员23人 — every 在职 person holds one post
# type. Each partition: the words its parts' labels name (a part must name one of them), and the words
# of the whole it splits: post types split the people at work, establishment types the 编制 (people
# on the staff may hold none: 工作人员73人 is not the sum of its 编制), 在职/离退休 all the people
# (never the 编制: the retired hold none).
STAFF_PARTITIONS = {
    "岗位": (re.compile(r"专业技术|管理|工勤(?!编)"), re.compile(r"在职|实有|工作人员|职工总数|现有人员")),
    "编制": (re.compile(r"行政编|事业编|参公|工勤编"), re.compile(r"编制")),
    "在职与离退休": (re.compile(r"在职|离休|退休"), re.compile(r"实有|人员总数|总人数|现有人员|职工总数")),
}
# A count of the retired is never a whole (退休职工85人,差额拨款事业编制3815人: a count after it is another group).
STAFF_NOT_WHOLE = re.compile(r"离休|退休")
# A whole of the people at work (实际正式教职工62人, 在职人员): the retired named in its 其中 list are another
# group, and the list of its parts has ended (…中级工1人,退休职工28人); a whole of all the people (现有人员,
# 局本级187人(在职在编139人、退休人员8人…)) has them as parts.
STAFF_AT_WORK = re.compile(r"在职|正式|在编|在岗")
# People counted by head (a post or an establishment holds one person each).
STAFF_UNITS = ("人", "名")
# An indicator row of a 自评表 and the rows under it that split it (review.extract.rules.table_subrows):
# rows opened by 其中 (★补助家畜家禽养殖数量 | 10 | 192只 | 192只, then 其中羊养殖数量 | 180只 | 180只 …), or
# rows numbered 1、2、… under a row whose name is numbered 一、二、… (二、化肥减量增效田间试验 | ≧15组 | 15组,
# then 1、肥料利用率 | ≧5组 | 5组 …).
SUBROW_OPENER = re.compile(r"^\s*其中\s*[:：]?")
SUBROW_PARENT_MARK = re.compile(r"^\s*[一二三四五六七八九十]{1,3}\s*[、.．]")
SUBROW_NUMBER = re.compile(r"^\s*(\d{1,2})\s*[、.．](?!\d)")
# Units that count the same thing under different words: heads of livestock (192只 = 羊180只 + 猪12头).
SAME_MEASURE_UNITS = (frozenset({"只", "头", "匹", "羽"}),)
# A count of allotments (review.extract.rules.allotment_counts): 中央分2批次下达, 省财政厅2次下达, 分两批下达 —
# the number (not an ordinal: 第2批下达; not 一次/一批, "at once": 资金一次性下达到位), its classifier, at
# most a few characters, then 下达.
ALLOTMENT_COUNT = re.compile(
    rf"(?<![第\d])(?!一(?:批|次))(?P<n>{CHINESE_SMALL_NUMBER}|[1-9]\d?)\s*(?:批次|批|次)(?!性)"
    r"[\u4e00-\u9fff]{0,2}?(?:提前)?下达"
)
# A notice that allots: a title in 《》 that holds 下达 (关于提前下达…的通知, 关于下达…(第一批)的通知), not
# one that lays down rules (关于印发〈…管理办法〉的通知).
ALLOTTING_NOTICE = re.compile(r"《[^《》\n]{0,120}?下达[^《》\n]{0,120}?》")


def staff_parts_cover(whole_label: str, part_labels: list[str]) -> bool:
    """Whether parts that name staff kinds can cover the whole: establishment types (行政编制, 事业编制)
    split the 编制, so they cover a count of people only when its label names the 编制 (街道共有工作人员73人,
    其中行政编制25人、参公编制20人、事业编制26人: people may hold no 编制; the parts only bound it)."""
    kinds, whole = STAFF_PARTITIONS["编制"]
    return not (part_labels and all(kinds.search(p) for p in part_labels) and not whole.search(whole_label))
