"""Score statements in prose and score tables (check: score)."""

from tests.conftest import checks_of, review_text

OUTPUT = (
    "（1）产出指标完成情况分析。\n"
    "产出指标应得分40分，实际得分40分，具体情况如下：\n"
    "数量指标, 征地面积年初目标值3000亩，实际完成值3000亩，应得4分，实际得4分； "
    "覆盖村数量年初目标值28个村，应得5分，实际得5分；"
    "行动次数应得5分，实际得5分。措施数量应得5分，实际得5分。\n"
    "   成本指标，项目超概算比例年初目标值≤10%，实际完成值10%，应得18分，实际得18分。\n"
    "质量指标，垃圾清理工作完成率年初目标值≥90%，实际完成值90%，应得3分，实际得3分。\n"
    "（2）效益指标完成情况分析。\n"
    "项目建设带动经济增长率，带动经济增长率，应得20分，实际得20分，带动就业增长率，应得2分，实际得2分。\n"
)


def test_consistent_prose_scores():
    assert checks_of(OUTPUT, 2021) == []


def test_score_above_weight():
    text = OUTPUT.replace("应得3分，实际得3分", "应得3分，实际得6分")
    found = checks_of(text, 2021)
    assert ("score", "实际完成值90%，应得3分，实际得6分") in found
    assert ("score", "产出指标应得分40分，实际得分40分") in found  # 4+5+5+5+18+6 = 43


def test_full_category_despite_a_lost_point():
    text = OUTPUT.replace("应得2分，实际得2分", "应得2分，实际得1分")
    (f,) = review_text(text, 2021).findings
    assert (f.check, f.severity, f.quote) == ("score", "medium", "带动就业增长率，应得2分，实际得1分")


TABLE = (
    "附件\n\n\t县级部门整体绩效自评打分表\n\n\t一级指标\n\t二级指标\n\t三级指标\n\t指标分值\n\t自评打分\n\n"
    "\t部门预算项目绩效管理（70分）\n\t目标管理（40分）\n\t目标制定\n\t20\n\t20\n\n"
    "\t\n\t\n\t目标实现\n\t20\n\t18\n\n"
    "\t\n\t动态调整（30分）\n\t支出控制\n\t20\n\t20\n\n"
    "\t\n\t\n\t执行进度\n\t10\n\t7\n\n"
    "\t绩效结果应用（30分）\n\t信息公开（30分）\n\t自评公开\n\t30\n\t30\n\n"
    "\t扣分项（10分）\n\t10\n\t0\n\n"
    "\t部 门 整 体 自 评 得 分\n\t95\n"
)


def test_consistent_table():
    assert [c for c, _ in checks_of(TABLE, 2023) if c == "score"] == []


def test_table_cap_total_and_grade_change():
    bad_cap = TABLE.replace("动态调整（30分）", "动态调整（25分）")
    assert ("score", "动态调整（25分）") in checks_of(bad_cap, 2023)
    bad_total = TABLE.replace("\t95\n", "\t89\n")
    (f,) = [f for f in review_text(bad_total, 2023).findings if f.check == "score"]
    assert f.quote.endswith("89") and "95" in f.message
    deduction = TABLE.replace("\t10\n\t0\n", "\t10\n\t6\n")
    (g,) = [f for f in review_text(deduction, 2023).findings if f.check == "score"]
    assert "改变等级：优 → 良" in g.message or "89" in g.message


def test_grade_band_mismatch():
    text = "经评价，部门整体支出绩效自评综合得分85分，评价等级为优。"
    found = checks_of(text, 2022)
    assert ("score", "等级为优") in found
    assert checks_of(text.replace("85分", "95分"), 2022) == []
