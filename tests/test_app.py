"""The review page driven headless through Streamlit's AppTest (REVIEW_HOME is the test's tmp_path)."""

from __future__ import annotations

import html
import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from review.core.claims import Claims, Unread
from review.core.document import Document, PageIssue
from review.pipeline import Review
from review.review_key import ReviewOptions
from review.store.reviews import Store
from tests.conftest import LABELS, ROOT, SAMPLES

from .llm_server import ScriptedServer, chat, error, num, relations

APP = str(ROOT / "app.py")
SEED = "000_695a98b4701d5873.txt"


def start() -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    assert not at.exception
    return at


def upload(at: AppTest, name: str, data: bytes, mime: str = "text/plain") -> AppTest:
    at.file_uploader[0].upload(name, data, mime)
    at.run()
    assert not at.exception, at.exception
    return at


def widget(elements: object, label: str) -> object:
    matches = [w for w in elements if w.label == label]  # type: ignore[attr-defined]
    assert len(matches) == 1, f"{label}: {len(matches)} widgets"
    return matches[0]


def table(at: AppTest):  # type: ignore[no-untyped-def]
    return at.dataframe[0].value


def source_html(at: AppTest) -> str:
    return next(h.value for h in at.html if 'class="rv-src"' in h.value)


def card_html(at: AppTest) -> str:
    return next(h.value for h in at.html if 'class="rv-card"' in h.value)


def card_field(at: AppTest, key: str) -> str:
    """A field of the finding card, as the reviewer reads it."""
    card = card_html(at)
    m = re.search(rf'<span class="rv-k">{key}</span><span>(.*?)</span>', card) or re.search(
        rf'<div class="rv-k">{key}</div><pre>(.*?)</pre>', card, re.S
    )
    assert m is not None, key
    return html.unescape(m.group(1))


def test_upload_seed_filter_select_confirm_and_rerun(tmp_path: Path) -> None:
    at = start()
    data = (SAMPLES / SEED).read_bytes()
    upload(at, SEED, data)
    caption = " ".join(c.value for c in at.caption).replace("\\", "")
    assert "抽取方式：rules" in caption and "模型：无（离线规则）" in caption
    assert "评分规则：报告自带分值（没有适用于此报告" in caption
    assert "评价年度：2022" in caption

    frame = table(at)
    assert list(frame.columns)[:6] == ["编号", "严重程度", "问题类型", "问题", "报告值", "复核值"]
    picker = widget(at.selectbox, "选择问题")
    quotes = []
    for option in picker.options:  # every listed finding can be selected and shows its source
        widget(at.selectbox, "选择问题").set_value(option.split()[0]).run()
        quotes.append(card_field(at, "原文"))
        assert "rv-selected" in source_html(at)
    for label in LABELS["documents"][SEED]["findings"]:  # every labeled discrepancy is among them
        assert any(q in label["quote"] or label["quote"] in q for q in quotes), label["id"]
    assert source_html(at).count('<sup class="rv-id">') >= 1

    widget(at.pills, "严重程度").set_value(["高"]).run()
    frame = table(at)
    assert set(frame["严重程度"]) == {"高"} and len(frame) == 2
    picker = widget(at.selectbox, "选择问题")
    assert [o.split()[0] for o in picker.options] == list(frame["编号"])

    unit = next(str(r["编号"]) for _, r in frame.iterrows() if str(r["问题类型"]).startswith("单位"))
    picker.set_value(unit).run()
    src = source_html(at)
    assert "rv-high rv-selected" in src and "617705万元</mark>" in src
    assert card_field(at, "类型") == "单位（unit）" and "617705万元" in card_field(at, "计算过程")

    assert widget(at.radio, "审核结论").value is None  # nothing is preselected
    widget(at.radio, "审核结论").set_value("确认")
    widget(at.text_input, "审核人").input("张三")
    widget(at.text_area, "审核意见").input("应为617705元，单位写错")
    next(b for b in at.button if b.label == "保存").click().run()
    assert not at.exception
    assert any(f"已保存：{unit} 确认" in s.value for s in at.success)
    frame = table(at)
    assert frame.loc[frame["编号"] == unit, "审核结论"].item() == "确认"
    assert card_field(at, "审核结论") == "确认"
    at.run()  # a plain rerun keeps it
    assert table(at).loc[table(at)["编号"] == unit, "审核结论"].item() == "确认"

    again = upload(start(), SEED, data)  # a new session, the same file: the earlier review and decision
    assert any("已于" in i.value and "复核" in i.value for i in again.info)
    frame = table(again)
    assert frame.loc[frame["编号"] == unit, "审核结论"].item() == "确认"
    widget(again.selectbox, "选择问题").set_value(unit).run()
    log = next(d.value for d in again.dataframe if "审核人" in d.value.columns)
    assert list(log["审核人"]) == ["张三"] and list(log["意见"]) == ["应为617705元，单位写错"]
    assert widget(again.text_input, "审核人").value == ""  # the name is kept per session only

    history = next(d.value for d in again.dataframe if "已确认" in d.value.columns)
    assert list(history["报告"]) == [SEED] and list(history["已确认"]) == [1]
    assert list(history["未结（含待定）"]) == [len(frame) - 1]


def test_a_decision_is_saved_only_when_chosen_and_signed(tmp_path: Path) -> None:
    at = upload(start(), SEED, (SAMPLES / SEED).read_bytes())
    assert widget(at.radio, "审核结论").value is None
    widget(at.text_input, "审核人").input("张三")
    next(b for b in at.button if b.label == "保存").click().run()  # a name but no decision chosen
    assert any("请先选择审核结论" in e.value for e in at.error)
    assert set(table(at)["审核结论"]) == {"未审核"}
    assert Store(Path(os.environ["REVIEW_HOME"]) / "review.sqlite3").history()[0].confirmed == 0
    widget(at.radio, "审核结论").set_value("驳回")
    widget(at.text_input, "审核人").input("")
    next(b for b in at.button if b.label == "保存").click().run()  # a decision but no name
    assert any("请填写审核人" in e.value for e in at.error)
    assert set(table(at)["审核结论"]) == {"未审核"}


def test_the_same_content_under_another_name_shows_the_new_name() -> None:
    data = (SAMPLES / SEED).read_bytes()
    upload(start(), "甲镇报告.txt", data)
    again = upload(start(), "甲镇报告（终稿）.txt", data)
    assert [s.value.replace("\\", "") for s in again.subheader] == ["甲镇报告（终稿）.txt"]
    # the files are built only when a download is clicked (deferred): nothing is built on a rerun
    assert all(b.proto.deferred_file_id for b in again.get("download_button"))


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("报告.pdf", "这只是文字，不是 PDF".encode(), "不是有效的 PDF 文件"),
        ("报告.docx", b"PK\x03\x04 not really a zip archive", "无法读取“报告.docx”"),
        ("报告.txt", bytes(range(256)) * 40, "不是文本文件"),
        ("空.txt", b"", "文件为空"),
    ],
)
def test_a_bad_upload_shows_an_error_not_a_traceback(name: str, data: bytes, message: str) -> None:
    at = upload(start(), name, data, "application/octet-stream")
    errors = [e.value for e in at.error]
    assert errors and message in errors[0].replace("\\", ""), errors
    assert not at.dataframe or "编号" not in at.dataframe[0].value.columns


def test_pick_a_bundled_sample_and_reopen_from_the_address(tmp_path: Path) -> None:
    at = start()
    widget(at.selectbox, "或选择示例报告").set_value("003_f5c4fd1a932a52c1.txt").run()
    assert not at.exception
    assert len(table(at)) >= 3
    review_id = at.query_params["review"]
    reloaded = AppTest.from_file(APP, default_timeout=60)
    reloaded.query_params["review"] = review_id
    reloaded.run()
    assert not reloaded.exception
    assert len(table(reloaded)) == len(table(at))
    widget(reloaded.selectbox, "选择问题").set_value("F2").run()  # stays open on later reruns
    assert "rv-selected" in source_html(reloaded)


def test_report_text_is_escaped_on_the_page() -> None:
    text = (
        "<script>alert('x')</script>本部门2022年度预算安排6024.595024万元，总体执行3789.9671万元，"
        "预算执行率56%<img src=x onerror=alert(1)>。\n"
    )
    at = upload(start(), "<b>恶意</b>.txt", text.encode())
    for h in at.html:
        assert "<img" not in h.value and "<b>" not in h.value
        # the only script on the page is our own constant scroll-into-view code
        assert "<script" not in h.value or h.value.startswith("<script>(function(){/*F"), h.value[:80]
    assert "&lt;script&gt;" in source_html(at) and "&lt;img src=x onerror=alert(1)&gt;" in source_html(at)
    assert all("<b>" not in s.value for s in at.subheader)


def test_an_incomplete_review_says_what_was_not_read() -> None:
    home = Path(os.environ["REVIEW_HOME"])
    doc = Document(
        path="扫描件.pdf",
        sha256="a" * 64,
        source_format="pdf",
        text="第一页文字。\n",
        unread_pages=(PageIssue(page=2, reason="没有文字层（可能是扫描件）"),),
    )
    review = Review(
        document=doc,
        claims=Claims(),
        findings=(),
        status="incomplete",
        notes=("第2页未读取：没有文字层（可能是扫描件）",),
    )
    rid = Store(home / "review.sqlite3").save_review(review, name="扫描件.pdf", options=ReviewOptions())
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["review"] = str(rid)
    at.run()
    assert not at.exception
    warning = " ".join(w.value for w in at.warning)
    assert "复核不完整" in warning and "第2页未读取" in warning
    assert "未发现问题，但不能视为无误" in warning and not at.success  # an empty result is not a clean report


def test_a_table_seen_but_not_read_keeps_an_empty_result_from_looking_clean() -> None:
    text = "一级指标 | 二级指标 | 三级指标 | 分值 | 得分\n产出指标 | 数量指标 | 完成率\n"
    doc = Document(path="表.txt", sha256="c" * 64, source_format="txt", text=text)
    unread = (Unread(start=text.index("分值"), end=text.index("得分") + 2, reason="评分表：读到了表头（分值、得分）"),)
    review = Review(
        document=doc, claims=Claims(unread=unread), findings=(), status="complete", notes=("未核对（第1行）：评分表",)
    )
    home = Path(os.environ["REVIEW_HOME"])
    rid = Store(home / "review.sqlite3").save_review(review, name="表.txt", options=ReviewOptions())
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["review"] = str(rid)
    at.run()
    assert not at.exception
    assert any("不能视为无误" in w.value for w in at.warning) and not at.success


MODEL_TEXT = (
    "2022年预算收入 3167.20万元，其中：一般公共预算收入1794.96万元，政府性基金收入1372.23 万元。\n"
    "项目总投资500万元，已完成投资320万元，投资完成进度为70%。\n"
)


@pytest.fixture
def model_server(monkeypatch: pytest.MonkeyPatch) -> Iterator[ScriptedServer]:
    with ScriptedServer() as server:
        for key, value in {
            "REVIEW_LLM_BASE_URL": server.base_url,
            "REVIEW_LLM_MODEL": "scripted",
            "REVIEW_LLM_OUTPUT": "json_object",
            "REVIEW_LLM_RETRIES": "0",
            "REVIEW_LLM_REASKS": "0",
            "REVIEW_LLM_CACHE": "off",
        }.items():
            monkeypatch.setenv(key, value)
        yield server


def test_a_configured_model_is_used_and_named(model_server: ScriptedServer) -> None:
    model_server.enqueue(
        chat(
            relations(
                {
                    "kind": "ratio",
                    "rate": num("投资完成进度为70%", 70),
                    "numerator": num("已完成投资320万元", 320),
                    "denominator": num("项目总投资500万元", 500),
                }
            )
        )
    )
    at = upload(start(), "项目报告.txt", MODEL_TEXT.encode())
    caption = " ".join(c.value for c in at.caption).replace("\\", "")
    assert "抽取方式：hybrid" in caption and "模型：scripted（提示词" in caption
    assert len(model_server.requests) == 1
    frame = table(at)
    assert any(str(k).startswith("比率") for k in frame["问题类型"])
    assert not at.warning


def test_a_failed_model_chunk_makes_the_review_incomplete(model_server: ScriptedServer) -> None:
    model_server.enqueue(error(500, "model crashed"))
    at = upload(start(), "项目报告.txt", MODEL_TEXT.encode())
    warning = " ".join(w.value for w in at.warning).replace("\\", "")
    assert "复核不完整" in warning and f"模型未读取 0–{len(MODEL_TEXT.rstrip())}" in warning and "HTTP 500" in warning
    assert "抽取方式：hybrid" in " ".join(c.value for c in at.caption)


def test_the_sidebar_says_which_rubric_rules_are_checked() -> None:
    rules = " ".join(m.value for m in start().sidebar.expander[0].markdown)
    assert "目标制定（10分）：满分或不得分 · 已检查" in rules
    assert "产出指标（50分）：按完成比例计分 · 仅说明（需要每个指标的指标值与实际完成值）" in rules


def test_the_upload_limit_is_ours_and_refused_in_chinese(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REVIEW_MAX_MB", "1")
    at = start()
    assert "上传上限：1 MB" in " ".join(m.value for m in at.sidebar.markdown)
    upload(at, "大报告.txt", ("预算执行率56%。" * 120_000).encode())
    assert any("超过上限 1 MB" in e.value for e in at.error)


def test_any_file_type_reaches_our_own_chinese_refusal() -> None:
    """The uploader takes every type (Streamlit's refusal is English); ours says what is wrong."""
    at = upload(start(), "报告.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "application/msword")
    errors = " ".join(e.value for e in at.error)
    assert "无法读取" in errors and "doc" in errors
    assert at.file_uploader[0].proto.type == []  # no type list for Streamlit to refuse by


def test_a_decision_whose_finding_is_gone_is_shown_as_history() -> None:
    text = (SAMPLES / SEED).read_text(encoding="utf-8")
    at = upload(start(), "中峰镇.txt", text.encode())
    picker = widget(at.selectbox, "选择问题")
    unit = next(o.split()[0] for o in picker.options if "单位" in o)
    picker.set_value(unit).run()
    widget(at.radio, "审核结论").set_value("驳回")
    widget(at.text_input, "审核人").input("张三")
    next(b for b in at.button if b.label == "保存").click().run()
    revised = upload(start(), "中峰镇.txt", text.replace("617705万元", "617705元", 1).encode())  # the slip fixed
    assert [e.label for e in revised.expander if e.label.startswith("历史审核结论")] == [
        "历史审核结论：1 条所针对的问题在本次复核中已不再出现"
    ]
    (gone,) = [d.value for d in revised.dataframe if "原编号" in d.value.columns]
    assert list(gone["原编号"]) == [unit] and list(gone["结论"]) == ["驳回"]
    assert set(table(revised)["审核结论"]) == {"未审核"}  # not moved onto another finding
