"""The real page in a real browser: `streamlit run app.py` on 127.0.0.1 and Debian's chromium.

Uses the Python playwright package with executable_path=/usr/bin/chromium (installed by
`make test`); never `playwright install`. Screenshots go to the test's temporary directory.
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import ROOT, SAMPLES

pytestmark = pytest.mark.slow  # Chromium and a streamlit server: not in `make test-fast`
sync_api = pytest.importorskip("playwright.sync_api")
CHROMIUM = "/usr/bin/chromium"
if not Path(CHROMIUM).exists():
    pytest.skip("Debian chromium is not installed (make test installs it)", allow_module_level=True)

SEED = "000_695a98b4701d5873.txt"
FIRST_LOAD_MS = 60_000
STEP_MS = 30_000


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Server:
    def __init__(self, home: Path, log: Path) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/"
        env = {k: v for k, v in os.environ.items() if not k.startswith("REVIEW_LLM")}
        env["REVIEW_HOME"] = str(home)
        self.log = log
        self._log_file = log.open("wb")
        self.proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "streamlit",
                "run",
                "app.py",
                "--server.headless",
                "true",
                "--server.address",
                "127.0.0.1",
                "--server.port",
                str(self.port),
                "--browser.gatherUsageStats",
                "false",
                "--server.fileWatcherType",
                "none",
            ],
            cwd=ROOT,
            env=env,
            stdout=self._log_file,
            stderr=subprocess.STDOUT,
        )

    def wait_healthy(self, seconds: float = 60) -> None:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                pytest.fail(f"streamlit exited with {self.proc.returncode}:\n{self.log.read_text()}")
            try:
                with urllib.request.urlopen(self.url + "_stcore/health", timeout=2) as r:
                    if r.read() == b"ok":
                        return
            except OSError:
                time.sleep(0.3)
        pytest.fail(f"streamlit did not become healthy in {seconds}s:\n{self.log.read_text()}")

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(15)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(15)
        finally:
            self._log_file.close()


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("browser")


@pytest.fixture(scope="module")
def server(workdir: Path) -> Iterator[Server]:
    srv = Server(workdir / "review-home", workdir / "streamlit.log")
    try:
        srv.wait_healthy()
        yield srv
    finally:
        srv.stop()


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield b
        b.close()


@pytest.fixture
def page(browser: object) -> Iterator[object]:
    context = browser.new_context(viewport={"width": 1500, "height": 1300}, locale="zh-CN")  # type: ignore[attr-defined]
    pg = context.new_page()
    pg.set_default_timeout(STEP_MS)
    yield pg
    context.close()


def open_page(page: object, server: Server) -> None:
    page.goto(server.url, timeout=FIRST_LOAD_MS)  # type: ignore[attr-defined]
    page.locator("input[type=file]").wait_for(state="attached", timeout=FIRST_LOAD_MS)  # type: ignore[attr-defined]


def settle(page: object) -> None:
    """Wait until the script run a click started has finished (a widget changed mid-run is reset)."""
    page.wait_for_timeout(100)  # type: ignore[attr-defined]  # let the click reach the server
    page.wait_for_function(  # type: ignore[attr-defined]
        "() => document.querySelector('[data-testid=stApp]')?.dataset.testScriptState !== 'running'",
        timeout=STEP_MS,
    )


def test_upload_highlight_confirm_and_reload(page: object, server: Server, workdir: Path) -> None:
    expect = sync_api.expect
    open_page(page, server)
    page.locator("input[type=file]").set_input_files(str(SAMPLES / SEED))  # type: ignore[attr-defined]

    selected = page.locator("mark.rv-selected").first  # type: ignore[attr-defined]
    expect(selected).to_be_visible(timeout=FIRST_LOAD_MS)
    expect(selected).to_contain_text("预算执行率56%")
    marks = page.locator(".rv-src mark")  # type: ignore[attr-defined]
    assert marks.count() >= 2
    assert page.locator(".rv-src mark.rv-high").count() >= 1  # type: ignore[attr-defined]
    info = page.get_by_text(re.compile(r"抽取方式：rules · 模型：无（离线规则） · 评分规则：报告自带分值"))  # type: ignore[attr-defined]
    expect(info).to_be_visible()

    page.locator('[data-testid="stRadio"]').get_by_text("确认", exact=True).click()  # type: ignore[attr-defined]
    settle(page)  # choosing a decision reruns the page (nothing was preselected)
    reviewer = page.get_by_label("审核人", exact=True)  # type: ignore[attr-defined]
    reviewer.fill("王审计")
    reviewer.press("Enter")
    expect(reviewer).to_have_value("王审计")
    comment = page.get_by_label("审核意见", exact=True)  # type: ignore[attr-defined]
    comment.fill("执行率应为62.91%，报告写56%")
    comment.press("Control+Enter")
    page.get_by_role("button", name="保存").click()  # type: ignore[attr-defined]
    expect(page.get_by_text("已保存：F1 确认", exact=False)).to_be_visible()  # type: ignore[attr-defined]
    card = page.locator(".rv-card")  # type: ignore[attr-defined]
    expect(card).to_contain_text(re.compile(r"审核结论\s*确认"))
    page.screenshot(path=str(workdir / "review-decided.png"), full_page=True)  # type: ignore[attr-defined]

    assert "review=" in page.url  # type: ignore[attr-defined]
    page.reload(timeout=FIRST_LOAD_MS)  # type: ignore[attr-defined]
    expect(page.locator(".rv-card")).to_contain_text(re.compile(r"审核结论\s*确认"), timeout=FIRST_LOAD_MS)  # type: ignore[attr-defined]
    expect(page.get_by_text("显示当时的复核结果与审核结论", exact=False)).to_be_visible()  # type: ignore[attr-defined]
    page.screenshot(path=str(workdir / "review-reloaded.png"), full_page=True)  # type: ignore[attr-defined]

    # a new visitor opening the same file again sees the decision too
    open_page(page, server)
    page.locator("input[type=file]").set_input_files(str(SAMPLES / SEED))  # type: ignore[attr-defined]
    expect(page.locator(".rv-card")).to_contain_text(re.compile(r"审核结论\s*确认"), timeout=FIRST_LOAD_MS)  # type: ignore[attr-defined]
    assert (workdir / "review-decided.png").stat().st_size > 10_000


def test_script_and_onerror_in_a_report_are_shown_as_text(page: object, server: Server, workdir: Path) -> None:
    expect = sync_api.expect
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))  # type: ignore[attr-defined]
    report = (
        "2022年度测试单位部门整体支出绩效自评报告\n"
        "<script>window.__xss = 1; alert('script')</script>\n"
        "本部门2022年度预算安排6024.595024万元，总体执行3789.9671万元，预算执行率56%"
        "<img src=x onerror=\"window.__xss = 2; alert('img')\">。\n"
    )
    name = "<img src=x onerror=alert(3)>.txt"
    open_page(page, server)
    page.locator("input[type=file]").set_input_files(  # type: ignore[attr-defined]
        {"name": name, "mimeType": "text/plain", "buffer": report.encode("utf-8")}
    )
    source = page.locator(".rv-src")  # type: ignore[attr-defined]
    expect(source.locator("mark.rv-selected")).to_be_visible(timeout=FIRST_LOAD_MS)
    expect(source).to_contain_text("<script>window.__xss = 1; alert('script')</script>")
    expect(source).to_contain_text("<img src=x onerror=\"window.__xss = 2; alert('img')\">")
    expect(page.get_by_text(name, exact=True).first).to_be_visible()  # type: ignore[attr-defined]
    page.wait_for_timeout(1000)  # type: ignore[attr-defined]  # give any injected handler time to fire
    assert page.evaluate("window.__xss") is None  # type: ignore[attr-defined]
    assert dialogs == []
    assert page.locator("img[onerror]").count() == 0  # type: ignore[attr-defined]
    assert source.locator("script, img").count() == 0
    page.screenshot(path=str(workdir / "escaped-report.png"), full_page=True)  # type: ignore[attr-defined]


def _pick(page: object, fid: str) -> None:
    """Choose a finding in the 选择问题 box the way a reviewer does."""
    page.get_by_role("combobox", name="选择问题").click()  # type: ignore[attr-defined]
    page.get_by_role("option", name=re.compile(rf"^{fid} ")).first.click()  # type: ignore[attr-defined]


def _mark_in_view(page: object) -> bool:
    return bool(
        page.evaluate(  # type: ignore[attr-defined]
            """() => { const m = document.querySelector('.rv-src mark.rv-selected'); if (!m) return false;
                 const b = m.closest('.rv-src').getBoundingClientRect(), r = m.getBoundingClientRect();
                 return r.top >= b.top && r.bottom <= b.bottom; }"""
        )
    )


def test_the_selected_finding_is_scrolled_into_view(page: object, server: Server, workdir: Path) -> None:
    expect = sync_api.expect
    open_page(page, server)
    page.locator("input[type=file]").set_input_files(str(SAMPLES / "004_b638ef10e80c4f2a.txt"))  # type: ignore[attr-defined]
    expect(page.locator("mark.rv-selected").first).to_be_visible(timeout=FIRST_LOAD_MS)  # type: ignore[attr-defined]
    for fid in ("F3", "F1", "F2", "F3"):  # F3 sits 32 lines into its window: below the pane unless scrolled
        _pick(page, fid)
        expect(page.locator(".rv-src sup.rv-id", has_text=fid).first).to_be_attached()  # type: ignore[attr-defined]
        page.wait_for_function(  # type: ignore[attr-defined]
            """(fid) => { const m = document.querySelector('.rv-src mark.rv-selected');
                 if (!m || !(m.dataset.ids || '').split(' ').includes(fid)) return false;
                 const b = m.closest('.rv-src').getBoundingClientRect(), r = m.getBoundingClientRect();
                 return r.top >= b.top && r.bottom <= b.bottom; }""",
            arg=fid,
            timeout=STEP_MS,
        )
        assert _mark_in_view(page), fid
    page.screenshot(path=str(workdir / "scrolled.png"), full_page=True)  # type: ignore[attr-defined]


def test_no_decision_is_preselected_and_the_page_speaks_chinese(page: object, server: Server, workdir: Path) -> None:
    expect = sync_api.expect
    open_page(page, server)
    zone = page.locator('[data-testid="stFileUploaderDropzone"]')  # type: ignore[attr-defined]
    upload = zone.locator('[data-testid="stBaseButton-secondary"]')
    assert "选择文件" in upload.evaluate("b => getComputedStyle(b, '::after').content")
    assert upload.evaluate("b => getComputedStyle(b).fontSize") == "0px"  # "Upload" is not shown
    page.locator("input[type=file]").set_input_files(str(SAMPLES / "002_5363f3001aea7dc8.txt"))  # type: ignore[attr-defined]
    expect(page.locator("mark.rv-selected").first).to_be_visible(timeout=FIRST_LOAD_MS)  # type: ignore[attr-defined]
    expect(page.locator(".rv-card")).to_be_visible()  # type: ignore[attr-defined]
    radios = page.locator('[data-testid="stRadio"] input[type=radio]')  # type: ignore[attr-defined]
    expect(radios).to_have_count(3)
    assert all(not radios.nth(i).is_checked() for i in range(3))
    reviewer = page.get_by_label("审核人", exact=True)  # type: ignore[attr-defined]
    reviewer.fill("王审计")
    reviewer.press("Enter")
    page.get_by_role("button", name="保存").click()  # type: ignore[attr-defined]
    expect(page.get_by_text("请先选择审核结论", exact=False)).to_be_visible()  # type: ignore[attr-defined]
    expect(page.locator(".rv-card")).not_to_contain_text(re.compile(r"审核结论\s*确认"))  # type: ignore[attr-defined]
    for other in zone.locator("button").all():  # the file chip's buttons keep their icons, no overlay text
        if other.get_attribute("data-testid") != "stBaseButton-secondary":
            assert other.evaluate("b => getComputedStyle(b, '::after').content") in ("none", "normal")
    body = page.locator("body").inner_text()  # type: ignore[attr-defined]
    for english in ("Select all", "Browse files", "Drag and drop", "per file"):
        assert english not in body, english
    placeholders = page.locator("input[placeholder]").evaluate_all("els => els.map(e => e.placeholder)")  # type: ignore[attr-defined]
    assert not [p for p in placeholders if re.search("[A-Za-z]{3}", p)], placeholders
    page.screenshot(path=str(workdir / "decision-form.png"), full_page=True)  # type: ignore[attr-defined]
