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


# ---- Words each reader below takes from here (one named constant per concept) -------------------

# Linking words a label ends with before its number (预算为, 共计, 达到…): not part of the label.
LABEL_TAIL_WORDS = ("为", "是", "达到", "达", "共计", "合计", "总计", "共", "计", "约", "有", "的")
# Labels of a department's budget total (预算收入, 部门预算…): the amount every spending is under.
BUDGET_TOTAL_LABEL = re.compile(r"预算安排|预算收入|预算数|预算总额|收入总额|收入合计|支出预算|部门预算")

# Score categories of the national frameworks, as prose and score lists name them.
SCORE_CATEGORY = re.compile(r"预算执行|产出指标|效益指标|满意度指标|决策指标|过程指标")
# A category heading of a 自评表 with its cap: 产出指标（50分）, 项 目 决 策 指 标 (20分).
SCORE_HEADING_NAMES = ("产出", "效益", "满意度", "成本", "项目决策", "项目管理", "项目过程")
# Any other heading by its shape: a short name ending in one of these words, then its cap —
# 绩效指标(90分), 年度绩效目标1 (80分), 项目决策(10 分), 决策(20分), 过程 (20分).
SCORE_HEADING_ENDS = ("指标", "决策", "过程", "产出", "效益", "管理", "目标")
SCORE_HEADING_PREFIX = 4  # at most this many characters before the ending word
# A heading that labels the whole indicator part: the part's header row follows it (| 一级指标 | …).
PART_HEADER_AFTER = re.compile(r"[\s|｜]*一\s*级\s*指\s*标")
# 分值 stated with its 得分 in prose: 分值为10分，实际得分9分.
WEIGHT_WORDS = r"(?:应得分?|分值为?|满分|标准分)"
SCORE_WORDS = r"(?:实际得分?|实得分?|自评得分?|得分)"
# Column names of a score table's header, and the words of a total row.
SCORE_COLUMNS = re.compile(r"分\s*值|权\s*重|得\s*分|年度指标值|实际完成值|全年实际值|实际值|指标值")
SCORE_TOTAL_ROW = re.compile(r"总\s*分|合\s*计|总\s*计")
SCORE_TABLE_TOTAL = re.compile(r"(?:自评)?(?:得分|总分|合计|总计)$")
FORM_TOTAL_SCORE = re.compile(r"(?<![\u4e00-\u9fa5])总\s*分(?!\s*[（(]|值|数)")  # 总分 | 100 | 96
# 总分(100分) | 100: the total row with the form's full marks written into its label
FORM_TOTAL_CAPPED = re.compile(r"(?<![\u4e00-\u9fa5])总\s*分\s*[（(]\s*(?P<cap>\d{1,3}(?:\.\d+)?)\s*分\s*[)）]")
# 预算执行情况(万元) (20分): the fund block's cap in its heading, on a form with no 分值 column
FUND_HEADING_CAP = re.compile(r"预算执行[^|｜]{0,12}?[（(]\s*(?P<cap>\d{1,3}(?:\.\d+)?)\s*分\s*[)）]")
# Units a cell of a run-together score row may end in besides the amounts' and counts' (厘米).
GLUED_CELL_UNITS = ("厘米", "毫米", "公斤", "吨", "粒", "万粒")
INDICATOR_HEADER = re.compile(r"三\s*级\s*指\s*标")  # the indicator part of a 自评表 begins
DEDUCTION = re.compile(r"扣分")

# Counts of named things: 六办一所四中心, 3个科室, 两大主题.
COUNT_CLASSIFIERS = r"大|个|项|类|方面|部分"
COUNT_NOUNS = (
    r"职能|主题|科室|股室|职能股室|单位|二级单位|部门|中心|机构|内设机构|方面|部分|板块|任务|工程|"
    r"类|领域|环节|指标|维度|所|站|队|办|乡镇|村庄|村|社区"
)
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
NUMBERED_PARAGRAPH = re.compile(r"^\s*(?:\[[^\]]*\]\s*)?(\d{1,2})\s*[.．、]")
# A heading of a higher level ends a numbered list (四、问题 / （二） / 2、 ).
HIGHER_HEADING = re.compile(r"^\s*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）]|\d+、\s)")
# A tier: a count standing after a band or a grade (得分90分以上的81个, 执行率80%以下的有21个,
# “良好”的23个, “优秀”1812个). Not a count after any 的 (复核评价的50个项目 is the whole).
COUNT_TIER_BEFORE = re.compile(
    r"(?:以上|以下|至\d+(?:\.\d+)?分|-\d+%|%|[”\"」])的?(?:有)?$|分(?:以上|以下)?的?$|\d分$|以下$|以上$"
)
# Labels of a number of projects that is a subset or a target, not the whole (抽查项目3个, 目标10个).
COUNT_SUBSET_LABEL = re.compile(r"抽查|抽取|其中|重点|部分|未|已|目标|指标")
# What a count of projects counts: the noun in its label or right after it (复核评价的50个项目).
PROJECT_NOUN = "项目"
# A count followed by its items named by ordinals: 分三批实施，一批…，二批…; 下设2个管理机构，一是…；二是….
# The count (its classifier, then a few words) and the first ordinal right after a comma or colon.
ORDINAL_COUNT = re.compile(
    rf"(?P<n>{CHINESE_SMALL_NUMBER}|[1-9]\d?)\s*(?P<cls>批次|批|个|项|条|类|方面)(?P<what>[\u4e00-\u9fff]{{0,12}}?)"
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


# Years. The name of a cited document (《关于开展2024年财政支出绩效评价的通知》): its year is the
# document's, not the one under review.
CITED_DOCUMENT = re.compile(
    r"《[^《》\n]{0,80}?(?:通知|意见|办法|方案|规划|决定|批复|函|细则|指南|指引|标准|规定|纲要|计划|报告)》"
)
# A field naming the year under review: 评价年度：2022, 年度:2024年.
PERIOD_FIELD = re.compile(r"年度\s*[:：]\s*(?P<year>(?:19|20)\d{2})(?![\d.．])(?!\s*(?:万|元|个|人|%))")
# What a date stands before. An event done on a full date (2021年9月8日开工), or at a month or
# before a deadline (2021年6月底完成建设任务, 2021年11月30日前完成资金支付).
EVENT_AFTER_DAY = re.compile(r"^\s*(?:开工|竣工|验收|完工|开始|启动|实施|建成|交付|投入使用)")
EVENT_AFTER_MONTH = re.compile(
    r"^(?:底|初|末|中旬|上旬|下旬|前|内)?\s*[，,]?\s*(?:已|全面|全部)?(?:完成|开工|竣工|验收|完工|建成|交付|投入使用)"
)
# A value the year dates, a phrase after it: 2021年预算收入…, 2023年自治区下达桂林市…资金共33832.24万元.
DATED_VALUE_AFTER = re.compile(r"^[\u4e00-\u9fa5“”]{1,28}?(?:为|达|达到|是|共|共计|合计)?\s*\d")
# A year that frames its clause, standing at its start (after a list mark at most): 2021年,包含补助…
# 774万元; 2021年森林防火期,我市共发生森林火灾3起; 一是2020年,东阳市…送戏下乡197场.
FRAMING_AFTER = re.compile(r"(?:度)?[\u4e00-\u9fa5]{0,8}[，,]")
CLAUSE_OPENING = re.compile(r"(?:[一二三四五六七八九十]是|\d{1,2}[.．、]|[（(][一二三四五六七八九十\d]{1,3}[)）]|\s)*")
# What a state is stated at (截止2023年12月31日,…使用资金…): only a year-end date dates its value.
AS_OF_BEFORE = re.compile(r"(?:截至|截止|截止到|截至到)\s*$")
# Before a year that dates no value: 含2023年…, 较2021年…, 于2021年…, 2019-2021年, 根据2020年…(a reference).
NOT_DATING_BEFORE = re.compile(r"(?:含|于|自|截至|截止|从|至|到|较|比|与|同|根据|依据|按照|参照|（|\(|-|－|—|~|～)\s*$")
# Before a month date that is a state or a comparison, not an event: 截至2021年6月底完成投资80%.
NOT_EVENT_BEFORE = re.compile(r"(?:较|比|截至|截止|自|从|至|到)\s*$")
# Words that join a value's measure to its number, left out when two measures are compared.
MEASURE_NOISE = re.compile(r"[\s，,、：:“”]|(?:为|达到|达|是|共计|合计|共)$|^(?:度|底|末)")
# The year the report says it reviews: 对2018年度预算绩效进行自我评价; 自评表(2022年度);
# 2020年度县级专项资金绩效目标自评表.
REVIEW_YEAR = (
    re.compile(r"对\s*(?P<date>(?:19|20)\d{2}\s*年度?)[^。；;，,\n《》]{0,50}?(?:自我评价|自评|评价)"),
    re.compile(r"[（(]\s*(?P<date>(?:19|20)\d{2}\s*年度)\s*[)）]"),
    re.compile(r"(?P<date>(?:19|20)\d{2}\s*年度?)[^。；;，,\n《》年]{0,40}?(?:(?:自评|评价)(?:报告|表)|自评结果)"),
)
# Before a year that names another review than this one: 根据2020年度绩效自评报告….
NOT_REVIEW_BEFORE = re.compile(r"(?:根据|依据|按照|结合|参照|对照)\s*$")
# The review's own work, done in the period or after it: 于2022年7月25日至26日,对该项目…进行了调查;
# 2022年12月,第三方咨询单位已编制完成海绵城市自评估报告.
REVIEW_WORK_AFTER = re.compile(
    r"(?=[^。；;\n]{0,60}?(?:自评|绩效))"
    r"[^。；;\n]{0,40}?(?:进行了?|开展了?|组织|完成了?)[^。；;\n]{0,16}?(?:自评|评价|评估|调查|核查|考核)"
)
# A span of months: 2022年3月-2022年11月, 2021年 1 月起至 2021 年 12 月止.
MONTH_RANGE = re.compile(
    r"(?P<y1>(?:19|20)\d{2})\s*年\s*(?P<m1>1[0-2]|0?[1-9])\s*月\s*(?:起|份)?\s*(?:至|到|-|－|—|~|～)\s*"
    r"(?P<y2>(?:19|20)\d{2})\s*年\s*(?P<m2>1[0-2]|0?[1-9])\s*月"
)

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
# A rate stated in prose (执行率为96.3%, 完成率达), and what after it makes it a tier, not a rate
# (执行率90%以上的项目, 80%-99%).
RATE_STATEMENT = re.compile(r"(?P<name>[\u4e00-\u9fa5]{1,8}?)率(?:为|达到|达|是|：|:)?\s*$")
RATE_TIER_AFTER = re.compile(r"^\s*(?:以上|以下|的|之间|-|—|～|~)")


# ---- Statements of one fact (review/extract/rules/same_facts.py, facts.py) ------------------------

# The report's total self-score and its overall execution rate, by the label before the number.
TOTAL_SELF_SCORE_LABEL = re.compile(r"(?:自评|综合|评价|绩效)(?:综合)?(?:得分|总分|评分)$|自评总分$|总得分$")
OVERALL_EXECUTION_RATE_LABEL = re.compile(r"^(?:本部门|本单位|部门|整体|全年|年度|总体)?(?:预算)?执行率$")
# A paragraph that is one numbered item of a list of projects (1、哈拉布拉乡…道路建设项目,铺建…):
# what it states is of that project. The name (it may hold a comma: 村内干道,巷道路面硬化建设项目)
# ends in 项目 followed by punctuation or a line end.
PROJECT_ITEM = re.compile(
    r"\s*(?:\d{1,2}[、.．]|[（(]\d{1,2}[)）])\s*(?P<name>[^\s。；;：:、]{4,40}?项目)(?=[，,。；;：:\s]|$)"
)
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
SPENT_WORD = "支出"
NOT_INCOME_PART = re.compile(r"支出|结转|结余")
NOT_SPENT_PART = re.compile(r"收入|结转|结余")
# A change or an adjustment, not a part: 同比增加…, 调减40万元.
SUM_DELTA = re.compile(r"同比|增加|减少|增长|下降|较上年|比上年|节约|超支|增幅|降幅|调减|调增|追加|核减|调整")
# 一级指标3个，二级指标9个: levels of one indicator tree.
INDICATOR_LEVEL = re.compile(r"[一二三四]级")
# A new section or numbered point inside a stretch of prose.
SECTION_BREAK = re.compile(
    r"(?:^|[。；;，,\s])(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[)）]|\d{1,2}[.．、](?!\d))"
)
# An amount whose label opens with a predicate says what happened, not what the total is made of.
PART_PREDICATE_START = re.compile(r"^(?:已|尚|未|累计|实现|新增|全部|均)")
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
UNIT_DECLARATION = re.compile(r"(?:金额单位|单位)[:：]\s*(万元|元)|[（(](万元|元)[)）]")  # 单位：万元 above a form
INDICATOR_SERIAL = re.compile(r"指标$")  # 指标1, 指标2: an indicator's serial, not a value
COPULA = r"[为：:]?"  # 分值为10分, 得分：9分
INDICATOR = "指标"  # what a score category's name ends with (产出指标)

# --- counts (wt-counts) ---
# Units of the things a count may state before the list that names them (内设 10 个办公室：…,
# 遂溪县13宗(东坑、湖仔洋…)水库, 护岸工程共 4 段：右岸 1 段…). Not 人/户: those count heads, and a
# list after them names groups, not each person.
NAMED_COUNT_UNITS = ("个", "项", "名", "家", "所", "处", "宗", "段", "座", "条", "起")
# The noun a count may carry before its list opens (内设 10 个办公室, 设立 8 个内设机构): a few characters.
COUNT_HEAD_NOUN = r"[\u4e00-\u9fff]{0,10}?"
# What opens the list of names after a count: strongly (分别是, 包括, a colon) or weakly (，为 / ，即:
# 核准类事项6项，为A、B… — 为 may also open a clause, so such a list is read loosely). After the
# count's noun (内设 10 个办公室：…, 8 个内设机构，分别是…) the noun must end first: a colon or a comma.
STRONG_LIST_INTRO = (
    rf"\s*[，,]?\s*(?:{NAMED_LIST_AFTER_COUNT})\s*[：:]?"
    rf"|{COUNT_HEAD_NOUN}\s*(?:[：:]|[，,]\s*(?:{NAMED_LIST_AFTER_COUNT})\s*[：:]?)"
)
WEAK_LIST_INTRO = rf"{COUNT_HEAD_NOUN}\s*[，,]\s*(?:为|即)\s*[：:]?"
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
# --- prose (wt-prose) ---
# What separates the part clauses a total after them adds up (…12.08万元;购买变压器一套18.8万元;共计40.83万元).
PART_CLAUSE_SEPARATORS = ("；", ";")
# A clause that introduces the parts of the total just before it, in the sentences that follow
# (合计13,804万元。各批次…下达情况如下: / 实际到位资金613万元,补助情况:(1)…(2)…).
PARTS_INTRO = re.compile(r"(?:如下|情况|明细|具体为|具体是|分别是|分别为)\s*[：:]")
# A page number left on its own line inside a sentence by a PDF's page break (…613万元,补\n\n1\n\n助情况).
PAGE_NUMBER_LINE = re.compile(r"\n\s*\d{1,3}\s*\n")
# What joins the amounts of one listed item into a list of parts (分别为3万元和10万元, 5万元、8万元).
PART_JOINER = re.compile(r"\s*[、和及与,，]\s*")
# A bare 占 right after a listed part (财政拨款收入6567.06万元,占100.00%): its share of the list's total.
SHARE_BARE = re.compile(r"[，,、]\s*占\s*$")
# --- years (wt-years) ---
# The name a year stands in, up to its first name ending: **河县2023年度中央水利发展资金项目 →
# 中央水利发展资金; 2024年固始县祖师庙镇仰天洼社区产业设施配套项目. Six characters at least, so a
# generic 财政资金 names nothing.
YEAR_NAME_AFTER = re.compile(r"度?(?P<name>[\u4e00-\u9fa5]{4,30}?(?:资金|项目|工程|经费))")
# Before a date in a timeliness indicator's cells (its target, then its actual): 项目完工时限 | 2023年12月 |
# 2023年10月; 整体完成时间\n\n2021年12月31日\n\n2021年12月31日. The work is due, and done, in the period.
DEADLINE_CELL_BEFORE = re.compile(
    r"(?:时限|完成时间|完工时间|竣工时间|完成时效|时间节点)\s*[|｜\n]\s*"
    r"(?:(?:19|20)\d{2}\s*年[^|｜\n]{0,12}\s*[|｜\n]\s*)?$"
)
# Before a date that says when the report was written or put out, not when anything it reviews
# happened: 发布日期: 2025年6月27日, 填报日期:2023年4月6日, 时间:2022年12月9日 (not 整体完成时间, an indicator).
WRITTEN_ON_BEFORE = re.compile(
    r"(?:(?:发布|填报|报送|印发|成文|编制)(?:日期|时间)?|(?<![\u4e00-\u9fa5])(?:日期|时间))\s*[:：]?[\s|｜]*$"
)
# A year written without 年 that names the review, at a line's start or after 对: 2019泗县扶贫项目绩效自评
# 抽查报告; 临夏市对2023转移支付资金进行了绩效自评.
BARE_REVIEW_YEAR = re.compile(
    r"(?:^|(?<=\n)|(?<=对))[ \t\u3000]*(?P<year>(?:19|20)\d{2})(?=[\u4e00-\u9fa5])"
    r"(?![年元万千亿个人名项次户米亩吨平份家所台套条座件天日月])"
    r"(?=[^。；;\n《》]{0,30}?(?:自评|评价))"
)
# Before the date a report was filled in or put out (填报日期:2023年4月6日, 发布日期: | 2025年6月27日):
# a review of a year is written once that year has ended.
FILED_ON_BEFORE = re.compile(r"(?:填报|报送|编制|报告|发布|成文)(?:日期|时间)[\s:：|｜]*$")
# After the date a notice that allocates a year's funds came on (2024年7月3日,《财政部 民政部关于下达2024年
# 中央集中彩票公益金…的通知》): before that year only an advance allocation, which says so (关于提前下达…).
NOTICE_AFTER_DATE = re.compile(
    r"[^《。；;\n]{0,20}《[^《》\n]{0,40}?(?<!提前)下达\s*(?P<year>(?:19|20)\d{2})\s*年[^《》\n]{0,80}》"
)

# --- unchecked tables (main) ---
# The columns that announce a 自评表's tables (review.extract.rules.unchecked): the indicator table
# by 分值 … 得分, the 项目资金 block by 预算数 … 执行数, each name maybe split by spaces or lines.
SCORE_TABLE_WEIGHT_COLUMN = r"分\s*值|权\s*重|标\s*准\s*分"
SCORE_TABLE_SCORE_COLUMN = r"(?:自\s*评\s*)?得\s*分"
FUNDS_TABLE_BUDGET_COLUMN = r"预\s*算\s*数|预\s*算\s*金\s*额"
FUNDS_TABLE_EXECUTED_COLUMN = r"执\s*行\s*数|执\s*行\s*金\s*额|实\s*际\s*支\s*出"
FUNDS_TABLE_RATE_COLUMN = r"执\s*行\s*率"
# What may stand between two column names of one header: other names, cell borders, brackets, spaces.
HEADER_GAP_CHAR = r"[\s|｜()（）A-Za-z/\u4e00-\u9fff]"

# --- funds (wt-funds) ---
# The total row of a list of records one cell a line (支出内容 | 金额 | 日期 … 支出合计 | 550000): the cell itself.
RECORD_TOTAL = re.compile(r"(?:支出|收入|资金)?合\s*计|总\s*计")
# A subtotal inside such a list: the records are nested, not read.
RECORD_SUBTOTAL = re.compile(r"小\s*计")
# A header cell naming the records' amount column (实际支出数, 补助资金(万元)): the list starts after it.
RECORD_AMOUNT_HEADER = re.compile(r"资金|金额|支出|收入|费用|[（(]\s*万?元\s*[)）]")
# --- facts (wt-facts) ---
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
# The year a 自评表 names in its own title — 2022年度项目支出绩效自评表, 项目支出绩效自评表（2022年度）:
# the form's statement of the year it reviews, which outweighs a year in a name it repeats.
FORM_TITLE_YEAR = re.compile(
    r"(?P<year>(?:19|20)\d{2})\s*年度\s*(?:项目支出|部门整体支出|整体支出|部门|单位)?\s*绩效自评表"
    r"|绩效自评表\s*[（(]\s*(?P<year2>(?:19|20)\d{2})\s*年度\s*[)）]"
)
# --- units (wt-units) ---
# Before a money amount, in its clause: a rate or a price, not an amount of the project's funds
# (分红款每户贫困户可分得700元, 按照每人每亩财政给予100元, 人均增收 | ≥8400元, 补助标准500元): its unit may
# differ from the budget's. Not 每年/每月 (每年财政补助1000万元 is funds) nor 按 (按照合同进度已支付资金…万元).
UNIT_RATE_BEFORE = re.compile(r"每(?![年月季日天])|人均|户均|亩均|均价|单价|标准|平均|元/|万元/")
# Right after a money amount: a rate (500元/人, 1.2万元／亩, 300元每亩).
UNIT_RATE_AFTER = re.compile(r"\s*(?:/|／|每)")
# The wording that makes an amount the project's funds, a budget, a total or what a part of the
# project costs (年度资金40.83万元, 本年度财政拨款40.83元, 全年应执行数为7.79元, 调整追加11.78万元, 剩余指标1760万元;
# 武安镇…工程项目资金140万元, 购置电锅炉一台6.75万元, 涉及金额, 实际已支付, 工程建设其他费用, 建设期利息,
# 党小组长基本报酬, 村民监督委员会 工资, 村级工作目标奖励, 比上年增加).
UNIT_FUNDS_LABEL = re.compile(
    r"资金|预算|拨款|收入|支出|经费|投资|补助|补贴|下达|执行数|结转|结余|到位|拨付|安排|总额|合计|共计|追加|剩余|决算"
    r"|项目|工程|建设|购置|购买|金额|支付|费|利息|贴息|报酬|工资|奖励|增加|减少"
)
# A funds table's header that names the unit of its cells (资金情况(万元)年度资金总额全年预算数(A)300…, 项目资金
# (万元) 年初预算数 全年预算数…), and where its cells end: the targets and indicators that follow (年度总体目标,
# 一级指标二级指标三级指标) state amounts in their own units (医疗收入达到5亿元).
UNIT_HEADER = re.compile(r"(?:资金情况|项目资金|预算执行情况)\s*[（(]\s*(?P<unit>亿元|万元|元)\s*[)）]")
UNIT_HEADER_END = re.compile(r"年度总体目标|总体目标|年度目标|绩效指标|一级指标|二级指标|三级指标")
# --- grids (wt-grids) ---
# Tables read by their row labels and header (review/extract/rules/grid_totals.py). A row whose
# label is a total word closes the rows above it (or, first in its block, the rows below it):
# 合计, 总计, 本年收入合计, 支出合计, 收支总计, 合 计 (spaces removed before matching).
GRID_TOTAL_LABEL = re.compile(
    r"^(?:[一二三四五六七八九十]+[、.．])?[\u4e00-\u9fa5]{0,8}(?:合计|总计)(?:[（(][^）)]{0,6}[）)])?$"
)
# A subtotal row: it closes the rows since the block's start or the subtotal before it.
GRID_SUBTOTAL_LABEL = re.compile(r"^[\u4e00-\u9fa5]{0,8}小计(?:[（(][^）)]{0,6}[）)])?$")
# A part row under the row above it: 其中：基本支出, 其中桃树种植面积.
GRID_PART_LABEL = re.compile(r"^其中[:：]?")
# Header cells over columns that do not add up (rates, scores, serial numbers, years, ranks).
GRID_NOT_SUMMED_COLUMN = re.compile(r"率|比例|比重|占比|[%％]|分值|得分|权重|序号|编号|^年度$|^年份$|排名|单价|标准")
# A table's unit, in a caption or header cell: 单位：万元, （万元）.
GRID_UNIT = re.compile(r"单位[:：]\s*(万元|元)|[（(]\s*(万元|元)\s*[)）]")
# Units of a cell's number that do not add up.
GRID_NOT_SUMMED_UNIT = ("%", "％", "年", "月", "日", "分", "‰")
# A header of a score table (分值 | 得分): its totals are the score readers' (score_table, table_columns).
GRID_SCORE_HEADER = re.compile(r"分\s*值|得\s*分|权\s*重")
# A cell that holds no amount: empty, a dash or slash, 无.
GRID_BLANK_CELL = re.compile(r"^(?:[-—–－/／\\]+|无)?$")
# --- rates (wt-rates) ---
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
RATE_AS_PROGRESS = re.compile(r"(?P<name>[\u4e00-\u9fa5]{0,6}?完成)进度(?:为|达到|达|是|：|:)?\s*$")
# --- counts2 (wt-counts2) ---
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
