"""Rubric packs are data: bundled packs validate, a user's pack works without code changes, an
invalid pack is a one-line error naming the file and the field."""

import json

import pytest

from review.cli import main
from review.core.errors import ConfigError
from review.pipeline import review_document
from review.scoring.packs import bundled_packs, choose_pack, load_pack, resolve_pack
from review.scoring.rule_kinds import EVALUATED
from tests.conftest import SAMPLES, doc_of

USER_PACK = {
    "id": "my-county-project",
    "version": "0.1",
    "title": "某县项目支出自评（测试）",
    "report_types": ["项目支出"],
    "grades": [
        {"name": "优", "min": 90},
        {"name": "良", "min": 80},
        {"name": "中", "min": 60},
        {"name": "差", "min": 0},
    ],
    "categories": [
        {"name": "预算执行率", "weight": 20, "rule": {"kind": "budget_execution"}},
        {"name": "产出指标", "weight": 40},
        {"name": "效益指标", "weight": 30},
        {"name": "满意度指标", "weight": 10},
    ],
}


def test_bundled_packs_validate_and_have_the_required_frameworks():
    labels = {p.label for p in bundled_packs()}
    assert "caiyu-2020-10-project@1.0" in labels
    assert "ebian-county-dept-overall-2023@2023.1" in labels
    national = resolve_pack("caiyu-2020-10-project")
    assert [(c.name, int(c.weight)) for c in national.categories] == [
        ("预算执行率", 10),
        ("产出指标", 50),
        ("效益指标", 30),
        ("满意度指标", 10),
    ]


def test_user_pack_in_a_file_is_used_without_code_changes(tmp_path):
    path = tmp_path / "my.json"
    path.write_text(json.dumps(USER_PACK, ensure_ascii=False), encoding="utf-8")
    pack = resolve_pack(str(path))
    text = (
        "项目支出绩效自评报告\n执行率为80%。\n"
        "自评得分为96分，其中预算执行20分，产出指标40分，效益指标26分，满意度指标10分。\n"
    )
    review = review_document(doc_of(text), rubric=pack)
    assert review.rubric == "my-county-project@0.1"
    (f,) = [f for f in review.findings if "budget_execution" in f.rule]
    assert f.check == "score" and f.quote.endswith("预算执行20分")
    assert "my-county-project@0.1" in f.rule and "16" in f.trace


@pytest.mark.parametrize(
    ("mutate", "field"),
    [
        (lambda p: p.pop("version"), "version"),
        (lambda p: p["categories"][1].update(weight=45), "categories"),
        (lambda p: p["categories"][0]["rule"].update(kind="magic"), "categories.0.rule.kind"),
        (lambda p: p.update(grades=list(reversed(p["grades"]))), "grades"),
    ],
)
def test_invalid_pack_is_a_one_line_error_naming_file_and_field(tmp_path, mutate, field):
    pack = json.loads(json.dumps(USER_PACK))
    mutate(pack)
    path = tmp_path / "broken.json"
    path.write_text(json.dumps(pack, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(ConfigError) as exc:
        load_pack(path)
    message = str(exc.value)
    assert "\n" not in message and "broken.json" in message
    assert field.split(".")[0] in message or "categories weigh" in message or "grades" in message


def test_not_json_and_unknown_name():
    with pytest.raises(ConfigError, match="未知的评分标准"):
        resolve_pack("no-such-pack")


def test_pack_is_chosen_from_the_title():
    assert choose_pack("2021年度某县项目支出绩效自评报告\n")[0].id == "caiyu-2020-10-project"
    ebian = "平等乡人民政府部门整体绩效自评报告\n根据《峨边彝族自治县财政局关于开展…》"
    assert choose_pack(ebian)[0].id == "ebian-county-dept-overall-2023"
    assert choose_pack("巨鹿镇人民政府部门整体支出绩效评价报告\n")[0] is None  # another county
    assert choose_pack("工作总结\n")[0] is None


def test_report_table_checked_against_the_pack():
    text = (
        "某乡部门整体绩效自评报告\n峨边彝族自治县\n\n附件\n\n\t打分表\n\n\t一级指标\n\t二级指标\n\t三级指标\n\t分值\n\t得分\n\n"
        "\t部门预算项目绩效管理（70分）\n\t目标管理（40分）\n\t目标制定\n\t40\n\t40\n\n"
        "\t\n\t完成结果（30分）\n\t资金结余率\n\t30\n\t30\n\n\t绩效结果应用（30分）\n\t内部应用（30分）\n\t预算挂钩\n\t30\n\t28\n\n"
        "\t自评得分\n\t98\n"
    )
    auto = review_document(doc_of(text))
    assert auto.rubric == "" and "不符" in auto.rubric_note  # too far from the pack to apply it unasked
    review = review_document(doc_of(text), rubric=resolve_pack("ebian-county-dept-overall-2023"))
    assert review.rubric.startswith("ebian-county-dept-overall-2023")
    weights = [f for f in review.findings if "rubric.weight" in f.rule]
    assert {f.quote for f in weights} == {"完成结果（30分）", "内部应用（30分）", "目标制定", "资金结余率", "预算挂钩"}
    assert all(f.severity == "high" for f in weights)


def test_every_bundled_rule_is_checked_or_marked_as_only_described():
    for pack in bundled_packs():
        rules = pack.rules()
        assert rules, pack.label
        for node, rule in rules:
            assert rule.evaluated is (rule.kind in EVALUATED), (pack.label, node.name)
    ebian = resolve_pack("ebian-county-dept-overall-2023")
    assert [n.name for n, _ in ebian.rules()][:3] == [
        "目标制定",
        "目标制定（编制质量）",
        "目标实现",
    ]  # the pack's order
    assert ebian.rules()[-1][0].name == "扣分项" and ebian.rules()[-1][0].deduction


def _pack_with_rule(tmp_path, rule):
    pack = json.loads(json.dumps(USER_PACK))
    pack["categories"][1]["rule"] = rule
    path = tmp_path / "rule.json"
    path.write_text(json.dumps(pack, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("rule", "says"),
    [
        ({"kind": "bogus"}, "未知的计分规则 'bogus'"),
        (
            {"kind": "proportional"},
            '没有检查计算（需要每个指标的指标值与实际完成值，尚无抽取）；只作说明请写 "evaluated": false',
        ),
        ({"kind": "budget_execution", "evaluated": False}, "由检查计算"),
        ({"kind": "qualitative", "bands": [[0.8, 0.6]]}, "qualitative 的 bands"),
        ({"kind": "per_item_deduction", "per_item": 0}, "per_item 应为正数"),
    ],
)
def test_a_rule_no_check_evaluates_is_refused_on_load(tmp_path, rule, says):
    path = _pack_with_rule(tmp_path, rule)
    with pytest.raises(ConfigError) as exc:
        load_pack(path)
    message = str(exc.value)
    assert "\n" not in message and "rule.json" in message and "categories.1.rule" in message and says in message


def test_a_described_rule_loads_and_is_shown_as_not_checked(tmp_path):
    pack = load_pack(_pack_with_rule(tmp_path, {"kind": "proportional", "evaluated": False}))
    ((_, rule),) = [(n, r) for n, r in pack.rules() if n.name == "产出指标"]
    assert rule.checked == "仅说明（需要每个指标的指标值与实际完成值）"
    assert pack.rules()[0][1].checked == "已检查"


def test_cli_refuses_a_pack_with_an_unknown_rule_in_one_line(tmp_path, capsys):
    path = _pack_with_rule(tmp_path, {"kind": "magic"})
    assert main(["check", str(SAMPLES / "000_695a98b4701d5873.txt"), "--rubric", str(path)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("review: ") and "未知的计分规则 'magic'" in err[0]


def test_review_rubrics_shows_which_rules_are_checked(capsys):
    assert main(["rubrics"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("caiyu-2020-10-project@1.0\t项目支出\t")
    assert "  预算执行率\t10分\tbudget_execution（预算执行率计分）\t已检查" in out
    assert "  支出控制\t10分\tdeviation_bands（按偏差档次计分）\t仅说明（需要年初预算数与决算支出数的偏差）" in out
    assert "  扣分项\t10分\tper_item_deduction（按问题个数扣分）\t已检查" in out


def test_indicator_rules_hold_the_extracted_score_table_to_the_pack():
    text = (
        "某乡部门整体绩效自评报告\n峨边彝族自治县\n\n附件\n\n\t打分表\n\n\t一级指标\n\t二级指标\n\t三级指标\n\t分值\n\t得分\n\n"
        "\t部门预算项目绩效管理（70分）\n\t目标管理（40分）\n\t目标制定\n\t10\n\t7\n\n\t目标制定（编制质量）\n\t10\n\t8\n\n"
        "\t目标实现\n\t10\n\t9\n\n\t完成结果（10分）\n\t资金结余率\n\t5\n\t5\n\n\t违规记录\n\t5\n\t4.7\n\n"
        "\t绩效结果应用（30分）\n\t信息公开（10分）\n\t自评公开\n\t10\n\t10\n\n\t自评得分\n\t98\n"
    )
    review = review_document(doc_of(text), rubric=resolve_pack("ebian-county-dept-overall-2023"))
    ruled = {(f.rule.split("（")[0], f.quote, f.severity) for f in review.findings if "rubric.weight" not in f.rule}
    assert {
        r for r in ruled if r[0] in ("rubric.all_or_nothing", "rubric.per_item_deduction", "rubric.qualitative")
    } == {
        ("rubric.all_or_nothing", "目标制定", "medium"),  # 7 of 10: the rule gives 0 or 10
        ("rubric.per_item_deduction", "违规记录", "medium"),  # 4.7: no whole number of 0.5-point deductions
    }  # 目标实现 9 of 10 is share_met, only described: not checked
