"""Money units and unit slips: amounts the text ties together across 元 and 万元, prices and per-
person rates that never count.
"""

from __future__ import annotations

import re

from review.core.numbers import ASCII_DIGITS, WIDE_DIGITS

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
# Of those, the wording of a principal funds figure: what was allocated, budgeted, received or spent in all
# (资金下达42万元, 共计下达…转移支付资金3580.69万元, 以上资金合计113.5万元, 2023年度收入合计6567.06万元,
# 分配各县(区)…235万元), not what is left over (结余, 剩余) or one price or payment:
# such a figure is of the report's scale.
UNIT_PRINCIPAL_LABEL = re.compile(r"下达|安排|拨付|分配|合计|共计|总计|总额|总投资|收入|支出|预算|到位|投入")
UNIT_LEFTOVER_LABEL = re.compile(r"结余|剩余|结转|未执行|未使用|节约|差额|增加|减少|调减|调增|追加")
# A funds table's header that names the unit of its cells (资金情况(万元)年度资金总额全年预算数(A)300…, 项目资金
# (万元) 年初预算数 全年预算数…), and where its cells end: the targets and indicators that follow (年度总体目标,
# 一级指标二级指标三级指标) state amounts in their own units (医疗收入达到5亿元).
UNIT_HEADER = re.compile(r"(?:资金情况|项目资金|预算执行情况)\s*[（(]\s*(?P<unit>亿元|万元|元)\s*[)）]")
UNIT_HEADER_END = re.compile(r"年度总体目标|总体目标|年度目标|绩效指标|一级指标|二级指标|三级指标")
# One level's or one source's share of the budget, not the department's or the project's whole:
# 2024年度县本级预算安排的衔接资金为76万元 (beside 安排财政衔接资金2110万元), 巩义市本级资金3908万元, 中央补助…资金,
# 省级资金621万元. Levels joined (省、市、区预算安排…共计2373.51万元, 中央及省级资金) name the whole of theirs.
BUDGET_SHARE = re.compile(
    r"(?:[省市县区州旗乡镇]|自治区)?本级|中央|(?:自治区|[省市州县区旗乡镇])级|地方配套|配套资金|自筹"
)
# A budget word in a comparison names the difference after it, not the budget (决算数大于预算数55.93万元,
# 比上年预算数增加12万元).
BUDGET_DIFFERENCE = re.compile(
    r"大于|小于|超过|超出|多于|少于|高于|低于|相比|比上年|增长|增加|下降|减少|提高|降低|上升"
)
# Earlier in its sentence, what makes every amount after it a part (2022年预算收入 3167.20万元，其中：一般公共预算收入
# 1794.96万元，政府性基金收入1372.23 万元; 预算收入69.06万元,其中年初预算57.28万元).
BUDGET_PARTS_LEAD = re.compile(r"其中")
BUDGET_LEVELS_JOINED = re.compile(
    r"(?:中央|自治区|[省市州县区旗乡镇])级?(?:财政)?\s*[、及和与]\s*(?:中央|自治区|[省市州县区旗乡镇])级?"
)
# A year's spending or one of its aggregates: it may draw on funds carried over or from other sources, so
# it is no single payment the year's budget bounds (2022年预算收入69.06万元…其他资金来源21.31万元…2022年支出76.36万元,
# 其中基本支出76.36万元).
SPENDING_AGGREGATE = re.compile(r"(?:\d{4}年度?|本年度?|年度|全年)支出$|总支出$|基本支出|项目支出|支出合计|支出总计")
# A form's unit stated in its header above a block of bare numbers (年度预算申请 (万元 … 年度资金总额:2030.12):
# the unit of the block's amounts when the block's own lines write none, looked for HEADER_UNIT_REACH characters up.
HEADER_UNIT = "万元"
HEADER_UNIT_REACH = 300
# How numbers are written that the readers read in one way (review.extract.view), character for character:
# full-width digits and signs (２０２２年, ３１６７．２０万元, １００％) as ASCII, and the traditional money units
# 萬 / 億 as 万 / 亿 in any text (a simplified report may write 萬元).
NUMBER_WIDTHS = str.maketrans(WIDE_DIGITS + "萬億", ASCII_DIGITS + "万亿")
# A thousands separator inside an amount (33,832.24万元, 2,814.76): left out of the view, so that no reader
# takes the comma for the end of a clause. Only a comma with exactly three digits after it, in a number that
# starts with one to three digits and is not a list of numbers (1,2,3 / 2021,2022).
THOUSANDS_COMMA = re.compile(r"(?<![\d,.])\d{1,3}(?:,\d{3})+(?![\d,])")
