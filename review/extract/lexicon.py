"""Report vocabulary (报告用语) that more than one part of the tool must read the same way.

The rules extractor, the model path's grounding and the prompt used to disagree on what opens a
list, whether a 主要是 list is complete and whether 7322头 is a count: each word now has one home,
here, and every reader takes it from here. (Moving the rest of the vocabulary in is the issue
"One house"; what is here is what the readers had to agree on.)
"""

from __future__ import annotations

import re

from review.core.claims import SumCategory
from review.core.numbers import EXACT_INTEGER_UNITS

# Words that open a list of the parts of the total just stated.
COMPLETE_LIST_OPENERS = ("其中", "具体包括", "具体为", "具体是", "明细为", "包括")
# A list opened by these names the main parts only: it bounds the total from below (主要是 = mainly).
PARTIAL_LIST_OPENERS = ("主要包括", "主要是", "主要为", "主要有")
# Inside a list, these open the parts of one item (nested lists).
NESTED_LIST_OPENERS = ("其中", "包括", "主要是", "主要包括", "主要为", "分别为", "分别是")
# A list that ends with 等 is partial whatever opened it.
PARTIAL_LIST_END = "等"

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


# Rates (率) and shares (占…的) stated in prose (review.extract.rules.ratios). A rate's stem
# (执行率 → 执行) names its numerator (已执行…); these words name its base, the denominator.
RATE_BASE_WORDS = {
    "执行": r"预算|安排|下达|预算数|计划",
    "完成": r"任务|目标|计划|应",
    "到位": r"预算|下达|应到位|计划",
    "兑现": r"应兑|计划|应发",
    "支出": r"预算|安排|下达",
    "支付": r"预算|安排|下达|到位",
    "拨付": r"预算|安排|下达|到位",
}
# 资金X率 (资金使用率, 资金对接率): the money X'd (使用资金, 对接资金) over the money allocated,
# whatever X is, unless X names a change (资金增长率 is over last year's amount, not the allocation).
FUNDS_RATE_NAME = re.compile(r"资金(?P<stem>[\u4e00-\u9fa5]{2})$")
FUNDS_RATE_BASE = r"预算|安排|下达|批复"
CHANGE_WORDS = r"增长|增加|下降|减少|提高|降低|上升|变动"
# A share with no whole named (占比10%, 占比例为…): the whole is the total its part is listed under.
SHARE_UNNAMED = re.compile(r"占(?:比例|比重|比)(?:为|达到|达|是)?\s*$")
# A share of a named whole: 占总支出的65.3%, 占中央、省资金的74.12%, 完成预算的100% (完成 needs 的).
SHARE_NAMED = re.compile(
    r"(?:占(?P<of>[\u4e00-\u9fa5、]{1,12}?)的?|完成(?P<done>[\u4e00-\u9fa5]{1,8}?)的)(?:比例|比重)?(?:为|达到|达)?\s*$"
)
# A whole named as several parts: 中央、省资金 (the last part's noun is shared: 中央资金 + 省资金).
WHOLE_PARTS_SEPARATOR = re.compile(r"[、和及与]")
# Words before 占 that are not a share's subject (…871.44万元，分别约占总支出的…).
SHARE_SUBJECT_NOISE = re.compile(r"(?:[\s，,、：:；;]|分别|大约|约|仅|均|共|合计|已|达)*")
# What follows a part whose share is stated next: 5个，占比10% / 871.44万元，占总支出的65.3%.
SHARE_FOLLOWS = re.compile(r"^[，,、\s]*(?:占|完成[\u4e00-\u9fa5]{1,8}的)")
# A sentence that opens a numbered item ((2)…, 2.…, ②…) starts a new subject: what the sentence
# before it stated belongs to the item before.
ITEM_MARK = re.compile(
    r"^\s*(?:[（(][一二三四五六七八九十\d]{1,3}[)）]|\d{1,2}[.．、](?!\d)|[①-⑳]|[一二三四五六七八九十]{1,3}、)"
)
# A change stated as a rate: 同比上年度增加189.25万元,增加31.39% (the change over last year's value,
# which is this year's less the change). The amount is a change when its label ends with the change
# word after a comparison with last year (同比, 比上年, 较去年…).
CHANGE_UP = r"增加|增长|提高|上升|增收"
CHANGE_DOWN = r"减少|下降|降低|减收"
CHANGE_RATE = re.compile(rf"(?P<dir>{CHANGE_UP}|{CHANGE_DOWN})了?(?:率|幅度)?(?:为|达到|达)?\s*$")
CHANGE_AMOUNT_LABEL = re.compile(
    rf"(?:同比|比上年|较上年|比去年|较去年|比上一年|较上一年)[\u4e00-\u9fa5]{{0,4}}?(?P<dir>{CHANGE_UP}|{CHANGE_DOWN})了?$"
)
