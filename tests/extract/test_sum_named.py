"""Totals whose parts follow in paragraphs of their own (sum_named.py), and totals whose next clause
names them again and lists their numbered parts (sum_headings.extract_listed_sums): the phrasings
are quoted from dev-corpus reports (short excerpts)."""

from review.extract.rules.scan import Scan
from review.extract.rules.sums import extract_sums
from tests.conftest import checks_of, doc_of


def _sums(text: str) -> list[tuple[str, list[str], str]]:
    scan = Scan.of(doc_of(text))
    q = {x.id: x for x in scan.quantities}
    return [(q[r.total].text, [q[i].text for i in r.items], r.basis) for r in extract_sums(scan)[0]]


# dev r9-08 (检察院 2019年度部门决算): two totals, 具体情况如下:, then one paragraph per kind of 财政拨款
PROSECUTOR = (
    "本部门2019年度财政拨款本年收入1205.11万元,比2018年度增加253.71万元,增长27%,主要是业务经费增加;"
    "本年支出1094.65万元,增加207.42万元,增长23%,主要是收入增长原因。具体情况如下:\n"
    "一般公共预算财政拨款本年收入979.53万元,比上年增加28.13万元;主要是增加了业务经费;"
    "本年支出869.0万元,比上年增加240.09万元,增长38%,主要是人员经费增加。\n"
    "政府性基金预算财政拨款本年收入225.58万元,比上年增加161.78万元,增长253%,主要原因是12309检察服务中心项目开展;"
    "本年支出225.58万元,比上年增加161.78万元,增长253%;主要是12309检察服务中心项目开展。\n"
    "(二)财政拨款收支与年初预算数对比情况\n"
    "本部门2019年度财政拨款本年收入1205.11万元,完成年初预算的70%。\n"
)


def test_each_total_takes_the_amount_named_like_it_from_every_paragraph_after_the_introduction():
    sums = _sums(PROSECUTOR)
    assert ("1205.11万元", ["979.53万元", "225.58万元"], "如下·同名分项") in sums
    assert ("1094.65万元", ["869.0万元", "225.58万元"], "如下·同名分项") in sums
    # the next section's restatement of the total is not a part: the parts stop at (二)
    assert not [s for s in sums if s[0] == "1205.11万元" and len(s[1]) > 2]


def test_the_paragraph_parts_that_do_not_add_up_are_reported():
    # 869.0 + 225.58 = 1094.58 ≠ 1094.65 (869.0 is written to 0.1: at most 1094.635)
    assert ("sum", "本年支出1094.65万元") in checks_of(PROSECUTOR, 2019)
    assert ("sum", "本部门2019年度财政拨款本年收入1205.11万元") not in checks_of(PROSECUTOR, 2019)
    wrong = PROSECUTOR.replace("979.53万元", "982.53万元")
    assert ("sum", "本部门2019年度财政拨款本年收入1205.11万元") in checks_of(wrong, 2019)


def test_paragraphs_of_other_years_or_of_a_kind_and_its_sub_kind_are_not_parts():
    years = PROSECUTOR.replace("一般公共预算财政拨款本年收入", "2018年财政拨款本年收入").replace(
        "政府性基金预算财政拨款本年收入", "2017年财政拨款本年收入"
    )
    assert not [s for s in _sums(years) if s[2] == "如下·同名分项" and s[0] == "1205.11万元"]
    # 财政拨款本年收入 then 政府性基金预算财政拨款本年收入: a kind and its own sub-kind
    nested = PROSECUTOR.replace("一般公共预算财政拨款本年收入", "财政拨款本年收入")
    assert not [s for s in _sums(nested) if s[2] == "如下·同名分项" and s[0] == "1205.11万元"]


def test_a_part_with_the_totals_label_and_value_is_still_read_as_a_part():
    # one kind's 本年支出 equal to the whole's (all spending was of 一般公共预算): whether a same-labelled amount is
    # a part is read from its paragraph's lead, never from the values being equal; 0 + 1094.65 = 1094.65
    one_kind = PROSECUTOR.replace("本年支出869.0万元", "本年支出1094.65万元").replace(
        "本年支出225.58万元", "本年支出0万元"
    )
    assert ("1094.65万元", ["1094.65万元", "0万元"], "如下·同名分项") in _sums(one_kind)
    wrong = one_kind.replace("本年支出0万元", "本年支出10万元")
    assert ("sum", "本年支出1094.65万元") in checks_of(wrong, 2019)


def test_the_introduction_must_end_its_paragraph():
    inline = PROSECUTOR.replace("具体情况如下:\n一般公共预算", "具体情况如下:一般公共预算")
    assert not [s for s in _sums(inline) if s[2] == "如下·同名分项"]


# dev r1-22 (西藏 文物保护专项资金): the total, a clause naming it again with 有:, then 一是…二是… whose
# first sentences state the parts and whose further sentences (具体是:…) tell more of the item
MUSEUMS = (
    "分解下达中央转移支付全区文物保护专项资金共22171万元,其中下达地市9397万元;区直文博系统12774.00万元。"
    "区直文博系统项目有:一是布达拉宫管理处,下达预算资金7765万元。具体是:布达拉宫雪城修缮展示工程项目3005万元;"
    "布达拉宫二期结构检测工程项目1235万元。二是西藏博物馆,下达预算资金5009万元,项目是西藏博物馆新馆展陈环境"
    "可移动文物预防保护项目。\n\n二、绩效目标分解下达情况\n"
)


def test_a_total_named_again_lists_its_numbered_parts_past_their_details():
    assert ("12774.00万元", ["7765万元", "5009万元"], "如下·分项") in _sums(MUSEUMS)
    assert ("22171万元", ["9397万元", "12774.00万元"], "其中") in _sums(MUSEUMS)
    assert ("sum", "区直文博系统12774.00万元") not in checks_of(MUSEUMS, 2020)
    # the report as published: 9378 + 5009 = 14387 ≠ 12774
    assert ("sum", "区直文博系统12774.00万元") in checks_of(MUSEUMS.replace("7765万元", "9378万元"), 2020)


def test_a_clause_with_you_that_does_not_name_the_total_again_lists_nothing():
    other = MUSEUMS.replace("区直文博系统项目有:", "主要项目有:")
    assert not [s for s in _sums(other) if s[0] == "12774.00万元" and s[2] == "如下·分项"]


# dev r3-08 (区域协作经费): numbered parts after 补助情况:, then prose of the same paragraph — the prose
# is skipped, and numbering that starts again is not the same list
COOP = (
    "2017年区域协作经费市级财政实际到位资金613万元,补助情况:(1)闽浙赣皖福州经济协作区经费和闽东北区协作办公费经费"
    "分别为3万元和10万元。(2)援宁经费50万元。(3)援藏工作经费550万元。2017年按计划各阶段目标顺利完成6个区域的工作,"
    "完成率为100%。(1)另行安排经费30万元。\n"
)


def test_numbered_parts_end_where_the_numbering_starts_again():
    assert ("613万元", ["3万元", "10万元", "50万元", "550万元"], "如下·分项") in _sums(COOP)


# 其中 opening numbered parts: the item phrasings of dev r3-08 ((1)…(2)…) and of seed report
# eval/samples/003 (①商品和服务支出149.5万元。其中：…⏎②…⏎③…)
def test_qizhong_opening_numbered_parts_reads_one_part_per_number():
    coop = "实际到位资金613万元,其中:(1)援宁经费50万元。(2)援藏工作经费20万元。(3)援疆工作经费543万元。\n"
    assert ("613万元", ["50万元", "20万元", "543万元"], "如下·分项") in _sums(coop)
    town = (
        "项目支出2808.44万元，其中：\n①商品和服务支出149.5万元。其中：办公费10.53万元，会议费138.97万元；\n"
        "②对个人和家庭的补助623.96万元，其中生活补助49万元，奖励金574.96万元。\n"
        "③资本性支出2034.98万元。其中：办公设备购置2.92万元，拆迁补偿2032.06万元。\n"
    )
    assert ("2808.44万元", ["149.5万元", "623.96万元", "2034.98万元"], "如下·分项") in _sums(town)
    assert ("sum", "项目支出2808.44万元") not in checks_of(town, 2021)
    assert ("sum", "项目支出2808.44万元") in checks_of(town.replace("623.96万元", "626.96万元"), 2021)


# A 其中 list stating a second breakdown of its total: the split of dev r9-08 (基本支出…;项目支出…) and of seed
# report eval/samples/001 (基本支出…，包括人员经费…；项目支出…), each followed by a breakdown by another measure
def test_a_second_breakdown_in_a_qizhong_list_is_its_own_sum_against_the_same_total():
    prosecutor = (
        "本部门2019年度本年支出合计1094.65万元,其中:基本支出664.70万元,占61%;项目支出429.96万元,占39%;"
        "按经济分类,工资福利支出600.00万元,商品和服务支出494.65万元。\n"
    )
    sums = _sums(prosecutor)
    assert ("1094.65万元", ["664.70万元", "429.96万元"], "其中") in sums
    assert ("1094.65万元", ["600.00万元", "494.65万元"], "其中") in sums
    assert ("sum", "本部门2019年度本年支出合计1094.65万元") not in checks_of(prosecutor, 2019)
    assert ("sum", "本部门2019年度本年支出合计1094.65万元") in checks_of(prosecutor.replace("600.00", "603.00"), 2019)
    town = (
        "2022年支出预算为3167.20万元，其中基本支出1086.51万元，包括人员经费1024.01万元和日常公用经费62.5万元；"
        "项目支出2080.69万元；按资金来源分，一般公共预算1794.96万元，政府性基金1372.24万元。\n"
    )
    sums = _sums(town)
    assert ("3167.20万元", ["1086.51万元", "2080.69万元"], "其中") in sums
    assert ("3167.20万元", ["1794.96万元", "1372.24万元"], "其中") in sums


# A line ending with its total, then lines numbered from 1 that each open with their amount: the items
# of dev r8-06 (美丽乡村: 二是美丽乡村建设600万元 …) and the lines of seed eval/samples/003 (基本支出1404.18万元。)
def test_lines_numbered_from_one_after_a_line_ending_with_its_total_are_its_parts():
    villages = (
        "我县美丽乡村示范村23个及自然村。共需资金8144万元。\n"
        "一是美丽乡村建设规划编制277万元\n二是美丽乡村建设600万元\n"
        "三是美丽乡村自然村的奖励5039万元(按照实施方案的要求)\n四是美丽乡村建设的实施2228万元\n(四)绩效目标\n"
    )
    assert ("8144万元", ["277万元", "600万元", "5039万元", "2228万元"], "标题·分项") in _sums(villages)
    assert ("sum", "需资金8144万元") in checks_of(villages.replace("600万元", "603万元"), 2019)
    town = (
        "天城镇人民政府支出4212.62万元。\n1.基本支出1404.18万元。\n2.项目支出2808.44万元。\n3.绩效目标完成情况分析。\n"
    )
    assert ("4212.62万元", ["1404.18万元", "2808.44万元"], "标题·分项") in _sums(town)


def test_numbered_lines_not_starting_at_one_or_a_line_not_ending_with_its_amount_are_not_parts():
    later = "天城镇人民政府支出4212.62万元。\n3.基本支出1404.18万元。\n4.项目支出2808.44万元。\n"
    assert not [s for s in _sums(later) if s[0] == "4212.62万元"]
    prose = "天城镇人民政府支出4212.62万元，预算资金全部到位。\n1.基本支出1404.18万元。\n2.项目支出2808.44万元。\n"
    assert not [s for s in _sums(prose) if s[0] == "4212.62万元"]


# Two totals in one sentence, each with its own 其中 list, joined by ；: the 收入/支出 statements of dev r9-08
# and of seed eval/samples/003, run together as reports often write them
def test_a_clause_after_a_semicolon_stating_the_next_total_with_its_own_list_is_not_a_part():
    prosecutor = (
        "本部门2019年度本年收入合计1205.11万元,其中:财政拨款收入1205.11万元;"
        "本年支出合计1094.65万元,其中:基本支出664.70万元,项目支出429.96万元。\n"
    )
    sums = _sums(prosecutor)
    assert ("1205.11万元", ["1205.11万元"], "其中") in sums
    assert ("1094.65万元", ["664.70万元", "429.96万元"], "其中") in sums
    assert not [c for c in checks_of(prosecutor, 2019) if c[0] == "sum"]
    town = (
        "天城镇人民政府收入4286.67万元，其中：一般公共预算财政拨款3286.6万元，其他收入1000.07万元；"
        "天城镇人民政府支出4212.62万元，其中：基本支出1404.18万元，项目支出2808.44万元。\n"
    )
    sums = _sums(town)
    assert ("4286.67万元", ["3286.6万元", "1000.07万元"], "其中") in sums
    assert ("4212.62万元", ["1404.18万元", "2808.44万元"], "其中") in sums
    # a part with its own 其中 list, named unlike the total, is still a part
    nested = "支出合计100万元，其中：基本支出60万元，其中人员经费50万元，公用经费10万元；项目支出40万元。\n"
    assert ("100万元", ["60万元", "40万元"], "其中") in _sums(nested)


# A section's closing total stated as one (总支出…), a heading, then the next section's paragraphs numbered
# (一), (二) … that each open with their amount: the uses of dev r15-10 (广水 体彩公益金, whose (一) has its
# own numbered 其中 list below it) and of dev r15-04 (溧阳 体彩公益金, 办赛补贴 written with a space).
GUANGSHUI = (
    "2024年本级体育彩票公益金总收入221万元,2024年体育彩公益金总支出221万元。\n"
    "二、本级体育彩票公益金使用情况\n"
    "(一)本级体育彩票公益金用于全民健身支出198万元,占总数的89.59%。其中:\n"
    "1.用于建设和维护公共体育场地和设施(捐赠体育健身器材)151万元;\n"
    "2.用于资助或组织开展全民健身活动9万元;\n"
    "3.用于资助群众体育组织和队伍建设38万元。\n"
    "(二)用于支持竞技体育资助项目23万元,占总数的10.41%。其中:\n"
    "1.用于体育赛事组织20万元;\n2.用于支持赛事参赛3万元。\n"
    "特此公告。\n"
)
LIYANG = (
    "2022年,我市体育彩票公益金预算安排 996.8182万元,总支出996.8182万元。\n"
    "二、2022年体育彩票公益金总支出情况\n"
    "(一)资助或组织开展全民健身活动136.00万元:主要用于28个全市群众性比赛活动类项目的公共体育服务购买。\n"
    "(二)援建和维护公共体育场地、设施支出603.4470万元:主要用于:笼式篮球场地建设302.10万元、健身路径器材采购"
    "229.854万元、设施设备维修维护62.157万元以及标识标牌制作安装9.336万元。\n"
    "(三)办赛补贴 191.3712万元:主要用于2022中国国际标准舞(体育舞蹈)锦标赛191.3712万元。\n"
    "(四)组织开展全民健身科学研究与宣传51.00万元:主要用于全民健身场地设施的全面普查。\n"
    "(五)资助群众体育社团组织和队伍建设发展15.00万元:主要资助市老年体协配套工作经费。\n"
    "我局严格执行《彩票公益金管理办法》等相关规定。\n"
)


def test_the_numbered_paragraphs_under_the_next_heading_are_the_parts_of_a_section_closing_total():
    assert ("221万元", ["198万元", "23万元"], "标题·分项") in _sums(GUANGSHUI)
    parts = ["136.00万元", "603.4470万元", "191.3712万元", "51.00万元", "15.00万元"]
    assert ("996.8182万元", parts, "标题·分项") in _sums(LIYANG)
    assert ("sum", "2024年体育彩公益金总支出221万元") in checks_of(GUANGSHUI.replace("23万元", "26万元"), 2024)
    assert ("sum", "总支出996.8182万元") in checks_of(LIYANG.replace("51.00万元", "54.00万元"), 2022)
    assert not [c for c in checks_of(GUANGSHUI, 2024) + checks_of(LIYANG, 2022) if c[0] == "sum"]


def test_a_heading_does_not_make_parts_of_an_amount_not_stated_as_a_total_nor_of_a_numbering_not_from_one():
    unstated = LIYANG.replace(",总支出996.8182万元。", "。")  # 预算安排 996.8182万元: not stated as a total
    assert not [s for s in _sums(unstated) if s[0] == "996.8182万元" and s[2] == "标题·分项"]
    later = GUANGSHUI.replace("(一)", "(三)").replace("(二)", "(四)")
    assert not [s for s in _sums(later) if s[0] == "221万元"]
    amount_in_heading = GUANGSHUI.replace("二、本级体育彩票公益金使用情况", "二、本级公益金使用情况(共221万元)")
    assert not [s for s in _sums(amount_in_heading) if s[0] == "221万元" and s[1] == ["198万元", "23万元"]]


# A 其中 list finds its total past the rates stated of it, numbered or not: dev r2-19 (荆州 扶贫资金,
# 资金对接率100%。其中:…) and dev r15-10 (…占总数的89.59%。其中:⏎1.…) read alike.
def test_a_numbered_qizhong_list_like_an_unnumbered_one_finds_its_total_past_its_rate():
    jingzhou = (
        "根据资金投入数对接项目28个,对接资金2052.4万元,资金对接率100%。其中:基础设施类项目15个,投入资金918.3万元;"
        "产业扶贫类项目8个,投入资金1031.3万元;教育扶贫26.7万元、扶贫小额贷款贴息9.6万元,其他项目1个66.5万元。\n"
    )
    assert [s for s in _sums(jingzhou) if s[0] == "2052.4万元"]
    sums = _sums(GUANGSHUI)
    assert ("198万元", ["151万元", "9万元", "38万元"], "如下·分项") in sums
    assert ("23万元", ["20万元", "3万元"], "如下·分项") in sums


def test_only_a_qizhong_list_looks_past_a_rate_for_its_total():
    # dev r6-16 (东阳): 完成预算的100%。项目绩效目标完成情况:一是… introduces what was done, not parts of 1050万元
    dongyang = (
        "项目全年预算数为1050万元,执行数为1050万元,完成预算的100%。项目绩效目标完成情况:"
        "一是送书下乡投入资金550万元。二是新建文化礼堂投入资金300万元。三是免费开放投入资金200万元。\n"
    )
    assert not [s for s in _sums(dongyang) if s[0] == "1050万元"]
