"""Years and dates: the period a report reviews, dated values and events, review work, cited
documents, date ranges and form titles.
"""

from __future__ import annotations

import re

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
# The act a date's clause says was done then, within the clause (分别于2020年2月21日下达; 于2022年10月11日按比例给各镇街
# 分配救灾资金; 项目于2019年6月启动建设; 2019年4月,资金下达到攀枝花市东区; 2019年9月中旬宁国市应急管理局印发《…》;
# 2022年中共银川市兴庆区委农村工作领导小组下达第一批…资金): what a date that opens its clause, or follows 于, dates.
EVENT_ACT_AFTER = re.compile(
    r"(?:底|初|末|中旬|上旬|下旬|份)?[^。；;，,\n《]{0,30}?[，,]?[^。；;，,\n《]{0,30}?"
    r"(?:下达|下發|下发|拨付|撥付|分配|印发|印發|启动|啟動|召开|召開|开展|開展|组织|組織|批复|批復|立项|立項|成立|开工|開工|"
    r"竣工|验收|驗收|支付|发放|發放|兑付|兌付|上报|上報|报送|報送|签订|簽訂|招标|招標|采购|採購|安排|承担|承擔|实施|實施|完成)"
)
# What makes the act a date's clause states one planned or due, not done (计划2020年春节后动工; 2022年底前完成建设任务;
# 力争2023年6月完成): a plan's or a deadline's date, not an event's.
PLANNED_ACT = re.compile(
    r"计划|計劃|将于|將於|将在|將在|拟|擬|预计|預計|力争|力爭|争取|爭取|确保|確保|之前|以前|(?:底|末|月|日)?前"
)
# After the first month of a span (2021年3月至2021年10月,开展了项目建设): the span's, not an event's date.
SPAN_ON_AFTER = re.compile(r"\s*(?:底|初|末|中旬|上旬|下旬|份)?\s*(?:至|到|~|～|-|－|—|起)")
# After a date, what makes it a deadline: 2021年11月30日前完成, 6月底前, 年内.
DUE_BY = re.compile(r"(?:底|末)?\s*(?:前|之前|以前|内)")
# Before a year its sentence gives as the cause of a change over the year before (收支较上年决算数减少701.01万元、
# 下降18.5%,主要原因是2020年有…收入710万元; …减少3,888.01万元、下降14%,主要原因是区交通局2020年凌云路项目…): the
# year compared with, which dates a value of that year, not a stray one.
COMPARISON_CAUSE_BEFORE = re.compile(r"(?:较|比|与)[^。！？\n]{0,12}?(?:上年|上一年|去年|\d{4}\s*年)[^。！？\n]*?原因")
# Before a date an act is done on: 于 (分别于, 已于), or the act named before it (立项于2020年2月4日, 成立于…).
EVENT_ON_BEFORE = re.compile(r"于\s*$")
EVENT_NAMED_BEFORE = re.compile(
    r"(?:立项|立項|成立|开工|開工|启动|啟動|实施|實施|下达|下達|批复|批復|竣工|验收|驗收)于\s*$"
)
# After a year that opens a clause, what is no act of that year: a list of years (2022年、2023年), a year's name in
# brackets or a form's title ((2021年度), 2019年度资产负债情况表), a column of a table (2023 年决算数), a span of months
# the date reader does not take for a month (2023年3—6月).
NOT_OPENING_ACT_AFTER = re.compile(
    r"(?:度)?\s*(?:[、~～\-－—至到]|\d{1,2}\s*[~～\-－—至到]|[)）]|[^。；;，,\n]{0,16}?(?:表|数|數)(?:[\s|｜)）]|$))"
)

# A value the year dates, a phrase after it: 2021年预算收入…, 2023年自治区下达桂林市…资金共33832.24万元; its
# words may list with 、 (2024年省、市、区预算安排下达的…资金共计2373.51万元; 2024年度收、支总计均为1523.26万),
# but not open with it (2022年、2023年…: a list of years); they may name a fund or a scope in brackets
# (2023年下达镜湖区中央转移支付资金(残疾人事业发展补助资金)29.6万元; 本部门2019年度收支总计(含结转和结余)1323.65万元),
# and their number is no year (下达2024年中央财政林草专项资金预算(第三批)于2025年2月26日: a date).
DATED_VALUE_AFTER = re.compile(
    r"^[\u4e00-\u9fa5“”](?:、?[\u4e00-\u9fa5“”]|[（(][\u4e00-\u9fa5、“”]{1,20}[)）]){0,27}?"
    r"(?:为|达|达到|是|共|共计|合计)?\s*(?!(?:19|20)\d{2}\s*年)\d"
)
# A year that frames its clause, standing at its start (after a list mark at most): 2021年,包含补助…
# 774万元; 2021年森林防火期,我市共发生森林火灾3起; 一是2020年,东阳市…送戏下乡197场.
FRAMING_AFTER = re.compile(r"(?:度)?[\u4e00-\u9fa5]{0,8}[，,]")
# A year that heads an account of its state, the clause's subject (2021年度部门收入情况：天城镇人民政府收入4286.67万元;
# 2020年度分解下达中央转移支付项目绩效目标情况,一是布达拉宫管理处年初预算内项目资金6152万元): the values after it, in
# its sentence, are that year's.
SITUATION_HEADING_AFTER = re.compile(r"度?[\u4e00-\u9fa5]{0,24}?情况\s*[:：，,]")
# A year before a stage of a plan, its clause ending there (村集体投资种植优质李子树30亩,2020年挂果,2021年投产,预计每年
# 每亩产李子1000公斤; 梨子圆50亩,2023年投产,每年亩产1500公斤): a schedule, when the project bears or runs, not the
# year of the values the next clause states (those are yearly figures of the plan).
SCHEDULE_STAGE_AFTER = re.compile(
    r"(?:度|底|末)?(?:开始|可|将|即可|全面|陆续|逐步|正式)?"
    r"(?:挂果|投产|达产|见效|丰产|建成|完工|竣工|开工|投入使用|投入运营|运营)\s*[，,]"
)
CLAUSE_OPENING = re.compile(
    r"(?:[一二三四五六七八九十]是|\d{1,2}[.．、]|[（(][一二三四五六七八九十\d]{1,3}[)）]|\s)*"
    r"(?:(?:我|本|全)[县市区镇乡局省州旗]|[\u4e00-\u9fa5]{2,4}[省市县镇乡])?"
)
# What a state is stated at (截止2023年12月31日,…使用资金…): only a year-end date dates its value.
AS_OF_BEFORE = re.compile(r"(?:截至|截止|截止到|截至到)\s*$")
# After an as-of month that frames its clause (截至2021年8月底,全市财政直达资金总额…; 截止2023年11月30日,已完成拨付…):
# the report's state when written. Inside a clause (截至2020年6月底完成投资80%) it may be a project's past.
AS_OF_FRAMES_AFTER = re.compile(r"\s*(?:底|末|份|止)?\s*[，,]")
# Before a year that dates no value: 含2023年…, 较2021年…, 于2021年…, 2019-2021年, 根据2020年…(a reference).
NOT_DATING_BEFORE = re.compile(r"(?:含|于|自|截至|截止|从|至|到|较|比|与|同|根据|依据|按照|参照|（|\(|-|－|—|~|～)\s*$")
# Before a month date that is a state or a comparison, not an event: 截至2021年6月底完成投资80%.
NOT_EVENT_BEFORE = re.compile(r"(?:较|比|截至|截止|自|从|至|到)\s*$")
# Words that join a value's measure to its number, left out when two measures are compared.
MEASURE_NOISE = re.compile(r"[\s，,、：:“”]|(?:为|达到|达|是|共计|合计|共)$|^(?:度|底|末)")
# A sentence saying which year the report reviews: 对2018年度预算绩效进行自我评价, 对我县2021年学前教育促进工程项目
# 工作进行自评 (the reviewer's own scope between, 我县, 本单位, at most); the review done of a
# year's projects (我局组织开展了2022年重点项目绩效评价工作; 现已完成中江县2022年衔接资金实施项目绩效目标自评).
REVIEW_STATEMENTS = (
    re.compile(
        r"对\s*(?:(?:我|本|全)[县市区省州旗局委镇乡]|本(?:单位|部门)|我(?:单位|部门))?\s*"
        r"(?P<date>(?:19|20)\d{2}\s*年度?)[^。；;，,\n《》]{0,50}?(?:自我评价|自评|评价)"
    ),
    re.compile(
        r"(?:开展|完成)了?[^。；;，,\n《》\d]{0,12}?(?P<date>(?:19|20)\d{2}\s*年度?)(?!\s*\d{1,2}\s*月)"
        r"[^。；;，,\n《》年]{0,30}?(?:自我评价|自评|评价)"
    ),
    # what the report puts out, of one year (现将2021年度下达我县的…资金的绩效目标自评情况予以公开; 现将巩义市
    # 2023年度衔接资金绩效自评情况报告如下; 现将我市2022年体育彩票公益金使用情况公告如下), no other year before its verb
    re.compile(
        r"现将\s*[\u4e00-\u9fa5]{0,12}?(?P<date>(?:19|20)\d{2}\s*年度?)(?!\s*\d{1,2}\s*月)"
        r"[^。；;\n《》年]{0,60}?(?:情况|报告|结果|表)[^。；;\n年]{0,12}?(?:如下|予以|公开|公告|公示)"
    ),
)
# The year the report says it reviews: those sentences; 自评表(2022年度); 2020年度县级专项资金绩效目标自评表;
# 关于2020年中央自然灾害救灾资金绩效自评情况的报告.
REVIEW_YEAR = (
    *REVIEW_STATEMENTS,
    re.compile(r"[（(]\s*(?P<date>(?:19|20)\d{2}\s*年度)\s*[)）]"),
    re.compile(
        r"(?P<date>(?:19|20)\d{2}\s*年度?)[^。；;，,\n《》年]{0,40}?(?:(?:自评|评价)(?:情况的?)?(?:报告|表)|自评结果)"
    ),
)
# After a year, the final accounts of that year (北京市文物局2021年度部门决算; …分局2019年决算公开报告; 2022 年度单位
# 决算表): a 决算 is drawn up for the year it closes, the year a final-accounts report reviews. Not 决算数, a year's
# column in a comparison (2022 年决算数 | 2023 年预算数), nor a document listed among others (收集…
# 2021年预算报表及说明，2021年决算报表、2021年工作计划…: the evidence gathered).
YEAR_ACCOUNTS_AFTER = re.compile(r"度?\s*(?:部门|单位)?\s*决算(?!数)(?![^，,。；;、\n]{0,8}、)")
# Before a bracketed year that states the review's year: a form's or a report's title (绩效自评表 (2022年度),
# 部门整体支出绩效评价自评报告\n(2023年度)). After any other name the bracket qualifies that name (…绿化养护项目
# (2021年度) in a row of an evaluation-results table: that project's year), and states no review year.
BRACKETED_YEAR_TITLE_BEFORE = re.compile(r"(?:表|自评|报告)[\s|｜]*[（(]\s*$")
BRACKETED_YEAR_BEFORE = re.compile(r"[（(]\s*$")
# Before a year that names another review than this one: 根据2020年度绩效自评报告….
NOT_REVIEW_BEFORE = re.compile(r"(?:根据|依据|按照|结合|参照|对照)\s*$")
# The review's own work, done in the period or after it: 于2022年7月25日至26日,对该项目…进行了调查;
# 2022年12月,第三方咨询单位已编制完成海绵城市自评估报告.
REVIEW_WORK_AFTER = re.compile(
    r"(?=[^。；;\n]{0,60}?(?:自评|绩效))"
    r"[^。；;\n]{0,40}?(?:进行了?|开展了?|组织|完成了?)[^。；;\n]{0,16}?(?:自评|评价|评估|调查|核查|考核)"
)
# A span of months: 2022年3月-2022年11月, 2021年 1 月起至 2021 年 12 月止, from a day (起止时间:2024 年 1 月 1 日-
# 2024 年 12 月 31 日; 实施期限2020年1月1日至2020年12月31日); 元月 is January (该项目实施期为
# 2019年元月至2019年12月; 項目起止時間 | 2020年元月起至2020年12月止).
MONTH_RANGE = re.compile(
    r"(?P<y1>(?:19|20)\d{2})\s*年\s*(?P<m1>1[0-2]|0?[1-9]|元)\s*月\s*(?:\d{1,2}\s*日\s*)?(?:起|份)?\s*"
    r"(?:至|到|-|－|—|~|～)\s*(?P<y2>(?:19|20)\d{2})\s*年\s*(?P<m2>1[0-2]|0?[1-9])\s*月(?:\s*\d{1,2}\s*日)?"
)
# Before a span of months that is the project's own implementation period, a field of the form or its
# sentence: 项目起止时间\n\n2016年1月起至…, 項(xiàng)目起止時(shí)間\n\n2021年 1 月起至… (a page's pinyin inside the
# word), 项目起止时间 |\n2020年元月起至…, 专项实施期2022年3月-…, 该项目实施期为2019年元月至….
_PINYIN = r"(?:\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,8}\))?"
IMPLEMENTATION_SPAN_BEFORE = re.compile(
    rf"(?:起止|实施|實{_PINYIN}施|执行|執{_PINYIN}行)(?:时间|時{_PINYIN}間|期|周期|週期)"
    r"(?:为|為)?[\s|｜:：]*$"
)
# The name a year stands in, up to its first name ending: **河县2023年度中央水利发展资金项目 →
# 中央水利发展资金; 2024年固始县祖师庙镇仰天洼社区产业设施配套项目. Six characters at least, so a
# generic 财政资金 names nothing. A name may list places with 、 (同心县2022年下马关镇上垣、下垣村乡村振兴人居环境
# 综合整治示范村项目) and qualify a part in brackets, a line break before them at most (2021年度市级财政巩固拓展脱贫成果
# (应急救助项目)第一批补助资金; …脱贫成果⏎⏎(应急救助项目)…): its Chinese characters alone (NAME_MARKS left out)
# are the name, so 2021年市级财政巩固拓展脱贫成果应急救助项目 is the same one.
YEAR_NAME_AFTER = re.compile(
    r"度?(?P<name>[\u4e00-\u9fa5](?:[\u4e00-\u9fa5、]|\s{0,3}[（(]|[)）]){3,33}?(?:资金|项目|工程|经费))"
)
NAME_MARKS = re.compile(r"[^\u4e00-\u9fa5]")
# Before a date in a timeliness indicator's cells (its target, then its actual): 项目完工时限 | 2023年12月 |
# 2023年10月; 整体完成时间\n\n2021年12月31日\n\n2021年12月31日. The work is due, and done, in the period.
DEADLINE_CELL_BEFORE = re.compile(
    r"(?:时限|完成时间|完工时间|竣工时间|完成时效|时间节点)\s*[|｜\n]\s*"
    r"(?:(?:19|20)\d{2}\s*年[^|｜\n]{0,12}\s*[|｜\n]\s*)?$"
)
# A timeliness indicator's deadline written in a line of its own (时效指标 2022年底之前 2022年底之前; 产出时效指标:
# 项目完成时间年初指标值为2023年12月底): the label within its line, before the date.
# Only an indicator's (时效指标, 指标值): a project's own 完工时限为2024年12月 in prose may run past the year.
DEADLINE_LABEL_BEFORE = re.compile(r"(?:时效指标|時效指標|指标值|指標值)[^。；;\n]{0,16}$")
YEAR_END_AFTER = re.compile(r"\s*(?:12\s*月\s*)?(?:底|末)")
# A table's title line: its year, then what it tabulates (2019年度资产负债情况表; 2018年中职学校国家助学金和免学费
# 补助资金安排表; 2023年耕地地力保护补贴发放明细.pdf): the year its figures are of.
TABLE_TITLE_AFTER = re.compile(
    r"度?[\u4e00-\u9fa5（）()、“”]{2,40}?(?:表|明细|清单)(?:\.(?:pdf|xlsx?|docx?|wps|et))?[ \t|｜]*(?:\n|$)"
)
TABLE_TITLE_BEFORE = re.compile(r"(?:^|\n)[\s|｜]*(?:附件\s*\d*\s*[:：、.．]?\s*)?$")

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
# Of those, the date a form was filled in or handed in (填报日期:2023年4月6日, 填报日期 2024年 2月26日),
# which follows the year it reviews within a year — unlike a web page's 发布日期, which may be years later.
FORM_FILED_BEFORE = re.compile(r"(?:填报|报送|编制)(?:日期|时间)[\s:：|｜]*$")
# After the date a notice that allocates a year's funds came on (2024年7月3日,《财政部 民政部关于下达2024年
# 中央集中彩票公益金…的通知》): before that year only an advance allocation, which says so (关于提前下达…).
NOTICE_AFTER_DATE = re.compile(
    r"[^《。；;\n]{0,20}《[^《》\n]{0,40}?(?<!提前)下达\s*(?P<year>(?:19|20)\d{2})\s*年[^《》\n]{0,80}》"
)
# A cited notice allocating a year's funds, in advance or not (《财政部关于提前下达2022年水污染防治资金预算的通知》,
# 《…关于下达2022年水污染防治资金预算(第二批)的通知》): a funds review is of the year whose funds were allocated.
ALLOCATING_NOTICE = re.compile(r"《[^《》\n]{0,40}?下达\s*(?P<year>(?:19|20)\d{2})\s*年[^《》\n]{0,80}》")
# A cited notice that sets off the evaluation of a fiscal year (《财政部关于开展2022年度中央对地方转移支付预算
# 执行情况绩效自评工作的通知》; 《县财政局关于开展2021年度财政支出项目和部门整体支出绩效自评工作的通知》): the year
# its evaluation is of, the one a report written on it reviews. Only a 年度: 《…关于做好2024年部门(单位)绩效评价
# 工作的通知》 names the year the work is done in, the year after the one reviewed.
EVALUATION_NOTICE = re.compile(
    r"《[^《》\n]{0,60}?(?:开展|做好|開展)\s*(?P<year>(?:19|20)\d{2})\s*年度[^《》\n]{0,60}?(?:自评|评价|評價|自評)[^《》\n]{0,30}》"
)
# A cited notice approving a year's budget (《关于批复2018年县级部门预算的通知》; 《湘西自治州财政局关于2018年州直部门
# 预算批复的通知》; 《保山市财政局关于2017年部门预算的批复通知》): the budget a review of that year reviews.
BUDGET_APPROVAL_NOTICE = re.compile(
    r"《[^《》\n]{0,40}?(?:批复|批復)\s*(?P<year>(?:19|20)\d{2})\s*年[^《》\n]{0,40}?预算[^《》\n]{0,30}》"
    r"|《[^《》\n]{0,40}?(?P<year2>(?:19|20)\d{2})\s*年[^《》\n]{0,30}?预算(?:的)?(?:批复|批復)[^《》\n]{0,30}》"
)
# A cited plan for a year's funds or work (《同心县2022年巩固拓展脱贫攻坚成果同乡村振兴有效衔接实施方案》;
# 《2021年农业生产发展等专项资金使用方案的报告》; 《…关于下达2020年第一批财政专项扶贫资金项目计划的通知》): the year a
# review of it reviews (13 of 14 in dev, pools and seeds). Not years listed or spanned (《…收回2019年、2020年…资金
# 重新安排项目资金实施方案》, 2021-2023年).
PLAN_NOTICE = re.compile(
    r"《[^《》\n]{0,40}?(?<![\d、])(?P<year>(?:19|20)\d{2})\s*年度?(?![、\-－—~～至到])[^《》\n]{0,60}?"
    r"(?:实施方案|使用方案|分配方案|工作方案|资金方案|项目计划|工作计划|实施计划)[^《》\n]{0,10}》"
)
# Before a cited notice whose funds came over from an earlier year (上年结转《…下达2021年…的通知》资金): another
# year's allocation by its nature.
CARRIED_OVER_BEFORE = re.compile(r"结转|结余|結轉|結餘|上年|以前年度|往年")
# A notice that settles a year's funds after it (关于下达2023年…清算资金的通知), dated in a later year by
# its nature: not a notice that allocates the year's funds.
NOTICE_SETTLES = re.compile(r"清算|结算")
# The year a 自评表 names in its own title — 2022年度项目支出绩效自评表, 项目支出绩效自评表（2022年度）:
# the form's statement of the year it reviews, which outweighs a year in a name it repeats.
FORM_TITLE_YEAR = re.compile(
    r"(?P<year>(?:19|20)\d{2})\s*年度\s*(?:项目支出|部门整体支出|整体支出|部门|单位)?\s*绩效自评表"
    r"|绩效自评表\s*[（(]\s*(?P<year2>(?:19|20)\d{2})\s*年度\s*[)）]"
)
# A year's planned work reported done: 按计划完成2021年度省道公路建设; 完成2023年度53戶計劃任務. Its 年度
# and a plan or a task after it: 完成2019年…稽查整改 (last year's work finished now) is no such statement.
TASK_DONE_BEFORE = re.compile(r"完成\s*$")
TASK_DONE_AFTER = re.compile(
    r"[^。；;，,、\n]{0,20}?(?:计划任务|計劃任務|建设任务|建設任務|任务|任務|建设|建設)(?=[。；;，,\n]|$)"
)
# A web page's date written with dashes, after the word that says it was put out: 发布时间:2022-06-01,
# 发布日期 ] 2021-08-03, 发布日期:2024-12-11 (a 时间: 2023-12-26 alone may be anything's).
WRITTEN_ON_DASHED = re.compile(
    r"(?:填报|报送|编制|报告|发布|成文)(?:日期|时间)[\s:：|｜\]]{0,4}(?P<year>(?:19|20)\d{2})-(?P<month>1[0-2]|0?[1-9])-\d{1,2}(?!\d)"
)
