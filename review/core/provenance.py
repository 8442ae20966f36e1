"""Where a claim came from, as closed vocabularies: the extractor a review ran (rules, llm, hybrid),
who stated a quantity, and the basis on which a sum or a rate was read (其中, 比…增加, 表格·执行率 …).

These strings are printed in the JSON contract (`extractor`, a relation's `basis`), so each value
keeps its spelling; a new value is added here, where the contract's schema picks it up.
"""

from __future__ import annotations

from typing import Annotated, Literal, NewType, get_args

from pydantic import StringConstraints

Extractor = Literal["rules", "llm", "hybrid"]
"""What a review ran: the rules alone, the model alone (grounded), or both merged."""
EXTRACTORS: tuple[Extractor, ...] = get_args(Extractor)

ClaimSource = Literal["rules", "llm"]
"""Who stated a quantity (Quantity.source)."""

SumBasis = Literal[
    "",  # a score list or a table's sum: the category says what it is
    "其中",  # 合计…，其中…
    "其中·嵌套",  # a 其中 list inside another one's item
    "implicit",  # a total followed by its parts without 其中
    "标题·分项",  # a heading's amount over the amounts of its numbered items
    "合计·在后",  # a total stated after its parts: …30.9万元,县…30.9万元,共计下达61.8万元
    "如下·分项",  # a total, a clause introducing its parts (…情况如下:), then the sentences stating them
    "如下·同名分项",  # totals, a paragraph introducing their parts (如下:), then paragraphs naming one kind each
    "比…增加",  # current = reference + increase
    "比…减少",  # reference = current + decrease
    "调减后",  # before = after + cut
    "自评表·资金·合计",  # the funds block of a 自评表: 年度资金总额 over its sources
    "自评表·预算执行·合计",  # a label:value 预算执行 block (预算数: … 执行数: …) over its part rows
    "表格·合计行",  # a table's 合计/总计 row over the rows it closes (or, first in its block, the rows below)
    "表格·小计行",  # a table's 小计 row over the rows of its group
    "表格·其中行",  # a table's 其中 rows under the row above them
    "表格·合计列",  # a table's 合计 column over the number columns beside it
    "决算说明·总计",  # a 部门决算情况说明's 收入总计 over its 收入合计 and the carried-over amounts it states
    "llm",  # stated by the model, grounded
]
"""How a SumRelation was read."""

RatioSource = Literal[
    "",
    "自评表·资金·执行率",  # the funds block of a 自评表: 执行率 = 执行数 / 预算数
    "表格·执行率",  # a table's 执行率 column over its 执行数 and 预算数 columns
    "llm",
]
"""A RatioRelation read from a form or a table, or stated by the model."""

RateWording = NewType("RateWording", str)
"""A RatioRelation read from a sentence, named by its own wording (made by the functions below)."""
RATE_WORDING = (
    r"^(?:[\u4e00-\u9fa5]{1,8}率(?: = [\u4e00-\u9fa5]{1,2}数 / 基数)?"
    r"|占比|占[\u4e00-\u9fa5、]{0,16}比重|完成[\u4e00-\u9fa5、]{0,16}的比例)$"
)

FormRate = NewType("FormRate", str)
"""A rate column of a 自评表's funds block, by the template's name for it (自评表·资金·执行率,
自评表·资金·到位率, 自评表·预算执行·执行率)."""
FORM_RATE = r"^自评表·(?:资金|预算执行)·[\u4e00-\u9fa5]{1,10}$"


def form_rate(block: str, column: str) -> FormRate:
    """The basis of a rate read from a form block's rate column."""
    return FormRate(f"自评表·{block}·{column}")


RatioBasis = (
    RatioSource
    | Annotated[RateWording, StringConstraints(pattern=RATE_WORDING)]
    | Annotated[FormRate, StringConstraints(pattern=FORM_RATE)]
)
"""How a RatioRelation was read: a fixed source, or the rate's wording (完成率, 占总支出比重)."""


def named_rate(name: str) -> RateWording:
    """A rate named in the text (风险消除率) over the larger amounts before it."""
    return RateWording(f"{name}率")


def rate_over_base(name: str, stem: str) -> RateWording:
    """A rate over the amount named with its base words (执行率 = 执行数 / 预算数)."""
    return RateWording(f"{name}率 = {stem}数 / 基数")


def share_of(whole: str) -> RateWording:
    """A share of a named whole (占总支出的65.3%, 占中央、省资金的74.12%)."""
    return RateWording(f"占{whole}比重")


def unnamed_share() -> RateWording:
    """A share that names no whole (“优秀”的5个，占比10%): of the total its part is listed under."""
    return RateWording("占比")


def completion_of(whole: str) -> RateWording:
    """What was done as a share of what was planned (完成预算的100%)."""
    return RateWording(f"完成{whole}的比例")


def change_rate(word: str) -> RateWording:
    """A change over last year's value (同比增加31.39%)."""
    return RateWording(f"同比{word}率")
