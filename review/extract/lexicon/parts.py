"""Lists and their parts: what opens a list of the parts of a total, what closes or bounds it,
amounts stated as what was done, and the labels of prose totals.
"""

from __future__ import annotations

import re

from review.core.claims import SumCategory
from review.core.numbers import EXACT_INTEGER_UNITS

# Words that open a list of the parts of the total just stated.
PARTS_OPENER = "其中"  # what opens the parts of the amount before it (246.2万元(其中:中央补助资金226.7万元…))
COMPLETE_LIST_OPENERS = ("其中", "具体包括", "具体为", "具体是", "明细为", "包括")
# A list opened by these names the main parts only: it bounds the total from below (主要是 = mainly).
PARTIAL_LIST_OPENERS = ("主要包括", "主要是", "主要为", "主要有")
# Inside a list, these open the parts of one item (nested lists).
NESTED_LIST_OPENERS = ("其中", "包括", "主要是", "主要包括", "主要为", "分别为", "分别是")
# A list that ends with 等 is partial whatever opened it.
PARTIAL_LIST_END = "等"
SENTENCE_ENDS = ("。", "！", "？", "!", "?")  # what closes a sentence (a list reaching the text end without one is cut)
# An amount stated as what was done (向群众发放马铃薯60吨, 完成农业保险3443.6亩, 培训159人): the
# unmarked numbers after it are other things done, not its parts.
ACTION_VERBS = ("发放", "完成", "享受", "培训", "慰问", "资助", "落实", "开展", "实施", "建成", "新建", "更新", "提供")
# Counted things: a total in these units is a count (人数/个数), not an amount.
PEOPLE_UNITS = ("人", "名", "户")
COUNTED_UNITS = frozenset(EXACT_INTEGER_UNITS - {"分", ""} - set(PEOPLE_UNITS))
# People and households are counted as a head count only where the label says so (编制 25人);
# 受益人口 5000人, 监测户90户350人 are sums of people.
HEADCOUNT_LABEL = re.compile(r"编制|人员|人数|职工|干部|总数|在职|实有")


def _alternation(words: tuple[str, ...]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


LIST_OPENER = re.compile(rf"(?P<opener>{_alternation(COMPLETE_LIST_OPENERS + PARTIAL_LIST_OPENERS)})[：:，,]?")
NESTED_LIST_OPENER = re.compile(rf"(?:{_alternation(NESTED_LIST_OPENERS)})[：:，,]?")
# What may stand before a part's label without being part of it (list openers, list marks, links).
LABEL_NOISE_WORDS = tuple(
    sorted(
        set(COMPLETE_LIST_OPENERS + PARTIAL_LIST_OPENERS + NESTED_LIST_OPENERS)
        | {"分别", "以及", "和", "及", "与", "共计", "合计", "总计", "共", "为", "是", "的", "达到", "达"},
        key=len,
        reverse=True,
    )
)
ACTION_LABEL = re.compile(rf"^(?:[向为对给][\u4e00-\u9fa5]{{1,6}}?)?(?:{_alternation(ACTION_VERBS)})")


def is_partial_opener(opener: str) -> bool:
    return opener in PARTIAL_LIST_OPENERS


_PARTIAL_OPENER = re.compile(_alternation(PARTIAL_LIST_OPENERS))


def opens_partial_list(between: str) -> bool:
    """The text between a total and its first part opens a partial list (…，主要是A…), or the list
    ends with 等: what a reader must treat as a lower bound, whoever pointed at the numbers."""
    return bool(_PARTIAL_OPENER.search(between))


def sum_category(unit: str, label: str) -> SumCategory:
    """What a total is, by its unit: points → score, counted things → count (people only as a
    head count), else an amount → sum. The rules and the model path both call this."""
    if unit == "分":
        return "score"
    if unit in COUNTED_UNITS or (unit in PEOPLE_UNITS and HEADCOUNT_LABEL.search(label)):
        return "count"
    return "sum"


# The report's own execution rate: 执行率为96.3% (not 执行率90%以上的项目, not a band 80-99%).
EXECUTION_RATE_BEFORE = re.compile(r"执行率(?:为|达到|达|是|：|:)?\s*$")
EXECUTION_RATE_NOT_AFTER = re.compile(r"\s*(?:的|以上|以下|-)")
# A grade the report gives itself, and the band each grade word names.
GRADE_STATEMENT = re.compile(
    r"(?:等级|评价结果|评定为|评级)(?:为|：|:)?\s*[“\"「]?(?P<g>优秀|良好|优|良|中等|中|合格|差|不合格)"
)
GRADE_BANDS = {"优秀": "优", "良好": "良", "中等": "中", "合格": "中", "不合格": "差"}
SELF_SCORE_LABEL = re.compile(r"得分|总分|综合")
# What separates the part clauses a total after them adds up (…12.08万元;购买变压器一套18.8万元;共计40.83万元).
PART_CLAUSE_SEPARATORS = ("；", ";")
# A clause that introduces the parts of the total just before it, in the sentences that follow
# (合计13,804万元。各批次…下达情况如下: / 实际到位资金613万元,补助情况:(1)…(2)…).
# The mark of a list's first numbered item: （1）, 1. / 1、, ①.
FIRST_ITEM_MARK = r"(?:[（(]\s*1\s*[)）]|1[.．、](?!\d)|①)"
PARTS_INTRO = re.compile(
    rf"(?:如下|情况|明细|具体为|具体是|分别是|分别为)\s*[：:]|其中\s*[：:](?=\s*{FIRST_ITEM_MARK})"
)
# 其中 opening numbered parts (其中：⏎（1）…；⏎（2）…): the parts are read as after any introducing clause.
NUMBERED_AFTER_OPENER = re.compile(rf"\s*{FIRST_ITEM_MARK}")
# A time or a running total in a label (2018年度本年收入, 上年支出, 累计下达资金): an amount so named beside a
# total not so named is another period's figure, not one kind of the total.
PERIOD_IN_LABEL = re.compile(r"(?:19|20)\d{2}\s*年|上年|去年|同期|年初|年末|年底|期初|期末|累计")
# A clause naming the total just before it again and listing what it is made of (区直文博系统12774.00万元。
# 区直文博系统项目有:一是…): the clause must open with the total's own label.
LISTED_INTRO = re.compile(r"有\s*[：:]")
# The mark of a numbered part after an introducing clause: (1), 1., ①, 一、 and 一是/二是 (…项目有:一是布达拉宫
# 管理处,…9378万元。…二是西藏博物馆,…5009万元).
# What dresses an item mark's number ((2), 2., 二、, 二是): left off, the number remains.
ITEM_MARK_DRESS = re.compile(r"[\s（()）.．、是]")
PART_ITEM_MARK = re.compile(
    r"^\s*(?:[（(][一二三四五六七八九十\d]{1,3}[)）]|\d{1,2}[.．、](?!\d)|[①-⑳]|[一二三四五六七八九十]{1,3}[、是](?!否))"
)
# A second breakdown of the same total inside its 其中 list (…项目支出40万元；按经济分类，工资福利支出30万元…;
# 按收入性质分 / 按支出性质分): its items are parts of the total on their own, not further parts.
BREAKDOWN_OPENER = re.compile(
    r"按[\u4e00-\u9fa5]{1,6}?(?:分类|划分|性质分|来源分)[：:，,]?|按[\u4e00-\u9fa5]{1,6}?分[：:，,]"
)
# A page number left on its own line inside a sentence by a PDF's page break (…613万元,补\n\n1\n\n助情况).
PAGE_NUMBER_LINE = re.compile(r"\n\s*\d{1,3}\s*\n")
# What joins the amounts of one listed item into a list of parts (分别为3万元和10万元, 5万元、8万元).
PART_JOINER = re.compile(r"\s*[、和及与,，]\s*")
# A bare 占 right after a listed part (财政拨款收入6567.06万元,占100.00%): its share of the list's total.
SHARE_BARE = re.compile(r"[，,、]\s*占\s*$")
# Who pays a part of a total: a level of government (中央补助442.43万元, 地方财政补助1858.24万元, 自治区资金5643万元);
# a total named by levels joined (中央及自治区就业补助资金) is the whole of theirs, not one level's part.
_LEVEL = r"(?:中央|自治区|省级|省|市级|州级|县级|区级|地方|本级|乡镇|乡级)"
GOVERNMENT_LEVEL = re.compile(_LEVEL)
GOVERNMENT_LEVELS_JOINED = re.compile(rf"{_LEVEL}[及和与、]{_LEVEL}")

# A fund total stated twice over in label:value cells (部门整体支出绩效自评表: 按收入性质分:2030.12 /
# 按支出性质分:1925.67, then 其中: 一般公共预算:1325.68, 基本支出:900.47 … in whatever order the cells were
# flattened): each breakdown's heading and the words that name its parts.
FUND_BREAKDOWNS = {
    "按收入性质分": re.compile(
        r"一般公共预算|政府性基金|非税收入|国有资本经营|财政专户|其他资金|其他收入|事业收入|经营收入|上年结转"
    ),
    "按支出性质分": re.compile(r"基本支出|项目支出|人员经费|公用经费|工资福利|商品和服务|对个人和家庭|资本性支出"),
}
FUND_BREAKDOWN_HEAD = re.compile(_alternation(tuple(FUND_BREAKDOWNS)))
# One label:value cell of such a block (a blank value is an empty cell: 纳入专户管理的非税收入拨款:).
LABEL_VALUE_CELL = re.compile(r"(?P<label>[\u4e00-\u9fa5（）()]{2,24})\s*[：:]\s*(?P<value>\d[\d,]*(?:\.\d+)?)?")
# A total's next of kind: its label opens with the same characters (全年预算 / 全年执行), and a 其中 list
# follows it directly (…；全年执行95万元，其中：…).
NAME_HEAD = 2
OWN_LIST_AFTER = re.compile(r"\s*[，,]?\s*其中")
# One label:value line of a block flattened as text (其中：财政拨款：60万元 / 其他资金：40万元 / 上年结转：).
LABEL_VALUE_LINE = re.compile(
    r"^[ \t\u3000]*(?P<opener>其中\s*[：:]?\s*)?(?P<label>[\u4e00-\u9fa5（）()]{2,24}?)[ \t\u3000]*[：:][ \t\u3000]*"
    r"(?:(?P<value>\d[\d,]*(?:\.\d+)?)\s*(?P<unit>亿元|万元|元)?)?[ \t\u3000]*$",
    re.MULTILINE,
)
# A line break inside a sentence of text pasted from a PDF (…746.4 億元,投⏎⏎資完成率為 62.4%; …22.1 億⏎元;
# …到位资金613万元,补⏎⏎1⏎⏎助情况, a page number between): a line whose last clause is open (a comma
# after its last sentence end, a Han character last) goes on in the next line's Han character or
# amount, or in the value of its last label alone and closed by a comma or stop (完成率⏎74.6%;, 自评得分⏎90 分,).
# `brk` is the break (and a page number left in it). Not a wrap: a line ending in an amount
# (…地方财政补助281.6万元⏎一级指标…) unless its unit goes on (万⏎元), nor a next line opening a
# numbered part (二是…, 四、…), nor a numbered heading's end ((一)狠抓重大项目投资，夯实…支撑⏎坚定不移…).
PDF_WRAP = re.compile(
    r"(?m)^(?P<line>[ \t\u3000]*[^\n|｜\t ]"
    r"(?:[^\n|｜\t]+[，,][^\n。！？!?|｜\t，,]*[\u4e00-\u9fff]|[^\n|｜\t]*[，,]))"
    r"(?P<brk>[ \t\u3000]*\n(?:[ \t\u3000]*\n)*(?:[ \t\u3000]*\d{1,3}[ \t\u3000]*\n(?:[ \t\u3000]*\n)*)?)"
    r"(?=[\u4e00-\u9fff]|(?:\d[\d.]*[ \t\u3000]*(?:%|‰|分|万元|亿元|元)?[，,；;。]))"
)
WRAP_LINE_ENDS_IN_AMOUNT = re.compile(r"\d\s*[^\d\s，,]{0,3}$")
WRAP_UNIT_GOES_ON = re.compile(r"\d\s*[万亿]$")
WRAP_UNIT_REST = "元"
# Units a part may be written in for a total in the unit on the left: a 人次 total split into persons
# (享受护理补贴残疾人8389人次…(其中:居家安养为8011人…;机构托养为378人…)).
PART_UNITS_OF = {"人次": ("人次", "人"), "户次": ("户次", "户")}
# What may link the two measures of one total (8389人次,发放资金218.93万元): a comma, then the second's label.
MEASURE_LINK = re.compile(r"^\s*[，,]\s*$")
# An amount named only as a portion of the value before it (市本级直达资金45.66亿元,未分配0.32亿元,分配率99.3%。
# 其中:中央安排直达资金39.64亿元…): a 其中 that opens its own sentence after it lists the parts of that value.
PORTION_AMOUNT_LABEL = re.compile(r"^(?:已|未|尚未)(?:分配|下达|拨付|支付|支出|使用)$")
# A label:value cell that only opens the cells after it (其中: 一般公共预算:1325.68): no part of its own.
CELL_LIST_OPENER = "其中"
# A line of a label:value block: cells, or a value alone (its label's cell ended with the colon: 其他资金:⏎585.62).
LABEL_VALUE_BLOCK_LINE = re.compile(
    rf"^[\s|]*(?:(?:{LABEL_VALUE_CELL.pattern})[\s|]*)+$|^[\s|]*\d[\d,]*(?:\.\d+)?[\s|]*$"
)
# Circled item numbers ① … ⑳ (one character each, in code-point order).
CIRCLED_FIRST, CIRCLED_LAST = "①", "⑳"
CIRCLED_NUMBER = f"[{CIRCLED_FIRST}-{CIRCLED_LAST}]"
# The mark opening a numbered heading line: (1) / 1. / ① / 一、
HEADING_MARK = rf"(?:[（(]\s*\d{{1,2}}\s*[)）]|\d{{1,2}}[.．、]|{CIRCLED_NUMBER}|[一二三四五六七八九十]+、)"
# What varies between marks of one list (the number itself): (1) and (2) have one shape, (1) and 1. two.
MARK_NUMBER = re.compile(rf"\d+|[一二三四五六七八九十]+|{CIRCLED_NUMBER}")

# A cited document that allots funds of its own, opening a new statement inside a run the page left
# unpunctuated (…养殖环节无害化处理经费63.49万元川财农〔202344号下达省级财政…99.47万元): a 其中 list before it
# has ended.
NEW_ALLOTMENT_IN_GAP = re.compile(r"[〔［\[]\s*(?:19|20)\d{2}\s*[〕］\]]?\s*\d{0,4}\s*号?\s*(?:提前)?下达")
# A line stating the total of the lines just above it, pointing back to them (以上资金合计113.5万元, 以上合计6490万元,
# 上述资金共计…): review.extract.rules.sum_above.
TOTAL_OF_LINES_ABOVE = re.compile(r"\s*(?:以上|上述)[^\d，,。；;：:\n]{0,8}?(?:合计|共计|总计)[为是]?\s*[：:]?")
# A heading over the sources of the funds a notice opens with (一、资金来源 under …专项扶贫资金113.5万元,…公示如下:):
# review.extract.rules.sum_sources. The paragraph before it ends introducing what follows.
SOURCES_HEADING = re.compile(rf"\s*{HEADING_MARK}?\s*资金(?:来源|构成)\s*[：:]?\s*$")
INTRODUCES_WHAT_FOLLOWS = re.compile(r"如下\s*[：:]?\s*$")
FUNDS_SCALE = "规模"  # 扶贫专项资金规模1486.328万元: the whole of the funds
