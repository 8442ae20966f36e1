"""Rates and shares stated in prose: rate names and their bases, shares of a named or unnamed
whole, change rates.
"""

from __future__ import annotations

import re

# Rates (率) and shares (占…的) stated in prose (review.extract.rules.ratios). A rate's stem
# (执行率 → 执行) names its numerator (已执行…); these words name its base, the denominator.
RATE_BASE_WORDS = {
    "执行": r"预算|安排|下达|预算数|计划",
    "完成": r"任务|目标|计划|应",
    "完工": r"任务|计划",
    "到位": r"预算|下达|应到位|计划",
    "兑现": r"应兑|计划|应发",
    "支出": r"预算|安排|下达",
    "支付": r"预算|安排|下达|到位",
    "拨付": r"预算|安排|下达|到位",
    "使用": r"预算|安排|下达|到位|批复",
}
# Stems whose rate is read only against the base its words name, never a larger amount of the sentence that
# names none (项目总投资1200万元,实际使用资金1076.47万元,资金使用率99%: an investment is no allocation).
NAMED_BASE_ONLY = frozenset({"使用"})
# 资金X率 (资金使用率, 资金对接率): the money X'd (使用资金, 对接资金) over the money allocated,
# whatever X is, unless X names a change (资金增长率 is over last year's amount, not the allocation).
FUNDS_RATE_NAME = re.compile(r"资金(?P<stem>[\u4e00-\u9fa5]{2})$")
FUNDS_RATE_BASE = r"预算|安排|下达|批复"
CHANGE_WORDS = r"增长|增加|下降|减少|提高|降低|上升|变动"
# A share with no whole named (占比10%, 占比例为…): the whole is the total its part is listed under.
SHARE_UNNAMED = re.compile(r"占(?:比例|比重|比)(?:为|达到|达|是)?\s*$")
# A rate that is a share of a whole by its name, written right before its number (新能源車占比100%, 资金到位率100%,
# 群众满意度98%, 受资助学生覆盖率99%, 项目资金支出进度比率为100%): what was reached of all there was, never
# more than 100%. Not a rate that may pass its base (执行率, 完成率, 支付率, 使用率, 增长率: done beyond the plan),
# nor 占…的 of a plan or a target (完成年初计划的120%).
SHARE_OF_WHOLE = re.compile(
    r"(?:占比|比重|所占比例|覆盖率|合格率|达标率|及时率|满意度|满意率|知晓率|到位率|支出进度(?:比率)?|发放率|参保率|入学率"
    r"|普及率|完好率|准确率|正确率|通过率|办结率|回复率|落实率|受益率)(?:为|达到|达|是|约为|：|:)?\s*$"
)
# Words in a share's clause that make it a change or a bound, not the share reached (覆盖率提高到…, 占比下降…,
# 合格率不低于95%, 满意度达90%以上 is read by its qualifier).
SHARE_NOT_REACHED = re.compile(rf"{CHANGE_WORDS}|目标|计划|预期|指标值|不低于|不少于|以上|超过")
# Between two shares of one list, the opening of a part's own parts (中央资金占80%，其中直达资金占70%): what follows
# are shares of that part, not more shares of the whole.
SHARES_OF_A_PART = re.compile(r"其中")
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
# A whole that is a plan (占调整预算105.47%, 占年初预算的43.2%, 占计划的…): what was done of it, not a share.
PLAN_WHOLE = re.compile(r"预算|預算|计划|計劃|任务|任務|目标|目標")
# An amount over or under its budget (超收392万元, 短收7431万元, 超支): a difference from the plan.
PLAN_DIFFERENCE_LABEL = re.compile(r"(?:超收|短收|超支|节支)$")
CHANGE_AMOUNT_LABEL = re.compile(
    rf"(?:同比|比上年|较上年|比去年|较去年|比上一年|较上一年)[\u4e00-\u9fa5]{{0,4}}?(?P<dir>{CHANGE_UP}|{CHANGE_DOWN})了?$"
)
# A rate stated in prose (执行率为96.3%, 完成率达), and what after it makes it a tier, not a rate
# (执行率90%以上的项目, 80%-99%).
RATE_STATEMENT = re.compile(r"(?P<name>[\u4e00-\u9fa5]{1,8}?)率(?:为|达到|达|是|：|:)?\s*$")
RATE_TIER_AFTER = re.compile(r"^\s*(?:以上|以下|的|之间|-|—|～|~)")
# A change amount stated against a named year rather than 上年 (本年收入1205.11万元,比2018年度增加253.71万元,
# 增长27%; 较2022年减少…), or against the year with 相比 in its own clause (与2018年度决算相比增加…,
# 与上年相比减少…; the label may have lost its 与 as noise): the comparison is in the label, as in
# CHANGE_AMOUNT_LABEL.
_YEAR_REF = r"(?:上年|去年|上一年|(?:19|20)\d{2}\s*年)度?"
CHANGE_VERSUS_YEAR_LABEL = re.compile(
    rf"(?:(?:比|较)\s*(?:19|20)\d{{2}}\s*年度?|(?:与|同|和)?\s*{_YEAR_REF}[\u4e00-\u9fa5]{{0,4}}?(?:相比|对比|比较))"
    rf"[\u4e00-\u9fa5]{{0,4}}?(?P<dir>{CHANGE_UP}|{CHANGE_DOWN})了?$"
)
# A change amount named by its direction alone, or by its subject and 各/均 (本年支出1094.65万元,增加207.42万元,
# 增长23%; 与2018年度决算相比,收支各增加257.59万元,增长24%): a change when a comparison opens its sentence, or when
# the amount that changed is the one written just before it.
CHANGE_BARE_LABEL = re.compile(
    rf"^(?:(?P<subject>[\u4e00-\u9fa5]{{1,4}}?)(?:各|均|分别))?(?P<dir>{CHANGE_UP}|{CHANGE_DOWN})了?$"
)
# The comparison that opens a change's sentence: 与2018年度决算相比, / 同上年相比, / 对比上年,.
CHANGE_COMPARED_BEFORE = re.compile(r"(?:与|同|和)[^。；;，,]{1,16}?(?:相比|对比|比较)|对比(?:上年|去年|上一年)")
# What a change's subject names among the amounts of the sentence before (收支较上年决算数减少710.50万元 after
# 收入总计6567.06万元,支出总计6567.06万元: both changed): the subject, or these words for it.
CHANGE_SUBJECT_NAMES = {"收支": ("收入", "支出")}
# A completion stated as progress rather than as a 率 (已下达补助2373.51万元,完成进度100%): read as 完成率, its
# name ending in 完成 (the stem whose base words are RATE_BASE_WORDS["完成"]).
# So is a spending stated as progress (十大类工程32个子项目资金实际支出360.9亿元,整体支出进度为57.52%): a 支出率, and
# likewise for each verb whose base words RATE_BASE_WORDS holds (执行进度, 支付进度, 拨付进度, 到位进度).
RATE_AS_PROGRESS = re.compile(
    r"(?P<name>[\u4e00-\u9fa5]{0,6}?(?:完成|执行|支出|支付|拨付|到位|兑现))进度(?:为|达到|达|是|已达|：|:)?\s*$"
)
# A name that negates the rate's verb (未分配0.32亿元, 尚未支付, 没有到位) names what was not done: never the
# rate's numerator (分配率 is of what was 分配, not of what was 未分配).
NEGATED_STEM_BEFORE = re.compile(r"(?:未|没有|不)$")
NEGATED_NAME = re.compile(r"(?:尚?未|没有)")
# Words that name a sentence's own whole (全市直达资金总量75.20亿元,支出45.76亿元,支付率为60.8%): the base the
# sentence states, preferred to an amount of the base's words a paragraph earlier.
SENTENCE_WHOLE_WORDS = r"总量|总额|总计|合计|总数|总规模"
# Words before a rate's name, in its own sentence, that name the rate's own subject (部分项目如健康惠民项目支出进度已达
# 90.82%): the rate is not of the amounts of the sentence before. A list mark or a joining word is no subject.
RATE_OWN_SUBJECT = re.compile(r"[\u4e00-\u9fa5]{2,}(?<!其中)(?<!同时)(?<!另外)(?<!此外)(?<!全年)(?<!总体)(?<!整体)")
# A completion's whole stated by its shortfall right after it (收入1205.11万元,完成年初预算的70%,比年初预算减少
# 537.35万元): the whole is what was done plus the shortfall, when the shortfall names the same whole.
SHORTFALL_AFTER = re.compile(r"[，,]\s*(?:比|较)(?P<name>[\u4e00-\u9fa5]{1,8}?)数?(?:减少|少|节约)了?\s*")
