"""A scripted OpenAI-compatible server on 127.0.0.1 for tests: the real `openai` client talks HTTP
to it. Each POST /v1/chat/completions takes the next scripted response from a queue (or asks a
responder function), and every request is recorded."""

from __future__ import annotations

import json
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass
class Scripted:
    """One HTTP response: status, JSON body (or raw bytes), headers, and a delay before answering."""

    status: int = 200
    body: Any = None
    raw: bytes | None = None
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0


def chat(content: str, *, tokens_in: int = 100, tokens_out: int = 40, finish: str = "stop") -> Scripted:
    return Scripted(
        body={
            "id": "chatcmpl-test",
            "object": "chat.completion",
            "created": int(time.time()),
            "model": "scripted",
            "choices": [{"index": 0, "message": {"role": "assistant", "content": content}, "finish_reason": finish}],
            "usage": {
                "prompt_tokens": tokens_in,
                "completion_tokens": tokens_out,
                "total_tokens": tokens_in + tokens_out,
            },
        }
    )


def error(status: int, message: str = "error", headers: dict[str, str] | None = None) -> Scripted:
    return Scripted(
        status=status, body={"error": {"message": message, "type": "error", "code": None}}, headers=headers or {}
    )


def relations(*rels: dict[str, Any]) -> str:
    return json.dumps({"relations": list(rels)}, ensure_ascii=False)


def num(quote: str, value: float) -> dict[str, Any]:
    return {"quote": quote, "value": value}


Responder = Callable[[dict[str, Any]], Scripted]


class ScriptedServer:
    """`with ScriptedServer() as srv:` … `srv.base_url`, `srv.enqueue(...)`, `srv.requests`."""

    def __init__(self) -> None:
        self.queue: deque[Scripted] = deque()
        self.responder: Responder | None = None
        self.requests: list[dict[str, Any]] = []
        self._lock = threading.Lock()
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - stdlib signature
                pass

            def do_GET(self) -> None:  # noqa: N802 - stdlib name
                self._send(Scripted(body={"object": "list", "data": [{"id": "scripted", "object": "model"}]}))

            def do_POST(self) -> None:  # noqa: N802 - stdlib name
                length = int(self.headers.get("content-length", 0))
                body = json.loads(self.rfile.read(length).decode("utf-8") or "{}")
                with server._lock:
                    server.requests.append(body)
                    if server.queue:
                        scripted = server.queue.popleft()
                    elif server.responder is not None:
                        scripted = server.responder(body)
                    else:
                        scripted = error(500, "scripted server: no response left in the queue")
                if scripted.delay:
                    time.sleep(scripted.delay)
                self._send(scripted)

            def _send(self, s: Scripted) -> None:
                payload = s.raw if s.raw is not None else json.dumps(s.body, ensure_ascii=False).encode("utf-8")
                try:
                    self.send_response(s.status)
                    self.send_header("content-type", "application/json")
                    self.send_header("content-length", str(len(payload)))
                    for k, v in s.headers.items():
                        self.send_header(k, v)
                    self.end_headers()
                    self.wfile.write(payload)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (timeout test)

        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._httpd.daemon_threads = True
        # shutdown() waits for the serve loop's next poll: 0.05 s instead of the default 0.5 s per test
        self._thread = threading.Thread(target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self._httpd.server_address[1]}/v1"

    def enqueue(self, *responses: Scripted) -> ScriptedServer:
        with self._lock:
            self.queue.extend(responses)
        return self

    def modes(self) -> list[str]:
        """The structured-output mode of each recorded request, as review.extract.llm.client names them."""
        out = []
        for r in self.requests:
            rf = r.get("response_format") or {}
            out.append(
                "json_schema"
                if rf.get("type") == "json_schema"
                else "json_object_schema"
                if "schema" in rf
                else rf.get("type", "none")
            )
        return out

    def __enter__(self) -> ScriptedServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()
