"""API keys never appear in output, logs, the databases, exports or error messages."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from review.present.export import to_csv, to_json_export, to_xlsx
from review.store.reviews import Store
from tests.conftest import SAMPLES
from tests.llm_server import ScriptedServer, chat, error, relations

ROOT = Path(__file__).resolve().parent.parent
SECRET = "sk-test-9f8e7d6c5b4a39281706"


def run_cli(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    full = {**os.environ, **env}
    return subprocess.run(
        [sys.executable, "-m", "review", *args], capture_output=True, text=True, timeout=300, cwd=ROOT, env=full
    )


def files_containing(folder: Path, needle: bytes) -> list[Path]:
    hits = []
    for path in folder.rglob("*"):
        if path.is_file() and needle in path.read_bytes():
            hits.append(path)
    return hits


def test_key_stays_out_of_output_databases_caches_and_exports(tmp_path):
    home = tmp_path / "home"
    with ScriptedServer() as srv:
        srv.responder = lambda body: chat(relations())
        env = {
            "REVIEW_HOME": str(home),
            "REVIEW_LLM_BASE_URL": srv.base_url,
            "REVIEW_LLM_MODEL": "scripted",
            "REVIEW_LLM_API_KEY": SECRET,
        }
        db = home / "review.sqlite3"
        proc = run_cli(env, "check", str(SAMPLES / "003_f5c4fd1a932a52c1.txt"), "--db", str(db), "--format", "json")
        assert proc.returncode == 0, proc.stderr
        assert srv.requests, "the model path was not used"
    assert SECRET not in proc.stdout and SECRET not in proc.stderr
    stored = Store(db).history()[0]
    review = Store(db).get_review(stored.id).review
    exports = {
        "x.xlsx": to_xlsx(review, "r", {}),
        "x.csv": to_csv(review, "r", {}),
        "x.json": to_json_export(review, {}),
    }
    for name, data in exports.items():
        (tmp_path / "exports").mkdir(exist_ok=True)
        (tmp_path / "exports" / name).write_bytes(data if isinstance(data, bytes) else bytes(data))
    assert files_containing(tmp_path, SECRET.encode()) == []


def test_key_echoed_by_a_failing_server_is_not_repeated(tmp_path):
    with ScriptedServer() as srv:
        srv.responder = lambda body: error(401, f"Incorrect API key provided: {SECRET}. You can find your API key at …")
        env = {
            "REVIEW_HOME": str(tmp_path / "home"),
            "REVIEW_LLM_BASE_URL": srv.base_url,
            "REVIEW_LLM_MODEL": "scripted",
            "REVIEW_LLM_API_KEY": SECRET,
        }
        proc = run_cli(
            env, "check", str(SAMPLES / "001_4dbd7acae204347a.txt"), "--extractor", "llm", "--format", "json"
        )
    assert SECRET not in proc.stdout and SECRET not in proc.stderr
    assert "Traceback" not in proc.stderr
    doc = __import__("json").loads(proc.stdout)["documents"][0]
    assert doc["status"] == "incomplete" and "REVIEW_LLM_API_KEY" in doc["notes"][0]
    assert files_containing(tmp_path, SECRET.encode()) == []
