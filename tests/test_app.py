"""The review page driven headless through Streamlit's AppTest (REVIEW_HOME is the test's tmp_path)."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from review.claims import Claims
from review.document import Document, PageIssue
from review.pipeline import Review
from review.store import Store

from .conftest import LABELS, ROOT, SAMPLES

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


def test_upload_seed_filter_select_confirm_and_rerun(tmp_path: Path) -> None:
    at = start()
    data = (SAMPLES / SEED).read_bytes()
    upload(at, SEED, data)
    caption = " ".join(c.value for c in at.caption)
    assert "抽取方式：rules" in caption and "模型：无（离线规则）" in caption and "评分规则：报告自带打分表/默认" in caption
    assert "评价年度：2022" in caption

    frame = table(at)
    assert list(frame.columns)[:6] == ["编号", "严重程度", "问题类型", "问题", "报告值", "复核值"]
    text = data.decode("utf-8")
    spans = [tuple(map(int, re.search(r"字符 (\d+)–(\d+)", str(p)).groups())) for p in frame["位置"]]  # type: ignore[union-attr]
    for label in LABELS["documents"][SEED]["findings"]:  # every labeled discrepancy is listed
        a = text.index(label["quote"])
        b = a + len(label["quote"])
        assert any(s < b and a < e for s, e in spans), label["id"]
    assert source_html(at).count("<sup class=\"rv-id\">") >= 1

    widget(at.multiselect, "严重程度").set_value(["高"]).run()
    frame = table(at)
    assert set(frame["严重程度"]) == {"高"} and len(frame) == 2
    picker = widget(at.selectbox, "选择问题")
    assert [o.split()[0] for o in picker.options] == list(frame["编号"])

    unit = next(str(r["编号"]) for _, r in frame.iterrows() if str(r["问题类型"]).startswith("单位"))
    picker.set_value(unit).run()
    src = source_html(at)
    assert 'rv-high rv-selected' in src and "617705万元</mark>" in src
    assert "单位" in card_html(at) and "计算过程" in card_html(at)

    widget(at.radio, "审核结论").set_value("确认")
    widget(at.text_input, "审核人").input("张三")
    widget(at.text_area, "审核意见").input("应为617705元，单位写错")
    next(b for b in at.button if b.label == "保存").click().run()
    assert not at.exception
    assert any(f"已保存：{unit} 确认" in s.value for s in at.success)
    frame = table(at)
    assert frame.loc[frame["编号"] == unit, "审核结论"].item() == "确认"
    assert "审核结论确认" in card_html(at).replace("</span>", "")
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


def test_decision_without_reviewer_is_refused(tmp_path: Path) -> None:
    at = upload(start(), SEED, (SAMPLES / SEED).read_bytes())
    next(b for b in at.button if b.label == "保存").click().run()
    assert any("请填写审核人" in e.value for e in at.error)
    assert set(table(at)["审核结论"]) == {"未审核"}


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
    assert 'rv-selected' in source_html(reloaded)


def test_report_text_is_escaped_on_the_page() -> None:
    text = ("<script>alert('x')</script>本部门2022年度预算安排6024.595024万元，总体执行3789.9671万元，"
            "预算执行率56%<img src=x onerror=alert(1)>。\n")
    at = upload(start(), "<b>恶意</b>.txt", text.encode())
    for h in at.html:
        assert "<script" not in h.value and "<img" not in h.value and "<b>" not in h.value
    assert "&lt;script&gt;" in source_html(at) and "&lt;img src=x onerror=alert(1)&gt;" in source_html(at)
    assert all("<b>" not in s.value for s in at.subheader)


def test_an_incomplete_review_says_what_was_not_read() -> None:
    home = Path(os.environ["REVIEW_HOME"])
    doc = Document(path="扫描件.pdf", sha256="a" * 64, source_format="pdf", text="第一页文字。\n",
                   unread_pages=(PageIssue(page=2, reason="没有文字层（可能是扫描件）"),))
    review = Review(document=doc, claims=Claims(), findings=(), status="incomplete",
                    notes=("第2页未读取：没有文字层（可能是扫描件）",))
    from review import __version__

    rid = Store(home / "review.sqlite3").save_review(review, name="扫描件.pdf", tool_version=__version__)
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["review"] = str(rid)
    at.run()
    assert not at.exception
    warning = " ".join(w.value for w in at.warning)
    assert "复核不完整" in warning and "第2页未读取" in warning
    assert any("未发现数字或评分问题" in s.value for s in at.success)
