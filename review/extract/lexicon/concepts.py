"""One fact of a project named in different words (review/extract/rules/concepts.py): the concept
classes a label's last words name, and the words that make a statement another fact.

Each class is matched at the end of a quantity's label (the words right before its number); the
class decides which statements are of one fact, never their values.
"""

from __future__ import annotations

import re

# The classes, by the label's ending. 项目资金 alone is the project's funds in general: it is the
# investment or the budget, whichever of the two the report names (CONCEPT_GENERIC).
CONCEPT_CLASSES: dict[str, re.Pattern[str]] = {
    # 计划投资2179万元 (r2-06), 项目总投资39.2696万元 (r5-11)
    "项目总投资": re.compile(r"(?:批复|计划|核定)?(?:总投资|计划投资|投资总额|批复投资|投资计划)(?:额|金额)?$"),
    # 下达2022年乡村振兴衔接资金100万元 / 资金预算100万元 (r12-05), 项目资金支出预算共计 / 项目预算安排 (r3-15)
    "项目预算资金": re.compile(
        r"(?:预算安排|安排预算|资金预算|项目预算|支出预算|预算资金)$"
        r"|(?:下达|安排|批复)[^，,。；;：:]{0,16}?(?:资金|预算|经费)$"
    ),
    # 年初预算 is the budget before the year's adjustments (年初预算合计2389万元, 年中调减300万, 全年预算数2089万元 —
    # r20-04): another fact than the budget the year ends with, one only with itself restated
    "年初预算": re.compile(r"年初预算(?:数|资金|金额)?$"),
    # 项目资金共2179万元 (r2-06), 项目资金共39.2696万元 (r5-11)
    "项目资金": re.compile(r"^(?:本|该)?项目(?:资金|资金总额)$|^资金总额$"),
    # 已拨付资金269.30万元 / 实际发放补贴资金269.3万元 (r2-10), 已拨付工程款 (r12-10)
    "已支付资金": re.compile(
        r"(?:已|实际)[^，,。；;：:]{0,10}?(?:拨付|支付|发放)(?:补贴|补助|项目|工程)?(?:资金|款|金额)?$"
        r"|实际支出(?:资金|金额)?$"
    ),
    # 受益群众达31500人 (r8-06), 受益移民人口14895人 (r6-18), 惠及群众
    "受益人数": re.compile(r"(?:受益|惠及)[\u4e00-\u9fa5]{0,2}?(?:群众|人口|人数|人员)$|(?:涉及|覆盖)(?:群众|人口)$"),
}
CONCEPT_GENERIC = "项目资金"
CONCEPT_GENERIC_JOINS = ("项目总投资", "项目预算资金")
# The classes of people, and the units they are counted in (31500人, 31500口人); the others are money.
CONCEPT_PEOPLE = ("受益人数",)
PEOPLE_UNITS = ("人", "口人", "名")
# A word before the class that makes the statement a share, a part, another period or a need, not
# the project's whole of it (县级安排877万元 of 共需资金8144万元, 下达第一批…, 累计…, 间接受益…).
CONCEPT_QUALIFIER = re.compile(
    r"中央|省级|市级|县级|区级|乡级|镇级|本级|省财政|市财政|县财政|区财政|自筹|配套|地方|其中|上年|结转|结余"
    r"|累计|剩余|尚|未|待|间接|直接|人均|每|平均|第[一二三四五六七八九十\d]+批|批次|季度|上半年|下半年"
    r"|需|估算|概算|调整|追加|新增|增加|减少|超|不足|差额|节约|部分|另|分别|各"
)
# A level's finance bureau as the one that allots (2020年县财政下达资金603万元 — r2-11, 2023年县财政共下达我局
# 财政衔接资金8010万元 — r2-21): who allots the whole, not a level's share of it (县级安排877万元).
CONCEPT_ISSUER = re.compile(r"[省市县区]财政(?:局|厅)?共?(?=下达|$)")
# What may stand before the class without naming another thing: who speaks or allots, the year, the
# project's own pronoun (我县2022年…, 中共…领导小组下达…, 该项目已拨付…).
CONCEPT_FILLER = re.compile(
    r"^(?:我县|我区|我市|我局|我委|我镇|我乡|我单位|本单位|本部门|全县|全区|全市|截至|截止|目前|共|全年|本年度|本年"
    r"|当年|年度|(?:19|20)\d{2}年度?|[\u4e00-\u9fa5]{2,20}?(?:领导小组|财政局|财政厅|财政部|人民政府|委员会)"
    r"|该项目|本项目|项目|该|本|通过)+"
)
# A project's own name in a label (农村公路通村道路建设项目计划投资, 青连铁路项目预算安排): what is
# left after the filler, up to 项目 / 工程.
CONCEPT_PROJECT_NAME = re.compile(r"(?P<name>[\u4e00-\u9fa5]{2,30}?(?:项目|工程))$")
CONCEPT_PROJECT_IN = re.compile(r"(?P<name>[\u4e00-\u9fa5]{2,30}?(?:项目|工程))")
CONCEPT_NOT_A_NAME = re.compile(r"^(?:该|本|此|各|全部|项目|工程)+$")
# An enumerated line that heads an analysis (2、项目资金执行情况分析。项目资金共…): its amount is not
# one item of a list.
ANALYSIS_LINE = re.compile(r"[^。；;\n]{0,30}?(?:情况|分析)[。.：:]")
CONCEPT_YEAR = re.compile(r"(?:19|20)\d{2}(?=年)")
# A clause of an enumeration in the sentence before the statement (一是布达拉宫管理处,下达预算资金…):
# the statement is one of several.
CONCEPT_ENUMERATED_CLAUSE = re.compile(r"[一二三四五六七八九十][是则]|其[一二三四五六七八九十]")
