"""Score tables and score headings: category names and caps, header column names, total rows, self-
scores and grades.
"""

from __future__ import annotations

import re

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
# The sign before an indicator's target value (年度指标值 ≥4754人, <=5300元/户, 不低于95%): which way
# the actual must lie for the target to be met.
TARGET_AT_LEAST = ("≥", ">=", "＞=", "≧", "不低于", "不少于", "大于等于", "大于", ">", "＞")
TARGET_AT_MOST = ("≤", "<=", "＜=", "≦", "不高于", "不超过", "不多于", "小于等于", "小于", "<", "＜")
# What may follow a target or actual value's unit in its cell: the per-unit tail (元/户, 元/人*月, 元/人·月)
TARGET_UNIT_TAIL = re.compile(r"(?:[/*·][\u4e00-\u9fa5]{1,2}){0,2}")
# The columns of an indicator table whose level cells span rows (一级指标 | 二级指标 | 三级指标 | … |
# 分值 | 自评得分), each header cell squeezed of spaces: its level columns, a 序号 column, the 分值
# column (a level's own cap right after it, the indicator's after the last level), the score column.
# The header's first level column as the text writes it, and a level column's name: 一级指标, or a
# rubric's 评价内容 | 评价指标(分值) (the caps in the cells).
SPAN_ANCHOR = re.compile(r"一\s*级\s*指\s*标|评\s*价\s*内\s*容")
SPAN_LEVEL_COLUMN = re.compile(r"^(?:[一二三四]级指标|评价内容|评价指标)(?:[（(]分值?[)）])?$")
SPAN_SERIAL_COLUMN = re.compile(r"^序号$")
SPAN_WEIGHT_COLUMN = re.compile(r"^(?:指标|标准)?(?:分值|权重|满分)$")
SPAN_SCORE_COLUMN = re.compile(r"^(?:自评|县级|实际|评价)?(?:得分|评分)$")
# Every word a header cell of such a table may be (the header ends at the first other cell).
SPAN_HEADER_WORD = re.compile(
    r"^(?:序号|(?:[一二三四]级指标|评价内容|评价指标)(?:[（(]分值?[)）])?|(?:指标|标准|自评|县级|市级|省级|实际|评价)?(?:分值|权重|满分|得分|评分)"
    r"|评分(?:标准|依据|要点|细则)|指标(?:说明|解释|内涵)?|县级|市级|省级|自评|备注|扣分(?:原因|理由|情况)\S{0,12})$"
)
# A header written on two rows (指标 | 县级 | 市级 over 分值 | 评分 | 评分): the top row's words and the
# bottom row's, which together name the columns.
SPAN_HEADER_TOP = re.compile(r"^(?:指标|标准|自评|县级|市级|省级|实际|评价)$")
SPAN_HEADER_BOTTOM = re.compile(r"^(?:分值|权重|满分|得分|评分)$")
# A level cell with its cap written in it: 投 入\n(15分), 预算配置(15分), 决策(10).
SPAN_CAP_IN_CELL = re.compile(r"^(?P<name>\S+?)[（(](?P<cap>\d{1,3}(?:\.\d+)?)分?[)）]$")
# The same cap as the raw cell writes it (spaces and line breaks kept), to locate its digits.
SPAN_CAP_DIGITS = re.compile(r"[（(]\s*(?P<cap>\d{1,3}(?:\.\d+)?)\s*分?\s*[)）]\s*$")
# An indicator's rule that grants bonus points (加1分, 最多加2分): its 得分 may pass its 分值.
SCORE_BONUS = re.compile(r"加\s*\d+(?:\.\d+)?\s*分|最多加|加分")
# A level column's header saying its cells state their caps: 评价指标(分值).
SPAN_CAPS_NAMED = re.compile(r"[（(]分值?[)）]$")
# The points a scoring rule grants (评分标准: 符合要求的得7分, …≦100%,计5分；无结余,3分；①…,1分): a number
# of 分 after 得/计/记/给 or a clause's separator — not a deduction (扣1分, 扣完7分为止), a bonus (加1分)
# or a range's end (1-2分), nor a word that begins with 分 (30分钟, 分局, 分批).
RULE_GRANT = re.compile(
    r"(?:得|计|记|给予?|满分为?|[，,；;：:、])\s*(?P<points>\d{1,3}(?:\.\d+)?)\s*分(?![值数析配别类项级档钟之局公中部册期批摊解布工散段组成])"
)
# The column of a table that holds each indicator's scoring rule, as its header cell names it.
RULE_HEADER = re.compile(r"^(?:评分|评价|考核|考评)(?:标准|方法|细则|办法)$")
# An indicator's cap written at the end of the cell that names it: 任务分解 (2分), 5.资金落实(10分), (7分).
CAP_AT_CELL_END = re.compile(r"[（(]\s*(?P<cap>\d{1,3}(?:\.\d+)?)\s*分\s*[)）]\s*$")
# A grant per item (每项得1分, 每个得2分): the rule states no full marks.
RULE_PER_ITEM = re.compile(r"每")
# What ends a rule's clause (a grant's condition is the text since the last of these).
RULE_CLAUSE_END = re.compile(r"[，,；;。\n]")
# What parts two grants that add up (…的,得2分；建立…的,得3分 and ①…1分；②…1分).
RULE_PART_END = re.compile(r"[；;。\n]")
# A lower tier of one measure (基本相符的得6分, 80%(含)-90%,计4分, 有结余,但不超过上年结转,2分): the
# grants are a ladder, the first the full marks.
RULE_TIER = re.compile(r"基本|部分|较|一般|低于|不足|以下|以上|不超过|未|[%％]|[（(]含[)）]|\d\s*[-—~～至]\s*\d")
# What may follow a score table's last row when the table ends the text (blanks, cell rules): the
# table's end, which closes its last category as a total row would.
AFTER_LAST_ROW = re.compile(r"[\s|｜]*")
