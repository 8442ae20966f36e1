"""Line breaks inside a sentence of text pasted from a PDF are left out of the view the readers read
(review.extract.view.wrapped_breaks): r11-05 (中央水利建設投資統計月報, traditional, wrapped at the margin)
and r3-08 (a page break with its page number inside 补助)."""

from review.extract.view import View, wrapped_breaks
from tests.conftest import checks_of

R11_05 = (
    "      2017 年已安排中央財政水利發展資金 662.5 億元,地方已\n"
    "分解用於水利建設的資金有 625.7 億元。其中,災後水利薄弱環\n"
    "節建設(中小河流治理、小型病險水庫除險加固)207.6 億元,\n"
    "小型水庫建設 10.1 億元,中小河流治理重點縣綜合整治 22.1 億\n"
    "元,水資源監控能力建設 6.1 億元,農田水利建設 218.0 億元,\n"
    "水土保持工程建設(含淤地壩治理)25.6 億元,河湖水系連通\n"
    "工程等水利建設項目 136.2 億元。地方已安排資金 127.9 億元。\n"
)
R3_08 = "2017年区域协作经费市级财政实际到位资金613万元,补\n\n1\n\n助情况:(1)援宁经费50万元。"


def test_a_word_a_unit_and_a_clause_broken_over_lines_read_whole() -> None:
    text = View.of(R11_05).text
    assert "地方已分解用于水利建设的资金有 625.7 亿元" in text
    assert "灾后水利薄弱环节建设" in text
    assert "22.1 亿元,水资源" in text  # 億⏎元: the unit goes on
    assert "207.6 亿元,小型水库建设" in text  # a line ending in a comma goes on


def test_a_page_number_left_inside_a_word_is_left_out_with_the_break() -> None:
    assert "资金613万元,补助情况:" in View.of(R3_08).text


def test_the_parts_of_a_wrapped_total_are_read_and_a_wrong_total_flagged() -> None:
    assert checks_of(R11_05) == []
    found = checks_of(R11_05.replace("625.7", "630.7"))
    assert found == [("sum", "地方已\n分解用於水利建設的資金有 630.7 億元")]  # the label read across the break


def test_headings_amount_ends_and_numbered_parts_are_not_wraps() -> None:
    assert wrapped_breaks("一、项目基本情况\n保山市林业和草原局是全市") == []  # no open clause
    assert wrapped_breaks("中央补助189.63万元,地方财政补助281.6万元\n一级指标 二级指标") == []  # ends in an amount
    assert wrapped_breaks("一是美丽乡村建设实施方案,实施规划的编制工作\n二是美丽乡村建设") == []  # a numbered part
    assert wrapped_breaks("一,、直达资金分配情况\n根据直达资金") == []  # a heading's stray comma


def test_offsets_map_back_to_the_source_across_a_left_out_break() -> None:
    view = View.of(R3_08)
    at = view.text.index("助情况")
    assert R3_08[view.source_offset(at) :].startswith("助情况")


def test_a_numbered_heading_with_a_comma_is_not_a_wrap() -> None:
    # seed 003: a heading line, then its paragraph
    assert (
        wrapped_breaks("（一）狠抓重大项目投资，夯实经济高质量发展硬支撑\n坚定不移把有效投资和项目建设作为稳增长的")
        == []
    )


def test_a_value_alone_on_the_next_line_goes_on_its_label() -> None:
    """r11-05: 完成率⏎74.6%; wrapped at the margin, inside a 其中 list whose second part follows; dev
    r8-01 (部门整体支出): 自评得分⏎90 分, — the value closes its clause on the next line."""
    r11_05 = (
        "      重大水利工程已完成年度中央水利投資計劃 746.4 億元,投\n\n"
        "資完成率為 62.4%。其中,完成中央投資 447.5 億元,完成率\n"
        "74.6%;完成地方投資 298.9 億元,完成率 50.1%。\n"
    )
    assert "完成率74.6%;完成地方投资" in View.of(r11_05).text
    assert checks_of(r11_05) == []
    assert [c for c, _ in checks_of(r11_05.replace("298.9", "301.9"))] == ["sum"]
    assert "自评得分90 分,存在" in View.of("本部门对\n2017 年整体支出开展绩 效自评,自评得分\n90 分,存在的问题:").text
    # a number that opens a new statement is not a value left over from the line before
    assert wrapped_breaks("严格按照国库集中支付制度有关规定支信资金,确保资金拨付合规\n\n10 资金项目支付进度") == []
