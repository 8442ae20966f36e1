"""The package as users get it: a wheel built from this tree, installed into a fresh virtual
environment, finds its prompts and rubric packs with no repository around it. About 10 s (marked
slow: not in `make test-fast`): pip builds the wheel in its usual isolated environment, which needs
setuptools from the package index (or pip's cache)."""

from __future__ import annotations

import json
import os
import shutil
import site
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

from tests.conftest import ROOT, SAMPLES

pytestmark = pytest.mark.slow

PROBE = """
import json, review
from review.extract.llm.prompting import load_prompt
from review.scoring.packs import bundled_packs
p = load_prompt()
print(json.dumps({"file": review.__file__, "prompt": p.version, "examples": len(p.examples),
                  "packs": [pack.id for pack in bundled_packs()]}))
"""


def run(cmd: list[str], **kw: object) -> subprocess.CompletedProcess[str]:
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=300, **kw)  # type: ignore[call-overload]
    assert proc.returncode == 0, f"{cmd}\n{proc.stdout[-2000:]}\n{proc.stderr[-2000:]}"
    return proc


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh venv with the wheel (and nothing else of this tree) installed; its dependencies come
    from the environment running the tests, so nothing is downloaded for them."""
    tmp = tmp_path_factory.mktemp("wheel")
    src = tmp / "src"  # a copy: building in the work tree would leave build/ and *.egg-info there
    src.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, src / name)
    shutil.copytree(ROOT / "review", src / "review", ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    run([sys.executable, "-m", "pip", "wheel", ".", "-w", str(tmp / "dist"), "--no-deps", "-q"], cwd=src)
    (wheel,) = (tmp / "dist").glob("jixiao_fuhe-*.whl")

    venv = tmp / "venv"
    run([sys.executable, "-m", "venv", "--system-site-packages", "--without-pip", str(venv)])
    py = venv / "bin" / "python"
    purelib = Path(run([str(py), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"]).stdout.strip())
    # the test environment's packages (pydantic, openai, ...) after the venv's own, without their
    # .pth files, so the editable install of this tree there is not seen
    ours = {sysconfig.get_path("purelib"), *site.getsitepackages()}
    (purelib / "test-deps.pth").write_text("\n".join(sorted(ours)) + "\n", encoding="utf-8")
    run([str(py), "-m", "pip", "install", "-q", "--no-deps", "--no-index", str(wheel)], cwd=tmp)
    return venv


def test_the_installed_wheel_loads_its_prompt_and_rubric_packs(installed: Path, tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("REVIEW_", "PYTHON"))}
    proc = run([str(installed / "bin" / "python"), "-I", "-c", PROBE], cwd=tmp_path, env=env)
    got = json.loads(proc.stdout)
    assert Path(got["file"]).is_relative_to(installed), got["file"]  # the wheel's copy, not this tree
    assert got["prompt"] == "extract_v1" and got["examples"] >= 2
    assert len(got["packs"]) >= 2

    env["REVIEW_HOME"] = str(tmp_path / "home")
    out = run([str(installed / "bin" / "review"), "rubrics"], cwd=tmp_path, env=env).stdout
    assert out.strip()
    seed = SAMPLES / "000_695a98b4701d5873.txt"
    doc = json.loads(
        run([str(installed / "bin" / "review"), "check", str(seed), "--format", "json"], cwd=tmp_path, env=env).stdout
    )
    assert doc["documents"][0]["status"] == "complete"
