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
