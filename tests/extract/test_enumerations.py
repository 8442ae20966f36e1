"""Counts stated right after the names they count, in the phrasings of several reports (dev corpus
r1-07, r2-03, r2-14, r5-08 and seed 003)."""

from __future__ import annotations

import pytest

from review.core.document import Document
from review.extract.rules.enumerations import extract_enumerated_counts
from review.extract.rules.scan import Scan
from review.load.texttables import text_blocks
from review.pipeline import review_document


def doc(text: str) -> Document:
    return Document(path="t.txt", sha256="0" * 64, source_format="txt", text=text, blocks=text_blocks(text))


def counts(text: str) -> list[tuple[int, str, bool, list[str]]]:
    rels = extract_enumerated_counts(Scan.of(doc(text)))
    return [(r.stated, r.wording, r.exhaustive, [text[a:b] for a, b in r.item_spans]) for r in rels]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("县政协切实履行政治协商、民主监督、参政议政三大职能。", (3, ["政治协商", "民主监督", "参政议政"])),
        ("县政协牢牢把握团结和民主两大主题，", (2, ["团结", "民主"])),
        ("本项目由基本支出和项目支出两个部分构成。", (2, ["基本支出", "项目支出"])),
        (
            "内设办公室、计划财务股、营林生产股、资源保护股4个职能股室。",
            (4, ["办公室", "计划财务股", "营林生产股", "资源保护股"]),
        ),
        ("围绕产出、效益和满意度三类指标开展自评。", (3, ["产出", "效益", "满意度"])),
        (
            "实施鼓励大众创业、促进小微企业成长、重点企业培优三项工程，",
            (3, ["鼓励大众创业", "促进小微企业成长", "重点企业培优"]),
        ),
    ],
)
def test_a_count_after_its_names(text: str, expected: tuple[int, list[str]]) -> None:
    ((stated, wording, exhaustive, items),) = counts(text)
    assert (stated, items) == expected and wording == "back_reference" and exhaustive


def test_a_wrong_count_is_a_finding_and_a_partial_list_only_bounds_it() -> None:
    wrong = "内设办公室、计划财务股、营林生产股、资源保护股5个职能股室。\n"
    findings = review_document(doc(wrong)).findings
    assert [(f.check, f.severity) for f in findings] == [("count", "medium")] and "4" in findings[0].message
    partial = "设有信用建设科、资环能源科、价格收费管理科等12个科室。\n"
    assert counts(partial) == [(12, "back_reference", False, ["信用建设科", "资环能源科", "价格收费管理科"])]
    assert review_document(doc(partial)).findings == ()
    too_many = "设有信用建设科、资环能源科、价格收费管理科等2个科室。\n"
    assert [f.check for f in review_document(doc(too_many)).findings] == ["count"]


@pytest.mark.parametrize(
    "text",
    [
        "修建道路3.5公里、修建4个停车场。",  # clauses with numbers, not a list of names
        "完成年度任务、提升服务水平，共三项工程。",  # the count is not right after the names
        "三大职能得到履行。",  # no names before it
    ],
)
def test_sentences_that_only_look_like_lists_are_not_counted(text: str) -> None:
    assert counts(text) == []


@pytest.mark.parametrize(
    ("text", "stated", "items"),
    [
        # r2-03 with its 两 seeded to 一 (two phrasings of one report) and r1-07's list read as one
        ("县政协牢牢把握团结和民主一大主题，", 1, ["团结", "民主"]),
        ("本项目由基本支出和项目支出一个部分构成。", 1, ["基本支出", "项目支出"]),
        ("围绕产出、效益和满意度一类指标认真开展自查自评工作，", 1, ["产出", "效益", "满意度"]),
        # a count in two Chinese numerals (r2-14's list of offices, written as 十二)
        ("内设办公室、人事股、财计股、法规股十二个股室。", 12, ["办公室", "人事股", "财计股", "法规股"]),
    ],
)
def test_a_count_of_one_or_in_two_numerals_is_read_as_written(text: str, stated: int, items: list[str]) -> None:
    ((got, wording, _exhaustive, named),) = counts(text)
    assert (got, named, wording) == (stated, items, "back_reference")


def test_names_said_to_be_one_are_a_finding() -> None:
    findings = review_document(doc("本项目由基本支出和项目支出一个部分构成。\n")).findings
    assert [(f.check, f.stated.display if f.stated else "") for f in findings] == [("count", "1")]


R5_04 = (
    "三批项目涉及临城镇(北驾廻村、陈家崇村、磁窑沟村、南驾廻村、中驾廻村)、黑城镇(王家庄村)、"
    "石城乡(王家辉村、石匣沟村、安上村)、郝庄镇(官都村)、赵庄乡(鸡亮村)5个乡镇11个村道路建设、道路护栏等，"
)
R1_16 = (
    "发改委内设办公室、综合科(挂区西部开发办)、固定资产投资科(挂区重点项目办、行政审批科)、"
    "体制改革科(挂推进城镇化工作办公室)、产业发展科、社会发展科、公共资源交易管理科、粮食调控管理科(挂军粮供应管理科)、"
    "信用建设科、资环能源科、价格收费管理科、价格认定科等12个科室。"
)


def test_names_with_parentheticals_are_one_name_each() -> None:
    """r1-16: 综合科(挂区西部开发办) is one office; the 、 inside its parentheses joins no offices."""
    ((stated, _wording, exhaustive, items),) = counts(R1_16)
    assert (stated, len(items), exhaustive) == (12, 12, False)
    assert items[2] == "固定资产投资科(挂区重点项目办、行政审批科)"


def test_a_second_count_counts_the_names_in_the_parentheses() -> None:
    """r5-04 and r6-09: 5 towns named, and the 11 villages named in their parentheses."""
    (towns, villages) = counts(R5_04)
    assert (towns[0], len(towns[3]), towns[3][1]) == (5, 5, "黑城镇(王家庄村)")
    assert (villages[0], len(villages[3]), villages[3][:2]) == (11, 11, ["北驾廻村", "陈家崇村"])
    assert review_document(doc(R5_04 + "\n")).findings == ()
    wrong = review_document(doc(R5_04.replace("11个村", "12个村") + "\n")).findings
    assert [(f.check, f.stated.display if f.stated else "") for f in wrong] == [("count", "12")]


def test_a_list_opened_by_a_verb_ending_in_a_joiner_starts_after_it() -> None:
    """r5-04: 涉及 opens the list (its 及 joins no names); one town before 等 is no list."""
    assert counts("一批项目涉及临城镇等八个乡镇官都村等49个村，") == []


@pytest.mark.parametrize(
    ("text", "stated", "names", "slip"),
    [
        # r12-06: no opener word; the list runs back to an ASCII comma, bracketed second names kept in their name.
        (
            "北京市文物局核定行政编制80人,共设办公室(行政审批服务处)、法制处(科研处)、研究室、申遗处、文物保护处(革命文物处)、"
            "遗产管理处、考古处、博物馆处、文物市场管理处(文博产业管理处)、安全保卫处、计划财务处、组织宣传处(人事处、对外联络处)"
            "12个内设机构。",
            12,
            12,
            ("12个内设机构", "13个内设机构"),
        ),
        # r2-03 written with ASCII commas: the list ends at the comma before its opener.
        ("县政协坚持团结和民主,切实履行政治协商、民主监督、参政议政三大职能,", 3, 3, ("三大", "四大")),
    ],
)
def test_a_list_before_its_count_runs_back_to_an_ascii_comma(text, stated, names, slip):
    found = counts(text)
    assert [(s, len(items)) for s, _, _, items in found if s == stated] == [(stated, names)]
    assert all("," not in item for _, _, _, items in found for item in items)
    findings = review_document(doc(text.replace(*slip))).findings
    assert [f.check for f in findings if f.check == "count"] == ["count"]


@pytest.mark.parametrize(
    ("text", "stated", "n"),
    [
        # r2-14's list with its count spaced off as r7-06 (内设 10 个办公室) and r7-08 (设立 8 个内设机构) write counts.
        ("内设办公室、人事股、财计股、法规股 4 个股室和直属单位。", 4, 4),
        # r1-16's closing 等 with a spaced count: still a partial list.
        ("发改委内设信用建设科、资环能源科、价格收费管理科、价格认定科等 12 个科室。", 12, 4),
    ],
)
def test_a_count_spaced_off_its_list_still_counts_it(text, stated, n):
    ((got, _, exhaustive, items),) = counts(text)
    assert (got, len(items), exhaustive) == (stated, n, "等" not in text)


@pytest.mark.parametrize(
    ("text", "stated", "names"),
    [
        # dev r17-12 (南京市): districts before 等5个区
        ("项目涉及江宁、六合、溧水、高淳、浦口等5个区,共6个项目,财政资金计划总额2200万元。", 5, 5),
        # dev r22-02 (清水县): townships before 等6乡镇, no classifier
        ("扶持秦亭镇、白驼镇、山门镇、贾川乡、白沙镇、远门镇等6乡镇、10个贫困村、347户贫困户建设花椒园1100亩。", 6, 6),
        # an unlabeled 内乡县 page: counties before 等8个县, the second list one short (等: a partial list)
        ("其中内乡县、嵩县、原阳县、清丰县、台前县、临颖县、睢县、光山县等8个县,各追加奖励2000万元;", 8, 8),
        ("叶县、内黄县、淇县、武陟县、襄城县、新县、新蔡县等8个县,各追加奖励1000万元。", 8, 7),
    ],
)
def test_places_named_before_their_count_bound_it(text, stated, names):
    ((n, wording, exhaustive, items),) = counts(text)
    assert (n, wording, exhaustive, len(items)) == (stated, "back_reference", False, names)
    assert not [f for f in review_document(doc(text), extractor="rules").findings if f.check == "count"]
    fewer = text.replace(f"等{stated}", f"等{names - 1}", 1)
    assert [f.check for f in review_document(doc(fewer), extractor="rules").findings] == ["count"]
