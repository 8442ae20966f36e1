"""Statements of one fact: self-scores and execution rates stated twice, targets and actuals,
restated facts, assertions (全部到位).
"""

from __future__ import annotations

import re

# The report's total self-score and its overall execution rate, by the label before the number.
TOTAL_SELF_SCORE_LABEL = re.compile(r"(?:自评|综合|评价|绩效)(?:综合)?(?:得分|总分|评分)$|自评总分$|总得分$")
OVERALL_EXECUTION_RATE_LABEL = re.compile(r"^(?:本部门|本单位|部门|整体|全年|年度|总体)?(?:预算)?执行率$")
# A paragraph that is one numbered item of a list of projects (1、哈拉布拉乡…道路建设项目,铺建…):
# what it states is of that project. The name (it may hold a comma: 村内干道,巷道路面硬化建设项目)
# ends in 项目 followed by punctuation or a line end.
PROJECT_ITEM = re.compile(
    r"\s*(?:\d{1,2}[、.．]|[（(]\d{1,2}[)）])\s*(?P<name>[^\s。；;：:、]{4,40}?项目)(?=[，,。；;：:\s]|$)"
)
# A sentence opened by the group it is about, a name and its count alone in the first clause (省级6项,概算投资
# 140.16亿元,当年计划投资19亿元; 省市重点项目情况:省重点项目2个,总投资20亿元): what it states is that group's (a part
# of the whole the report states earlier), after a heading of the form …情况: at most.
SCOPE_HEADING = re.compile(r"\s*[\u4e00-\u9fa5]{2,12}情况\s*[:：]")
GROUP_OPENING = re.compile(r"\s*(?P<name>[\u4e00-\u9fa5]{1,8}?)\d+\s*(?:项|个|家|所|座|宗|处)[，,]")
# The characters of a document number's issuer kept as its name (the last ones before the bracket: 湘财预〔2021〕12号);
# what stands before them is the sentence's own words, not the issuer's.
DOCUMENT_ORG_TAIL = 3
# A document number (呼财农指【2023】41号, 闽财综指﹝2024﹞8号, 津财预指[2020]31号) and the verb
# by which the document allots an amount (…41号文件《…》,下达**河县2023年资金5万元).
DOCUMENT_NUMBER = re.compile(
    r"(?P<org>[\u4e00-\u9fa5]{1,8})\s*[〔【\[［﹝(（]\s*(?P<year>(?:19|20)\d{2})\s*[〕】\]］﹞)）]\s*第?\s*(?P<no>\d{1,5})\s*号"
)
ALLOTS = re.compile(r"下达")
# Wordings that assert the whole of an amount arrived or was paid out, and, for each verb, the
# label of an amount stated as done by that verb (已完成拨付2113.63万元, 实际到位4212.62万元).
FULLY_ARRIVED = re.compile(r"(?:资金|预算资金|款项)?全部(?:拨付)?到位|足额到位")
FULLY_DONE = re.compile(r"(?:已|均已)?(?:全部|足额|全额)(?P<verb>拨付|支付|到位)")
DONE_LABEL = {
    "拨付": re.compile(r"(?:已|实际|累计)(?:完成)?拨付$|拨付(?:资金|金额)$"),
    "支付": re.compile(r"(?:已|实际|累计)(?:完成)?支付$|支付(?:资金|金额)$"),
    "到位": re.compile(r"实际到位$|到位资金$|已到位$"),
}
NOT_DONE_LABEL = re.compile(r"未|应|计划|预计|尚需|待")
# A heading that opens a section of the report: 一、… or (二)… at a line start.
SECTION_HEADING = re.compile(r"^\s*(?:[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十]{1,3}[)）])", re.M)
NO_CARRYOVER = re.compile(r"(?:本年|当年|年末)?无结转结余|无结余结转|未产生结转结余")
# What a table column's header means (table_columns): the points, the score, the planned and the
# actual amount a rate divides (预算数/执行数, and 编制数/实际在职人数), the rate, the levels.
TABLE_COLUMN_ROLES = {
    "weight": re.compile(r"^(?:指标)?分值|^权重|^标准分"),
    "score": re.compile(r"得分|打分|^评分"),
    # the planned and the actual amount a rate divides: 预算数/执行数, and 编制数/实际在职人数
    "budget": re.compile(r"预算数|预算金额|^预算$|预算（|预算\(|^全年预算|^编制数|^核定编制"),
    "executed": re.compile(r"执行数|实际支出|支出数|^执行金额|实际执行|在职人数|实有人数"),
    "rate": re.compile(r"执行率|使用率|支付率|支出率|到位率|控制率"),
    "level1": re.compile(r"^一级指标"),
    "name": re.compile(r"^三级指标|^指标名称|^绩效指标$"),
}
HEADCOUNT_COLUMN = re.compile(r"人数|编制")  # a column of people, not money
SCORE_TOTAL_NAME = re.compile(r"^(?:总分|合计|总计|综合得分|自评总分|总得分)")  # a score table's total row
# Totals and their parts (review/extract/rules/sums.py).
# A word that marks an amount as a total, in its label or just before its number.
SUM_TOTAL_WORD = re.compile(r"共计|合计|总计|总数|总额|共有|总共|总体|^共|总")
# A total word directly before the number (就业补助资金共33832.24万元, 合计13,804万元): the amount is
# stated as the whole of what follows.
TOTAL_JUST_BEFORE = re.compile(r"(?:共计|合计|总计|总共|共有|共)(?:为|是|达|[：:])?\s*$")
# A clause that opens with a total word states the total again (…30.9万元，共计下达61.8万元).
RESTATED_TOTAL = re.compile(r"^\s*(?:共计|合计|总计|累计)")
# Carry-overs, and the side of the year they sit on.
CARRYOVER = re.compile(r"结转|结余")
OPENING_PERIOD = re.compile(r"上年|年初|期初")
CLOSING_PERIOD = re.compile(r"年末|年底|期末")
THIS_YEAR = re.compile(r"本年|当年")
# Income and spending: one side is not made of the other.
INCOME_WORD = "收入"
SUBJECT_REACH = 8  # characters between an amount and the next one's label that make the first its subject
# A grand total: this year's flows and the carry-overs together (收入总计, 总收入, 支出总计).
GRAND_TOTAL_LABEL = re.compile(r"总计|總計|总收入|總收入|总支出|總支出")
SPENT_WORD = "支出"
NOT_INCOME_PART = re.compile(r"支出|结转|结余")
NOT_SPENT_PART = re.compile(r"收入|结转|结余")
# A change or an adjustment, not a part: 同比增加…, 调减40万元.
SUM_DELTA = re.compile(
    r"同比|增加|减少|增长|下降|较上年|比上年|节约|超支|增幅|降幅|调减|调增|追加|核减|调整|增收|减收|增支|减支|超收|短收|差值|相差"
)
# An adjusted base a change rate may be stated on instead of the amounts beside it (剔除留抵退税后同口径下降6.07%,
# 同口径比增长25.63%): the rate is of figures the text does not give.
ADJUSTED_BASIS = re.compile(r"同口径|可比口径|剔除|扣除")
# After the base of a stated rate (占年初预算10065万元的43.2%, 完成年初预算数60999万元的40.4%): a reference the
# rate is measured against, not a level the text breaks down or a value that changed.
# The base may stand in brackets, alone or listed (占厅年度力争目标(606.5亿元)的137.9%; 分别占…目标(470亿元、106.5亿元、
# 30亿元)的121.3%…).
RATE_BASE_AFTER = re.compile(
    r"(?:\s*[、，,]\s*\d+(?:\.\d+)?\s*(?:万元|亿元|元|万|亿|公里|千米|亩|个|户|人)?)*\s*[)）]?\s*的\s*\d+(?:\.\d+)?\s*[%％]"
)
# 一级指标3个，二级指标9个: levels of one indicator tree.
INDICATOR_LEVEL = re.compile(r"[一二三四]级")
# A new section or numbered point inside a stretch of prose.
SECTION_BREAK = re.compile(
    r"(?:^|[。；;，,\s])(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[)）]|\d{1,2}[.．、](?!\d))"
)
# Between a list's items, a word that puts what follows beside the total, not in it (其中:财政拨款收入128.61万元,
# 占100%;此外,年初结转和结余35.22万元 — the 决算 template's wording; 其中,新建食用菌大棚2栋、晾晒棚1栋,共计1800平方米,
# 另外,对原有4栋温室进行维修): the list has ended.
BESIDES_IN_GAP = re.compile(r"此外|另外|除此之外|除此以外|另有")
# An amount whose label opens with a predicate says what happened, not what the total is made of; so does
# a head count of the staff actually there, after the 编制 and its kinds (本部门共有编制人数3人,实有人数3人 —
# r5-12; 总编制31名，其中：行政编制17名…事业编制14名；在职人员总数22名 — seed 004): the next whole, not one more
# kind of the 编制.
PART_PREDICATE_START = re.compile(r"^(?:已|尚|未|累计|实现|新增|全部|均|实有|现有|在职人员总数|涉及|受益|惠及)")
# 分别…: the amounts belong to the things listed before, one each.
RESPECTIVELY = "分别"
# A clause led by a year (2021年度中央下达资金61.8万元) after undated parts is a new, dated statement.
YEAR_LED_CLAUSE = re.compile(r"^\s*(?:19|20)\d{2}\s*年")
# A 其中 list, and any list opened with a colon (具体是:A;B;C。), runs past ；: its items are separated by it.
LIST_PAST_SEMICOLON = ("其中",)
LIST_COLON = ("：", ":")
# The one character of a total word that marks a total whose parts are interleaved with other measures.
TOTAL_CHAR = "总"
# A total stated after its parts: the clause opens with a total word (…30.9万元,共计下达61.8万元).
TOTAL_AFTER_PARTS = re.compile(r"^\s*(?:共计|合计|总计)")
CLAUSE_SPLIT = re.compile(r"[，,；;、:：。（）()]")
# "(其中建筑工程3292万元)" right after an amount: the one part of it named in brackets.
BRACKETED_PART = re.compile(r"^\s*[（(]\s*其中[：:]?[\u4e00-\u9fa5]{0,12}$")
# Facts (facts.py): sibling "N人次，共计A元" clauses, target vs actual, spending against the budget.
PER_HEAD_UNITS = ("人次", "人", "户", "户次", "名")
HEADCOUNT_MONEY_LINK = re.compile(r"[，, ]*(?:共计|发放|金额|资金|发放金额|发放资金)*[，, ]*")
TARGET_WORDS = re.compile(r"设定|目标|指标|控制数|计划|预期")
ACTUAL_WORDS = re.compile(r"实际|只|仅|完成|补偿了|发放了|兑现了")
SPENDING_LABEL = re.compile(r"发放|共计|资金|补贴|补助|兑现|拨付|支出|金额|费用|奖补")  # paid out
NOT_SPENDING_LABEL = re.compile(r"预算|收入|支出总|总额|合计|总计")  # totals, not a spending item
# What is needed or planned, not spent of this year's budget (共需资金8144万元, 项目计划总投资1020万元).
NEED_NOT_SPENDING = re.compile(r"需|计划|总投资|概算")
PLANNED_LABEL = re.compile(r"预算|下达|安排|计划")  # what was to arrive
ARRIVED_LABEL = re.compile(r"到位|拨付|实际")  # what did
PLANNED_SPENDING = re.compile(r"安排|预算为|支出预算")  # 预算安排支出合计
BUDGET_INCOME = re.compile(r"预算收入")
EXECUTED_LABEL = re.compile(r"执行|实际支出")
# What was done with funds, not where they came from: 实际使用, 已拨付, 支出, 执行 (a 其中 list of sources ends at it);
# 转移支付 names a kind of funds.
USE_OF_FUNDS = re.compile(r"使用|支出|(?<!转移)(?<!轉移)支付|拨付|撥付|执行|執行|兑付|发放|完成投资|完成投資")
UNIT_DECLARATION = re.compile(r"(?:金额单位|单位)[:：]\s*(万元|元)|[（(](万元|元)[)）]")  # 单位：万元 above a form
INDICATOR_SERIAL = re.compile(r"指标$")  # 指标1, 指标2: an indicator's serial, not a value
COPULA = r"[为：:]?"  # 分值为10分, 得分：9分
INDICATOR = "指标"  # what a score category's name ends with (产出指标)
# One fact stated twice (review/extract/rules/restated.py): the quantities' nouns must share at
# least this many characters, and what differs before the shared noun may be wording of its role
# (预定 / 实际已完成 / 主要建设内容是购买), never a qualifier that makes it another fact.
RESTATED_MIN_NOUN = 3
RESTATED_MAX_VERB = 4  # a restatement may add this many characters before the noun (下达中央财政资金)
RESTATED_QUALIFIER = re.compile(
    r"中央|省|市|县|区级|乡|镇|本级|上年|结转|结余|其中|新增|累计|剩余|未|间接|人均|每|平均|年均|单位|其他|自筹|配套"
    r"|地方|超|减少|增加|增长|下降|不足|差|[一二三四五六七八九十]是|第|另|余|部分|合格|优良|达标"
)
# A numeral right before the shared noun makes it another fact (一级指标 / 二级指标, 二期项目), as
# does a shared noun made only of role words (年初目标值 / 实际完成值).
NUMBERED_NOUN = re.compile(r"[一二三四五六七八九十两\d]$")
ROLE_ONLY_NOUN = re.compile(r"^(?:[\u4e00-\u9fa5]?(?:目标值|完成值|指标值|实际值|年初|全年|年度|数量|金额|资金|值))+$")
# A shared "noun" that opens with a preposition or a place is the rest of a phrase (对全县 20个…).
NOT_A_NOUN_START = re.compile(r"^[对向在为给按于从由将把全已]")
# …and one that ends in a verb names what was done, not a thing (已带动 14户, 本年度已完成 37个).
NOT_A_NOUN_END = re.compile(r"(?:完成|带动|实现|达到|覆盖|增加|减少|增长|下降|支持|解决)$")
# A line that is one item of an enumeration (一是… / 1、… / （2）…): its amount is one of several.
ENUMERATED_LINE = re.compile(r"^[ \t\u3000]*(?:[一二三四五六七八九十]是|\d{1,2}[、.．](?!\d)|[（(]\d{1,2}[)）])")
# What may stand between a label and its number without naming a part (为 / 约 / 共计 …).
GAP_FILLER = re.compile(r"[\s为是：:约共达计]")
# A noun written after a count (已完成37个基层医疗机构, 全县169处农村饮水工程): up to punctuation or a number.
NOUN_AFTER_COUNT = re.compile(r"[\u4e00-\u9fa5]{2,12}")
COUNT_NOUN_UNITS = (
    "个",
    "处",
    "台",
    "套",
    "座",
    "所",
    "家",
    "条",
    "宗",
    "项",
    "辆",
    "盏",
    "口",
    "眼",
    "间",
    "栋",
    "块",
)
# The role a statement plays: a target (预定村集体收入, 绩效目标 section), an actual (实际已完成…),
# or neither. A heading naming 目标 without 完成 opens the targets.
TARGET_ROLE = re.compile(
    r"(?:年度|总体|绩效)目标[为是：:]?|(?:数量|质量|时效|成本)指标|目标值|目标[为是：:]|计划|预定|预计|预期|设定|指标值|任务|拟"
)
ACTUAL_ROLE = re.compile(r"实际|已|完成|建成|实现|累计")
TARGET_HEADING = re.compile(r"目标|计划")
NOT_TARGET_HEADING = re.compile(r"完成|实现|自评|分析|效果|结果")
# A heading line at any level (一、 （一） 1、 (1)), whose text gives the role of what it opens.
ANY_HEADING = re.compile(
    r"^[ \t\u3000]*(?:[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十\d]{1,3}[)）]|\d{1,2}[、.．](?!\d))"
    r"[^\n]{0,40}",
    re.M,
)
# The levels of ANY_HEADING, highest first: 一、 / （一） / 1、 (and (1), matched by the second).
HEADING_LEVELS = (
    re.compile(r"^[ \t\u3000]*[一二三四五六七八九十]{1,3}[、.．]"),
    re.compile(r"^[ \t\u3000]*[（(][一二三四五六七八九十]{1,3}[)）]"),
    re.compile(r"^[ \t\u3000]*\d{1,2}[、.．]"),
    re.compile(r"^[ \t\u3000]*[（(]\d{1,3}[)）]"),
)
# The actual's own clause asserts it equals the target: then a mismatch is a finding.
ASSERTS_EQUAL = re.compile(r"全部|均已|足额|全额|如数|与[^，,。；;]{0,12}一致|100%|百分之百")
# 均已到位 / 全部到位56万元: an amount asserted to have arrived or been paid in full, against the
# last amount stated as allotted (下达/安排) before it.
FULLY_ARRIVED_SUBJECT = re.compile(r"(?:均已|已全部|全部|足额|全额)(?:拨付)?到位|均已拨付")
ALLOTTED_WORDS = ("下达", "安排", "批复", "预算")  # in this order of preference
# A part of what was allotted: 其中…, or one source of the funds (中央资金 / 县级配套).
PART_OF_ALLOTMENT = re.compile(r"其中|中央|省级|市级|县级|本级|配套|自筹")
# 项目资金执行率为100% and the bare 执行率100% of a report about one project's funds.
PROJECT_EXECUTION_RATE_LABEL = re.compile(r"^(?:本)?项目(?:资金)?(?:预算)?执行率$")
BARE_EXECUTION_RATE_LABEL = re.compile(r"^执行率$")
ANY_EXECUTION_RATE_LABEL = re.compile(r"执行率$")
# 共编制12个绩效目标指标,其中一级指标3个,二级指标9个,三级指标12个: the indicators are the last level.
INDICATOR_TOTAL_AFTER = re.compile(r"\s*(?:绩效)?(?:目标)?(?:绩效)?指标")
INDICATOR_LEVEL_LABEL = re.compile(r"(?P<level>[一二三四1-4])级指标$")
# What is left of an amount after what was taken from it (review/extract/rules/remainders.py): the
# remainder's name (剩余未执行完的0.3792万元, 可实现集体统一经营净收入3万元, 结余资金), what was taken
# (全年度实际总支出, 扣除…费用成本…计12万元) and the whole it was taken from (实际下达预算2596万元, 可实现总收入15万元).
REMAINDER_LABEL = re.compile(r"剩余|余额|尚余|结余|净收入|净收益|未执行|未使用|未支出|未拨付|未支付")
TAKEN_WORDS = re.compile(r"支出|扣除|成本|使用|收回|执行|拨付|支付|花费")
WHOLE_LABEL = re.compile(r"预算|下达|收入|到位|安排|批复|总额|指标|资金|经费")
