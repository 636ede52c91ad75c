"""A small real HTTP server on 127.0.0.1 for integration tests and benchmarks.

Routes (all GET unless said):

``/final``               200 HTML page
``/chain/N``             302 to ``/chain/N-1``; ``/chain/0`` is ``/final``
``/relative``            302 with a relative ``Location: ../final``
``/tco``                 a browser User-Agent gets a 200 page with a script redirect
                         to ``/final``; anyone else a 301
``/head405``             HEAD answers 405; GET answers 301 to ``/final``
``/meta``                200 page with ``<meta http-equiv=refresh>`` to ``/final``
``/refresh``             200 with a ``Refresh`` header to ``/final``
``/external``            a LinkedIn-style "leaving" page linking to ``/final``
``/loop/a``              302 to ``/loop/b``, which redirects back
``/status/N``            answers status N
``/flaky/KEY``           503 on the first request for KEY, then 200
``/ratelimit/KEY``       429 with ``Retry-After: 1`` the first time, then 200
``/hang``                never answers (holds the connection for a while)
``/endless``             an HTML body that never ends
``/to?url=U``            302 to U
``/cookie/set``          sets a cookie, redirects to ``/cookie/check``
``/cookie/check``        200 if the cookie came back, 400 if not
"""

from __future__ import annotations

import http.server
import ssl
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from urllib.parse import parse_qs, urlsplit

BROWSER_MARK = "Mozilla/"


class _Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    # Headers and body go out in separate writes; without this, Nagle's algorithm
    # meets the client's delayed ACK and every response waits ~40 ms.
    disable_nagle_algorithm = True
    server: _Server

    def log_message(self, format: str, *args: object) -> None:
        """Stay quiet."""

    def _send(self, status: int, body: bytes = b"", headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        all_headers = {"Content-Type": "text/html; charset=utf-8"}
        all_headers.update(headers or {})
        for name, value in all_headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _redirect(self, location: str, status: int = 302) -> None:
        self._send(status, b"<html>moved</html>", {"Location": location})

    def do_HEAD(self) -> None:
        if self.path.startswith("/head405"):
            self._send(405)
            return
        self.do_GET()

    def do_GET(self) -> None:
        self.server.hits.append(self.path)
        parts = urlsplit(self.path)
        path = parts.path
        query = parse_qs(parts.query)
        if path == "/final":
            self._send(200, b"<html><head><title>Final</title></head><body>ok</body></html>")
        elif path.startswith("/chain/"):
            left = int(path.rsplit("/", 1)[1])
            self._redirect(f"/chain/{left - 1}" if left > 0 else "/final")
        elif path == "/relative":
            self._redirect("../final")
        elif path == "/tco":
            if BROWSER_MARK in self.headers.get("User-Agent", ""):
                page = (
                    '<head><noscript><META http-equiv="refresh" content="0;URL=/final">'
                    "</noscript><title>/final</title></head><script>window.opener = null;"
                    ' location.replace("\\/final")</script>'
                )
                self._send(200, page.encode())
            else:
                self._redirect("/final", 301)
        elif path == "/head405":
            self._redirect("/final", 301)
        elif path == "/meta":
            page = '<html><head><meta http-equiv="Refresh" content="0; URL=/final"></head></html>'
            self._send(200, page.encode())
        elif path == "/refresh":
            self._send(200, b"<html></html>", {"Refresh": "0; url=/final"})
        elif path == "/external":
            page = (
                "<html><body><p>This link will take you to a page outside.</p>"
                '<a href="/final" data-tracking-control-name="external_url_click">go</a>'
                "</body></html>"
            )
            self._send(200, page.encode())
        elif path == "/loop/a":
            self._redirect("/loop/b")
        elif path == "/loop/b":
            self._redirect("/loop/a")
        elif path.startswith("/status/"):
            self._send(int(path.rsplit("/", 1)[1]), b"<html>status</html>")
        elif path.startswith("/flaky/"):
            if self.server.count(path) == 1:
                self._send(503, b"busy")
            else:
                self._send(200, b"<html>recovered</html>")
        elif path.startswith("/ratelimit/"):
            if self.server.count(path) == 1:
                self._send(429, b"slow down", {"Retry-After": "1"})
            else:
                self._send(200, b"<html>welcome back</html>")
        elif path == "/hang":
            deadline = time.monotonic() + 5
            while time.monotonic() < deadline and not self.server.stopping.is_set():
                time.sleep(0.05)
            self.close_connection = True
        elif path == "/endless":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Connection", "close")
            self.end_headers()
            self.close_connection = True
            chunk = b"<p>" + b"x" * 8192 + b"</p>\n"
            self.wfile.write(b"<html><head><title>big</title></head><body>")
            try:
                for _ in range(20_000):  # bounded: at most ~160 MB, stops when the client leaves
                    if self.server.stopping.is_set():
                        break
                    self.wfile.write(chunk)
            except OSError:
                pass
        elif path == "/to":
            self._redirect(query["url"][0])
        elif path == "/cookiestorm":
            # A redirect back to itself that sets 500 new cookies on every hop.
            hit = self.server.count(path)
            self.send_response(302)
            self.send_header("Location", "/cookiestorm")
            for n in range(500):
                self.send_header("Set-Cookie", f"k{hit}_{n}=v; Path=/")
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif path == "/cookie/set":
            self._send(302, b"", {"Location": "/cookie/check", "Set-Cookie": "seen=1; Path=/"})
        elif path == "/cookie/check":
            ok = "seen=1" in self.headers.get("Cookie", "")
            self._send(200 if ok else 400, b"<html>cookie</html>")
        else:
            self._send(404, b"<html>not found</html>")


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.hits: list[str] = []
        self.stopping = threading.Event()
        self._counts: dict[str, int] = {}
        self._lock = threading.Lock()

    def count(self, key: str) -> int:
        with self._lock:
            self._counts[key] = self._counts.get(key, 0) + 1
            return self._counts[key]


@contextmanager
def running_server(tls: ssl.SSLContext | None = None) -> Iterator[_Server]:
    """Run the test server on an ephemeral port of 127.0.0.1 until the block ends.

    With ``tls`` (a server-side context), the server speaks HTTPS.
    """
    server = _Server()
    if tls is not None:
        server.socket = tls.wrap_socket(server.socket, server_side=True)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.daemon = True
    thread.start()
    try:
        yield server
    finally:
        server.stopping.set()
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
