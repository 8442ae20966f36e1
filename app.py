"""绩效复核 — the reviewer's page: upload a report, see each discrepancy beside its source, decide, export.

Run with `make run` (serves on 127.0.0.1). Settings read here and nowhere else in the page:
REVIEW_HOME (folder of the review database, default ~/.local/share/jixiao-fuhe: review.config), the
REVIEW_LLM_* model settings (see review.extract.llm.settings; with a model the extractor is hybrid, else
rules) and REVIEW_MAX_MB (largest report accepted, default 20 MB; refused by our own check with a
Chinese message — server.maxUploadSize in .streamlit/config.toml only bounds what Streamlit itself
receives).

Layout and widgets only: reviewing is review.pipeline, storage review.store.reviews, the source view
review.present.highlight (which escapes all report text), files review.present.export. Report text reaches the
page only through st.html(escaped), st.dataframe, st.code/st.text or md_text-escaped Markdown.
"""

from __future__ import annotations

import hashlib
import logging
import os
import tempfile
import threading
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import partial
from pathlib import Path

import pandas as pd
import streamlit as st
from streamlit.runtime.scriptrunner import add_script_run_ctx, get_script_run_ctx

from review import __version__, config
from review.core.coverage import number_coverage
from review.core.errors import DocumentLoadError, ReviewError
from review.core.provenance import Extractor
from review.extract import llm
from review.load.loader import load
from review.pipeline import review_document
from review.present import export
from review.present.highlight import LEGEND, finding_card, highlight, md_text
from review.present.render import CHECK_CN, SEVERITY_CN, coverage_sentence, line_of
from review.review_key import ReviewOptions
from review.scoring.packs import bundled_packs
from review.scoring.rule_kinds import KIND_CN
from review.store.reviews import DECISION_CN, DECISION_OF_CN, Decision, Store, StoredReview, local_time

ROOT = Path(__file__).resolve().parent
SAMPLES = ROOT / "eval" / "samples"
OWN_SCORES = "报告自带分值"
NO_MODEL = "无（离线规则）"
DEFAULT_MAX_MB = 20
LONG_TEXT = 200_000  # characters of source shown at most when no finding is selected
HALF = 0.5  # below this share of its figures checked, an empty result is shown as a warning, not a success
log = logging.getLogger("review.app")


def uploader_cn(max_mb: int) -> str:
    """Streamlit's uploader speaks English ("Upload", "200MB per file"); these rules put Chinese in
    its place. Only our own constant text and a number go into the style."""
    button = '[data-testid="stFileUploaderDropzone"] [data-testid="stBaseButton-secondary"]'  # only "Upload"
    return (
        "<style>"
        f"{button}{{font-size:0}}{button}::after{{content:'选择文件';font-size:0.9rem}}"
        f'[data-testid="stFileUploaderDropzoneInstructions"]{{font-size:0}}'
        f'[data-testid="stFileUploaderDropzoneInstructions"]::after{{content:\'拖入文件或点击“选择文件”，'
        f"不超过 {int(max_mb)} MB';font-size:0.85rem;color:#6c757d}}"
        "</style>"
    )


# Scrolls the source pane to the outlined (selected) finding; constant code, no report text.
SCROLL_JS = """<script>(function(){
  function go(){var m=document.querySelector('.rv-src mark.rv-selected');if(!m)return false;
    var box=m.closest('.rv-src');if(!box)return false;
    box.scrollTop+=m.getBoundingClientRect().top-box.getBoundingClientRect().top-box.clientHeight/3;return true}
  if(!go()){var n=0,t=setInterval(function(){if(go()||++n>30)clearInterval(t)},100)}
})();</script>"""


@dataclass(frozen=True)
class Settings:
    db: Path
    max_mb: int
    extractor: Extractor  # rules, or hybrid when a model is configured
    model: str
    note: str = ""
    identity: str = ""  # model and prompt: part of the review key

    @property
    def options(self) -> ReviewOptions:
        """The review key's options for what this page runs: a stored review is reused only when
        it was made the same way (a rules review is not shown when a model is configured)."""
        return ReviewOptions(extractor=self.extractor, model=self.identity)


def _max_mb(env: Mapping[str, str]) -> int:
    raw = str(env.get("REVIEW_MAX_MB", "")).strip()
    return int(raw) if raw.isdigit() and int(raw) > 0 else DEFAULT_MAX_MB


def settings() -> Settings:
    env = os.environ
    db = config.home(env) / "review.sqlite3"
    max_mb = _max_mb(env)
    if not llm.model_configured(env):
        return Settings(db, max_mb, "rules", "")
    try:
        s = llm.load_settings(env)
        if s.provider != "local":
            s.require_endpoint()
        identity = llm.model_identity(s)
    except ReviewError as e:
        return Settings(db, max_mb, "rules", "", f"模型配置有误，本次只用离线规则：{e}")
    label = f"本地模型 {s.local_model}" if s.provider == "local" else str(s.model)
    return Settings(db, max_mb, "hybrid", label, identity=identity)


@st.cache_resource
def get_store(path: str) -> Store:
    return Store(path)


@st.cache_resource(max_entries=4, show_spinner=False)
def cached_review(db: str, review_id: int) -> StoredReview | None:
    """A stored review, parsed once: rows of `reviews` are never changed, so the id is its version.
    Keeps the last few reviews in memory instead of re-reading (and re-validating) one on every rerun."""
    return get_store(db).get_review(review_id)


@st.cache_resource(show_spinner="正在准备语言模型…")
def get_model(settings_json: str) -> llm.LLMExtractor:
    return llm.build_extractor(llm.LLMSettings.model_validate_json(settings_json))


def run_review(store: Store, cfg: Settings, path: Path, name: str) -> StoredReview | None:
    """Load and review one file with a progress bar; errors become a message on the page."""
    bar = st.progress(0.0, text="正在读取文件…")
    ctx = get_script_run_ctx()

    def progress(done: int, total: int) -> None:  # called from the extractor's worker threads
        add_script_run_ctx(threading.current_thread(), ctx)
        bar.progress(0.1 + 0.85 * done / max(total, 1), text=f"模型已读取 {done}/{total} 段")

    try:
        doc = load(path, max_bytes=cfg.max_mb * 1024 * 1024).model_copy(update={"path": name})
        if (found := store.find_review_id(doc.sha256, cfg.options)) is not None:
            bar.empty()
            return cached_review(str(cfg.db), found)
        bar.progress(0.1, text="正在抽取数字与关系、重新计算…")
        model = get_model(llm.load_settings(os.environ).model_dump_json()) if cfg.extractor != "rules" else None
        review = review_document(doc, extractor=cfg.extractor, model=model, progress=progress)
        used = next((e for e in reversed(model.ledger) if e.sha256 == doc.sha256), None) if model else None
        rid = store.save_review(
            review,
            name=name,
            options=cfg.options,
            model=f"{used.model}（提示词 {used.prompt_version}）" if used else "",
            rubric=f"{review.rubric or OWN_SCORES}（{review.rubric_note}）" if review.rubric_note else review.rubric,
        )
    except ReviewError as e:
        bar.empty()
        st.error(
            f"无法读取“{md_text(name)}”：{md_text(e.reason)}"
            if isinstance(e, DocumentLoadError)
            else f"复核失败：{md_text(str(e))}"
        )
        return None
    except Exception:  # the page never shows a traceback; the server log keeps it
        log.exception("review of %s failed", name)
        bar.empty()
        st.error("复核时发生内部错误（详情已写入服务器日志），请把该文件反馈给维护人员。")
        return None
    bar.progress(1.0, text=f"复核完成：发现 {len(review.findings)} 个问题")
    st.session_state.setdefault("_fresh", set()).add(rid)
    return cached_review(str(cfg.db), rid)


def open_upload(store: Store, cfg: Settings, name: str, data: bytes) -> StoredReview | None:
    if len(data) > cfg.max_mb * 1024 * 1024:
        st.error(
            f"“{md_text(name)}”有 {len(data) / 1048576:.1f} MB，超过上限 {cfg.max_mb} MB（可设置 REVIEW_MAX_MB）。"
        )
        return None
    found = store.find_review_id(hashlib.sha256(data).hexdigest(), cfg.options)
    if found is not None:
        cached = cached_review(str(cfg.db), found)
        return cached.model_copy(update={"name": name}) if cached else None  # shown under the name uploaded now
    with tempfile.TemporaryDirectory(prefix="review-upload-") as tmp:
        path = Path(tmp) / ("upload" + Path(name).suffix.lower()[:8])  # the name is never a path here
        path.write_bytes(data)
        return run_review(store, cfg, path, name)


def source_panel(store: Store, cfg: Settings, history_pick: int | None) -> StoredReview | None:
    """Upload, sample or history: whichever the reviewer changed last decides what is shown."""
    st.html(uploader_cn(cfg.max_mb))
    uploaded = st.file_uploader(  # no `type=`: the type is checked by content, refused in Chinese
        "上传报告（.txt / .docx / .pdf）",
        key="upload",
        help=f"不超过 {cfg.max_mb} MB；文件类型按内容识别。",
    )
    samples = sorted(p.name for p in SAMPLES.glob("*.txt")) if SAMPLES.is_dir() else []
    sample = st.selectbox("或选择示例报告", samples, index=None, placeholder="选择一份示例报告", key="sample")
    url_review = st.query_params.get("review", "")
    if "_sig" not in st.session_state and url_review.isdigit():  # a reload keeps the report open
        st.session_state["_active"], st.session_state["_url_review"] = "url", int(url_review)
    sig = {"upload": uploaded.file_id if uploaded else None, "sample": sample, "history": history_pick}
    prev = st.session_state.get("_sig", {})
    for kind, value in sig.items():
        if value is not None and value != prev.get(kind):
            st.session_state["_active"] = kind
    st.session_state["_sig"] = sig
    active = st.session_state.get("_active")
    found: StoredReview | None = None
    if uploaded is not None and active == "upload":
        return open_upload(store, cfg, Path(uploaded.name).name or "上传文件", uploaded.getvalue())
    if sample is not None and active == "sample":
        return run_review(store, cfg, SAMPLES / sample, sample)
    if history_pick is not None and active == "history":
        found = cached_review(str(cfg.db), history_pick)
    elif active == "url":
        found = cached_review(str(cfg.db), st.session_state["_url_review"])
    if found is not None:
        return found
    st.query_params.clear()
    st.info("请上传一份绩效自评报告，或选择一份示例报告。")
    return None


def header(stored: StoredReview, decided: int) -> None:
    review = stored.review
    st.subheader(md_text(stored.name))
    if stored.id not in st.session_state.get("_fresh", set()):
        st.info(f"该文件（SHA-256 相同）已于 {local_time(stored.created_at)} 复核，显示当时的复核结果与审核结论。")
    st.caption(
        f"抽取方式：{md_text(review.extractor)} · 模型：{md_text(stored.model or NO_MODEL)} · "
        f"评分规则：{md_text(stored.rubric or OWN_SCORES)} · 评价年度：{review.period or '未知'} · "
        f"工具版本：{md_text(stored.tool_version)} · 复核时间：{local_time(stored.created_at)}"
    )
    if review.status == "incomplete":
        parts = "\n".join(f"- {md_text(n)}" for n in review.notes) or "- （未说明）"
        st.warning(f"复核不完整，以下部分未读取，其中的数字没有核对：\n{parts}")
    elif review.notes:
        parts = "\n".join(f"- {md_text(n)}" for n in review.notes)
        st.info(f"读取说明（文字如何读取，及已读到但未能核对的内容），请对照原文：\n{parts}")
    cols = st.columns(5)
    counts = [sum(1 for f in review.findings if f.severity == s) for s in SEVERITY_CN]
    cols[0].metric("问题", len(review.findings))
    for col, cn, n in zip(cols[1:4], SEVERITY_CN.values(), counts, strict=True):
        col.metric(f"严重程度：{cn}", n)
    cols[4].metric("已审核", f"{decided}/{len(review.findings)}")


def on_table_select(key: str, ids_key: str, pick_key: str) -> None:
    rows = st.session_state[key].selection.rows
    ids = st.session_state.get(ids_key, [])
    if rows and rows[0] < len(ids):
        st.session_state[pick_key] = ids[rows[0]]


def findings_table(stored: StoredReview, rows: list[dict[str, object]]) -> str | None:
    """Filters, the table and the 选择问题 box; returns the selected finding id."""
    rid = stored.id
    c1, c2, c3 = st.columns(3)
    # pills, not multiselects: Streamlit's multiselect offers an English "Select all"
    sev = c1.pills(
        "严重程度", list(SEVERITY_CN.values()), selection_mode="multi", key=f"f-sev-{rid}", help="不选即全部"
    )
    kinds = sorted({str(r["问题类型"]) for r in rows})
    kind = c2.pills("问题类型", kinds, selection_mode="multi", key=f"f-kind-{rid}", help="不选即全部")
    states = [*DECISION_CN.values(), export.UNDECIDED]
    state = c3.pills("审核结论", states, selection_mode="multi", key=f"f-dec-{rid}", help="不选即全部")
    shown = export.filter_rows(rows, sev or (), kind or (), state or ())
    if not shown:
        st.info("没有符合筛选条件的问题。")
        return None
    frame = pd.DataFrame(shown)[list(export.PAGE_COLUMNS)]
    ids = [str(r["id"]) for r in shown]
    table, ids_key, pick_key = f"table-{rid}", f"table-ids-{rid}", f"pick-{rid}"
    st.session_state[ids_key] = ids
    width = {"编号": 50, "严重程度": 70, "问题类型": 130, "问题": 360, "报告值": 160, "复核值": 160, "审核结论": 70}
    st.dataframe(
        frame,
        hide_index=True,
        width="stretch",
        key=table,
        selection_mode="single-row",
        column_config={c: st.column_config.TextColumn(width=w) for c, w in width.items()},
        on_select=partial(on_table_select, table, ids_key, pick_key),
    )
    if st.session_state.get(pick_key) not in ids:
        st.session_state[pick_key] = ids[0]
    label = {str(r["id"]): f"{r['id']} [{r['严重程度']}] {r['问题类型']} — {str(r['message'])[:60]}" for r in shown}
    return st.selectbox("选择问题", ids, format_func=label.__getitem__, key=pick_key, placeholder="选择一个问题")


def save_decision(store: Store, rid: int, fid: str, k: str) -> None:
    who = str(st.session_state.get(f"who-{k}", "")).strip()
    chosen = st.session_state.get(f"dec-{k}")
    if chosen not in DECISION_OF_CN:  # nothing is preselected: a decision is always chosen by a person
        st.session_state["_flash"] = ("error", "请先选择审核结论（确认 / 驳回 / 待定）再保存。")
        return
    if not who:
        st.session_state["_flash"] = ("error", "请填写审核人后再保存。")
        return
    try:
        d = store.add_decision(
            rid,
            fid,
            DECISION_OF_CN[chosen],
            who,
            str(st.session_state.get(f"why-{k}", "")).strip(),
        )
    except ReviewError as e:
        st.session_state["_flash"] = ("error", f"保存失败：{md_text(str(e))}")
        return
    st.session_state["reviewer_name"] = who
    st.session_state[f"why-{k}"] = ""
    st.session_state["_flash"] = (
        "success",
        f"已保存：{fid} {DECISION_CN[d.decision]}（{md_text(who)}，{local_time(d.at)}）",
    )


def decision_panel(store: Store, stored: StoredReview, fid: str) -> None:
    k = f"{stored.id}-{fid}"
    log_rows = store.decisions(stored.id, fid)
    options = list(DECISION_CN.values())
    current = DECISION_CN[log_rows[-1].decision] if log_rows else None
    if current:
        st.caption(f"当前结论：{current}（{md_text(log_rows[-1].reviewer)}，{local_time(log_rows[-1].at)}）")
    st.radio("审核结论", options, index=None, key=f"dec-{k}", horizontal=True)
    st.text_input("审核人", value=st.session_state.get("reviewer_name", ""), key=f"who-{k}")
    st.text_area("审核意见", key=f"why-{k}", placeholder="说明确认或驳回的理由")
    st.button("保存", key=f"save-{k}", type="primary", on_click=save_decision, args=(store, stored.id, fid, k))
    flash = st.session_state.pop("_flash", None)
    if flash:
        (st.success if flash[0] == "success" else st.error)(flash[1])
    if log_rows:
        st.caption("审核记录（只增不改）")
        st.dataframe(pd.DataFrame(export.decision_log(log_rows)), hide_index=True, width="stretch")


def exports(stored: StoredReview, latest: dict[str, Decision]) -> None:
    """Download buttons whose files are built only when clicked (a callable, not bytes: a 19 MB
    report's workbook takes seconds, and used to be rebuilt on every rerun)."""
    review, name, model, rubric = stored.review, stored.name, stored.model, stored.rubric
    decisions = dict(latest)
    c1, c2, c3 = st.columns(3)
    c1.download_button(
        "导出 Excel（.xlsx）",
        lambda: export.to_xlsx(review, name, decisions, model=model, rubric=rubric, exported_at=datetime.now(UTC)),
        file_name=export.export_name(name, "xlsx"),
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        on_click="ignore",
    )
    c2.download_button(
        "导出 CSV",
        lambda: export.to_csv(review, name, decisions),
        file_name=export.export_name(name, "csv"),
        mime="text/csv",
        on_click="ignore",
    )
    c3.download_button(
        "导出 JSON",
        lambda: export.to_json_export(review, decisions),
        file_name=export.export_name(name, "json"),
        mime="application/json",
        on_click="ignore",
    )


def orphan_panel(store: Store, stored: StoredReview) -> None:
    """历史: decisions on findings of this document that this review no longer has — shown as
    such, never moved onto another finding."""
    gone = store.orphans(stored.id)
    if not gone:
        return
    with st.expander(f"历史审核结论：{len(gone)} 条所针对的问题在本次复核中已不再出现"):
        st.caption(
            "这些结论是在本文件的早期复核（其他工具版本或选项）中作出的；对应问题本次未报告，结论不转移到其他问题。"
        )
        st.dataframe(pd.DataFrame(export.orphan_rows(gone)), hide_index=True, width="stretch")


def review_panel(store: Store, stored: StoredReview) -> None:
    st.query_params["review"] = str(stored.id)
    review = stored.review
    latest = store.latest(stored.id)
    header(stored, sum(1 for d in latest.values() if d.decision != "pending"))
    rows = export.finding_rows(review, stored.name, latest)
    text = review.document.text
    cover = number_coverage(text, review.claims)
    st.caption(coverage_sentence(cover))
    if not rows and (review.claims.unread or review.status != "complete" or cover.share < HALF):
        st.warning(
            f"未发现问题，但不能视为无误：已识别的 {len(review.claims.relations)} 组数字关系经重新计算均成立，"
            f"而文中 {cover.found} 个数字只有 {cover.checked} 个参与了核对；"
            "上方列出的内容未能核对，未被识别的表述与表格也没有核对，请结合原文判断。"
        )
    elif not rows:
        st.success(
            f"未发现问题：已识别的 {len(review.claims.relations)} 组数字关系经重新计算均成立。"
            "未被识别的表述与表格没有核对，请结合原文判断。"
        )
    if not rows:
        with st.expander("原文"):
            if len(text) > LONG_TEXT:
                st.caption(f"原文共 {len(text)} 字，此处只显示前 {LONG_TEXT} 字。")
            st.html(highlight(text[:LONG_TEXT], ()))
    elif (fid := findings_table(stored, rows)) is not None:
        finding = next(f for f in review.findings if f.id == fid)
        left, right = st.columns([3, 2], gap="medium")
        with left:
            st.markdown("**原文定位**（所有问题按严重程度着色，选中的问题加框，其计算所用数字加下划线）")
            st.html(highlight(text, review.findings, fid))
            st.html(SCROLL_JS.replace("(function(){", f"(function(){{/*{fid}*/", 1), unsafe_allow_javascript=True)
        with right:
            decided = latest.get(fid)
            st.html(
                finding_card(
                    finding,
                    line_of(text, finding.start),
                    CHECK_CN[finding.check],
                    DECISION_CN[decided.decision] if decided else "",
                )
            )
            decision_panel(store, stored, fid)
    orphan_panel(store, stored)
    st.divider()
    exports(stored, latest)


def history_tab(store: Store) -> None:
    rows = store.history()
    if not rows:
        st.info("尚无复核记录。")
        return
    st.dataframe(pd.DataFrame(export.history_table(rows)), hide_index=True, width="stretch")
    names = {r.id: f"{r.name}（{local_time(r.created_at)}）" for r in rows}
    st.selectbox(
        "打开历史报告",
        list(names),
        index=None,
        format_func=names.__getitem__,
        placeholder="选择一份已复核的报告",
        key="history_pick",
    )


def rubric_rules() -> str:
    """Each bundled pack's indicator rules, checked (已检查) or only described (仅说明, and what is missing)."""
    lines = []
    for pack in bundled_packs():
        lines.append(f"\n**{md_text(pack.title)}**\n")
        lines += [
            f"- {md_text(n.name)}（{n.weight.normalize():f}分）：{KIND_CN[r.kind]} · {md_text(r.checked)}"
            for n, r in pack.rules()
        ]
    return "\n".join(lines)


def sidebar(cfg: Settings) -> None:
    with st.sidebar:
        st.header("运行信息")
        st.markdown(
            f"- 抽取方式：`{cfg.extractor}`\n- 模型：{md_text(cfg.model or NO_MODEL)}\n"
            "- 评分规则：按报告类型自动选择，无适用标准时用报告自带分值\n"
            f"- 上传上限：{cfg.max_mb} MB\n- 工具版本：{__version__}"
        )
        if cfg.note:
            st.warning(md_text(cfg.note))
        with st.expander("内置评分标准：哪些计分规则已检查"):
            st.markdown(rubric_rules())
        st.header("图例")
        st.html(LEGEND)


def main() -> None:
    st.set_page_config(page_title="绩效复核", page_icon="🔎", layout="wide")
    cfg = settings()
    sidebar(cfg)
    st.title("绩效复核 · 绩效自评报告数字复核")
    try:
        store = get_store(str(cfg.db))
    except ReviewError as e:
        st.error(md_text(str(e)))
        return
    tab_review, tab_history = st.tabs(["复核", "历史记录"])
    with tab_review:
        stored = source_panel(store, cfg, st.session_state.get("history_pick"))
        if stored is not None:
            review_panel(store, stored)
    with tab_history:
        history_tab(store)


main()
