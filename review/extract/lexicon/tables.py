"""Tables: the headers that announce a 自评表's tables, grid row kinds (合计, 小计, 其中), column names and
cell gaps.
"""

from __future__ import annotations

import re

# The columns that announce a 自评表's tables (review.extract.rules.unchecked): the indicator table
# by 分值 … 得分, the 项目资金 block by 预算数 … 执行数, each name maybe split by spaces or lines.
SCORE_TABLE_WEIGHT_COLUMN = r"分\s*值|权\s*重|标\s*准\s*分"
SCORE_TABLE_SCORE_COLUMN = r"(?:自\s*评\s*)?得\s*分"
FUNDS_TABLE_BUDGET_COLUMN = r"预\s*算\s*数|预\s*算\s*金\s*额"
FUNDS_TABLE_EXECUTED_COLUMN = r"执\s*行\s*数|执\s*行\s*金\s*额|实\s*际\s*支\s*出"
FUNDS_TABLE_RATE_COLUMN = r"执\s*行\s*率"
# What may stand between two column names of one header: other names, cell borders, brackets, spaces.
HEADER_GAP_CHAR = r"[\s|｜()（）A-Za-z/\u4e00-\u9fff]"
# The total row of a list of records one cell a line (支出内容 | 金额 | 日期 … 支出合计 | 550000): the cell itself.
RECORD_TOTAL = re.compile(r"(?:支出|收入|资金)?合\s*计|总\s*计")
# A subtotal inside such a list: the records are nested, not read.
RECORD_SUBTOTAL = re.compile(r"小\s*计")
# A header cell naming the records' amount column (实际支出数, 补助资金(万元)): the list starts after it.
RECORD_AMOUNT_HEADER = re.compile(r"资金|金额|支出|收入|费用|[（(]\s*万?元\s*[)）]")
# Tables read by their row labels and header (review/extract/rules/grid_totals.py). A row whose
# label is a total word closes the rows above it (or, first in its block, the rows below it):
# 合计, 总计, 本年收入合计, 支出合计, 收支总计, 合 计 (spaces removed before matching).
# A row the rows above it are reduced by (资产负债表: 减:累计折旧及减值准备, 减:累计摊销): a total over such rows
# is a net amount, not their sum.
GRID_SUBTRACTED_ROW = re.compile(r"^减[:：]")
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
# A cell that states a score (产出指标（50分）): a row's cell (its level and cap), never a column's name.
GRID_SCORED_CELL = re.compile(r"\d\s*分")
# A cell that is only a score or rate column's name: never a row's label.
GRID_COLUMN_NAME = re.compile(r"^(?:分值|得分|权重|执行率|预算执行率)$")
# A header of a score table (分值 | 得分): its totals are the score readers' (score_table, table_columns).
GRID_SCORE_HEADER = re.compile(r"分\s*值|得\s*分|权\s*重")
# A cell that holds no amount: empty, a dash or slash, 无.
GRID_BLANK_CELL = re.compile(r"^(?:[-—–－/／\\]+|无)?$")
# One side of a flattened 收入支出决算总表 (review/data/templates/final-accounts-summary.json): its header
# "收入 项目 行次 栏次 金额 1" / "支出 项目(按功能分类) 行次 栏次 金额 2", one amount column (the bare number
# after 金额 is that column's number); what ends a side: its note, or the next side's header.
FINAL_ACCOUNTS_SIDE = re.compile(
    r"(?P<side>收入|支出)\s*项目\s*(?:[（(][^）)]{0,12}[）)])?\s*行次\s*(?:栏次\s*)?金额(?=\s)"
)
FINAL_ACCOUNTS_SIDE_END = re.compile(r"注\s*[:：]")
# The table's unit (金额单位:元), stated over either side or after it (on the next page's header).
FINAL_ACCOUNTS_UNIT = re.compile(r"单位\s*[:：]\s*(万元|元)")
# A flattened side's words and numbers: each run of non-space characters is a token; an amount is a number
# (11,122,315.04, 0.00) and a row's 行次 a small bare integer (1 … 60).
FINAL_ACCOUNTS_TOKEN = re.compile(r"\S+")
FINAL_ACCOUNTS_AMOUNT = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")
FINAL_ACCOUNTS_ROW_NUMBER = re.compile(r"\d{1,3}")
# An ordinal before a row label (一、一般公共预算财政拨款收入): not part of its name.
ROW_ORDINAL = re.compile(r"^[一二三四五六七八九十]+[、.．]")

# The 部门决算情况说明's prose statement of its summary table (review.extract.rules.final_accounts_prose): what may
# stand between a row's words and its amount (收入总计163.83万元, 收入总计为163.83万元), and the qualifiers before the
# words that make them another scope or a comparison (财政拨款收入合计, 一般公共预算财政拨款支出合计, 较上年收入合计…).
FINAL_ACCOUNTS_PROSE_LINK = re.compile(r"\s*(?:为|是|[:：])?\s*")
FINAL_ACCOUNTS_PROSE_SCOPE = re.compile(
    r"(?:财政拨款|一般公共预算|政府性基金|国有资本经营|上年|较|比|同比|[收支]、)[\u4e00-\u9fa5]{0,6}$"
)
# What stands before a row's name without being part of it: its 其中, its numbering (3., 一、, （二）).
ROW_NAME_MARKS = re.compile(
    r"^(?:其中[:：]?|[\d一二三四五六七八九十]{1,3}[、.．]|[（(][\d一二三四五六七八九十]{1,3}[)）])+"
)
